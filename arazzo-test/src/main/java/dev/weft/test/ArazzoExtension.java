package dev.weft.test;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.RunClock;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh {@link StubTransport}, {@link VirtualClock} and the
 * {@link ArazzoClient} that uses both, as parameters of the test method (or of {@code @BeforeEach} methods), and
 * after the test fails it if a request found no stub reply.
 *
 * <pre>{@code
 * @ExtendWith(ArazzoExtension.class)
 * class ImagesTest {
 *     @Test
 *     void pollsUntilDone(ArazzoClient client, StubTransport stub, VirtualClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>Parameters it resolves: {@code ArazzoClient} (one per test), {@code ArazzoClient.Builder} (a new builder with
 * the test's transport and clock set, to add servers or a poll policy), {@code StubTransport}, {@code VirtualClock}.
 * With {@link ArazzoRecording} the stub replays a file, or the client records one against the real server.
 */
public final class ArazzoExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The system property that switches {@link ArazzoRecording} tests to recording. */
    public static final String RECORDING_PROPERTY = "weft.recording";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ArazzoExtension.class);

    /** Creates the extension; JUnit does, for {@code @ExtendWith(ArazzoExtension.class)}. */
    public ArazzoExtension() {}

    @Override
    public void beforeEach(ExtensionContext context) {
        kit(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Kit kit = context.getStore(NAMESPACE).get(Kit.class, Kit.class);
        if (kit == null) {
            return;
        }
        if (kit.recorder != null) {
            if (context.getExecutionException().isEmpty()) {
                kit.recorder.writeTo(kit.recording);
            }
            return;
        }
        kit.stub.assertNoUnexpectedRequests();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ArazzoClient.class
                || type == ArazzoClient.Builder.class
                || type == StubTransport.class
                || type == VirtualClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Kit kit = kit(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == StubTransport.class) {
            return kit.stub;
        }
        if (type == VirtualClock.class) {
            return kit.clock;
        }
        if (type == ArazzoClient.Builder.class) {
            return kit.builder();
        }
        return kit.client();
    }

    private static Kit kit(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Kit.class, k -> newKit(context), Kit.class);
    }

    private static Kit newKit(ExtensionContext context) {
        Optional<ArazzoRecording> annotation = annotation(context);
        StubTransport stub = new StubTransport();
        VirtualClock clock = new VirtualClock();
        if (annotation.isEmpty()) {
            return new Kit(stub, clock, null, null);
        }
        Path file = Path.of(annotation.get().value());
        if (recording(annotation.get().mode())) {
            return new Kit(
                    stub, clock, new RecordingTransport(ArazzoClient.create().transport()), file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ExtensionConfigurationException("no recording at " + file.toAbsolutePath()
                    + "; record it once against the real server with -D" + RECORDING_PROPERTY + "=record");
        }
        stub.replay(file);
        return new Kit(stub, clock, null, file);
    }

    private static Optional<ArazzoRecording> annotation(ExtensionContext context) {
        for (Optional<? extends AnnotatedElement> element :
                java.util.List.of(context.getTestMethod(), context.getTestClass())) {
            if (element.isPresent() && element.get().isAnnotationPresent(ArazzoRecording.class)) {
                return Optional.of(element.get().getAnnotation(ArazzoRecording.class));
            }
        }
        return Optional.empty();
    }

    private static boolean recording(ArazzoRecording.Mode mode) {
        return switch (mode) {
            case RECORD -> true;
            case REPLAY -> false;
            case PROPERTY -> {
                String value =
                        System.getProperty(RECORDING_PROPERTY, "replay").trim().toLowerCase(Locale.ROOT);
                if (!value.equals("record") && !value.equals("replay")) {
                    throw new ExtensionConfigurationException(
                            "-D" + RECORDING_PROPERTY + " must be 'record' or 'replay', was '" + value + "'");
                }
                yield value.equals("record");
            }
        };
    }

    /** One test's transport, clock and client; in record mode, the recorder and the real transport under it. */
    private static final class Kit {
        final StubTransport stub;
        final VirtualClock clock;
        final RecordingTransport recorder;
        final Path recording;
        private ArazzoClient client;

        Kit(StubTransport stub, VirtualClock clock, RecordingTransport recorder, Path recording) {
            this.stub = stub;
            this.clock = clock;
            this.recorder = recorder;
            this.recording = recording;
        }

        ArazzoClient.Builder builder() {
            if (recorder == null) {
                return ArazzoClient.builder().transport(stub).clock(clock);
            }
            // recording: real requests on the real clock; the stub still keeps them for the test's assertions
            return ArazzoClient.builder()
                    .transport(new LoggedTransport(stub, recorder))
                    .clock(RunClock.SYSTEM);
        }

        synchronized ArazzoClient client() {
            if (client == null) {
                client = builder().build();
            }
            return client;
        }
    }

    /** Sends through the recorder and keeps each request in the stub, for assertions while recording. */
    private record LoggedTransport(StubTransport stub, HttpTransport recorder) implements HttpTransport {
        @Override
        public HttpResult send(HttpCall call) throws IOException, InterruptedException {
            stub.log(call);
            return recorder.send(call);
        }

        @Override
        public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
            stub.log(call);
            return recorder.sendAsync(call);
        }
    }
}
