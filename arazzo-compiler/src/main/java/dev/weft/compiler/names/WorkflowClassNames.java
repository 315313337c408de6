package dev.weft.compiler.names;

import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The class name of every workflow of one compilation, distinct even where ids are not (D-46): all classes
 * go into one package, and names that differ only in case are one file on macOS and Windows.
 *
 * <p>A workflow's class is {@code <Id>Workflow}. Where workflows of different documents would share a
 * name (compared ignoring case), each of them is prefixed with its document's file name,
 * {@code <Document><Id>Workflow}. Where a name is still taken, by a workflow of the same document or by a
 * prefixed name, the later workflow gets a number, {@code <Id>2Workflow}. Documents are taken in the order
 * of their normalised paths and workflows in document order, so the names depend neither on the order in
 * which a front end lists the documents nor on the machine.
 */
public final class WorkflowClassNames {
    /** A workflow whose class is not its plain name, and why: which workflow it met. */
    public record Renamed(ResolvedDocument document, Workflow workflow, String name, Member other) {
        /** Whether the workflow met one of its own document. */
        public boolean sameDocument() {
            return other.path().equals(new Member(document, workflow).path());
        }
    }

    /** A workflow of a document. */
    public record Member(ResolvedDocument document, Workflow workflow) {
        String plain() {
            return JavaNames.className(workflow.workflowId().value());
        }

        Path path() {
            return document.document().file().toAbsolutePath().normalize();
        }
    }

    private final Map<String, String> names = new HashMap<>();
    private final List<Renamed> renamed = new ArrayList<>();

    private WorkflowClassNames() {}

    /** Allocates the names of all workflows of these documents. */
    public static WorkflowClassNames of(Collection<ResolvedDocument> documents) {
        WorkflowClassNames result = new WorkflowClassNames();
        List<Member> members = new ArrayList<>();
        documents.stream()
                .sorted(Comparator.comparing(
                        d -> d.document().file().toAbsolutePath().normalize().toString()))
                .forEach(d -> d.document().workflows().forEach(w -> members.add(new Member(d, w))));
        Map<String, List<Member>> byPlain = new LinkedHashMap<>();
        members.forEach(m ->
                byPlain.computeIfAbsent(fold(m.plain()), k -> new ArrayList<>()).add(m));
        Set<String> taken = new HashSet<>();
        List<Member> prefixed = new ArrayList<>();
        List<Member> numbered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(key(m))) {
                continue; // a duplicate workflowId, reported as such
            }
            List<Member> group = byPlain.get(fold(m.plain()));
            boolean acrossDocuments = group.stream().anyMatch(o -> !o.path().equals(m.path()));
            if (acrossDocuments) {
                prefixed.add(m);
            } else if (!taken.add(fold(m.plain()))) {
                numbered.add(m);
            } else {
                result.names.put(key(m), m.plain());
            }
        }
        for (Member m : prefixed) {
            String name = free(prefixedName(m), taken);
            result.names.put(key(m), name);
            Member other = byPlain.get(fold(m.plain())).stream()
                    .filter(o -> !o.path().equals(m.path()))
                    .findFirst()
                    .orElseThrow();
            result.renamed.add(new Renamed(m.document(), m.workflow(), name, other));
        }
        for (Member m : numbered) {
            String name = free(m.plain(), taken);
            result.names.put(key(m), name);
            Member first = byPlain.get(fold(m.plain())).get(0);
            result.renamed.add(new Renamed(m.document(), m.workflow(), name, first));
        }
        return result;
    }

    /** The simple class name of a workflow of one of the documents. */
    public String of(ResolvedDocument document, Workflow workflow) {
        return find(document, workflow)
                .orElseThrow(() -> new IllegalArgumentException(
                        "workflow '" + workflow.workflowId().value() + "' is not in this compilation"));
    }

    /** The simple class name of a workflow, if it is one of the documents'. */
    public Optional<String> find(ResolvedDocument document, Workflow workflow) {
        return Optional.ofNullable(names.get(key(new Member(document, workflow))));
    }

    /** The workflows that did not get their plain name, in the order they were named. */
    public List<Renamed> renamed() {
        return List.copyOf(renamed);
    }

    private static String prefixedName(Member m) {
        String file = m.document().document().file().getFileName().toString();
        String stem = file.replaceFirst("(?i)(\\.arazzo)?\\.(ya?ml|json)$", "");
        return JavaNames.className(stem + "-" + m.workflow().workflowId().value());
    }

    /** The name, or the name numbered 2, 3, ... before its {@code Workflow} suffix, whichever is free first. */
    private static String free(String name, Set<String> taken) {
        if (taken.add(fold(name))) {
            return name;
        }
        String stem = name.substring(0, name.length() - "Workflow".length());
        for (int n = 2; ; n++) {
            String numbered = stem + n + "Workflow";
            if (taken.add(fold(numbered))) {
                return numbered;
            }
        }
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String key(Member m) {
        return m.path() + "\u0000" + m.workflow().workflowId().value();
    }
}
