package dev.weft.runtime.xpath;

/**
 * Evaluates XPath versions the JDK does not (2.0, 3.0, 3.1), registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.weft.runtime.xpath.XPathEngine}. An engine must read no resource an expression names
 * ({@code doc()}, {@code unparsed-text()}, {@code collection()} and the like fail), and must be thread-safe.
 */
public interface XPathEngine {

    /**
     * Whether this engine evaluates a version.
     *
     * @param version an Arazzo Expression Type version: {@code xpath-20}, {@code xpath-30} or {@code xpath-31}
     * @return true when it does
     */
    boolean supports(String version);

    /**
     * Compiles an expression, with no variables and only the {@code xml} namespace prefix bound.
     *
     * @param expression the XPath expression
     * @param version a version {@link #supports} accepts
     * @return the compiled expression, thread-safe
     * @throws IllegalArgumentException with a lowercase message without a final period when it does not compile
     */
    XPathProgram compile(String expression, String version);

    /**
     * The engine's name and version, for messages.
     *
     * @return e.g. {@code Saxon-HE 12.5}
     */
    String name();
}
