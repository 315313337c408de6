package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Values placed in a path stay inside their segment, as the server sees the request line. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class PathInjectionTest {

    @Test
    void pathParametersCannotChangeThePath() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("../admin", "..%2Fadmin");
        expected.put("a/b", "a%2Fb");
        expected.put("%2e%2e", "%252e%252e");
        expected.put("?x=1", "%3Fx%3D1");
        expected.put("#frag", "%23frag");
        expected.put("..", "%2E%2E");
        expected.put("a b\r\nX-Injected: 1", "a%20b%0D%0AX-Injected%3A%201");
        try (RawServer server = RawServer.start(RawServer.reply(200, "application/json", "{}"))) {
            ArazzoClient client = ArazzoClient.builder()
                    .server("api", server.baseUrl() + "/v1/")
                    .build();
            WorkflowRun run = WorkflowRun.start(client, "wf");
            for (String value : expected.keySet()) {
                Runs.send(
                        run,
                        StepRequest.create("get", "api", null, "GET", "/users/{id}/profile")
                                .pathParam("id", Values.of(value)));
            }
            int i = 0;
            for (String encoded : expected.values()) {
                assertEquals(
                        "GET /v1/users/" + encoded + "/profile HTTP/1.1",
                        server.requestLines().get(i++));
            }
        }
    }
}
