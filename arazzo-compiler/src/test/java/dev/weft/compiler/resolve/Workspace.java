package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A folder of test files: an Arazzo document calling one operation of {@code api.openapi.*}, resolved. */
final class Workspace {
    final Path dir;
    final Diagnostics diagnostics = new Diagnostics();

    Workspace(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Arazzo document whose one step calls {@code operationId} of the description at {@code url}. */
    Path arazzo(String url, String operationId) {
        return write("flow.arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: t, version: '1'}
                sourceDescriptions:
                - {name: api, url: '%s', type: openapi}
                workflows:
                - workflowId: w
                  steps:
                  - stepId: s
                    operationId: %s
                    successCriteria: [{condition: $statusCode == 200}]
                """.formatted(url, operationId));
    }

    ResolvedDocument resolve(Path arazzo, Map<String, Path> mappings) {
        ArazzoDocument document = new DocumentBinder(diagnostics)
                .bind(
                        arazzo,
                        new NodeReader(diagnostics)
                                .read(arazzo, Location.startOf(arazzo))
                                .orElseThrow())
                .orElseThrow();
        return new Resolver(diagnostics, mappings).resolve(document);
    }

    /** The operation behind the document's one step, if it resolved. */
    static java.util.Optional<OperationRef> target(ResolvedDocument resolved) {
        Workflow workflow = resolved.document().workflows().get(0);
        return resolved.target(workflow, workflow.steps().get(0));
    }

    List<Diagnostic> errors() {
        return diagnostics.errors();
    }

    List<Diagnostic> errors(DiagnosticCode code) {
        return diagnostics.errors().stream().filter(d -> d.code() == code).toList();
    }
}
