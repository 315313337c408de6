package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.ExpressionType;
import dev.weft.compiler.model.Info;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a node tree to the Arazzo model, reporting what does not fit the object shapes of the version the
 * document declares (1.0.x or 1.1.x). Reusable-object references into {@code components} are resolved here.
 *
 * <p>Each object's fields are its 1.0 fields plus, in a 1.1 document, those of {@link #ADDED_IN_1_1}; in a
 * 1.0 document a 1.1 field is an unknown field whose message names the version that added it. A later
 * version's fields go in a table of their own, the same way.
 */
public final class DocumentBinder {
    /** The fields Arazzo 1.1 added, by the name of the object that has them (as {@link Fields} names it). */
    static final Map<String, Set<String>> ADDED_IN_1_1 = Map.of(
            "the document", Set.of("$self"),
            "step", Set.of("timeout", "dependsOn", "channelPath", "action", "correlationId"),
            "success action", Set.of("parameters"),
            "failure action", Set.of("parameters"),
            "payload replacement", Set.of("targetSelectorType"));

    /** The parameter locations of Arazzo 1.0, and the one 1.1 added. */
    static final Set<String> LOCATIONS = Set.of("path", "query", "header", "cookie");

    static final String QUERYSTRING = "querystring";

    /**
     * The largest {@code retryLimit} and {@code retryAfter} (seconds, 68 years): generated code holds them
     * as a {@code long} and a {@code double}, and the number must print as a Java literal.
     */
    static final long MAX_RETRY = Integer.MAX_VALUE;

    /** The largest step {@code timeout}, in milliseconds (24 days, what an {@code int} of milliseconds holds). */
    static final long MAX_TIMEOUT = Integer.MAX_VALUE;

    private final Diagnostics diagnostics;
    private Located<String> declared;
    private ArazzoVersion version = ArazzoVersion.V1_0;
    private Components components;
    private InputSchemas inputSchemas;
    /** Every Selector Object bound, by its location. */
    private final Map<Location, Selector> selectors = new LinkedHashMap<>();

    public DocumentBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Binds a document root; empty when it is not an object or its version is unsupported. */
    public Optional<ArazzoDocument> bind(Path file, Node root) {
        if (!(root instanceof Node.MapNode)) {
            diagnostics.report(Message.NOT_AN_OBJECT, root.location(), root.typeName());
            return Optional.empty();
        }
        Fields doc = Fields.of(root, "the document", diagnostics);
        declared = version(doc);
        if (declared == null) {
            return Optional.empty();
        }
        allow(doc, "the document", Set.of("arazzo", "info", "sourceDescriptions", "workflows", "components"));
        Located<String> self = self(doc);
        components = new Components(doc.raw("components"), diagnostics).binder(this);
        Node inputsSection = doc.raw("components") instanceof Node.MapNode c ? c.get("inputs") : null;
        inputSchemas = new InputSchemas(file, root, inputsSection, diagnostics);
        inputSchemas.checkComponents();
        Info info = doc.has("info") ? info(doc.raw("info")) : missing(doc, "info");
        List<SourceDescription> sources = doc.requiredList("sourceDescriptions", this::source);
        List<Workflow> workflows = doc.requiredList("workflows", this::workflow);
        var reusable = components.bindAll();
        return Optional.of(new ArazzoDocument(
                file, declared, version, self, info, sources, workflows, reusable, selectors, doc.location()));
    }

    /** The version of the document being bound; 1.0 before {@link #bind}. */
    ArazzoVersion arazzoVersion() {
        return version;
    }

    /** Whether the document being bound is at least {@code v}. */
    boolean since(ArazzoVersion v) {
        return version.atLeast(v);
    }

    /**
     * Reports the fields of {@code f} not among {@code base} nor, in a document of a version that has them,
     * among the fields later versions added to the object {@code what}.
     */
    void allow(Fields f, String what, Set<String> base) {
        Set<String> added = ADDED_IN_1_1.getOrDefault(what, Set.of());
        if (since(ArazzoVersion.V1_1)) {
            Set<String> all = new HashSet<>(base);
            all.addAll(added);
            f.allowOnly(all);
        } else {
            f.allowOnly(base, added, declared);
        }
    }

    /** A value a later version added (a parameter location, a source type): reported in older documents. */
    private boolean laterValue(Located<String> value, String what) {
        if (since(ArazzoVersion.V1_1)) {
            return true;
        }
        diagnostics.report(Message.LATER_VERSION_VALUE, value.location(), what, value.value(), "1.1", declared.value());
        return false;
    }

    /** 1.1 {@code $self}: a URI-reference (RFC 3986 §4.1) without a fragment. */
    private Located<String> self(Fields doc) {
        Located<String> self = doc.optionalString("$self");
        if (self == null || !since(ArazzoVersion.V1_1)) {
            return null;
        }
        try {
            URI uri = new URI(self.value());
            if (uri.getRawFragment() != null) {
                diagnostics.report(
                        Message.SELF_WITH_FRAGMENT, self.location(), self.value(), "#" + uri.getRawFragment());
                return null;
            }
        } catch (URISyntaxException e) {
            diagnostics.report(Message.SELF_NOT_A_URI, self.location(), self.value(), e.getReason());
            return null;
        }
        return self;
    }

    private Info missing(Fields doc, String key) {
        doc.requiredString(key);
        return null;
    }

    private Located<String> version(Fields doc) {
        Node raw = doc.raw("arazzo");
        if (raw instanceof Node.NumberNode n) {
            diagnostics.report(Message.VERSION_NOT_A_STRING, n.location());
            return null;
        }
        Located<String> version = doc.requiredString("arazzo");
        if (version == null) {
            return null;
        }
        Optional<ArazzoVersion> known = ArazzoVersion.of(version.value());
        if (known.isEmpty()) {
            diagnostics.report(Message.UNSUPPORTED_VERSION, version.location(), version.value());
            return null;
        }
        this.version = known.get();
        return version;
    }

    private Info info(Node node) {
        Fields f = Fields.of(node, "info", diagnostics);
        if (f == null) {
            return null;
        }
        f.allowOnly(Set.of("title", "summary", "description", "version"));
        Located<String> title = f.requiredString("title");
        Located<String> version = f.requiredString("version");
        return new Info(
                title == null ? null : title.value(),
                f.optionalText("summary"),
                f.optionalText("description"),
                version == null ? null : version.value(),
                f.location());
    }

    private SourceDescription source(Node node) {
        Fields f = Fields.of(node, "source description", diagnostics);
        if (f == null) {
            return null;
        }
        allow(f, "source description", Set.of("name", "url", "type"));
        Located<String> name = f.requiredString("name");
        Located<String> url = f.requiredString("url");
        Located<String> type = f.optionalString("type");
        if (type != null && type.value().equals("asyncapi") && !laterValue(type, "source description type")) {
            type = null;
        } else if (type != null && !Set.of("openapi", "arazzo", "asyncapi").contains(type.value())) {
            diagnostics.report(Message.UNKNOWN_SOURCE_TYPE, type.location(), type.value());
        }
        return name == null || url == null ? null : new SourceDescription(name, url, type, f.location());
    }

    private Workflow workflow(Node node) {
        Fields f = Fields.of(node, "workflow", diagnostics);
        if (f == null) {
            return null;
        }
        allow(
                f,
                "workflow",
                Set.of(
                        "workflowId",
                        "summary",
                        "description",
                        "inputs",
                        "dependsOn",
                        "steps",
                        "successActions",
                        "failureActions",
                        "outputs",
                        "parameters"));
        Located<String> id = f.requiredString("workflowId");
        Node inputs = f.raw("inputs");
        if (inputs != null && !(inputs instanceof Node.MapNode)) {
            diagnostics.report(Message.INPUTS_NOT_A_SCHEMA, inputs.location(), inputs.typeName());
            inputs = null;
        }
        if (inputs != null) {
            inputs = inputSchemas.workflowInputs(inputs, id == null ? "?" : id.value());
        }
        List<Located<String>> dependsOn = f.list("dependsOn", this::string);
        List<Step> steps = f.requiredList("steps", this::step);
        List<Action> success = f.list("successActions", n -> action(n, Action.Kind.SUCCESS));
        List<Action> failure = f.list("failureActions", n -> action(n, Action.Kind.FAILURE));
        Map<String, Selector> selectors = new LinkedHashMap<>();
        var outputs = outputs(f, selectors);
        List<Parameter> parameters = f.list("parameters", this::parameter);
        if (id == null) {
            return null;
        }
        return new Workflow(
                id,
                f.optionalText("summary"),
                f.optionalText("description"),
                inputs,
                dependsOn,
                steps,
                success,
                failure,
                outputs,
                parameters,
                selectors,
                f.location());
    }

    /**
     * A map of outputs: runtime expressions, and in 1.1 also Selector Objects (into {@code selectors}). A
     * selector output is in the outputs too, as its {@code context} expression, so that what reads outputs
     * (references, names, order) sees it; what computes or types an output asks {@code selectors} first. The
     * outputs keep the document's order.
     */
    private Map<String, Located<String>> outputs(Fields f, Map<String, Selector> selectors) {
        if (!since(ArazzoVersion.V1_1)) {
            return f.expressionMap("outputs");
        }
        Map<String, Located<String>> expressions = f.expressionMap("outputs", entry -> {
            if (!(entry.value() instanceof Node.MapNode)) {
                return false;
            }
            Selector s = selector(entry.value());
            if (s != null) {
                selectors.put(entry.key(), s);
            }
            return true;
        });
        if (selectors.isEmpty() || !(f.raw("outputs") instanceof Node.MapNode raw)) {
            return expressions;
        }
        Map<String, Located<String>> outputs = new LinkedHashMap<>();
        for (String key : raw.entries().keySet()) {
            if (expressions.containsKey(key)) {
                outputs.put(key, expressions.get(key));
            } else if (selectors.containsKey(key)) {
                outputs.put(key, selectors.get(key).context());
            }
        }
        return outputs;
    }

    private Located<String> string(Node node) {
        if (node instanceof Node.StringNode s) {
            return new Located<>(s.value(), s.at(0));
        }
        diagnostics.report(Message.NOT_A_STRING_ITEM, node.location(), node.typeName());
        return null;
    }

    private Step step(Node node) {
        Fields f = Fields.of(node, "step", diagnostics);
        if (f == null) {
            return null;
        }
        allow(
                f,
                "step",
                Set.of(
                        "description",
                        "stepId",
                        "operationId",
                        "operationPath",
                        "workflowId",
                        "parameters",
                        "requestBody",
                        "successCriteria",
                        "onSuccess",
                        "onFailure",
                        "outputs",
                        "channelPath",
                        "action",
                        "correlationId"));
        Located<String> id = f.requiredString("stepId");
        Located<String> operationId = f.optionalString("operationId");
        Located<String> operationPath = f.optionalString("operationPath");
        Located<String> workflowId = f.optionalString("workflowId");
        List<Parameter> parameters = f.list("parameters", this::parameter);
        RequestBody body = f.has("requestBody") ? requestBody(f.raw("requestBody")) : null;
        if (f.raw("successCriteria") instanceof Node.ListNode l && l.items().isEmpty()) {
            diagnostics.report(Message.EMPTY_SUCCESS_CRITERIA, l.location());
        }
        List<Criterion> criteria = f.list("successCriteria", this::criterion);
        List<Action> onSuccess = f.list("onSuccess", n -> action(n, Action.Kind.SUCCESS));
        List<Action> onFailure = f.list("onFailure", n -> action(n, Action.Kind.FAILURE));
        Map<String, Selector> selectors = new LinkedHashMap<>();
        var outputs = outputs(f, selectors);
        Located<Long> timeout = since(ArazzoVersion.V1_1) ? f.optionalInteger("timeout", MAX_TIMEOUT) : null;
        if (timeout != null && timeout.value() < 0) {
            diagnostics.report(
                    Message.INTEGER_OUT_OF_RANGE, timeout.location(), "timeout", "step", 0, MAX_TIMEOUT, timeout);
            timeout = null;
        }
        if (since(ArazzoVersion.V1_1)
                && f.raw("dependsOn") instanceof Node.ListNode l
                && l.items().isEmpty()) {
            diagnostics.report(Message.EMPTY_FIELD, l.location(), "dependsOn", "step");
        }
        List<Located<String>> dependsOn = since(ArazzoVersion.V1_1) ? f.list("dependsOn", this::string) : List.of();
        boolean async = since(ArazzoVersion.V1_1);
        Located<String> channelPath = async ? f.optionalString("channelPath") : null;
        Located<String> action = async ? f.optionalString("action") : null;
        if (action != null && !Set.of("send", "receive").contains(action.value())) {
            diagnostics.report(Message.UNKNOWN_STEP_ACTION, action.location(), action.value());
            action = null;
        }
        Located<String> correlationId = async ? f.optionalString("correlationId") : null;
        if (id == null) {
            return null;
        }
        return new Step(
                id,
                f.optionalText("description"),
                operationId,
                operationPath,
                workflowId,
                parameters,
                body,
                criteria,
                onSuccess,
                onFailure,
                outputs,
                timeout,
                dependsOn,
                selectors,
                channelPath,
                action,
                correlationId,
                f.location());
    }

    Parameter parameter(Node node) {
        Fields f = Fields.of(node, "parameter", diagnostics);
        if (f == null) {
            return null;
        }
        if (f.has("reference")) {
            return components.parameter(f);
        }
        allow(f, "parameter", Set.of("name", "in", "value"));
        Located<String> name = f.requiredString("name");
        Located<String> in = f.optionalString("in");
        boolean badLocation = in != null && !LOCATIONS.contains(in.value());
        if (in != null && in.value().equals(QUERYSTRING)) {
            badLocation = !laterValue(in, "parameter location");
        } else if (badLocation) {
            String hint = in.value().equals("body") ? Message.USE_REQUEST_BODY.format() : "";
            diagnostics.report(Message.UNKNOWN_PARAMETER_LOCATION, in.location(), in.value(), hint);
        }
        Node value = f.raw("value");
        if (value == null) {
            diagnostics.report(Message.PARAMETER_WITHOUT_VALUE, f.location());
        }
        // a parameter with a wrong 'in' is dropped, so later checks do not report it again as lacking one
        Selector selector = value == null ? null : selectorValue(value);
        return name == null || value == null || badLocation
                ? null
                : new Parameter(name, in, value, selector, f.location());
    }

    private RequestBody requestBody(Node node) {
        Fields f = Fields.of(node, "requestBody", diagnostics);
        if (f == null) {
            return null;
        }
        f.allowOnly(Set.of("contentType", "payload", "replacements"));
        List<RequestBody.Replacement> replacements = f.list("replacements", this::replacement);
        if (f.raw("payload") != null) {
            payloadSelectors(f.raw("payload"));
        }
        return new RequestBody(f.optionalString("contentType"), f.raw("payload"), replacements, f.location());
    }

    private RequestBody.Replacement replacement(Node node) {
        Fields f = Fields.of(node, "payload replacement", diagnostics);
        if (f == null) {
            return null;
        }
        allow(f, "payload replacement", Set.of("target", "value"));
        Located<String> target = f.requiredString("target");
        Node value = f.raw("value");
        if (value == null) {
            diagnostics.report(Message.REPLACEMENT_WITHOUT_VALUE, f.location());
        }
        ExpressionType targetType = null;
        if (since(ArazzoVersion.V1_1) && f.raw("targetSelectorType") != null) {
            targetType = expressionType(f, "targetSelectorType", SELECTOR_TYPES);
            if (targetType == null) {
                return null;
            }
        }
        Selector selector = value == null ? null : selectorValue(value);
        return target == null || value == null
                ? null
                : new RequestBody.Replacement(target, value, targetType, selector, f.location());
    }

    /** Binds the Selector Objects a payload holds, at any depth (none within a Selector Object). */
    private void payloadSelectors(Node value) {
        if (selectorValue(value) != null) {
            return;
        }
        if (value instanceof Node.MapNode map) {
            map.entries().values().forEach(e -> payloadSelectors(e.value()));
        } else if (value instanceof Node.ListNode list) {
            list.items().forEach(this::payloadSelectors);
        }
    }

    /** The selector types of a Selector Object and of {@code targetSelectorType}. */
    static final Set<String> SELECTOR_TYPES = Set.of("jsonpath", "xpath", "jsonpointer");

    /** The versions an Expression Type Object may name, by type; 1.0 has the first two lists only. */
    static final Map<String, List<String>> TYPE_VERSIONS = Map.of(
            "jsonpath", List.of("rfc9535", "draft-goessner-dispatch-jsonpath-00"),
            "xpath", List.of("xpath-31", "xpath-30", "xpath-20", "xpath-10"),
            "jsonpointer", List.of("rfc6901"));

    /** The versions 1.1 added to the 1.0 Criterion Expression Type Object. */
    static final Set<String> VERSIONS_ADDED_IN_1_1 = Set.of("rfc9535", "xpath-31", "rfc6901");

    /**
     * A value that, in a 1.1 document, is a Selector Object: an object whose fields are {@code context},
     * {@code selector} and {@code type} (and extensions). Any other value, and every value of a 1.0
     * document, is a literal.
     */
    Selector selectorValue(Node value) {
        if (!since(ArazzoVersion.V1_1) || !(value instanceof Node.MapNode map)) {
            return null;
        }
        boolean shaped = map.entries().containsKey("selector")
                && map.entries().containsKey("context")
                && map.entries().keySet().stream()
                        .allMatch(k -> k.startsWith("x-")
                                || Set.of("context", "selector", "type").contains(k));
        return shaped ? selector(value) : null;
    }

    /** A Selector Object, recorded for the document; null (reported) when it lacks a field or names an unknown type. */
    private Selector selector(Node node) {
        Selector s = boundSelector(node);
        if (s != null) {
            selectors.put(node.location(), s);
        }
        return s;
    }

    private Selector boundSelector(Node node) {
        Fields f = Fields.of(node, "selector object", diagnostics);
        if (f == null) {
            return null;
        }
        f.allowOnly(Set.of("context", "selector", "type"));
        Located<String> context = f.requiredString("context");
        Located<String> selector = f.requiredString("selector");
        ExpressionType type = null;
        if (f.raw("type") == null) {
            f.requiredString("type");
        } else {
            type = expressionType(f, "type", SELECTOR_TYPES);
        }
        return context == null || selector == null || type == null
                ? null
                : new Selector(context, selector, type, f.location());
    }

    /**
     * The field {@code key} of {@code f} as a type name among {@code names} or an Expression Type Object;
     * null (reported) when it is neither.
     */
    private ExpressionType expressionType(Fields f, String key, Set<String> names) {
        Node raw = f.raw(key);
        if (raw instanceof Node.MapNode) {
            Fields t = Fields.of(raw, "expression type object", diagnostics);
            t.allowOnly(Set.of("type", "version"));
            Located<String> type = t.requiredString("type");
            Located<String> version = t.requiredString("version");
            if (type == null || version == null) {
                return null;
            }
            if (!SELECTOR_TYPES.contains(type.value())) {
                diagnostics.report(Message.UNKNOWN_SELECTOR_TYPE, type.location(), type.value());
                return null;
            }
            if (!versionAllowed(type.value(), version)) {
                return null;
            }
            return new ExpressionType(type, version, t.location());
        }
        Located<String> type = f.optionalString(key);
        if (type == null) {
            return null;
        }
        if (!names.contains(type.value())) {
            diagnostics.report(Message.UNKNOWN_SELECTOR_TYPE, type.location(), type.value());
            return null;
        }
        return new ExpressionType(type, null, type.location());
    }

    /** Whether {@code version} is one of {@code type}'s, in the document's Arazzo version; reports if not. */
    private boolean versionAllowed(String type, Located<String> version) {
        List<String> allowed = TYPE_VERSIONS.get(type).stream()
                .filter(v -> since(ArazzoVersion.V1_1) || !VERSIONS_ADDED_IN_1_1.contains(v))
                .toList();
        if (allowed.contains(version.value())) {
            return true;
        }
        if (!since(ArazzoVersion.V1_1)
                && VERSIONS_ADDED_IN_1_1.contains(version.value())
                && TYPE_VERSIONS.get(type).contains(version.value())) {
            laterValue(version, type + " version");
            return false;
        }
        diagnostics.report(
                Message.UNKNOWN_EXPRESSION_VERSION,
                version.location(),
                version.value(),
                type,
                String.join(", ", allowed));
        return false;
    }

    Criterion criterion(Node node) {
        Fields f = Fields.of(node, "criterion", diagnostics);
        if (f == null) {
            return null;
        }
        f.allowOnly(Set.of("context", "condition", "type"));
        Located<String> condition = f.requiredString("condition");
        Located<String> context = f.optionalString("context");
        Located<String> type = null;
        Located<String> version = null;
        Node rawType = f.raw("type");
        if (rawType instanceof Node.MapNode) {
            Fields t = Fields.of(rawType, "criterion expression type", diagnostics);
            t.allowOnly(Set.of("type", "version"));
            type = t.requiredString("type");
            version = t.requiredString("version");
            if (type != null && !Set.of("jsonpath", "xpath").contains(type.value())) {
                diagnostics.report(Message.UNKNOWN_EXPRESSION_TYPE, type.location(), type.value());
                return null;
            }
        } else if (rawType != null) {
            type = f.optionalString("type");
        }
        if (type != null && !Set.of("simple", "regex", "jsonpath", "xpath").contains(type.value())) {
            diagnostics.report(Message.UNKNOWN_CRITERION_TYPE, type.location(), type.value());
            return null;
        }
        return condition == null ? null : new Criterion(context, condition, type, version, f.location());
    }

    Action action(Node node, Action.Kind kind) {
        Fields f = Fields.of(node, kind == Action.Kind.SUCCESS ? "success action" : "failure action", diagnostics);
        if (f == null) {
            return null;
        }
        if (f.has("reference")) {
            return components.action(f, kind);
        }
        return inlineAction(f, kind);
    }

    Action inlineAction(Fields f, Action.Kind kind) {
        boolean failure = kind == Action.Kind.FAILURE;
        allow(
                f,
                failure ? "failure action" : "success action",
                failure
                        ? Set.of("name", "type", "workflowId", "stepId", "criteria", "retryAfter", "retryLimit")
                        : Set.of("name", "type", "workflowId", "stepId", "criteria"));
        Located<String> name = f.requiredString("name");
        Located<String> type = f.requiredString("type");
        Set<String> types = failure ? Set.of("end", "goto", "retry") : Set.of("end", "goto");
        if (type != null && !types.contains(type.value())) {
            diagnostics.report(
                    Message.UNKNOWN_ACTION_TYPE,
                    type.location(),
                    type.value(),
                    String.join(" or ", types.stream().sorted().toList()));
            type = null;
        }
        if (f.raw("criteria") instanceof Node.ListNode l && l.items().isEmpty()) {
            if (failure) {
                // FA-6: the spec allows it, but an empty list reads like "never" and means "always"
                diagnostics.report(Message.EMPTY_FAILURE_CRITERIA, l.location());
            } else {
                diagnostics.report(Message.EMPTY_SUCCESS_ACTION_CRITERIA, l.location());
            }
        }
        List<Criterion> criteria = f.list("criteria", this::criterion);
        List<Parameter> parameters = since(ArazzoVersion.V1_1) ? f.list("parameters", this::parameter) : List.of();
        Action action = new Action(
                kind,
                name,
                type,
                f.optionalString("stepId"),
                f.optionalString("workflowId"),
                criteria,
                f.optionalNumber("retryAfter", MAX_RETRY),
                f.optionalInteger("retryLimit", MAX_RETRY),
                parameters,
                f.location());
        return name == null || type == null ? null : action;
    }
}
