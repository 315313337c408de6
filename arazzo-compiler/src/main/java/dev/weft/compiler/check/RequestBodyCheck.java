package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request bodies against the operation: given where it requires one, a media type that can be chosen
 * without {@code contentType} (BODY-1, D-52), none on GET, HEAD or DELETE (STEP-11), and a literal payload that
 * fits the operation's schema (issue 13, item 4).
 */
final class RequestBodyCheck implements Check {
    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE");
    private static final String REQUEST_BODIES = "#/components/requestBodies/";

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                if (step.workflowId() == null) {
                    document.target(workflow, step).ifPresent(op -> check(step, op, diagnostics));
                }
            }
        }
    }

    private static void check(Step step, OperationRef op, Diagnostics diagnostics) {
        RequestBody body = step.requestBody();
        var declared = op.operation().getRequestBody();
        Content content = content(op);
        boolean sends =
                body != null && (body.payload() != null || !body.replacements().isEmpty());
        if (!sends) {
            if (declared != null && Boolean.TRUE.equals(declared.getRequired())) {
                diagnostics.report(
                        Message.MISSING_REQUEST_BODY,
                        body != null ? body.location() : step.stepId().location(),
                        op.display(),
                        step.id());
            }
            return;
        }
        if (BODYLESS.contains(op.method())) {
            diagnostics.report(Message.DISCOURAGED_REQUEST_BODY, body.location(), step.id(), op.method());
        }
        if (body.contentType() == null) {
            contentType(step, body, op, content, diagnostics);
        }
        literal(step, body, op, content, diagnostics);
    }

    /** The operation's request media types, through a {@code #/components/requestBodies/} reference. */
    private static Content content(OperationRef op) {
        io.swagger.v3.oas.models.parameters.RequestBody declared =
                op.operation().getRequestBody();
        for (int hops = 0; declared != null && declared.get$ref() != null && hops < 8; hops++) {
            String ref = declared.get$ref();
            var bodies = op.api().getComponents() == null
                    ? null
                    : op.api().getComponents().getRequestBodies();
            declared = bodies == null || !ref.startsWith(REQUEST_BODIES)
                    ? null
                    : bodies.get(ref.substring(REQUEST_BODIES.length()));
        }
        return declared == null || declared.get$ref() != null ? null : declared.getContent();
    }

    /**
     * A literal JSON payload against the schema of the media type it is sent as: only what certainly does not fit
     * is reported (see {@link SchemaLiterals}). A replacement that is not a JSON Pointer could write anywhere, so
     * the payload is then not checked.
     */
    private static void literal(
            Step step, RequestBody body, OperationRef op, Content content, Diagnostics diagnostics) {
        Node payload = body.payload();
        if (payload == null || payload instanceof Node.StringNode || content == null || content.isEmpty()) {
            return;
        }
        Set<String> replaced = new HashSet<>();
        for (RequestBody.Replacement r : body.replacements()) {
            String target = r.target() == null ? null : r.target().value();
            if (target == null
                    || r.selector() != null
                    || r.targetSelectorType() != null
                            && !"jsonpointer".equals(r.targetSelectorType().name())
                    || !target.startsWith("/")
                    || target.indexOf('$') >= 0) {
                return;
            }
            replaced.add(target);
        }
        String type = body.contentType() != null ? chosen(body.contentType().value(), content) : picked(content);
        MediaType media = type == null ? null : content.get(type);
        if (media == null || media.getSchema() == null || !isJson(type)) {
            return;
        }
        for (SchemaLiterals.Finding f : SchemaLiterals.body(op.api(), media.getSchema(), payload, replaced)) {
            String pointer = "#" + f.pointer();
            switch (f.kind()) {
                case MISSING ->
                    diagnostics.report(Message.BODY_MISSING_PROPERTY, f.at(), step.id(), pointer, op.display());
                case FORBIDDEN ->
                    diagnostics.report(
                            Message.BODY_FORBIDDEN_PROPERTY,
                            f.at(),
                            step.id(),
                            pointer,
                            op.display(),
                            f.expectation(),
                            f.hint());
                default ->
                    diagnostics.report(
                            Message.BODY_VALUE_MISMATCH,
                            f.at(),
                            step.id(),
                            f.given(),
                            pointer,
                            op.display(),
                            f.expectation(),
                            f.hint());
            }
        }
    }

    /** The declared media type a step's {@code contentType} names, parameters and case aside; null if none. */
    private static String chosen(String contentType, Content content) {
        String wanted = bare(contentType);
        return content.keySet().stream()
                .filter(k -> bare(k).equals(wanted))
                .findFirst()
                .orElse(null);
    }

    /** D-52, as the generator picks: the first JSON media type, else the first. */
    private static String picked(Content content) {
        List<String> types = List.copyOf(content.keySet());
        return types.stream().filter(RequestBodyCheck::isJson).findFirst().orElse(types.get(0));
    }

    private static String bare(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** D-52: without contentType, the operation's only media type, or its JSON one, is used. */
    private static void contentType(
            Step step, RequestBody body, OperationRef op, Content content, Diagnostics diagnostics) {
        List<String> types = content == null ? List.of() : List.copyOf(content.keySet());
        // the specification only says to refer to the operation; Weft then picks one, as the generator does
        if (types.isEmpty()) {
            diagnostics.report(Message.NO_MEDIA_TYPE, body.location(), step.id(), op.display());
        } else if (types.size() > 1 && types.stream().noneMatch(RequestBodyCheck::isJson)) {
            diagnostics.report(
                    Message.SEVERAL_MEDIA_TYPES,
                    body.location(),
                    op.display(),
                    String.join(", ", types),
                    step.id(),
                    types.get(0));
        }
    }

    static boolean isJson(String mediaType) {
        String lower = mediaType.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/json") || lower.contains("+json");
    }
}
