package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.runtime.xpath.XPathEngine;
import dev.weft.runtime.xpath.XPathProgram;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathEvaluationResult;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A compiled XPath expression of a given Arazzo version, for Selector Objects and {@code xpath} criteria: XPath 1.0
 * ({@code xpath-10}) by the JDK's engine, 2.0, 3.0 and 3.1 by an {@link XPathEngine} found with
 * {@link ServiceLoader} (module {@code arazzo-xpath}).
 *
 * <p>The XML is parsed here, for every engine, without DTDs, external entities or XInclude, so a hostile document
 * can neither read files nor expand entities; anything that does not parse is an absent context. Expressions may
 * not use variables, extension functions or namespace prefixes (other than {@code xml}): nothing could bind them.
 * Instances are immutable and thread-safe.
 */
public final class XPathQuery {

    /** The version the JDK evaluates. */
    public static final String XPATH_10 = "xpath-10";

    /** What to add for the versions the JDK does not evaluate. */
    public static final String ENGINE_ARTIFACT = "dev.weft:arazzo-xpath";

    private static final DocumentBuilderFactory DOCUMENTS = documentBuilderFactory();

    /** DocumentBuilder and XPath are not thread-safe: each thread gets its own. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(XPathQuery::newBuilder);

    private static final ThreadLocal<XPath> XPATHS = ThreadLocal.withInitial(XPathQuery::newXPath);

    /** Binds only the {@code xml} prefix, so that other prefixes fail at compile time instead of never matching. */
    private static final NamespaceContext XML_PREFIX_ONLY = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return XMLConstants.XML_NS_PREFIX.equals(prefix) ? XMLConstants.XML_NS_URI : null;
        }

        @Override
        public String getPrefix(String namespaceUri) {
            return XMLConstants.XML_NS_URI.equals(namespaceUri) ? XMLConstants.XML_NS_PREFIX : null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceUri) {
            return XMLConstants.XML_NS_URI.equals(namespaceUri)
                    ? Collections.singletonList(XMLConstants.XML_NS_PREFIX).iterator()
                    : Collections.emptyIterator();
        }
    };

    /** Parse errors are expected input, not news: keep the parser from printing them to stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final String expression;
    private final String version;
    /** For XPath 1.0: XPathExpression is not thread-safe. */
    private final ThreadLocal<XPathExpression> compiled;
    /** For the other versions. */
    private final XPathProgram program;

    private XPathQuery(String expression, String version, XPathProgram program) {
        this.expression = expression;
        this.version = version;
        this.program = program;
        this.compiled = program == null ? ThreadLocal.withInitial(() -> compileOrThrow(expression)) : null;
    }

    /**
     * Compiles an expression.
     *
     * @param expression the expression, e.g. {@code /order/status}
     * @param version {@code xpath-10}, {@code xpath-20}, {@code xpath-30} or {@code xpath-31}
     * @return the compiled expression
     * @throws XPathCriterionException if it does not compile in that version, uses a variable, or no engine
     *     evaluates the version (the message names {@link #ENGINE_ARTIFACT})
     */
    public static XPathQuery compile(String expression, String version) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(version, "version");
        XPathQuery query;
        if (version.equals(XPATH_10)) {
            query = new XPathQuery(expression, version, null);
            query.compiled.get();
        } else {
            XPathEngine engine = engine(version);
            if (engine == null) {
                throw new XPathCriterionException(
                        "no XPath engine for '" + version + "' on the class path: add " + ENGINE_ARTIFACT, null);
            }
            XPathProgram program;
            try {
                program = engine.compile(expression, version);
            } catch (IllegalArgumentException e) {
                throw new XPathCriterionException(e.getMessage(), e);
            }
            query = new XPathQuery(expression, version, program);
        }
        String variable = variableReference(expression);
        if (variable != null) {
            throw new XPathCriterionException("xpath variable '" + variable + "' cannot be bound", null);
        }
        return query;
    }

    /**
     * The engine that evaluates a version, from the class loader of this class, else the thread's context one.
     *
     * @param version an Arazzo XPath version other than {@code xpath-10}
     * @return the first engine found that supports it, or null
     */
    public static XPathEngine engine(String version) {
        XPathEngine found = engine(version, XPathEngine.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (found == null && context != null && context != XPathEngine.class.getClassLoader()) {
            found = engine(version, context);
        }
        return found;
    }

    private static XPathEngine engine(String version, ClassLoader loader) {
        for (XPathEngine engine : ServiceLoader.load(XPathEngine.class, loader)) {
            if (engine.supports(version)) {
                return engine;
            }
        }
        return null;
    }

    /**
     * The effective boolean value of the expression on a context (XPath 1.0 {@code boolean()}, or the version's
     * effective boolean value).
     *
     * @param context a string holding an XML document (a binary value is parsed as XML bytes, other values as their
     *     JSON text), or {@code null} when absent
     * @return the effective boolean value; false when the context is absent, {@code null} or not well-formed XML,
     *     or the evaluation raises an error
     */
    public boolean matches(JsonNode context) {
        Document document = parse(context);
        if (document == null) {
            return false;
        }
        try {
            if (program != null) {
                return program.test(document);
            }
            return (Boolean) compiled.get().evaluate(document, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Selects from a context (a Selector Object): the result sequence as JSON. No item is absent ({@code null}),
     * one item is that item, several are an array of them. A boolean, number or string is itself; a node is its
     * string value, unless it is an element with child elements, which is its XML text.
     *
     * @param context as for {@link #matches}
     * @return the selection, or null when it is empty, the context is absent or not XML, or the evaluation fails
     */
    public JsonNode select(JsonNode context) {
        Document document = parse(context);
        if (document == null) {
            return null;
        }
        List<Object> items;
        try {
            items = program != null ? program.evaluate(document) : jdkItems(document);
        } catch (XPathExpressionException | IllegalArgumentException e) {
            return null;
        }
        if (items.isEmpty()) {
            return null;
        }
        if (items.size() == 1) {
            return json(items.get(0));
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(items.size());
        items.forEach(item -> array.add(json(item)));
        return array;
    }

    /**
     * The nodes the expression selects in a document (a payload replacement's targets).
     *
     * @param document a parsed document
     * @return the selected nodes, in document order; empty when it selects none or raises an error
     */
    List<Node> nodes(Document document) {
        List<Object> items;
        try {
            items = program != null ? program.evaluate(document) : jdkItems(document);
        } catch (XPathExpressionException | IllegalArgumentException e) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Node node) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /**
     * Parses XML text with DTDs and external entities off.
     *
     * @param xml the text
     * @return the document, or null when it is not well-formed XML
     */
    static Document parseText(String xml) {
        return xml == null ? null : parse(JsonNodeFactory.instance.textNode(xml));
    }

    private List<Object> jdkItems(Document document) throws XPathExpressionException {
        XPathEvaluationResult<?> result = compiled.get().evaluateExpression(document, XPathEvaluationResult.class);
        List<Object> items = new ArrayList<>();
        switch (result.type()) {
            case NODESET -> ((XPathNodes) result.value()).forEach(items::add);
            case NODE -> items.add(result.value());
            default -> items.add(result.value());
        }
        return items;
    }

    private static JsonNode json(Object item) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (item instanceof Boolean b) {
            return nodes.booleanNode(b);
        } else if (item instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return nodes.textNode(d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? nodes.numberNode(d.longValue()) : nodes.numberNode(d);
        } else if (item instanceof BigDecimal d) {
            return nodes.numberNode(d);
        } else if (item instanceof Number n) {
            return nodes.numberNode(n.longValue());
        } else if (item instanceof Node node) {
            return nodes.textNode(hasChildElements(node) ? xml(node) : node.getTextContent());
        }
        return nodes.textNode(String.valueOf(item));
    }

    private static boolean hasChildElements(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String xml(Node node) {
        try {
            TransformerFactory transformers = TransformerFactory.newDefaultInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            return node.getTextContent();
        }
    }

    /**
     * Returns the expression.
     *
     * @return the text given to {@link #compile}
     */
    public String expression() {
        return expression;
    }

    /**
     * Returns the version.
     *
     * @return the version given to {@link #compile}
     */
    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return expression;
    }

    /**
     * Parses a context value as XML, DTDs and external entities off.
     *
     * @param context as for {@link #matches}
     * @return the document, or null when the context is absent or not well-formed XML
     */
    static Document parse(JsonNode context) {
        if (context == null || context.isNull() || context.isMissingNode()) {
            return null;
        }
        InputSource source;
        if (context.isBinary()) {
            try {
                source = new InputSource(new ByteArrayInputStream(context.binaryValue()));
            } catch (IOException e) {
                return null;
            }
        } else {
            source = new InputSource(new StringReader(canonicalText(context)));
        }
        DocumentBuilder builder = BUILDERS.get();
        try {
            builder.setErrorHandler(SILENT);
            // belt and braces: DTDs are refused, but should one get through, it resolves to nothing
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(source);
        } catch (SAXException | IOException | RuntimeException e) {
            return null;
        } finally {
            builder.reset();
        }
    }

    /** The context as text, as the {@code regex} criterion sees it: strings as is, other values as JSON. */
    private static String canonicalText(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static XPathExpression compileOrThrow(String expression) {
        try {
            return XPATHS.get().compile(expression);
        } catch (XPathExpressionException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new XPathCriterionException("not an xpath 1.0 expression: " + describe(reason.getMessage()), e);
        }
    }

    /** A JDK message in javac style: lowercase first letter, no final period. */
    static String describe(String message) {
        if (message == null || message.isEmpty()) {
            return "syntax error";
        }
        String text = message.strip();
        while (text.endsWith(".") || text.endsWith("!")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** The first {@code $name} outside string literals, or null; XPath 1.0 strings have no escapes. */
    private static String variableReference(String expression) {
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int close = expression.indexOf(c, i + 1);
                i = close < 0 ? expression.length() : close;
            } else if (c == '$') {
                int end = i + 1;
                while (end < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(end))
                                || "_-.:".indexOf(expression.charAt(end)) >= 0)) {
                    end++;
                }
                return expression.substring(i, end);
            }
        }
        return null;
    }

    private static DocumentBuilderFactory documentBuilderFactory() {
        // the JDK's own implementation, whatever else is on the class path, so that the features below exist
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setValidating(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        return factory;
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (DOCUMENTS) {
                return DOCUMENTS.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create an XML parser", e);
        }
    }

    private static XPath newXPath() {
        XPathFactory factory = XPathFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (XPathFactoryConfigurationException e) {
            throw new IllegalStateException("the JDK's XPath engine lacks secure processing", e);
        }
        XPath xpath = factory.newXPath();
        xpath.setNamespaceContext(XML_PREFIX_ONLY);
        return xpath;
    }
}
