package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The m2e lifecycle mapping embedded in the plugin: well-formed, in m2e's model (the elements its
 * {@code lifecycle-mapping-metadata} Modello model defines, each under its parent), and covering every
 * goal the plugin has but {@code help}.
 */
class M2eMetadataTest {
    private static final String RESOURCE = "META-INF/m2e/lifecycle-mapping-metadata.xml";

    /** m2e's model: which children each element may have. */
    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "lifecycleMappingMetadata", Set.of("pluginExecutions", "lifecycleMappings"),
            "pluginExecutions", Set.of("pluginExecution"),
            "pluginExecution", Set.of("pluginExecutionFilter", "action", "comment"),
            "pluginExecutionFilter", Set.of("groupId", "artifactId", "versionRange", "goals", "parameters"),
            "goals", Set.of("goal"),
            "action", Set.of("ignore", "execute", "error", "configurator"),
            "execute", Set.of("runOnIncremental", "runOnConfiguration"));

    @Test
    void theMappingIsInM2esModelAndRunsEveryGoalIncrementally() throws Exception {
        Document mapping;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is on the plugin's class path");
            mapping = parse(in);
        }
        Element root = mapping.getDocumentElement();
        assertEquals("lifecycleMappingMetadata", root.getTagName());
        checkModel(root);

        assertEquals(pluginGoals(), new TreeSet<>(texts(mapping, "goal")), "every goal but help is mapped");
        assertEquals(List.of("true"), texts(mapping, "runOnIncremental"));
        assertEquals(List.of("true"), texts(mapping, "runOnConfiguration"));
        // embedded in the plugin, a filter names goals only: m2e supplies the plugin's coordinates
        assertEquals(List.of(), texts(mapping, "groupId"));
    }

    private static void checkModel(Element element) {
        Set<String> allowed = CHILDREN.getOrDefault(element.getTagName(), Set.of());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                assertTrue(
                        allowed.contains(e.getTagName()),
                        "<" + e.getTagName() + "> is not a child of <" + element.getTagName() + "> in m2e's model");
                checkModel(e);
            }
        }
    }

    /** The goals in the descriptor maven-plugin-plugin wrote before the tests run. */
    private static Set<String> pluginGoals() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertTrue(Files.isRegularFile(descriptor), "the plugin descriptor was generated");
        Document plugin;
        try (InputStream in = Files.newInputStream(descriptor)) {
            plugin = parse(in);
        }
        Set<String> goals = new TreeSet<>();
        var mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            // a mojo's own <goal>, not those its parameters' descriptions mention
            for (Node child = mojos.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e
                        && e.getTagName().equals("goal")
                        && !e.getTextContent().equals("help")) {
                    goals.add(e.getTextContent().trim());
                }
            }
        }
        assertTrue(goals.containsAll(Set.of("generate", "generate-test", "validate")), goals::toString);
        return goals;
    }

    private static List<String> texts(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        var nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }
}
