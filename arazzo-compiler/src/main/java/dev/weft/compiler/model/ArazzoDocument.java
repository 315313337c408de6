package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Arazzo document: its sources, workflows and components.
 *
 * @param arazzo the declared version string
 * @param version the minor version it names, which decides the rules the document is checked by
 * @param self the Arazzo 1.1 {@code $self} URI-reference (the document's identity and base URI), or null
 * @param selectors (1.1) every Selector Object of the document (outputs, parameter values, payloads, replacement
 *     values), by the location of its object, which is where a value holding it has it
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
        Map<Location, Selector> selectors,
        Location location) {

    public ArazzoDocument {
        version = version == null ? ArazzoVersion.V1_0 : version;
        selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
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
                Map.of(),
                location);
    }

    /** The Selector Object a value is, or null when it is not one. */
    public Selector selector(Node value) {
        return value instanceof Node.MapNode ? selectors.get(value.location()) : null;
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
