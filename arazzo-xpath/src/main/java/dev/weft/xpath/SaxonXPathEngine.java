package dev.weft.xpath;

import dev.weft.runtime.xpath.XPathEngine;
import dev.weft.runtime.xpath.XPathProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.w3c.dom.Document;

/**
 * XPath 2.0, 3.0 and 3.1 by Saxon-HE's XPath 3.1 processor (3.1 accepts the expressions of 2.0 and 3.0, and
 * their effective boolean value rules are the same). No URI protocol is allowed, so an expression reads no file or
 * URL; there are no variables, and no namespace prefix is bound but Saxon's predeclared ones ({@code xml},
 * {@code xs}, {@code fn}, {@code map}, {@code array}, {@code math}).
 */
public final class SaxonXPathEngine implements XPathEngine {

    private static final Set<String> VERSIONS = Set.of("xpath-20", "xpath-30", "xpath-31");

    private final Processor processor;

    /** The engine, one Saxon processor for all its expressions (thread-safe). */
    public SaxonXPathEngine() {
        processor = new Processor(false);
        processor.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        processor.setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
        processor.setConfigurationProperty(Feature.DTD_VALIDATION, false);
    }

    @Override
    public boolean supports(String version) {
        return VERSIONS.contains(version);
    }

    @Override
    public String name() {
        return "Saxon-HE " + processor.getSaxonProductVersion();
    }

    @Override
    public XPathProgram compile(String expression, String version) {
        if (!supports(version)) {
            throw new IllegalArgumentException("version '" + version + "' is not one Saxon evaluates here");
        }
        XPathCompiler compiler = processor.newXPathCompiler();
        compiler.setLanguageVersion("3.1");
        XPathExecutable executable;
        try {
            executable = compiler.compile(expression);
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException("not an xpath " + number(version) + " expression: " + describe(e), e);
        }
        return new Program(processor, executable);
    }

    private static String number(String version) {
        return switch (version) {
            case "xpath-20" -> "2.0";
            case "xpath-30" -> "3.0";
            default -> "3.1";
        };
    }

    /** Saxon's message in javac style: lowercase first letter, no final period, one line. */
    static String describe(SaxonApiException e) {
        String message =
                e.getMessage() == null ? "syntax error" : e.getMessage().strip();
        int line = message.indexOf('\n');
        if (line >= 0) {
            message = message.substring(0, line).strip();
        }
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message.isEmpty()
                ? "syntax error"
                : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    private record Program(Processor processor, XPathExecutable executable) implements XPathProgram {

        @Override
        public List<Object> evaluate(Document document) {
            XdmValue value;
            try {
                value = load(document).evaluate();
            } catch (SaxonApiException e) {
                throw new IllegalArgumentException(describe(e), e);
            }
            List<Object> items = new ArrayList<>(value.size());
            for (XdmItem item : value) {
                items.add(item(item));
            }
            return items;
        }

        @Override
        public boolean test(Document document) {
            try {
                return load(document).effectiveBooleanValue();
            } catch (SaxonApiException e) {
                throw new IllegalArgumentException(describe(e), e);
            }
        }

        private XPathSelector load(Document document) throws SaxonApiException {
            DocumentBuilder builder = processor.newDocumentBuilder();
            XdmNode root = builder.wrap(document);
            XPathSelector selector = executable.load();
            selector.setContextItem(root);
            return selector;
        }

        private static Object item(XdmItem item) {
            if (item instanceof XdmNode node) {
                Object external = node.getExternalNode();
                return external != null ? external : node.getStringValue();
            }
            if (item instanceof XdmAtomicValue atomic) {
                Object value = atomic.getValue();
                if (value instanceof Boolean || value instanceof Number) {
                    return value;
                }
                return atomic.getStringValue();
            }
            return item.toString();
        }
    }
}
