package dev.weft.runtime.internal;

/**
 * Thrown when a string template needs a value that is absent (D-13: a request never carries {@code "Bearer "}
 * with the token missing); generated code turns it into a {@link dev.weft.runtime.WorkflowException}.
 */
public class AbsentValueException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String where;

    /**
     * Creates the exception.
     *
     * @param where what the template builds, e.g. {@code header 'Authorization' of step 'poll'}
     */
    AbsentValueException(String where) {
        super("absent value in " + where);
        this.where = where;
    }

    /**
     * Returns what the template builds.
     *
     * @return the description given to the constructor
     */
    public String where() {
        return where;
    }
}
