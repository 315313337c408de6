package dev.weft.compiler;

import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Workflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller that picks a workflow at run time (a command line, a tool server) needs to know before
 * running its generated class: its inputs and the source descriptions whose server URLs a run may override.
 *
 * @param document the Arazzo document that declares the workflow
 * @param workflowId the workflow's id
 * @param summary the workflow's summary, or null
 * @param inputs the inputs in document order
 * @param sources the names of the document's OpenAPI source descriptions, in document order
 */
public record WorkflowSignature(
        Path document, String workflowId, String summary, List<Input> inputs, List<String> sources) {

    public WorkflowSignature {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(workflowId, "workflowId");
        inputs = List.copyOf(inputs);
        sources = List.copyOf(sources);
    }

    /**
     * One input of a workflow.
     *
     * @param name the input's name, as {@code $inputs.name} reads it
     * @param type its JSON Schema {@code type} when it names exactly one, else null
     * @param required whether the inputs schema lists it as required
     * @param secret whether the run treats it as a secret (named like a credential, or {@code format: password})
     * @param description its description, or null
     */
    public record Input(String name, String type, boolean required, boolean secret, String description) {}

    /** The input called {@code name}, if the workflow has one. */
    public Optional<Input> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The names of the inputs, in document order. */
    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }

    static WorkflowSignature of(ArazzoDocument document, Workflow workflow) {
        InputSchema schema = InputSchema.of(workflow);
        List<Input> inputs = new ArrayList<>();
        schema.properties()
                .forEach((name, property) -> inputs.add(new Input(
                        name,
                        schema.type(name).orElse(null),
                        schema.isRequired(name),
                        schema.isSecret(name),
                        property instanceof Node.MapNode map && map.get("description") instanceof Node.StringNode d
                                ? d.value()
                                : null)));
        List<String> sources = document.sourceDescriptions().stream()
                .filter(SourceDescription::isOpenApi)
                .map(s -> s.name().value())
                .toList();
        return new WorkflowSignature(
                document.file(), workflow.workflowId().value(), workflow.summary(), inputs, sources);
    }
}
