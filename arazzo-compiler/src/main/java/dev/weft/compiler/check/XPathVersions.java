package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Located;
import dev.weft.runtime.internal.XPathCriterionException;
import dev.weft.runtime.internal.XPathQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which XPath version an Arazzo XPath (a Selector Object's, a replacement target's, a criterion's) is evaluated by,
 * and the check that it compiles in it (SEL-3). The JDK evaluates XPath 1.0; XPath 2.0, 3.0 and 3.1 need an engine
 * on the compiler's class path (module {@code arazzo-xpath}, over Saxon-HE), which the generated code then needs
 * too. A declared version is evaluated as declared, and without the engine it is an error naming the dependency to
 * add. The default (XPath 3.1 in 1.1, 3.0 in 1.0.x) is used when the engine is there; without it, the XPath is
 * evaluated as XPath 1.0 (D-32), with a warning in a 1.1 document, where one that is not XPath 1.0 is the same
 * error (in a 1.0.x document, whose XPaths Weft has always evaluated as 1.0, it is malformed).
 */
public final class XPathVersions {
    private XPathVersions() {}

    private static final Properties ARTIFACTS = read();

    /** Whether an engine evaluates a version, looked up once per version. */
    private static final Map<String, Boolean> ENGINES = new ConcurrentHashMap<>();

    /**
     * The dependency to add for XPath 2.0 and later.
     *
     * @return groupId:artifactId:version of {@code arazzo-xpath}
     */
    public static String artifact() {
        return ARTIFACTS.getProperty("artifact", XPathQuery.ENGINE_ARTIFACT);
    }

    private static String saxon() {
        return ARTIFACTS.getProperty("saxon", "net.sf.saxon:Saxon-HE");
    }

    /** The default XPath version of a document: 3.1 in 1.1, 3.0 in 1.0.x. */
    static String defaultVersion(ArazzoVersion arazzo) {
        return arazzo.atLeast(ArazzoVersion.V1_1) ? "xpath-31" : "xpath-30";
    }

    /** Whether an engine on the compiler's class path evaluates {@code version}. */
    static boolean evaluates(String version) {
        return version.equals(XPathQuery.XPATH_10)
                || ENGINES.computeIfAbsent(version, v -> XPathQuery.engine(v) != null);
    }

    /**
     * The version generated code evaluates an XPath by.
     *
     * @param declared the Expression Type Object's version, or null
     * @param arazzo the document's version
     * @return the declared version; else the default when an engine evaluates it; else {@code xpath-10}
     */
    public static String evaluated(Located<String> declared, ArazzoVersion arazzo) {
        if (declared != null) {
            return declared.value();
        }
        String fallback = defaultVersion(arazzo);
        return evaluates(fallback) ? fallback : XPathQuery.XPATH_10;
    }

    /**
     * Checks that an engine evaluates the version an XPath made at run time (with embedded expressions) is
     * evaluated by, reporting when not; its text is compiled only at run time.
     *
     * @param declared the declared version, or null
     * @param arazzo the document's version
     * @return whether an engine evaluates it
     */
    static boolean engine(Located<String> declared, ArazzoVersion arazzo, Diagnostics diagnostics) {
        String version = evaluated(declared, arazzo);
        if (evaluates(version)) {
            return true;
        }
        diagnostics.report(Message.XPATH_ENGINE_MISSING, declared.location(), declared.value(), artifact(), saxon());
        return false;
    }

    /**
     * Checks that an XPath compiles in the version it is evaluated by, reporting when not.
     *
     * @param expression the XPath
     * @param declared the declared version, or null
     * @param arazzo the document's version
     * @param malformed the message for an XPath that does not compile (its one placeholder the reason)
     * @return whether it compiles
     */
    static boolean check(
            Located<String> expression,
            Located<String> declared,
            ArazzoVersion arazzo,
            Message malformed,
            Diagnostics diagnostics) {
        String version = evaluated(declared, arazzo);
        if (!evaluates(version)) {
            diagnostics.report(
                    Message.XPATH_ENGINE_MISSING, declared.location(), declared.value(), artifact(), saxon());
            return false;
        }
        try {
            XPathQuery.compile(expression.value(), version);
        } catch (XPathCriterionException e) {
            if (declared == null && !version.equals(defaultVersion(arazzo)) && arazzo.atLeast(ArazzoVersion.V1_1)) {
                diagnostics.report(
                        Message.XPATH_NOT_1_0_WITHOUT_ENGINE,
                        expression.location(),
                        e.getMessage(),
                        defaultVersion(arazzo),
                        artifact(),
                        saxon());
            } else {
                diagnostics.report(malformed, expression.location(), e.getMessage());
            }
            return false;
        }
        if (declared == null && !version.equals(defaultVersion(arazzo)) && arazzo.atLeast(ArazzoVersion.V1_1)) {
            diagnostics.report(
                    Message.XPATH_AS_1_0, expression.location(), defaultVersion(arazzo), artifact(), saxon());
        }
        return true;
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = XPathVersions.class.getResourceAsStream("xpath.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
