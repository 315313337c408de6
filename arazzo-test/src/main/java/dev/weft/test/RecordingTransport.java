package dev.weft.test;

import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link HttpTransport} that sends through another one (a real server's) and keeps each exchange, secrets
 * masked, to be written to a file that {@link StubTransport#replay(Path)} answers from later. Exchanges that fail
 * without a response are not kept. Thread-safe.
 */
public final class RecordingTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

    /**
     * Records the exchanges of a transport.
     *
     * @param delegate the transport that reaches the real server, e.g. {@code ArazzoClient.create().transport()}
     */
    public RecordingTransport(HttpTransport delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException, InterruptedException {
        HttpResult result = delegate.send(call);
        exchanges.add(RecordedExchange.of(call, result));
        return result;
    }

    @Override
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        return delegate.sendAsync(call).thenApply(result -> {
            exchanges.add(RecordedExchange.of(call, result));
            return result;
        });
    }

    /** @return how many exchanges were recorded */
    public int size() {
        return exchanges.size();
    }

    /**
     * Writes the exchanges so far to a file (replacing it), creating its folder.
     *
     * @param file the recording, e.g. {@code src/test/resources/recordings/poll.json}
     */
    public void writeTo(Path file) {
        RecordingFile.write(file, List.copyOf(exchanges));
    }

    @Override
    public String toString() {
        return "RecordingTransport[" + exchanges.size() + " exchanges through " + delegate + "]";
    }
}
