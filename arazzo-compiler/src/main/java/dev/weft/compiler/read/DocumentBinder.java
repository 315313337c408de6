package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Info;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds a node tree to the Arazzo model, reporting what does not fit the 1.0.x object shapes.
 * Reusable-object references into {@code components} are resolved here.
 */
public final class DocumentBinder {
    /**
     * Arazzo 1.0.x, as the official schema's pattern has it: the specification says tooling SHOULD NOT tell
     * patch versions apart, so 1.0.2 or 1.0.1-rc1 is read as 1.0.1 is.
     */
    static final Pattern SUPPORTED_VERSIONS = Pattern.compile("1\\.[01]\\.\\d+(-.+)?");

    /**
     * The largest {@code retryLimit} and {@code retryAfter} (seconds, 68 years): generated code holds them
     * as a {@code long} and a {@code double}, and the number must print as a Java literal.
     */
    static final long MAX_RETRY = Integer.MAX_VALUE;

    private final Diagnostics diagnostics;
    private Components components;
    private InputSchemas inputSchemas;
    /** The document's {@code arazzo} version, once read. */
    private String documentVersion = "";

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
        doc.allowOnly(Set.of("arazzo", "info", "sourceDescriptions", "workflows", "components"));
        Located<String> version = version(doc);
        if (version == null) {
            return Optional.empty();
        }
        documentVersion = version.value();
        components = new Components(doc.raw("components"), diagnostics).binder(this);
        Node inputsSection = doc.raw("components") instanceof Node.MapNode c ? c.get("inputs") : null;
        inputSchemas = new InputSchemas(file, root, inputsSection, diagnostics);
        inputSchemas.checkComponents();
        Info info = doc.has("info") ? info(doc.raw("info")) : missing(doc, "info");
        List<SourceDescription> sources = doc.requiredList("sourceDescriptions", this::source);
        List<Workflow> workflows = doc.requiredList("workflows", this::workflow);
        return Optional.of(
                new ArazzoDocument(file, version, info, sources, workflows, components.bindAll(), doc.location()));
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
        if (!SUPPORTED_VERSIONS.matcher(version.value()).matches()) {
            diagnostics.report(
                    version.value().startsWith("1.1") ? Message.ARAZZO_1_1 : Message.UNSUPPORTED_VERSION,
                    version.location(),
                    version.value());
            return null;
        }
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
        f.allowOnly(Set.of("name", "url", "type"));
        Located<String> name = f.requiredString("name");
        Located<String> url = f.requiredString("url");
        Located<String> type = f.optionalString("type");
        if (type != null && type.value().equals("asyncapi") && documentVersion.startsWith("1.0")) {
            diagnostics.report(Message.ASYNCAPI_SOURCE_IN_1_0, type.location(), documentVersion);
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
        f.allowOnly(Set.of(
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
        var outputs = f.expressionMap("outputs");
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
                f.location());
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
        f.allowOnly(Set.of(
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
        var outputs = f.expressionMap("outputs");
        Located<String> channelPath = f.optionalString("channelPath");
        Located<String> action = f.optionalString("action");
        if (action != null && !Set.of("send", "receive").contains(action.value())) {
            diagnostics.report(Message.UNKNOWN_STEP_ACTION, action.location(), action.value());
            action = null;
        }
        Located<String> correlationId = f.optionalString("correlationId");
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
        f.allowOnly(Set.of("name", "in", "value"));
        Located<String> name = f.requiredString("name");
        Located<String> in = f.optionalString("in");
        boolean badLocation =
                in != null && !Set.of("path", "query", "header", "cookie").contains(in.value());
        if (badLocation) {
            String hint = in.value().equals("body") ? Message.USE_REQUEST_BODY.format() : "";
            diagnostics.report(Message.UNKNOWN_PARAMETER_LOCATION, in.location(), in.value(), hint);
        }
        Node value = f.raw("value");
        if (value == null) {
            diagnostics.report(Message.PARAMETER_WITHOUT_VALUE, f.location());
        }
        // a parameter with a wrong 'in' is dropped, so later checks do not report it again as lacking one
        return name == null || value == null || badLocation ? null : new Parameter(name, in, value, f.location());
    }

    private RequestBody requestBody(Node node) {
        Fields f = Fields.of(node, "requestBody", diagnostics);
        if (f == null) {
            return null;
        }
        f.allowOnly(Set.of("contentType", "payload", "replacements"));
        List<RequestBody.Replacement> replacements = f.list("replacements", this::replacement);
        return new RequestBody(f.optionalString("contentType"), f.raw("payload"), replacements, f.location());
    }

    private RequestBody.Replacement replacement(Node node) {
        Fields f = Fields.of(node, "payload replacement", diagnostics);
        if (f == null) {
            return null;
        }
        f.allowOnly(Set.of("target", "value"));
        Located<String> target = f.requiredString("target");
        Node value = f.raw("value");
        if (value == null) {
            diagnostics.report(Message.REPLACEMENT_WITHOUT_VALUE, f.location());
        }
        return target == null || value == null ? null : new RequestBody.Replacement(target, value, f.location());
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
        f.allowOnly(
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
        Action action = new Action(
                kind,
                name,
                type,
                f.optionalString("stepId"),
                f.optionalString("workflowId"),
                criteria,
                f.optionalNumber("retryAfter", MAX_RETRY),
                f.optionalInteger("retryLimit", MAX_RETRY),
                f.location());
        return name == null || type == null ? null : action;
    }
}
