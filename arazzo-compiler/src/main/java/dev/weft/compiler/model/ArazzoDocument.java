package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One Arazzo document: its sources, workflows and components. */
public record ArazzoDocument(
        Path file,
        Located<String> arazzo,
        Info info,
        List<SourceDescription> sourceDescriptions,
        List<Workflow> workflows,
        ReusableComponents components,
        Location location) {

    public ArazzoDocument {
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
        this(file, arazzo, info, sourceDescriptions, workflows, ReusableComponents.NONE, location);
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
