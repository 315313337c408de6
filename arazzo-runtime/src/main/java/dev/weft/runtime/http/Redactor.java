package dev.weft.runtime.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Masks secrets (credentials in headers and query parameters, registered secret values) in text meant for people. */
public final class Redactor {

    /** What a secret is replaced by. */
    public static final String MASK = "***";

    private static final int MIN_SECRET_LENGTH = 4;
    private static final Set<String> SECRET_NAMES =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key");
    private static final List<String> SECRET_PARTS = List.of("token", "secret", "api-key", "apikey", "password");

    private Redactor() {
    }

    /**
     * Tells whether a header (or query parameter) holds a credential: {@code Authorization},
     * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-API-Key}, {@code Api-Key}, or any
     * name containing {@code token}, {@code secret}, {@code api-key}, {@code apikey} or {@code password},
     * case-insensitively; {@code _} counts as {@code -} so that {@code api_key} is one too.
     *
     * @param name the name
     * @return whether its values must be masked
     */
    public static boolean isSecretHeader(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (SECRET_NAMES.contains(n)) {
            return true;
        }
        for (String part : SECRET_PARTS) {
            if (n.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a header value fit for printing.
     *
     * @param name the header name
     * @param value the value
     * @return {@link #MASK} for a secret header, else the value
     */
    public static String redactHeaderValue(String name, String value) {
        return isSecretHeader(name) ? MASK : value;
    }

    /**
     * Replaces every occurrence of each secret by {@link #MASK}; secrets shorter than 4 characters are ignored,
     * as masking them would garble ordinary text.
     *
     * @param text the text, or {@code null}
     * @param secrets the secret values; {@code null} elements are ignored
     * @return the masked text, or {@code null} for {@code null}
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets == null || secrets.isEmpty()) {
            return text;
        }
        List<String> ordered = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                ordered.add(s);
            }
        }
        // longest first, so a secret containing another is masked whole
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String s : ordered) {
            result = result.replace(s, MASK);
        }
        return result;
    }

    /**
     * Returns a URL fit for printing: the values of query parameters with secret names are masked.
     *
     * @param uri the URL
     * @return the text of the URL
     */
    public static String redactUri(URI uri) {
        String text = uri.toString();
        String query = uri.getRawQuery();
        if (query == null) {
            return text;
        }
        StringBuilder masked = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            masked.append(masked.length() > 0 ? "&" : "");
            masked.append(eq >= 0 && isSecretHeader(decode(name)) ? name + "=" + MASK : pair);
        }
        int start = text.indexOf('?');
        int end = uri.getRawFragment() == null ? text.length() : text.lastIndexOf('#');
        return text.substring(0, start + 1) + masked + text.substring(end);
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
