package dev.weft.compiler.cli;

import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import dev.weft.runtime.http.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The transport of {@code weft run}: sends through the runtime's own, collects the secrets the run registers
 * (which every request carries) so that outputs and reports can be masked, and with {@code --verbose} prints each
 * request and response (headers, a body excerpt) with those secrets and credential headers masked.
 */
final class ObservingTransport implements HttpTransport {
    private final HttpTransport delegate;
    private final PrintWriter verbose;
    private final Set<String> secrets = new HashSet<>();

    /**
     * @param verbose where to print exchanges, or null for nowhere
     * @param secrets secrets known before the run (its secret inputs)
     */
    ObservingTransport(HttpTransport delegate, PrintWriter verbose, Set<String> secrets) {
        this.delegate = delegate;
        this.verbose = verbose;
        this.secrets.addAll(secrets);
    }

    /** The secrets seen so far: those known before the run, those it registered and credential header values. */
    synchronized Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException, InterruptedException {
        Redaction redaction = observe(call);
        try {
            HttpResult result = delegate.send(call);
            show(redaction, result);
            return result;
        } catch (IOException e) {
            failed(redaction, e);
            throw e;
        }
    }

    @Override
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        Redaction redaction = observe(call);
        return delegate.sendAsync(call).whenComplete((result, e) -> {
            if (result != null) {
                show(redaction, result);
            } else {
                failed(redaction, e);
            }
        });
    }

    private Redaction observe(HttpCall call) {
        Redaction redaction;
        synchronized (this) {
            secrets.addAll(call.secrets());
            for (Map.Entry<String, String> header : call.headers()) {
                if (Redactor.isSecretHeader(header.getKey())) {
                    String value = header.getValue();
                    secrets.add(value);
                    // "Bearer abc": the credential alone may be echoed too
                    int space = value.indexOf(' ');
                    secrets.add(space > 0 ? value.substring(space + 1).trim() : value);
                }
            }
            redaction = new Redaction(secrets);
        }
        if (verbose != null) {
            print(redaction, "> " + call.method() + " " + redaction.uri(call.uri()));
            call.headers().forEach(h -> print(redaction, "> " + h.getKey() + ": " + header(h.getKey(), h.getValue())));
            excerpt(redaction, ">", call.body(), call.header("Content-Type"));
        }
        return redaction;
    }

    private void show(Redaction redaction, HttpResult result) {
        if (verbose != null) {
            print(redaction, "< " + result.statusCode());
            result.headers().forEach((name, values) -> {
                if (name != null) {
                    values.forEach(v -> print(redaction, "< " + name + ": " + header(name, v)));
                }
            });
            excerpt(redaction, "<", result.body(), result.contentType());
        }
    }

    private void failed(Redaction redaction, Throwable e) {
        if (verbose != null) {
            print(redaction, "< no response: " + e);
        }
    }

    private static String header(String name, String value) {
        return Redactor.redactHeaderValue(name, value);
    }

    /** The body's first 500 characters when it is text, else its length. */
    private void excerpt(Redaction redaction, String arrow, byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return;
        }
        if (!isText(contentType)) {
            print(redaction, arrow + " (" + body.length + " bytes of " + contentType + ")");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        boolean cut = text.length() > WorkflowException.MAX_EXCERPT;
        String shown = cut ? text.substring(0, WorkflowException.MAX_EXCERPT) : text;
        for (String line : List.of(shown.split("\r?\n", -1))) {
            print(redaction, arrow + " " + line);
        }
        if (cut) {
            print(redaction, arrow + " ... (" + body.length + " bytes)");
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("x-www-form-urlencoded");
    }

    private void print(Redaction redaction, String line) {
        StringBuilder clean = new StringBuilder("  ");
        String masked = redaction.text(line);
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            // a server's control characters must not move the cursor or recolour the terminal
            clean.append(c < 0x20 && c != '\t' || c == 0x7f ? '?' : c);
        }
        synchronized (verbose) {
            verbose.println(clean);
        }
    }
}
