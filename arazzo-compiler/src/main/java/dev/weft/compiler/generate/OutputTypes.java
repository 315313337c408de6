package dev.weft.compiler.generate;

import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.AdmittedResponses;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Infers the Java type of step and workflow outputs: a {@code $response.body} pointer takes the type
 * of the response schemas there, of the responses the success criteria admit (AdmittedResponses).
 */
final class OutputTypes {
    private final ResolvedDocument document;
    private final Workflow workflow;

    OutputTypes(ResolvedDocument document, Workflow workflow) {
        this.document = document;
        this.workflow = workflow;
    }

    /** The type of the workflow output {@code name}: a Selector Object's is JSON, an expression's its own. */
    JavaTypes ofWorkflowOutputNamed(String name) {
        if (workflow.outputSelectors().containsKey(name)) {
            return JavaTypes.JSON;
        }
        return ofWorkflowOutput(workflow.outputs().get(name).value());
    }

    /** The type of a workflow output expression. */
    JavaTypes ofWorkflowOutput(String text) {
        RuntimeExpression e = ExpressionParser.parse(text).value();
        if (e instanceof RuntimeExpression.StepOutput out
                && (out.pointer() == null || out.pointer().isRoot())) {
            Optional<Step> step = workflow.step(out.stepId());
            var expression = step.map(s -> s.outputs().get(out.name()));
            if (step.isPresent() && step.get().outputSelectors().containsKey(out.name())) {
                return JavaTypes.JSON;
            }
            if (step.isPresent() && expression.isPresent() && expression.get() != null) {
                return ofStepOutput(step.get(), expression.get().value());
            }
        }
        if (e instanceof RuntimeExpression.Input in && in.pointer() == null) {
            return InputSchema.of(workflow)
                    .type(in.name())
                    .map(JavaTypes::ofJsonSchemaType)
                    .orElse(JavaTypes.JSON);
        }
        return JavaTypes.JSON;
    }

    /** The type of a step output expression. */
    JavaTypes ofStepOutput(Step step, String text) {
        var parsed = ExpressionParser.parseTemplate(text, true).value();
        if (parsed == null || !parsed.isSingleExpression()) {
            return JavaTypes.STRING;
        }
        RuntimeExpression e = ExpressionParser.parse(text).value();
        if (e instanceof RuntimeExpression.StatusCode) {
            return JavaTypes.LONG;
        }
        if (e instanceof RuntimeExpression.MessagePayload payload) {
            return document.messageTarget(workflow, step)
                    .filter(t -> t.messages().size() == 1)
                    .map(t -> messageType(
                            t.messages().get(0).payload(),
                            payload.pointer() == null
                                    ? List.of()
                                    : payload.pointer().tokens()))
                    .orElse(JavaTypes.JSON);
        }
        if (e instanceof RuntimeExpression.ResponseHeader
                || e instanceof RuntimeExpression.MessageHeader
                || e instanceof RuntimeExpression.Url
                || e instanceof RuntimeExpression.Self
                || e instanceof RuntimeExpression.SourceDescriptionRef
                || e instanceof RuntimeExpression.Method) {
            return JavaTypes.STRING;
        }
        if (e instanceof RuntimeExpression.ResponseBody body) {
            Optional<OperationRef> op = document.target(workflow, step);
            if (op.isPresent()) {
                List<Schema<?>> schemas = responseSchemas(op.get(), step);
                var tokens = body.pointer() == null
                        ? List.<String>of()
                        : body.pointer().tokens();
                return schemas.isEmpty()
                        ? JavaTypes.JSON
                        : JavaTypes.atPointer(op.get().api(), schemas, tokens);
            }
        }
        return JavaTypes.JSON;
    }

    /**
     * The type at a pointer into an AsyncAPI message's payload schema (its {@code properties}, and {@code items}
     * for an index); JSON where the schema says nothing, or uses a {@code $ref} (not followed here).
     */
    private static JavaTypes messageType(dev.weft.compiler.model.Node schema, List<String> tokens) {
        dev.weft.compiler.model.Node at = schema;
        for (String token : tokens) {
            if (!(at instanceof dev.weft.compiler.model.Node.MapNode map)) {
                return JavaTypes.JSON;
            }
            at = map.get("properties") instanceof dev.weft.compiler.model.Node.MapNode properties
                    ? properties.get(token)
                    : token.chars().allMatch(Character::isDigit) ? map.get("items") : null;
        }
        return at instanceof dev.weft.compiler.model.Node.MapNode map
                        && map.get("type") instanceof dev.weft.compiler.model.Node.StringNode type
                ? JavaTypes.ofJsonSchemaType(type.value())
                : JavaTypes.JSON;
    }

    /**
     * The body schemas of the responses the step can succeed with (its success criteria's status codes, else
     * 2XX): of each, its JSON media type's, else its first; empty when one of them has no schema.
     */
    private static List<Schema<?>> responseSchemas(OperationRef op, Step step) {
        List<Schema<?>> schemas = new ArrayList<>();
        for (ApiResponse response :
                AdmittedResponses.of(op, step.successCriteria()).responses().values()) {
            if (response.getContent() == null || response.getContent().isEmpty()) {
                continue;
            }
            MediaType media = response.getContent().entrySet().stream()
                    .filter(m -> StepCode.isJson(m.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(response.getContent().values().iterator().next());
            if (media.getSchema() == null) {
                return List.of();
            }
            schemas.add(media.getSchema());
        }
        return schemas;
    }
}
