package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands of the README's "The command line" section as written, in this JVM and from the repository's
 * root, with two stand-ins: the fake Civitai server's URL for {@code http://127.0.0.1:8080} and a temporary
 * folder for the {@code target/} files they write. The run's output must be the one the README shows, but for
 * times and ids. (The jar itself runs the same commands in the {@code cli-readme-jar} integration test.)
 */
@Timeout(120)
class ReadmeCommandLineTest {
    private static final Path ROOT = Path.of("../..");
    private static final String README_URL = "http://127.0.0.1:8080";
    private static final String KEY = "readme-test-key-0123456789";

    @TempDir
    Path work;

    private FakeCivitaiServer fake;

    @BeforeEach
    void start() {
        fake = FakeCivitaiServer.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private record Result(int status, String out, String err) {}

    @Test
    void theReadmesCommandsRunAsWritten() throws Exception {
        String section = section(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        List<String> blocks = blocks(section);
        List<String> commands = commands(blocks.get(0));
        assertTrue(commands.get(0).startsWith("alias weft='java -jar arazzo-compiler/target/"), commands.get(0));
        String jar = commands.get(0).replaceAll("^alias weft='java -jar (\\S+)'$", "$1");
        assertTrue(jar.endsWith("arazzo-compiler-" + version() + "-cli.jar"), jar + " is the jar this build writes");

        Result help = weft(commands.get(1));
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("Usage: weft"), help.out());

        Result check = weft(commands.get(2));
        assertEquals(0, check.status(), check.err());
        assertTrue(check.err().contains("warning: [bare-expression]"), check.err());

        Result generate = weft(commands.get(3));
        assertEquals(0, generate.status(), generate.err());
        assertTrue(Files.exists(work.resolve("target/generated/com/example/civitai/WorkflowQueryCancelWorkflow.java")));

        Result run = weft(commands.get(4));
        assertEquals(0, run.status(), run.err());
        assertEquals(normalized(blocks.get(1)), normalized(run.err() + run.out()), "the README shows a real run");
        assertTrue(Files.exists(work.resolve("target/weft-report.xml")));
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(work.resolve("target/weft-report.xml").toFile());
        assertEquals(5, commands.size(), "every command of the section is run here");
    }

    /** Times and the fake's workflow ids vary from run to run. */
    private static String normalized(String text) {
        return text.replaceAll("\\d+ ms", "N ms")
                .replaceAll("wf-[0-9a-f-]+", "wf-ID")
                .strip();
    }

    private Result weft(String command) throws IOException {
        List<String> words = words(command);
        assertEquals("weft", words.get(0), command);
        List<String> args = new ArrayList<>(List.of(words.get(1))); // the command, or an option
        Set<String> outputs = Set.of("-d", "--report-file");
        for (int i = 2; i < words.size(); i++) {
            String word = words.get(i);
            if (outputs.contains(word)) {
                args.add(word);
                args.add(work.resolve(words.get(++i)).toString());
            } else if (word.startsWith("-")) {
                args.add(word);
                if (!Set.of("--help", "--strict", "--verbose", "-v").contains(word)) {
                    args.add(words.get(++i).replace(README_URL, fake.orchestrationUrl()));
                }
            } else {
                args.addAll(glob(word));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A path below the repository's root, its last part expanded as the shell expands a glob. */
    private static List<String> glob(String word) throws IOException {
        Path path = ROOT.resolve(word);
        if (!word.contains("*")) {
            return List.of(path.toString());
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
        try (Stream<Path> files = Files.list(path.getParent())) {
            List<String> found = files.filter(f -> matcher.matches(f.getFileName()))
                    .map(Path::toString)
                    .sorted()
                    .toList();
            assertTrue(!found.isEmpty(), word + " matches files");
            return found;
        }
    }

    /** A command's words as sh splits them: quotes, backslash-newline and {@code $VARIABLE}s. */
    private static List<String> words(String command) {
        Map<String, String> environment = Map.of("CIVITAI_API_KEY", KEY);
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == '$' && quote != '\'') {
                Matcher name = Pattern.compile("[A-Z_]+").matcher(command).region(i + 1, command.length());
                assertTrue(name.lookingAt(), command);
                word.append(environment.get(name.group()));
                i = name.end() - 1;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String section(String readme) {
        int start = readme.indexOf("## The command line\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0 && end > start, "the README has a section 'The command line'");
        return readme.substring(start, end);
    }

    private static List<String> blocks(String section) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^```\\w*\\n(.*?)^```").matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** The commands of a block, a line ending in a backslash joined with the next. */
    private static List<String> commands(String block) {
        return List.of(block.replace("\\\n", " ").strip().split("\n"));
    }

    private static String version() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>weft-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(version.find());
        return version.group(1);
    }
}
