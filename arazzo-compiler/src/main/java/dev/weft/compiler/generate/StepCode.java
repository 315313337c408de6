package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.SecurityRequirements;
import dev.weft.compiler.resolve.WorkflowRef;
import io.swagger.v3.oas.models.media.Content;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The first of the two methods of a step: for an operation step, the one building its request; for a
 * step calling a workflow, the one building the inputs it passes. ({@link HandlerCode} writes the second.)
 *
 * <p>They are two methods, not one, so the same code serves the blocking {@code run} and the
 * non-blocking {@code runAsync}: the run loop sends the request in between.
 */
final class StepCode {
    private final Workflow workflow;
    private final WorkflowNames names;
    private final ValueCode values;
    private final ClassConstants constants;
    private final Budget budget;
    private final BodyCode bodies;

    StepCode(Workflow workflow, WorkflowNames names, ValueCode values, ClassConstants constants, Budget budget) {
        this.workflow = workflow;
        this.names = names;
        this.values = values;
        this.constants = constants;
        this.budget = budget;
        this.bodies = new BodyCode(values, budget);
    }

    MethodSpec request(Step step, OperationRef op) {
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder();
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames());
        String baseUrl = constants.baseUrl(op.sourceName(), op.serverUrl());
        CodeBlock head = CodeBlock.of(
                "$T.create($L,$W$L,$W$L,$W$L,$W$L)",
                RuntimeTypes.STEP_REQUEST,
                Literals.of(step.id()),
                Literals.of(op.sourceName()),
                baseUrl == null ? CodeBlock.of("null") : CodeBlock.of("$N", baseUrl),
                Literals.of(op.method()),
                Literals.of(op.path()));
        List<CodeBlock> calls = new ArrayList<>();
        if (op.operationId() != null) {
            // not sent: it names the call for a transport that dispatches by operation (a test stub) and for tracing
            calls.add(CodeBlock.of(".operationId($L)", Literals.of(op.operationId())));
            budget.add(1);
        }
        security(op, calls);
        for (Parameter p : Effective.parameters(workflow, step)) {
            String in = p.in().value();
            String method = switch (in) {
                case "path" -> "pathParam";
                case "query" -> "query";
                case "header" -> "header";
                default -> "cookie";
            };
            CodeBlock value = values.value(
                    p.value(),
                    in + " parameter '" + p.name().value() + "'",
                    body,
                    locals,
                    p.name().value());
            budget.add(1);
            String[] style = style(op, p.name().value(), in);
            if (style != null) {
                calls.add(CodeBlock.of(
                        ".$N($L,$W$L,$W$L,$W$L)",
                        method,
                        Literals.of(p.name().value()),
                        value,
                        Literals.of(style[0]),
                        style[1]));
            } else {
                calls.add(CodeBlock.of(
                        ".$N($L,$W$L)", method, Literals.of(p.name().value()), value));
            }
        }
        RequestBody requestBody = step.requestBody();
        if (requestBody != null && requestBody.payload() != null) {
            calls.add(bodies.body(requestBody, contentType(requestBody, op), body, locals));
        }
        body.add(Chains.returning(RuntimeTypes.STEP_REQUEST, locals.next("request"), head, calls));
        budget.endMethod(step.location(), "the request of step '" + step.id() + "'");
        return MethodSpec.methodBuilder(names.requestMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "Builds the request of step {@code " + Docs.line(step.id()) + "}: " + Docs.line(op.display())
                                + ".",
                        Docs.NESTED))
                .returns(RuntimeTypes.STEP_REQUEST)
                .addCode(body.build())
                .build();
    }

    /**
     * The operation's security alternatives, for the client's credentials to complete at run time; a scheme a
     * request cannot carry (mutual TLS, one not declared) is left out, and so is an alternative left empty.
     */
    private void security(OperationRef op, List<CodeBlock> calls) {
        for (List<SecurityRequirements.Scheme> alternative : SecurityRequirements.of(op)) {
            List<CodeBlock> schemes = new ArrayList<>();
            for (SecurityRequirements.Scheme s : alternative) {
                if (s.sendable()) {
                    schemes.add(CodeBlock.of(
                            "$T.of($L,$W$L,$W$L,$W$L)",
                            RuntimeTypes.SECURITY_SCHEME,
                            Literals.of(s.name()),
                            Literals.of(s.kind()),
                            Literals.of(s.in()),
                            Literals.of(s.parameter())));
                }
            }
            if (!schemes.isEmpty()) {
                calls.add(CodeBlock.of(".security($L)", CodeBlock.join(schemes, ",$W")));
                budget.add(schemes.size());
            }
        }
    }

    /**
     * D-53: the operation's {@code style} and {@code explode} for a query or path parameter, when they are
     * not the defaults (query form exploded, path simple); null otherwise.
     */
    private static String[] style(OperationRef op, String name, String in) {
        if (!in.equals("query") && !in.equals("path")) {
            return null;
        }
        var declared = op.parameter(name, in).orElse(null);
        if (declared == null || declared.getStyle() == null && declared.getExplode() == null) {
            return null;
        }
        String style =
                declared.getStyle() != null ? declared.getStyle().toString() : in.equals("query") ? "form" : "simple";
        boolean explode = declared.getExplode() != null ? declared.getExplode() : style.equals("form");
        boolean isDefault = in.equals("query") ? style.equals("form") && explode : style.equals("simple") && !explode;
        return isDefault ? null : new String[] {style, Boolean.toString(explode)};
    }

    /** For a workflow step: the called workflow's inputs, one per parameter, by name (PARAM-5). */
    MethodSpec calleeInputs(Step step, WorkflowRef callee) {
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder();
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames(), "inputs");
        body.addStatement("$T inputs = $T.object()", RuntimeTypes.OBJECT_NODE, RuntimeTypes.VALUES);
        for (Parameter p : Effective.parameters(workflow, step)) {
            CodeBlock value = values.value(
                    p.value(),
                    "input '" + p.name().value() + "'",
                    body,
                    locals,
                    p.name().value());
            body.addStatement(
                    "$T.put(inputs, $L,$W$L)",
                    RuntimeTypes.VALUES,
                    Literals.of(p.name().value()),
                    value);
            budget.add(1);
        }
        budget.endMethod(step.location(), "the inputs step '" + step.id() + "' passes");
        return MethodSpec.methodBuilder(names.requestMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "The inputs step {@code " + Docs.line(step.id()) + "} passes to workflow {@code "
                                + Docs.line(callee.id()) + "}.",
                        Docs.NESTED))
                .returns(RuntimeTypes.OBJECT_NODE)
                .addCode(body.addStatement("return inputs").build())
                .build();
    }

    /** D-52: the step's contentType, else the operation's single (or JSON) request media type. */
    private static String contentType(RequestBody body, OperationRef op) {
        if (body.contentType() != null) {
            return body.contentType().value();
        }
        var requestBody = op.operation().getRequestBody();
        Content content = requestBody == null ? null : requestBody.getContent();
        if (content == null || content.isEmpty()) {
            return "application/json";
        }
        List<String> types = List.copyOf(content.keySet());
        return types.stream().filter(StepCode::isJson).findFirst().orElse(types.get(0));
    }

    static boolean isJson(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/json") || lower.contains("+json");
    }
}
