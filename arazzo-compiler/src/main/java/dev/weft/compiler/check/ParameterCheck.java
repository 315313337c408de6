package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.SecurityRequirements;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters against the operation: {@code in} given, path variables all supplied, names declared,
 * required ones given (PARAM-4/7/8), literal values that fit their schemas (issue 13, item 4).
 */
final class ParameterCheck implements Check {
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    /** Headers OpenAPI itself says are not described as parameters. */
    private static final Set<String> IMPLICIT_HEADERS = Set.of("authorization", "accept", "content-type");

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                var target = document.target(workflow, step);
                if (target.isPresent()) {
                    check(workflow, step, target.get(), diagnostics);
                } else if (step.workflowId() == null) {
                    // the operation is not at hand (a description that did not load): 'in' is still required
                    step.parameters().stream()
                            .filter(p -> p.in() == null)
                            .forEach(p -> diagnostics.report(
                                    Message.MISSING_PARAMETER_LOCATION,
                                    p.name().location(),
                                    p.name().value(),
                                    step.id()));
                }
            }
        }
    }

    /**
     * Arazzo 1.1 {@code in: querystring}: the whole query string, so neither a second one nor a {@code query}
     * parameter can go with it.
     */
    private static void querystring(Step step, Parameter p, Diagnostics diagnostics) {
        for (Parameter other : step.parameters()) {
            if (other != p
                    && other.in() != null
                    && Set.of("query", "querystring").contains(other.in().value())) {
                diagnostics.report(
                        Message.QUERYSTRING_WITH_QUERY,
                        other.name().location(),
                        other.name().value(),
                        other.in().value(),
                        p.name().value(),
                        step.id());
                return;
            }
        }
    }

    private static void check(Workflow workflow, Step step, OperationRef op, Diagnostics diagnostics) {
        Set<String> pathVariables = pathVariables(op.path());
        Set<String> given = new LinkedHashSet<>();
        for (Parameter p : Effective.parameters(workflow, step)) {
            if (p.in() == null) {
                diagnostics.report(
                        Message.MISSING_PARAMETER_LOCATION,
                        p.name().location(),
                        p.name().value(),
                        step.id());
                continue;
            }
            String in = p.in().value();
            String name = p.name().value();
            if (in.equals("querystring")) {
                querystring(step, p, diagnostics);
                continue;
            }
            op.parameter(name, in).ifPresent(declared -> literal(step, p, declared, op, diagnostics));
            if (in.equals("path")) {
                given.add(name);
                if (!pathVariables.contains(name)) {
                    diagnostics.report(
                            Message.NOT_A_PATH_VARIABLE,
                            p.name().location(),
                            name,
                            op.display(),
                            Suggestions.hint(name, pathVariables));
                }
            } else if (op.parameter(name, in).isEmpty()
                    && step.parameters().contains(p)
                    && !securityParameter(op, in, name)
                    && !(in.equals("header") && IMPLICIT_HEADERS.contains(name.toLowerCase(Locale.ROOT)))) {
                // workflow-level parameters go to every step; not every operation declares them, so only a
                // step's own undeclared parameters are worth a warning
                List<String> known = new ArrayList<>();
                op.parameters().stream().filter(q -> in.equals(q.getIn())).forEach(q -> known.add(q.getName()));
                diagnostics.report(
                        Message.UNDECLARED_PARAMETER,
                        p.name().location(),
                        in,
                        name,
                        op.display(),
                        Suggestions.hint(name, known));
            }
        }
        for (String variable : pathVariables) {
            if (!given.contains(variable)) {
                // no MUST forbids it, and the call can still be built: it fails at run time, naming the parameter
                diagnostics.report(
                        Message.MISSING_PATH_PARAMETER, step.stepId().location(), step.id(), variable, op.display());
            }
        }
        requiredParameters(workflow, step, op, diagnostics);
    }

    /**
     * A literal value against the declared parameter's schema, as the text it is sent as: only what certainly does
     * not fit is reported (see {@link SchemaLiterals}); a value holding an expression is not known.
     */
    private static void literal(
            Step step,
            Parameter p,
            io.swagger.v3.oas.models.parameters.Parameter declared,
            OperationRef op,
            Diagnostics diagnostics) {
        if (p.selector() != null || declared.getSchema() == null) {
            return;
        }
        String text;
        if (p.value() instanceof Node.StringNode s) {
            text = s.value();
        } else if (p.value() instanceof Node.NumberNode n) {
            text = n.text();
        } else if (p.value() instanceof Node.BooleanNode b) {
            text = String.valueOf(b.value());
        } else {
            return; // objects and arrays are serialized by style; null sends nothing
        }
        for (SchemaLiterals.Finding f : SchemaLiterals.text(
                op.api(), declared.getSchema(), text, p.value().location())) {
            diagnostics.report(
                    Message.PARAMETER_VALUE_MISMATCH,
                    f.at(),
                    step.id(),
                    f.given(),
                    p.in().value(),
                    p.name().value(),
                    op.display(),
                    f.expectation(),
                    f.hint());
        }
    }

    /** PARAM-8: a required query, header or cookie parameter that no parameter of the step or workflow gives. */
    private static void requiredParameters(Workflow workflow, Step step, OperationRef op, Diagnostics diagnostics) {
        List<Parameter> given = Effective.parameters(workflow, step);
        boolean wholeQuery =
                given.stream().anyMatch(p -> p.in() != null && p.in().value().equals("querystring"));
        for (var declared : op.parameters()) {
            String in = declared.getIn();
            if (in.equals("path")
                    || in.equals("query") && wholeQuery
                    || !Boolean.TRUE.equals(declared.getRequired())
                    || in.equals("header")
                            && IMPLICIT_HEADERS.contains(declared.getName().toLowerCase(Locale.ROOT))) {
                continue; // OpenAPI ignores Accept, Content-Type and Authorization header parameters
            }
            boolean supplied = given.stream()
                    .anyMatch(p -> p.in() != null
                            && p.in().value().equals(in)
                            && (in.equals("header")
                                    ? p.name().value().equalsIgnoreCase(declared.getName())
                                    : p.name().value().equals(declared.getName())));
            if (!supplied) {
                diagnostics.report(
                        Message.MISSING_PARAMETER,
                        step.stepId().location(),
                        step.id(),
                        in,
                        declared.getName(),
                        op.display());
            }
        }
    }

    /** An API key of the operation's security schemes: described by the scheme, not as a parameter. */
    private static boolean securityParameter(OperationRef op, String in, String name) {
        return SecurityRequirements.of(op).stream()
                .flatMap(List::stream)
                .anyMatch(s -> in.equals(s.in())
                        && (in.equals("header") ? name.equalsIgnoreCase(s.parameter()) : name.equals(s.parameter())));
    }

    static Set<String> pathVariables(String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PATH_VARIABLE.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
