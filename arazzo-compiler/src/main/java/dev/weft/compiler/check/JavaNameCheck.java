package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.names.JavaNames;
import dev.weft.compiler.names.WorkflowClassNames;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids that would become the same public Java name (D-46): {@code get-pet} and {@code get_pet}. They are
 * named apart, never refused, since both are valid Arazzo; the user is told the name each one got. Names
 * that stay inside the generated class (steps, their methods) are named apart silently.
 */
final class JavaNameCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            List<Located<String>> outputs = new ArrayList<>();
            workflow.outputs().forEach((name, value) -> outputs.add(new Located<>(name, value.location())));
            members(outputs, "output", diagnostics);
            List<Located<String>> inputs = new ArrayList<>();
            InputSchema.of(workflow)
                    .properties()
                    .forEach((name, schema) -> inputs.add(new Located<>(name, schema.location())));
            members(inputs, "input", diagnostics);
        }
    }

    /** Record components: a later id whose name is taken gets the name {@link JavaNames#distinctMembers} gives. */
    private static void members(List<Located<String>> ids, String what, Diagnostics diagnostics) {
        Map<String, String> names =
                JavaNames.distinctMembers(ids.stream().map(Located::value).toList());
        Map<String, Located<String>> first = new HashMap<>();
        for (Located<String> id : ids) {
            String plain = JavaNames.memberName(id.value());
            Located<String> earlier = first.putIfAbsent(plain, id);
            if (earlier != null && !earlier.value().equals(id.value())) {
                diagnostics.report(
                        Message.MEMBER_NAME_COLLISION,
                        id.location(),
                        what,
                        id.value(),
                        earlier.value(),
                        earlier.location().line(),
                        plain,
                        names.get(id.value()));
            }
        }
    }

    /** Workflow classes of all documents of one compilation, which share one package. */
    static void acrossDocuments(Collection<ResolvedDocument> documents, Diagnostics diagnostics) {
        for (WorkflowClassNames.Renamed renamed :
                WorkflowClassNames.of(documents).renamed()) {
            Located<String> id = renamed.workflow().workflowId();
            Located<String> other = renamed.other().workflow().workflowId();
            String plain = JavaNames.className(id.value());
            String otherPlain = JavaNames.className(other.value());
            String clash = plain.equals(otherPlain)
                    ? Message.SAME_JAVA_NAME.format(plain)
                    : Message.SAME_FILE_NAME.format(plain, otherPlain);
            if (renamed.sameDocument()) {
                diagnostics.report(
                        Message.WORKFLOW_NAME_COLLISION,
                        id.location(),
                        id.value(),
                        other.value(),
                        other.location().line(),
                        clash,
                        renamed.name());
            } else {
                diagnostics.report(
                        Message.DOCUMENT_PREFIX,
                        id.location(),
                        id.value(),
                        other.value(),
                        other.location().file().getFileName(),
                        clash,
                        renamed.name());
            }
        }
    }
}
