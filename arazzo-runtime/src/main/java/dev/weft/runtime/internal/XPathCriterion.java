package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled Arazzo {@code xpath} criterion: an XPath expression evaluated on an XML context value, passing by its
 * effective boolean value. XPath 1.0 is the JDK's engine; 2.0, 3.0 and 3.1 an
 * {@link dev.weft.runtime.xpath.XPathEngine} (see {@link XPathQuery}).
 *
 * <p>The XML is parsed without DTDs, external entities or XInclude, so a hostile document can neither read files
 * nor expand entities; anything that does not parse makes the criterion fail rather than throw. Expressions may not
 * use variables, extension functions or namespace prefixes (other than {@code xml}): nothing could bind them.
 * Instances are immutable and thread-safe.
 */
public final class XPathCriterion {

    private final XPathQuery query;

    private XPathCriterion(XPathQuery query) {
        this.query = query;
    }

    /**
     * Compiles an XPath 1.0 expression.
     *
     * @param expression the expression, e.g. {@code /order/status = 'shipped'}
     * @return the compiled criterion
     * @throws XPathCriterionException if the JDK's XPath 1.0 engine cannot compile it, or it uses a variable
     */
    public static XPathCriterion compile(String expression) {
        return compile(expression, XPathQuery.XPATH_10);
    }

    /**
     * Compiles an expression of a given XPath version.
     *
     * @param expression the expression
     * @param version {@code xpath-10}, {@code xpath-20}, {@code xpath-30} or {@code xpath-31}
     * @return the compiled criterion
     * @throws XPathCriterionException if it does not compile in that version, uses a variable, or no engine on the
     *     class path evaluates the version
     */
    public static XPathCriterion compile(String expression, String version) {
        return new XPathCriterion(XPathQuery.compile(expression, version));
    }

    /**
     * Evaluates the criterion.
     *
     * @param context the context value: a string holding an XML document (a binary value is parsed as XML bytes;
     *     other values as their JSON text), or {@code null} when absent
     * @return the effective boolean value of the expression (XPath 1.0 {@code boolean()}: a non-empty node-set,
     *     a non-zero number that is not NaN, a non-empty string, or true; the version's effective boolean value
     *     for the others); false when the context is absent, {@code null} or not well-formed XML
     */
    public boolean matches(JsonNode context) {
        return query.matches(context);
    }

    /**
     * Returns the expression.
     *
     * @return the text given to {@link #compile}
     */
    public String expression() {
        return query.expression();
    }

    @Override
    public String toString() {
        return query.expression();
    }
}
