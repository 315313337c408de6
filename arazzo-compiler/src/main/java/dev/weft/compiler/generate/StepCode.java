package dev.weft.compiler.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.MessageRef;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.SecurityRequirements;
import dev.weft.compiler.resolve.WorkflowRef;
import io.swagger.v3.oas.models.media.Content;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        this.bodies = new BodyCode(values, budget, constants, values.arazzo());
    }

    /** An operation step's request method, and the fields it keeps its last request in, if it keeps it. */
    record Request(MethodSpec method, List<FieldSpec> fields) {}

    Request request(Step step, OperationRef op) {
        budget.startMethod();
        WorkflowNames.LastRequest last = names.lastRequest(step.id());
        if (last != null) {
            values.trackReads();
        }
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
        if (step.timeout() != null) {
            // Arazzo 1.1: the step fails when no complete response comes within this many milliseconds
            calls.add(CodeBlock.of(".timeout($LL)", step.timeout().value()));
            budget.add(1);
        }
        security(op, calls);
        for (Parameter p : Effective.parameters(workflow, step)) {
            String in = p.in().value();
            String method = switch (in) {
                case "path" -> "pathParam";
                case "query" -> "query";
                case "querystring" -> "querystring";
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
            String[] style =
                    in.equals("querystring") ? null : style(op, p.name().value(), in);
            if (in.equals("querystring")) {
                // Arazzo 1.1: the value is the whole query string; the parameter's name is not sent
                calls.add(CodeBlock.of(".querystring($L)", value));
            } else if (style != null) {
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
        Set<String> tracked = last == null ? null : values.trackedReads();
        // compared in one condition, which javac reads recursively: past a chain's length, built every time
        List<String> reads = tracked == null || tracked.size() > Chains.MAX ? null : List.copyOf(tracked);
        String local = locals.next("request");
        CodeBlock code;
        List<FieldSpec> fields = List.of();
        String doc =
                "Builds the request of step {@code " + Docs.line(step.id()) + "}: " + Docs.line(op.display()) + ".";
        if (reads == null) {
            code = body.add(Chains.returning(RuntimeTypes.STEP_REQUEST, local, head, calls))
                    .build();
        } else {
            fields = lastRequestFields(step, last, reads);
            code = keepingLast(
                    last, reads, body.build(), Chains.declaring(RuntimeTypes.STEP_REQUEST, local, head, calls), local);
            budget.add(2 * reads.size() + 3);
            doc += reads.isEmpty()
                    ? " The step may run again; its request reads nothing that changes in an execution, so it is built"
                            + " once."
                    : " The step may run again; its request is built again only when a step output it reads has"
                            + " changed.";
        }
        budget.endMethod(step.location(), "the request of step '" + step.id() + "'");
        MethodSpec method = MethodSpec.methodBuilder(names.requestMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(doc, Docs.NESTED))
                .returns(RuntimeTypes.STEP_REQUEST)
                .addCode(code)
                .build();
        return new Request(method, fields);
    }

    /**
     * A request method's code that returns the request built last while the step outputs it was read from
     * ({@code reads}) are the same nodes: a node is never changed once recorded, so the same nodes make the same
     * request. The runtime then sends the call it prepared for that request again without comparing them.
     */
    private static CodeBlock keepingLast(
            WorkflowNames.LastRequest last, List<String> reads, CodeBlock build, CodeBlock declare, String local) {
        CodeBlock.Builder code = CodeBlock.builder();
        List<CodeBlock> same = new ArrayList<>();
        same.add(CodeBlock.of("$N != null", last.request()));
        for (int i = 0; i < reads.size(); i++) {
            same.add(
                    reads.size() == 1
                            ? CodeBlock.of("$N == $N", last.from(), reads.get(0))
                            : CodeBlock.of("$N[$L] == $N", last.from(), i, reads.get(i)));
        }
        code.beginControlFlow("if ($L)", CodeBlock.join(same, "$W&& "))
                .addStatement("return $N", last.request())
                .endControlFlow()
                .add(build)
                .add(declare);
        if (reads.size() == 1) {
            code.addStatement("$N = $N", last.from(), reads.get(0));
        } else if (!reads.isEmpty()) {
            List<CodeBlock> from = new ArrayList<>();
            reads.forEach(field -> from.add(CodeBlock.of("$N", field)));
            code.addStatement("$N = new $T[] {$L}", last.from(), RuntimeTypes.JSON_NODE, CodeBlock.join(from, ",$W"));
        }
        return code.addStatement("$N = $N", last.request(), local)
                .addStatement("return $N", local)
                .build();
    }

    /** The fields {@link #keepingLast} keeps the last request in, and the nodes it was read from. */
    private static List<FieldSpec> lastRequestFields(Step step, WorkflowNames.LastRequest last, List<String> reads) {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.builder(RuntimeTypes.STEP_REQUEST, last.request(), Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "The request step {@code " + Docs.line(step.id()) + "} built last; null until it has run.",
                        Docs.NESTED))
                .build());
        if (!reads.isEmpty()) {
            TypeName type = reads.size() == 1 ? RuntimeTypes.JSON_NODE : ArrayTypeName.of(RuntimeTypes.JSON_NODE);
            List<String> named = reads.stream().map(f -> "{@code " + f + "}").toList();
            fields.add(FieldSpec.builder(type, last.from(), Modifier.PRIVATE)
                    .addJavadoc(Docs.wrap(
                            "The " + (reads.size() == 1 ? "value of " : "values of ") + String.join(", ", named)
                                    + " that request was built from.",
                            Docs.NESTED))
                    .build());
        }
        return fields;
    }

    /**
     * For an AsyncAPI step (Arazzo 1.1): what it sends (headers from its {@code in: header} parameters, payload
     * from its requestBody) or waits for (its correlation id, at the location its messages declare, and its
     * timeout).
     */
    MethodSpec message(Step step, MessageRef target) {
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder();
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames());
        boolean receive = step.action().value().equals("receive");
        CodeBlock address = address(step, target, body, locals);
        CodeBlock head = CodeBlock.of(
                "$T.$N($L,$W$L,$W$L,$W$L)",
                RuntimeTypes.MESSAGE_STEP,
                receive ? "receive" : "send",
                Literals.of(step.id()),
                Literals.of(target.sourceName()),
                target.operationId() == null ? CodeBlock.of("null") : Literals.of(target.operationId()),
                address);
        List<CodeBlock> calls = new ArrayList<>();
        if (!receive) {
            for (Parameter p : Effective.parameters(workflow, step)) {
                if (isChannelParameter(p, target)) {
                    continue;
                }
                CodeBlock value = values.value(
                        p.value(),
                        "header '" + p.name().value() + "'",
                        body,
                        locals,
                        p.name().value());
                budget.add(1);
                calls.add(CodeBlock.of(".header($L,$W$L)", Literals.of(p.name().value()), value));
            }
            RequestBody requestBody = step.requestBody();
            if (requestBody != null && requestBody.payload() != null) {
                calls.add(CodeBlock.of(".payload($L)", bodies.messagePayload(requestBody, body, locals)));
            }
        } else {
            if (step.correlationId() != null) {
                CodeBlock value = values.template(step.correlationId().value(), "correlationId");
                RuntimeExpression at = target.correlation();
                if (at instanceof RuntimeExpression.MessageHeader h) {
                    calls.add(CodeBlock.of(".correlateHeader($L,$W$L)", Literals.of(h.name()), value));
                } else if (at instanceof RuntimeExpression.MessagePayload p) {
                    String pointer = p.pointer() == null ? "" : p.pointer().toString();
                    calls.add(CodeBlock.of(".correlatePayload($L,$W$L)", Literals.of(pointer), value));
                }
            }
            Long timeout = timeout(step);
            if (timeout != null) {
                calls.add(CodeBlock.of(".timeoutMillis($LL)", timeout));
            }
        }
        body.add(Chains.returning(RuntimeTypes.MESSAGE_STEP, locals.next("message"), head, calls));
        budget.endMethod(step.location(), "the message of step '" + step.id() + "'");
        String what = receive
                ? "Waits, in step {@code " + Docs.line(step.id()) + "}, for a message on channel {@code "
                        + Docs.line(target.channel().address()) + "}."
                : "Builds the message step {@code " + Docs.line(step.id()) + "} sends on channel {@code "
                        + Docs.line(target.channel().address()) + "}.";
        return MethodSpec.methodBuilder(names.requestMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(what, Docs.NESTED))
                .returns(RuntimeTypes.MESSAGE_STEP)
                .addCode(body.build())
                .build();
    }

    /**
     * The channel's address: as written, or with each {@code {name}} replaced by the value of the step's
     * {@code in: path} parameter of that name (Arazzo 1.1 defines no channel parameters; the checks warn).
     */
    private CodeBlock address(Step step, MessageRef target, CodeBlock.Builder body, ValueCode.Locals locals) {
        String address = target.channel().address();
        if (target.channel().parameters().isEmpty()) {
            return Literals.of(address);
        }
        List<CodeBlock> parts = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^{}]*)}").matcher(address);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                parts.add(Literals.of(address.substring(from, m.start())));
            }
            String name = m.group(1);
            Parameter p = Effective.parameters(workflow, step).stream()
                    .filter(x ->
                            isChannelParameter(x, target) && x.name().value().equals(name))
                    .findFirst()
                    .orElseThrow();
            parts.add(values.value(p.value(), "channel parameter '" + name + "'", body, locals, name));
            budget.add(1);
            from = m.end();
        }
        if (from < address.length()) {
            parts.add(Literals.of(address.substring(from)));
        }
        return CodeBlock.of("$T.concat($L)", RuntimeTypes.VALUES, CodeBlock.join(parts, ",$W"));
    }

    private static boolean isChannelParameter(Parameter p, MessageRef target) {
        return p.in() != null
                && p.in().value().equals("path")
                && target.channel().parameters().contains(p.name().value());
    }

    /** The step's {@code timeout} in milliseconds (Arazzo 1.1), or null for the client's receive timeout. */
    private static Long timeout(Step step) {
        return step.timeout() == null ? null : step.timeout().value();
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
        putInputs(Effective.parameters(workflow, step), body, locals);
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

    /** Sets each parameter's value on the {@code inputs} object the body declared, by the parameter's name. */
    private void putInputs(List<Parameter> parameters, CodeBlock.Builder body, ValueCode.Locals locals) {
        for (Parameter p : parameters) {
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
    }

    /**
     * Arazzo 1.1: the inputs a goto or retry action's {@code parameters} pass to its target workflow: this workflow's
     * inputs (as a goto without parameters passes them), each parameter set over them by name.
     */
    MethodSpec actionInputs(Action action, String method) {
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder();
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames(), "inputs");
        body.addStatement("$T inputs = $N.deepCopy()", RuntimeTypes.OBJECT_NODE, WorkflowNames.IN);
        putInputs(action.parameters(), body, locals);
        budget.endMethod(
                action.location(), "the inputs action '" + action.name().value() + "' passes");
        return MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "The inputs " + action.type().value() + " action {@code "
                                + Docs.line(action.name().value()) + "} passes to workflow" + " {@code "
                                + Docs.line(action.workflowId().value()) + "}.",
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
