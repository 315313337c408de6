package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Workflow;
import dev.weft.runtime.http.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The workflow outputs that are secrets, and the {@code toString()} of an {@code Outputs} record that never
 * reads them: an output named like a credential ({@code token}, {@code apiKey} …), one that is a secret input
 * ({@code $inputs.apiKey}), or one whose expression ends in a credential's name
 * ({@code $steps.login.outputs.accessToken}, {@code $response.header.Set-Cookie}, {@code #/access_token}).
 */
final class SecretOutputs {

    private SecretOutputs() {}

    /**
     * The {@code toString()} of the Outputs record, when it has secret components.
     *
     * @param workflow the workflow
     * @param components output name to record component name, in order
     * @return the method, or empty when no output is a secret (the record's own {@code toString()} shows all)
     */
    static Optional<MethodSpec> toStringMethod(Workflow workflow, Map<String, String> components) {
        InputSchema inputs = InputSchema.of(workflow);
        List<CodeBlock> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder("Outputs[");
        boolean any = false;
        boolean first = true;
        for (Map.Entry<String, String> output : components.entrySet()) {
            text.append(first ? "" : ", ").append(output.getKey()).append('=');
            first = false;
            Located<String> expression = workflow.outputs().get(output.getKey());
            if (isSecret(output.getKey(), expression == null ? "" : expression.value(), inputs)) {
                text.append(Redactor.MASK);
                any = true;
            } else {
                parts.add(Literals.of(text.toString()));
                parts.add(CodeBlock.of("$N", output.getValue()));
                text.setLength(0);
            }
        }
        if (!any) {
            return Optional.empty();
        }
        parts.add(Literals.of(text.append(']').toString()));
        return Optional.of(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Shows every output but the secrets, as {@code $L}.\n", Redactor.MASK)
                .returns(String.class)
                .addStatement("return $L", CodeBlock.join(parts, " + "))
                .build());
    }

    private static boolean isSecret(String name, String expression, InputSchema inputs) {
        if (Redactor.isSecretHeader(name) || inputs.isSecret(name)) {
            return true;
        }
        String trimmed = expression.trim();
        if (trimmed.startsWith("$inputs.")) {
            String input = trimmed.substring("$inputs.".length()).split("[.#/\\[]", 2)[0];
            if (inputs.isSecret(input)) {
                return true;
            }
        }
        String[] segments = trimmed.split("[.#/]");
        return segments.length > 0 && Redactor.isSecretHeader(segments[segments.length - 1]);
    }
}
