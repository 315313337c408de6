package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.http.JdkHttpTransport;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArazzoClientTest {

    @Test
    void defaults() {
        ArazzoClient client = ArazzoClient.create();
        assertEquals(PollPolicy.defaults(), client.pollPolicy());
        assertEquals(Duration.ofSeconds(60), client.requestTimeout());
        assertEquals(Duration.ofSeconds(10), client.connectTimeout());
        assertEquals(16L * 1024 * 1024, client.maxResponseBytes());
        assertInstanceOf(JdkHttpTransport.class, client.transport());
        assertSame(client.transport(), client.transport());
        assertEquals(Map.of(), client.defaultHeaders());
        assertEquals(256, client.maxRequestsPerOrigin());
        assertEquals(256, ((JdkHttpTransport) client.transport()).maxRequestsPerOrigin());
    }

    @Test
    void theBoundOnRequestsInFlightReachesTheDefaultTransport() {
        ArazzoClient client = ArazzoClient.builder().maxRequestsPerOrigin(8).build();
        assertEquals(8, client.maxRequestsPerOrigin());
        assertEquals(8, ((JdkHttpTransport) client.transport()).maxRequestsPerOrigin());
        assertEquals(
                8,
                client.withPollPolicy(PollPolicy.defaults().withMaxIterations(3))
                        .maxRequestsPerOrigin());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ArazzoClient.builder().maxRequestsPerOrigin(0));
        assertEquals("maxRequestsPerOrigin must be positive, was 0", e.getMessage());
    }

    @Test
    void baseUrlPrefersTheOverride() {
        ArazzoClient client = ArazzoClient.builder()
                .server("civitai", "http://127.0.0.1:1/api")
                .build();
        assertEquals("http://127.0.0.1:1/api", client.baseUrl("civitai", "https://civitai.com"));
        assertEquals("https://other", client.baseUrl("other", "https://other"));
        WorkflowException e = assertThrows(WorkflowException.class, () -> client.baseUrl("other", null));
        assertEquals(
                "no server URL for source description 'other': configure "
                        + "ArazzoClient.builder().server(\"other\", url)",
                e.getMessage());
    }

    @Test
    void defaultHeadersReplaceCaseInsensitively() {
        ArazzoClient client = ArazzoClient.builder()
                .defaultHeader("X-A", "1")
                .defaultHeader("Accept", "json")
                .defaultHeader("x-a", "2")
                .build();
        assertEquals(
                List.of(Map.entry("x-a", "2"), Map.entry("Accept", "json")),
                List.copyOf(client.defaultHeaders().entrySet()));
        assertThrows(
                UnsupportedOperationException.class,
                () -> client.defaultHeaders().put("b", "c"));
    }

    @Test
    void validatesSettings() {
        ArazzoClient.Builder b = ArazzoClient.builder();
        assertThrows(IllegalArgumentException.class, () -> b.requestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.connectTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.maxResponseBytes(0));
        assertThrows(NullPointerException.class, () -> b.pollPolicy(null));
    }

    @Test
    void startRunNamesTheWorkflow() {
        assertEquals("wf", Runs.workflowId(WorkflowRun.start(ArazzoClient.create(), "wf")));
    }
}
