package dev.weft.compiler.diagnostic;

/** How bad a diagnostic is; errors fail the build. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word javac prints for this severity. */
    public String label() {
        return label;
    }
}
