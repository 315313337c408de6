package dev.weft.compiler.cli;

import dev.weft.runtime.ResponseInspector;
import dev.weft.runtime.ResponseInspectorProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft run --check [SPEC]}: the run-time checks of module {@code arazzo-runtime-checks}, found through
 * {@link ServiceLoader} so that the command line's code does not name it (the {@code -cli} jar includes it).
 */
final class ResponseCheckOption implements IParameterConsumer {

    /** What {@code --check} takes as its SPEC rather than leaving it for the next parameter (the document). */
    private static final Pattern SPEC = Pattern.compile(
            "\\{.*|(?i:error|warn|warning|off)|[A-Za-z_]+\\s*=\\s*[A-Za-z]+(\\s*,\\s*[A-Za-z_]+\\s*=\\s*[A-Za-z]+)*,?",
            Pattern.DOTALL);

    /** The message when the module is not on the class path. */
    static final String ABSENT = "--check needs module 'arazzo-runtime-checks' on the class path (the weft -cli jar"
            + " includes it; with the plain jar, add arazzo-runtime-checks and its dependencies)";

    /** Takes the next argument as SPEC when it reads as one, else none ({@code --check} alone). */
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String next = args.isEmpty() ? null : args.peek();
        argSpec.setValue(next != null && SPEC.matcher(next.trim()).matches() ? args.pop() : "");
    }

    /**
     * Loads the checks for the workflows of a document.
     *
     * @param document the Arazzo document, whose local OpenAPI sources describe the responses
     * @param spec the severities, as {@code arazzo-runtime-checks} reads them ("" for every check an error)
     * @param loader where to look for the module
     * @return the inspector
     * @throws IllegalArgumentException when the module is absent, the SPEC is wrong or a description unreadable;
     *     the message says which
     */
    static ResponseInspector load(Path document, String spec, ClassLoader loader) {
        ResponseInspectorProvider provider;
        try {
            Iterator<ResponseInspectorProvider> found =
                    ServiceLoader.load(ResponseInspectorProvider.class, loader).iterator();
            if (!found.hasNext()) {
                throw new IllegalArgumentException(ABSENT);
            }
            provider = found.next();
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException(ABSENT + ": " + e.getMessage(), e);
        }
        try {
            return provider.create(document, spec == null ? "" : spec);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--check cannot read the OpenAPI descriptions of '" + document + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException("--check: " + message, e);
        }
    }
}
