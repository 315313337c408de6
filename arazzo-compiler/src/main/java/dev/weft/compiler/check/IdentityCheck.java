package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Names and ids: unique where they must be, and of the allowed shape (SRC-1/2, WF-1/2, STEP-1/2, STEP-9/13). */
final class IdentityCheck implements Check {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern UNNAMEABLE = Pattern.compile(".*[\\s{}].*", Pattern.DOTALL);

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        var doc = document.document();
        unique(doc.sourceDescriptions(), SourceDescription::name, "source description name", diagnostics);
        for (SourceDescription source : doc.sourceDescriptions()) {
            if (!ID.matcher(source.name().value()).matches()) {
                // SRC-2: a SHOULD in the prose, but the official schema's pattern, and a '.' would make
                // $sourceDescriptions.<name>.<id> ambiguous
                diagnostics.report(
                        Message.INVALID_SOURCE_NAME,
                        source.name().location(),
                        source.name().value());
            }
        }
        unique(doc.workflows(), Workflow::workflowId, "workflowId", diagnostics);
        for (Workflow workflow : doc.workflows()) {
            shape(workflow.workflowId(), "workflowId", diagnostics);
            unique(
                    workflow.steps(),
                    Step::stepId,
                    "stepId in workflow '" + workflow.workflowId().value() + "'",
                    diagnostics);
            unique(workflow.parameters(), p -> located(p), "parameter", diagnostics);
            unique(workflow.successActions(), Action::name, "success action name", diagnostics);
            unique(workflow.failureActions(), Action::name, "failure action name", diagnostics);
            for (Step step : workflow.steps()) {
                shape(step.stepId(), "stepId", diagnostics);
                unique(step.parameters(), p -> located(p), "parameter", diagnostics);
                unique(step.onSuccess(), Action::name, "success action name", diagnostics);
                unique(step.onFailure(), Action::name, "failure action name", diagnostics);
            }
        }
    }

    private static Located<String> located(Parameter p) {
        return new Located<>(p.identity(), p.name().location());
    }

    /**
     * WF-2, STEP-2: the specification only recommends (SHOULD) the pattern, and any id still gets a Java
     * name, so an id outside it is a warning; with whitespace or braces runtime expressions cannot name it.
     */
    private static void shape(Located<String> id, String what, Diagnostics diagnostics) {
        if (ID.matcher(id.value()).matches()) {
            return;
        }
        String why = UNNAMEABLE.matcher(id.value()).matches() ? Message.UNNAMEABLE_ID.format() : "";
        diagnostics.report(Message.NONSTANDARD_ID, id.location(), what, id.value(), why);
    }

    private static <T> void unique(
            List<T> items, Function<T, Located<String>> key, String what, Diagnostics diagnostics) {
        Map<String, Located<String>> seen = new HashMap<>();
        for (T item : items) {
            Located<String> k = key.apply(item);
            if (k == null) {
                continue;
            }
            Located<String> first = seen.putIfAbsent(k.value(), k);
            if (first != null) {
                diagnostics.report(
                        Message.DUPLICATE_ID,
                        k.location(),
                        what,
                        display(k.value()),
                        first.location().line());
            }
        }
    }

    private static String display(String identity) {
        int colon = identity.indexOf(':');
        return colon >= 0 && identity.startsWith("header:")
                        || identity.startsWith("query:")
                        || identity.startsWith("path:")
                        || identity.startsWith("cookie:")
                        || identity.startsWith(":")
                ? identity.substring(colon + 1)
                : identity;
    }
}
