package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** Which redirect a flight follows and with which headers; the wire is in {@code faults.RedirectsTest}. */
class FlightTest {

    private static final HttpCall CALL = new HttpCall(
            "GET",
            URI.create("https://api.example.com/v1/jobs"),
            List.of(
                    Map.entry("Authorization", "Bearer abcdefgh"),
                    Map.entry("X-Note", "has s3cr3t-value inside"),
                    Map.entry("Accept", "application/json")),
            null,
            Duration.ofSeconds(5),
            Set.of("s3cr3t-value"));

    private static HttpCall next(RedirectPolicy policy, int status, String location) {
        return new Flight(CALL, policy, 1000).next(response(status, location), CALL);
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        URI a = URI.create("https://API.example.com/x");
        assertTrue(Flight.sameOrigin(a, URI.create("HTTPS://api.example.com:443/y")));
        assertTrue(Flight.sameOrigin(URI.create("http://h/x"), URI.create("http://h:80/y")));
        assertFalse(Flight.sameOrigin(a, URI.create("http://api.example.com/x")));
        assertFalse(Flight.sameOrigin(a, URI.create("https://api.example.com:8443/x")));
        assertFalse(Flight.sameOrigin(a, URI.create("https://api.example.com.evil.test/x")));
        assertFalse(Flight.sameOrigin(a, URI.create("https://user@evil.test/x")));
    }

    @Test
    void sameOriginKeepsEverything() {
        HttpCall next = next(RedirectPolicy.SAME_ORIGIN, 302, "/v2/jobs?x=1");
        assertEquals(URI.create("https://api.example.com/v2/jobs?x=1"), next.uri());
        assertEquals(CALL.headers(), next.headers());
        assertNull(next(RedirectPolicy.SAME_ORIGIN, 302, "https://evil.test/v2"));
        assertNull(next(RedirectPolicy.NONE, 302, "/v2/jobs"));
    }

    @Test
    void anyOriginDropsCredentialsAndRefusesDowngrades() {
        HttpCall next = next(RedirectPolicy.ANY_ORIGIN, 307, "https://cdn.example.net/blob");
        assertEquals(List.of(Map.entry("Accept", "application/json")), next.headers());
        assertNull(next(RedirectPolicy.ANY_ORIGIN, 302, "http://cdn.example.net/blob"), "https to http");
        assertNull(next(RedirectPolicy.ANY_ORIGIN, 302, "http://api.example.com/v1/jobs"), "https to http");
    }

    @Test
    void onlyRealRedirectsToHttpUrlsAreFollowed() {
        for (String location : List.of("ftp://api.example.com/x", "javascript:alert(1)", "http://[::1", "mailto:x@y")) {
            assertNull(next(RedirectPolicy.ANY_ORIGIN, 302, location), location);
        }
        for (int status : new int[] {300, 304, 305, 200, 404}) {
            assertNull(next(RedirectPolicy.ANY_ORIGIN, status, "/v2"), "status " + status);
        }
        assertNull(new Flight(CALL, RedirectPolicy.ANY_ORIGIN, 1000).next(response(302, null), CALL));
    }

    @Test
    void theFifthRedirectIsTheLast() {
        Flight flight = new Flight(CALL, RedirectPolicy.SAME_ORIGIN, 1000);
        for (int i = 0; i < Flight.MAX_REDIRECTS; i++) {
            assertTrue(flight.next(response(302, "/again"), CALL) != null, "redirect " + i);
        }
        assertNull(flight.next(response(302, "/again"), CALL));
    }

    private static HttpResponse<Void> response(int status, String location) {
        HttpHeaders headers = HttpHeaders.of(
                location == null ? Map.of() : Map.of("Location", List.of(location)), (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(CALL.uri()).build();
            }

            @Override
            public Optional<HttpResponse<Void>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public Void body() {
                return null;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return CALL.uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
