package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import io.swagger.v3.oas.models.media.Content;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request bodies against the operation: given where it requires one, a media type that can be chosen
 * without {@code contentType} (BODY-1, D-52), and none on GET, HEAD or DELETE (STEP-11).
 */
final class RequestBodyCheck implements Check {
    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE");

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
            contentType(step, body, op, declared == null ? null : declared.getContent(), diagnostics);
        }
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
