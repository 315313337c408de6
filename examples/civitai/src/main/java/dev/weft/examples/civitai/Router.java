package dev.weft.examples.civitai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fake server's one HTTP handler: checks the bearer token, routes, and answers every exchange. */
final class Router implements HttpHandler {
    private static final int MAX_BODY_BYTES = 1 << 20;

    /** A route's handler; it answers with a {@link Response} or throws an {@link ApiError}. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    private record Route(String method, Pattern path, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();

    /**
     * Adds a route; {@code pathRegex} matches the raw path and its groups become path parameters.
     * Routes are added before the server starts and never after, so the list needs no locking.
     */
    Router route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    int requests() {
        return requests.get();
    }

    int unauthorized() {
        return unauthorized.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        requests.incrementAndGet();
        try {
            write(exchange, answer(exchange));
        } catch (IOException | RuntimeException e) {
            // The client went away mid-answer; there is no one left to tell.
        } finally {
            exchange.close();
        }
    }

    private Response answer(HttpExchange exchange) {
        try {
            requireBearer(exchange);
            return dispatch(exchange);
        } catch (ApiError e) {
            return Response.json(e.status(), Json.error(e.code(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return Response.json(500, Json.error("internal_error", "the fake server failed: " + e));
        }
    }

    // Only whether a token was present is recorded, never the token itself.
    private void requireBearer(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Authorization");
        boolean ok = value != null
                && value.length() > 7
                && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                && !value.substring(7).isBlank();
        if (!ok) {
            unauthorized.incrementAndGet();
            throw new ApiError(401, "unauthorized", "a bearer token is required in the Authorization header");
        }
    }

    private Response dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                String rawQuery = exchange.getRequestURI().getRawQuery();
                Request request = new Request(
                        method,
                        pathParams(matcher),
                        query(rawQuery),
                        rawQuery == null ? "" : rawQuery,
                        readBody(exchange));
                return route.handler().handle(request);
            }
        }
        if (pathKnown) {
            throw new ApiError(405, "method_not_allowed", "method " + method + " is not allowed on " + path);
        }
        throw ApiError.notFound("no route for " + method + " " + path);
    }

    private static List<String> pathParams(Matcher matcher) {
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            // A '+' in a path is a plus, not a space, so protect it from the form decoder.
            params.add(decode(matcher.group(i).replace("+", "%2B")));
        }
        return params;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed percent-encoding in '" + text + "'");
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiError(413, "payload_too_large", "request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
