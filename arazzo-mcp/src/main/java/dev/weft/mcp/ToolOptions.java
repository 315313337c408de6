package dev.weft.mcp;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What an application overrides in one workflow's tool: its name (by default the {@code workflowId}), title,
 * description (by default the workflow's summary and description) and hints (by default derived from the HTTP
 * methods it sends, see {@link ToolHints#derive}). Used through {@link WorkflowTools.Builder#add(
 * dev.weft.runtime.JsonWorkflow, java.util.function.Consumer)}; not thread-safe.
 */
public final class ToolOptions {

    private String name;
    private String title;
    private String description;
    private UnaryOperator<ToolHints> hints = UnaryOperator.identity();

    ToolOptions() {}

    /**
     * @param value the tool's name: 1 to 128 of {@code A-Z a-z 0-9 _ - .}
     * @return these options
     */
    public ToolOptions name(String value) {
        this.name = Objects.requireNonNull(value, "name");
        return this;
    }

    /**
     * @param value a human-readable title for the tool
     * @return these options
     */
    public ToolOptions title(String value) {
        this.title = Objects.requireNonNull(value, "title");
        return this;
    }

    /**
     * @param value what the tool does, for the agent
     * @return these options
     */
    public ToolOptions description(String value) {
        this.description = Objects.requireNonNull(value, "description");
        return this;
    }

    /**
     * Replaces the derived hints.
     *
     * @param value the hints
     * @return these options
     */
    public ToolOptions hints(ToolHints value) {
        Objects.requireNonNull(value, "hints");
        this.hints = derived -> value;
        return this;
    }

    /**
     * Adjusts the derived hints, e.g. {@code h -> h.withIdempotent(true)}.
     *
     * @param change from the derived hints to the tool's
     * @return these options
     */
    public ToolOptions hints(UnaryOperator<ToolHints> change) {
        Objects.requireNonNull(change, "change");
        UnaryOperator<ToolHints> before = hints;
        this.hints = derived -> change.apply(before.apply(derived));
        return this;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    ToolHints hintsFrom(ToolHints derived) {
        return hints.apply(derived);
    }
}
