package dev.weft.compiler.fuzz;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.check.Checks;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.generate.WorkflowClass;
import dev.weft.compiler.generate.WorkflowClassGenerator;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.names.WorkflowClassNames;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.Resolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Text the reader refuses today (U+2028, U+2029) and other characters JavaPoet writes raw, put into every
 * title, summary, description, literal parameter value and payload string and key of the good fixtures:
 * the generator's code still compiles under {@code -Xlint:all -Werror}. The documents are read, then
 * changed as node trees, so that the reader's own refusal does not hide what the generator does.
 */
class HostileTextTest {
    private static final String HOSTILE = "\u2028\u2029\u0085\u0000\u0007\ufeff\u202e\ud800*/ /* \\u000a \" ' $ {";
    private static final Set<String> TEXTS = Set.of("title", "summary", "description");

    @Test
    void invisibleAndSeparatorCharactersInDocumentTextCompile() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> good = Files.list(Path.of("src/test/resources/fixtures/good"))) {
            good.filter(f -> f.toString().endsWith(".arazzo.yaml")).sorted().forEach(documents::add);
        }
        int n = 0;
        for (Path file : documents) {
            Diagnostics diagnostics = new Diagnostics();
            Node root = new NodeReader(diagnostics)
                    .read(file, Location.startOf(file))
                    .orElseThrow();
            ArazzoDocument document = new DocumentBinder(diagnostics)
                    .bind(file, hostile(root, null, false))
                    .orElseThrow();
            ResolvedDocument resolved = new Resolver(diagnostics).resolve(document);
            Checks.run(resolved, diagnostics);
            assertEquals(List.of(), diagnostics.errors(), file.toString());
            List<WorkflowClass> files = new WorkflowClassGenerator(
                            "hostile.text" + n++, WorkflowClassNames.of(List.of(resolved)))
                    .generate(resolved, diagnostics);
            files.forEach(f -> sources.add(JavaFileObjects.forSourceString(f.qualifiedName(), f.source())));
        }
        assertThat(javac().withOptions("-Xlint:all", "-Werror").compile(sources))
                .succeededWithoutWarnings();
    }

    /** The node with hostile text appended where text is only text: never to ids, names or expressions. */
    private static Node hostile(Node node, String key, boolean inPayload) {
        if (node instanceof Node.StringNode s) {
            boolean literal = !s.value().contains("$") && !s.value().contains("{");
            boolean text = literal && (TEXTS.contains(key) || inPayload || "value".equals(key));
            return text ? new Node.StringNode(s.value() + HOSTILE, s.style(), s.location()) : s;
        } else if (node instanceof Node.MapNode map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            for (Node.Entry e : map.entries().values()) {
                boolean payload = inPayload || e.key().equals("payload");
                String newKey = inPayload ? e.key() + HOSTILE : e.key();
                entries.put(newKey, new Node.Entry(newKey, e.keyLocation(), hostile(e.value(), e.key(), payload)));
            }
            return new Node.MapNode(entries, map.location());
        } else if (node instanceof Node.ListNode list) {
            return new Node.ListNode(
                    list.items().stream().map(i -> hostile(i, key, inPayload)).toList(), list.location());
        }
        return node;
    }
}
