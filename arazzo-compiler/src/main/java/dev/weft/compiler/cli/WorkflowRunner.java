package dev.weft.compiler.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * {@code weft run}: compiles a document, compiles the generated classes with the JDK's compiler into a
 * temporary folder, loads them and runs one workflow with inputs from the command line.
 */
final class WorkflowRunner {
    private static final String PACKAGE = "weft.cli.generated";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Arguments arguments;
    private final PrintStream out;
    private final PrintStream err;

    WorkflowRunner(Arguments arguments, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.out = out;
        this.err = err;
    }

    int run() {
        CompilationResult result = Main.compile(arguments, PACKAGE);
        if (!Main.report(result, err)) {
            return Main.FAILED;
        }
        Path document = arguments.files().get(0);
        String className = result.files().stream()
                .filter(f -> f.runs(document, arguments.workflowId()))
                .map(GeneratedFile::qualifiedName)
                .findFirst()
                .orElse(null);
        if (className == null) {
            err.println("weft: the document has no workflow '" + arguments.workflowId() + "'");
            return Main.FAILED;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("weft-run");
            try (URLClassLoader loader = compile(result.files(), work)) {
                if (loader == null) {
                    return Main.FAILED;
                }
                ObjectNode outputs = run(JsonWorkflow.of(loader.loadClass(className)));
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outputs));
                return Main.OK;
            }
        } catch (WorkflowException e) {
            err.println("weft: workflow '" + arguments.workflowId() + "' failed: " + e.getMessage());
            return Main.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("weft: " + e.getMessage()); // the inputs do not fit the workflow
            return Main.FAILED;
        } catch (IOException | ClassNotFoundException e) {
            err.println("weft: cannot run the generated code: " + e);
            return Main.FAILED;
        } finally {
            delete(work);
        }
    }

    private URLClassLoader compile(List<GeneratedFile> files, Path work) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            err.println("weft: 'run' needs a JDK (no Java compiler in " + System.getProperty("java.home") + ")");
            return null;
        }
        List<String> sources = new ArrayList<>();
        for (GeneratedFile file : files) {
            sources.add(file.writeTo(work.resolve("src")).toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> options = new ArrayList<>(List.of(
                "-classpath",
                runtimeClasspath(),
                "-d",
                classes.toString(),
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8"));
        options.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, options.toArray(String[]::new));
        if (status != 0) {
            err.println(
                    "weft: the generated code did not compile; please report this:\n" + utf8(messages.toByteArray()));
            return null;
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, WorkflowRunner.class.getClassLoader());
    }

    private ObjectNode run(JsonWorkflow workflow) {
        ArazzoClient.Builder builder = ArazzoClient.builder();
        arguments.servers().forEach(builder::server);
        if (arguments.pollDelay() != null) {
            builder.pollPolicy(PollPolicy.defaults()
                    .withInitialDelay(arguments.pollDelay())
                    .withMaxDelay(arguments.pollDelay().multipliedBy(8)));
        }
        return workflow.run(builder.build(), inputs());
    }

    private ObjectNode inputs() {
        ObjectNode inputs = JSON.createObjectNode();
        for (Map.Entry<String, String> input : arguments.inputs().entrySet()) {
            inputs.set(input.getKey(), parse(input.getValue()));
        }
        return inputs;
    }

    /** JSON when the text is JSON (a number, true, an object…), else the text as a string. */
    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? JSON.getNodeFactory().textNode(text) : node;
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** Where the runtime and Jackson classes come from: this tool's own jars or folders. */
    private static String runtimeClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type :
                new Class<?>[] {ArazzoClient.class, JsonNode.class, JsonFactory.class, JsonProperty.class}) {
            try {
                entries.add(Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (URISyntaxException | NullPointerException e) {
                // a class without a code source (unusual); javac then relies on the rest of the path
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
