package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Ids that would become the same Java name are an error (D-46): {@code get-pet} and {@code get_pet}. */
final class JavaNameCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        Map<String, Located<String>> classes = new HashMap<>();
        for (Workflow workflow : document.document().workflows()) {
            distinct(classes, workflow.workflowId(), JavaNames::className, "workflowId", diagnostics);
            Map<String, Located<String>> steps = new HashMap<>();
            Map<String, Located<String>> stepMethods = new HashMap<>();
            for (Step step : workflow.steps()) {
                distinct(steps, step.stepId(), JavaNames::constantName, "stepId", diagnostics);
                distinct(stepMethods, step.stepId(), JavaNames::memberName, "stepId", diagnostics);
            }
            Map<String, Located<String>> outputs = new HashMap<>();
            workflow.outputs()
                    .keySet()
                    .forEach(name -> distinct(
                            outputs,
                            new Located<>(name, workflow.outputs().get(name).location()),
                            JavaNames::memberName,
                            "output",
                            diagnostics));
            Map<String, Located<String>> inputs = new HashMap<>();
            InputSchema.of(workflow)
                    .properties()
                    .forEach((name, schema) -> distinct(
                            inputs,
                            new Located<>(name, schema.location()),
                            JavaNames::memberName,
                            "input",
                            diagnostics));
        }
    }

    static void acrossDocuments(java.util.Collection<ResolvedDocument> documents, Diagnostics diagnostics) {
        Map<String, Located<String>> classes = new HashMap<>();
        for (ResolvedDocument document : documents) {
            for (Workflow workflow : document.document().workflows()) {
                Located<String> id = workflow.workflowId();
                Located<String> first = classes.putIfAbsent(JavaNames.className(id.value()), id);
                if (first != null
                        && !first.location().file().equals(id.location().file())) {
                    diagnostics.error(
                            DiagnosticCode.NAME_COLLISION,
                            id.location(),
                            "workflow '" + id.value() + "' and workflow '" + first.value() + "' of "
                                    + first.location().file().getFileName() + " both become the class '"
                                    + JavaNames.className(id.value())
                                    + "'; rename one, or compile them into different packages");
                }
            }
        }
    }

    private static void distinct(
            Map<String, Located<String>> seen,
            Located<String> id,
            Function<String, String> naming,
            String what,
            Diagnostics diagnostics) {
        String javaName = naming.apply(id.value());
        Located<String> first = seen.putIfAbsent(javaName, id);
        if (first != null && !first.value().equals(id.value())) {
            diagnostics.error(
                    DiagnosticCode.NAME_COLLISION,
                    id.location(),
                    what + " '" + id.value() + "' and '" + first.value() + "' (line "
                            + first.location().line() + ") both become the Java name '" + javaName + "'; rename one");
        }
    }
}
