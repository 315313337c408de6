package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.SecurityRequirements;
import dev.weft.compiler.resolve.SecurityRequirements.Scheme;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The operation's security requirement against what the step sends: a step that sends none of the credentials
 * any alternative accepts warns, naming what to set, or the scheme to bind on the client (which the generated
 * request applies at run time, and which cannot be known at build time).
 */
final class SecurityCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                document.target(workflow, step).ifPresent(op -> check(workflow, step, op, diagnostics));
            }
        }
    }

    private static void check(Workflow workflow, Step step, OperationRef op, Diagnostics diagnostics) {
        List<List<Scheme>> alternatives = SecurityRequirements.of(op);
        if (alternatives.isEmpty()) {
            return;
        }
        List<Parameter> given = Effective.parameters(workflow, step);
        List<String> ways = new ArrayList<>();
        Set<String> bind = new LinkedHashSet<>();
        for (List<Scheme> alternative : alternatives) {
            // an empty alternative ({}) makes the credential optional; a scheme Weft cannot judge (mutual TLS,
            // one not declared) is given the benefit of the doubt
            if (alternative.stream().allMatch(s -> !s.sendable() || sends(given, s))) {
                return;
            }
            List<String> missing = new ArrayList<>();
            for (Scheme scheme : alternative) {
                if (scheme.sendable() && !sends(given, scheme)) {
                    missing.add(scheme.where());
                }
            }
            String way = String.join(" and ", missing);
            if (!ways.contains(way)) {
                ways.add(way);
            }
            alternative.forEach(s -> bind.add("'" + s.name() + "'"));
        }
        String fix = "set " + String.join(" or ", ways) + ", or bind credential " + String.join(" or ", bind)
                + " on the ArazzoClient";
        diagnostics.report(Message.MISSING_CREDENTIAL, step.stepId().location(), step.id(), op.display(), fix);
    }

    private static boolean sends(List<Parameter> given, Scheme scheme) {
        for (Parameter p : given) {
            if (p.in() == null) {
                continue;
            }
            String in = p.in().value();
            String name = p.name().value();
            if (in.equals(scheme.in())
                    && (in.equals("header")
                            ? name.equalsIgnoreCase(scheme.parameter())
                            : name.equals(scheme.parameter()))) {
                return true;
            }
            if ("cookie".equals(scheme.in()) && in.equals("header") && name.equalsIgnoreCase("cookie")) {
                return true; // a Cookie header written out: Weft cannot tell which cookies it holds
            }
        }
        return false;
    }
}
