package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A compiled Arazzo {@code xpath} criterion: an XPath 1.0 expression (the JDK's engine) evaluated on an XML context
 * value, passing by its effective boolean value.
 *
 * <p>The XML is parsed without DTDs, external entities or XInclude, so a hostile document can neither read files
 * nor expand entities; anything that does not parse makes the criterion fail rather than throw. Expressions may not
 * use variables, extension functions or namespace prefixes (other than {@code xml}): nothing could bind them.
 * Instances are immutable and thread-safe.
 */
public final class XPathCriterion {

    private static final DocumentBuilderFactory DOCUMENTS = documentBuilderFactory();

    /** DocumentBuilder and XPath are not thread-safe: each thread gets its own. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(XPathCriterion::newBuilder);

    private static final ThreadLocal<XPath> XPATHS = ThreadLocal.withInitial(XPathCriterion::newXPath);

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
    /** XPathExpression is not thread-safe either. */
    private final ThreadLocal<XPathExpression> compiled;

    private XPathCriterion(String expression) {
        this.expression = expression;
        this.compiled = ThreadLocal.withInitial(() -> compileOrThrow(expression));
    }

    /**
     * Compiles an XPath 1.0 expression.
     *
     * @param expression the expression, e.g. {@code /order/status = 'shipped'}
     * @return the compiled criterion
     * @throws XPathCriterionException if the JDK's XPath 1.0 engine cannot compile it, or it uses a variable
     */
    public static XPathCriterion compile(String expression) {
        Objects.requireNonNull(expression, "expression");
        XPathCriterion criterion = new XPathCriterion(expression);
        criterion.compiled.get();
        String variable = variableReference(expression);
        if (variable != null) {
            throw new XPathCriterionException("xpath variable '" + variable + "' cannot be bound in a criterion", null);
        }
        return criterion;
    }

    /**
     * Evaluates the criterion.
     *
     * @param context the context value: a string holding an XML document (a binary value is parsed as XML bytes;
     *     other values as their JSON text), or {@code null} when absent
     * @return the effective boolean value of the expression (XPath 1.0 {@code boolean()}: a non-empty node-set,
     *     a non-zero number that is not NaN, a non-empty string, or true); false when the context is absent,
     *     {@code null} or not well-formed XML
     */
    public boolean matches(JsonNode context) {
        Document document = parse(context);
        if (document == null) {
            return false;
        }
        try {
            return (Boolean) compiled.get().evaluate(document, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException e) {
            return false;
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

    @Override
    public String toString() {
        return expression;
    }

    private static Document parse(JsonNode context) {
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
    private static String describe(String message) {
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
