package dev.weft.runtime.internal;

/** Thrown when a JSONPath query is not a well-formed, well-typed RFC 9535 query. */
public class JsonPathSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * Creates the exception.
     *
     * @param message a lowercase message without a final period, e.g. {@code ']' expected}
     * @param offset the 0-based character offset in the query where the problem is
     */
    public JsonPathSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /**
     * Returns where the problem is.
     *
     * @return the 0-based character offset in the query text, at most its length
     */
    public int offset() {
        return offset;
    }
}
