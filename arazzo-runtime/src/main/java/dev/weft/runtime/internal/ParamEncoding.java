package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Serialisation of parameter values into URL paths, query strings, header and cookie values (D-53). */
final class ParamEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ParamEncoding() {}

    /**
     * The texts of a value: one per element for an array, else one (objects as compact JSON).
     *
     * @param value the value, not {@code null}
     * @return the texts
     */
    static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> texts.add(Values.text(element)));
        } else {
            texts.add(Values.text(value));
        }
        return texts;
    }

    /**
     * A path segment (style simple): array elements comma-joined, each percent-encoded so that no value can
     * add a segment or change the path; a value made of dots only ({@code .}, {@code ..}) is encoded too.
     *
     * @param value the value, not {@code null}
     * @return the encoded segment
     */
    static String pathSegment(JsonNode value) {
        if (value.isTextual() && unreservedNotDots(value.textValue())) {
            return value.textValue();
        }
        List<String> encoded = new ArrayList<>();
        for (String text : texts(value)) {
            encoded.add(percentEncode(text));
        }
        String segment = String.join(",", encoded);
        if (!segment.isEmpty() && segment.chars().allMatch(c -> c == '.')) {
            return "%2E".repeat(segment.length());
        }
        return segment;
    }

    /**
     * A header value (style simple): array elements comma-joined, objects as compact JSON.
     *
     * @param value the value, not {@code null}
     * @return the text
     */
    static String headerValue(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return String.join(",", texts(value));
    }

    /**
     * A cookie value: as a header value, with characters a cookie value may not hold (controls, space,
     * {@code " , ; \}, non-ASCII) and {@code %} percent-encoded so that a value cannot add cookies.
     *
     * @param value the value, not {@code null}
     * @return the encoded text
     */
    static String cookieValue(JsonNode value) {
        byte[] bytes = headerValue(value).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            boolean cookieOctet = c == 0x21
                    || (c >= 0x23 && c <= 0x2B && c != 0x25)
                    || (c >= 0x2D && c <= 0x3A)
                    || (c >= 0x3C && c <= 0x5B)
                    || (c >= 0x5D && c <= 0x7E);
            appendByte(out, c, cookieOctet);
        }
        return out.toString();
    }

    /**
     * Percent-encodes text (UTF-8), keeping only RFC 3986 unreserved characters; a space becomes {@code %20}.
     *
     * @param text the text
     * @return the encoded text
     */
    static String percentEncode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            appendByte(out, c, isUnreserved(c));
        }
        return out.toString();
    }

    /** Whether a text is made of unreserved characters only, and not of dots only: it encodes to itself. */
    private static boolean unreservedNotDots(String text) {
        boolean dotsOnly = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnreserved(c)) {
                return false;
            }
            dotsOnly &= c == '.';
        }
        return !dotsOnly;
    }

    /** An RFC 3986 unreserved character: a letter, a digit, {@code -}, {@code .}, {@code _} or {@code ~}. */
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static void appendByte(StringBuilder out, int c, boolean keep) {
        if (keep) {
            out.append((char) c);
        } else {
            out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }

    /**
     * The query string pairs of one parameter by its OpenAPI style (D-53), names and values percent-encoded:
     * {@code form} (arrays repeat the name when exploded, else comma-join; objects give their members when
     * exploded, else {@code name=k,v,k,v}), {@code spaceDelimited}, {@code pipeDelimited} and
     * {@code deepObject} ({@code name[k]=v}).
     *
     * @param name the parameter name
     * @param value the value, not {@code null}
     * @param style the OpenAPI style, {@code form} when {@code null}
     * @param explode whether the style is exploded
     * @return the {@code name=value} pairs
     */
    static List<String> queryPairs(String name, JsonNode value, String style, boolean explode) {
        String key = percentEncode(name);
        List<String> pairs = new ArrayList<>();
        String s = style == null ? "form" : style;
        if (value.isObject()) {
            if (s.equals("deepObject") || explode) {
                value.properties()
                        .forEach(member -> pairs.add((s.equals("deepObject")
                                        ? key + "%5B" + percentEncode(member.getKey()) + "%5D"
                                        : percentEncode(member.getKey()))
                                + "=" + percentEncode(Values.text(member.getValue()))));
            } else {
                List<String> flat = new ArrayList<>();
                value.properties().forEach(member -> {
                    flat.add(percentEncode(member.getKey()));
                    flat.add(percentEncode(Values.text(member.getValue())));
                });
                pairs.add(key + "=" + String.join(",", flat));
            }
            return pairs;
        }
        List<String> texts = texts(value);
        if (value.isArray() && !explode) {
            String separator = switch (s) {
                case "spaceDelimited" -> "%20";
                case "pipeDelimited" -> "%7C";
                default -> ",";
            };
            List<String> encoded = new ArrayList<>();
            texts.forEach(t -> encoded.add(percentEncode(t)));
            pairs.add(key + "=" + String.join(separator, encoded));
            return pairs;
        }
        texts.forEach(t -> pairs.add(key + "=" + percentEncode(t)));
        return pairs;
    }

    /**
     * A path value by its OpenAPI style (D-53): {@code simple} ({@code a,b}), {@code label} ({@code .a.b} or
     * {@code .a,b}) or {@code matrix} ({@code ;id=a;id=b} or {@code ;id=a,b}); every part percent-encoded, so
     * no value can change the path.
     *
     * @param name the parameter name (for matrix)
     * @param value the value, not {@code null}
     * @param style the OpenAPI style, {@code simple} when {@code null}
     * @param explode whether the style is exploded
     * @return the encoded path part
     */
    static String pathValue(String name, JsonNode value, String style, boolean explode) {
        String s = style == null ? "simple" : style;
        if (s.equals("simple") && !value.isObject()) {
            return pathSegment(value);
        }
        List<String> parts = new ArrayList<>();
        if (value.isObject()) {
            value.properties().forEach(member -> {
                if (explode) {
                    parts.add(percentEncode(member.getKey()) + "=" + percentEncode(Values.text(member.getValue())));
                } else {
                    parts.add(percentEncode(member.getKey()));
                    parts.add(percentEncode(Values.text(member.getValue())));
                }
            });
        } else {
            texts(value).forEach(t -> parts.add(percentEncode(t)));
        }
        String key = percentEncode(name);
        return switch (s) {
            case "label" -> "." + String.join(explode ? "." : ",", parts);
            case "matrix" ->
                explode && !value.isObject()
                        ? ";" + key + "=" + String.join(";" + key + "=", parts)
                        : explode ? ";" + String.join(";", parts) : ";" + key + "=" + String.join(",", parts);
            default -> String.join(",", parts);
        };
    }
}
