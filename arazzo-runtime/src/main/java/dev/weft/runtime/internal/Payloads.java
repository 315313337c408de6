package dev.weft.runtime.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Request body work for generated code: string payloads with embedded values (D-11), payload replacements
 * (D-51) by JSON Pointer or XPath, and form encoding (D-52).
 */
public final class Payloads {
    private Payloads() {}

    /**
     * Replaces (or adds) the value at a JSON Pointer in a payload: the parent must exist; an object member is
     * set, an array element replaced, {@code -} appends. An absent value removes nothing and adds nothing.
     *
     * @param root the evaluated payload
     * @param pointer the RFC 6901 target
     * @param value the new value, {@code null} when absent
     * @param where names the replacement in errors
     * @return the payload
     * @throws AbsentValueException when the parent does not exist
     */
    public static JsonNode replace(JsonNode root, String pointer, JsonNode value, String where) {
        if (value == null) {
            return root;
        }
        if (pointer.isEmpty()) {
            return value;
        }
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = Values.at(root, pointer.substring(0, slash));
        String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
        } else if (parent instanceof ArrayNode array && token.equals("-")) {
            array.add(value);
        } else if (parent instanceof ArrayNode array
                && token.matches("\\d+")
                && Integer.parseInt(token) < array.size()) {
            array.set(Integer.parseInt(token), value);
        } else {
            throw new AbsentValueException(where + " (no place at '" + pointer + "' in the payload)");
        }
        return root;
    }

    /**
     * Replaces the text of every node an XPath selects in an XML payload (D-51); the XML is parsed with
     * DTDs and external entities off.
     *
     * @param xml the evaluated payload
     * @param xpath the target
     * @param value the new text, {@code null} when absent
     * @param where names the replacement in errors
     * @return the payload with the replacement applied
     * @throws AbsentValueException when the XML does not parse or no node is selected
     */
    public static String replaceXml(String xml, String xpath, JsonNode value, String where) {
        if (value == null) {
            return xml;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            NodeList nodes = (NodeList)
                    XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            if (nodes.getLength() == 0) {
                throw new AbsentValueException(where + " (XPath '" + xpath + "' selects no node of the payload)");
            }
            for (int i = 0; i < nodes.getLength(); i++) {
                Node node = nodes.item(i);
                node.setTextContent(Values.text(value));
            }
            TransformerFactory transformers = TransformerFactory.newDefaultInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, xml.startsWith("<?xml") ? "no" : "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (AbsentValueException e) {
            throw e;
        } catch (Exception e) {
            throw new AbsentValueException(where + " (the payload is not XML the replacement can apply to: "
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Replaces the text of every node an XPath of a given version selects in an XML payload (a replacement whose
     * {@code targetSelectorType} names the version); the XML is parsed with DTDs and external entities off.
     *
     * @param xml the evaluated payload
     * @param target the compiled target
     * @param value the new text, {@code null} when absent
     * @param where names the replacement in errors
     * @return the payload with the replacement applied
     * @throws AbsentValueException when the XML does not parse or no node is selected
     */
    public static String replaceXml(String xml, XPathQuery target, JsonNode value, String where) {
        if (value == null) {
            return xml;
        }
        Document document = XPathQuery.parseText(xml);
        if (document == null) {
            throw new AbsentValueException(where + " (the payload is not XML the replacement can apply to)");
        }
        List<Node> nodes = target.nodes(document);
        if (nodes.isEmpty()) {
            throw new AbsentValueException(
                    where + " (XPath '" + target.expression() + "' selects no node of the payload)");
        }
        for (Node node : nodes) {
            node.setTextContent(Values.text(value));
        }
        try {
            TransformerFactory transformers = TransformerFactory.newDefaultInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, xml.startsWith("<?xml") ? "no" : "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new AbsentValueException(
                    where + " (the replaced payload does not serialise: " + e.getMessage() + ")");
        }
    }

    /**
     * Builds the text of a string payload (D-11): literal parts as written and values already encoded by
     * {@link #json}, {@link #jsonString}, {@link #formValue} or {@link #xmlText}, or plain.
     *
     * @param where names the payload in errors
     * @param parts literal {@code String}s, encoded values ({@code String}) and plain {@code JsonNode} values
     * @return the text
     * @throws AbsentValueException naming {@code where} if a value is absent (D-13: never a gap)
     */
    public static String text(String where, Object... parts) {
        return Values.interpolate(where, parts).textValue();
    }

    /**
     * A value as JSON text, where an expression stands for a whole value of JSON text.
     *
     * @param value the value, {@code null} when absent
     * @return the JSON, or {@code null}
     */
    public static String json(JsonNode value) {
        return value == null || value.isMissingNode() ? null : Json.write(value);
    }

    /**
     * The text of a value (D-10) escaped for the inside of a JSON string, where an expression is part of one.
     *
     * @param value the value, {@code null} when absent
     * @return the escaped characters, without quotes, or {@code null}
     */
    public static String jsonString(JsonNode value) {
        String text = Values.text(value);
        return text == null ? null : new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /**
     * The text of a value percent-encoded as form data, where an expression is part of form text.
     *
     * @param value the value, {@code null} when absent
     * @return the encoded text, or {@code null}
     */
    public static String formValue(JsonNode value) {
        String text = Values.text(value);
        return text == null ? null : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The text of a value escaped as XML character data, where an expression is part of XML text.
     *
     * @param value the value, {@code null} when absent
     * @return the escaped text, or {@code null}
     */
    public static String xmlText(JsonNode value) {
        String text = Values.text(value);
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Parses the text of a JSON string payload, so that replacements can apply to it (D-51).
     *
     * @param text the payload text
     * @param where names the payload in errors
     * @return the tree
     * @throws AbsentValueException when the text is not JSON
     */
    public static JsonNode parseJson(String text, String where) {
        try {
            JsonNode node = Json.parse(text);
            if (node == null) {
                throw new AbsentValueException(where + " (the payload is empty, so no replacement can apply)");
            }
            return node;
        } catch (IllegalArgumentException e) {
            throw new AbsentValueException(where + " (the payload is not JSON, so no replacement can apply)");
        }
    }

    /** {@code a=1&b=x%20y&tags=a&tags=b}; a string value is taken as already encoded. */
    static String formEncode(JsonNode fields) {
        if (fields.isTextual()) {
            return fields.asText();
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode value = field.getValue();
            List<JsonNode> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(values::add);
            } else {
                values.add(value);
            }
            for (JsonNode v : values) {
                pairs.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(Values.text(v), StandardCharsets.UTF_8));
            }
        }
        return String.join("&", pairs);
    }
}
