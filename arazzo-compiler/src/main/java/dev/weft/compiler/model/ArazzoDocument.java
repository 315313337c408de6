package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Arazzo document: its sources, workflows and components.
 *
 * @param arazzo the declared version string
 * @param version the minor version it names, which decides the rules the document is checked by
 * @param self the Arazzo 1.1 {@code $self} URI-reference (the document's identity and base URI), or null
 */
public record ArazzoDocument(
        Path file,
        Located<String> arazzo,
        ArazzoVersion version,
        Located<String> self,
        Info info,
        List<SourceDescription> sourceDescriptions,
        List<Workflow> workflows,
        ReusableComponents components,
        Location location) {

    public ArazzoDocument {
        version = version == null ? ArazzoVersion.V1_0 : version;
        sourceDescriptions = List.copyOf(sourceDescriptions);
        workflows = List.copyOf(workflows);
        components = components == null ? ReusableComponents.NONE : components;
    }

    /** A document without components. */
    public ArazzoDocument(
            Path file,
            Located<String> arazzo,
            Info info,
            List<SourceDescription> sourceDescriptions,
            List<Workflow> workflows,
            Location location) {
        this(
                file,
                arazzo,
                ArazzoVersion.of(arazzo.value()).orElse(ArazzoVersion.V1_0),
                null,
                info,
                sourceDescriptions,
                workflows,
                ReusableComponents.NONE,
                location);
    }

    public Optional<SourceDescription> source(String name) {
        return sourceDescriptions.stream()
                .filter(s -> s.name().value().equals(name))
                .findFirst();
    }

    public Optional<Workflow> workflow(String id) {
        return workflows.stream().filter(w -> w.workflowId().value().equals(id)).findFirst();
    }
}
