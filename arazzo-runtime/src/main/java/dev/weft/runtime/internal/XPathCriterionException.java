package dev.weft.runtime.internal;

/** Thrown when an Arazzo {@code xpath} criterion is not an XPath 1.0 expression the JDK can evaluate. */
public class XPathCriterionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message a lowercase message without a final period
     * @param cause the JDK's exception, or {@code null}
     */
    public XPathCriterionException(String message, Throwable cause) {
        super(message, cause);
    }
}
