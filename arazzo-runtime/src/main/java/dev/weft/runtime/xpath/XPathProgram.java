package dev.weft.runtime.xpath;

import java.util.List;
import org.w3c.dom.Document;

/** A compiled XPath expression of an {@link XPathEngine}. */
public interface XPathProgram {

    /**
     * Evaluates the expression with the document node as the context item.
     *
     * @param document a document the runtime parsed (DTDs and external entities off)
     * @return the result sequence, each item a {@link String}, {@link Boolean}, {@link Number} or
     *     {@link org.w3c.dom.Node} of {@code document}; other atomic values as their string value
     * @throws IllegalArgumentException when the evaluation raises a dynamic error
     */
    List<Object> evaluate(Document document);

    /**
     * The expression's effective boolean value, by the rules of its version.
     *
     * @param document a document the runtime parsed
     * @return the effective boolean value
     * @throws IllegalArgumentException when the evaluation raises a dynamic error (no effective boolean value)
     */
    boolean test(Document document);
}
