package dev.weft.compiler.check;

import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Goessner JSONPath ({@code draft-goessner-dispatch-jsonpath-00}, the version Arazzo 1.0 names)
 * into the RFC 9535 query Weft evaluates, where the translation keeps the meaning: the syntax RFC 9535 took
 * over from it ({@code $..book[?(@.price < 10)]}), script indexes from the end ({@code [(@.length-1)]} is
 * {@code [-1]}) and JavaScript's strict comparisons ({@code ===} is RFC 9535's {@code ==}). Other script
 * expressions have no translation.
 */
public final class GoessnerJsonPath {
    private static final Pattern FROM_END = Pattern.compile("\\[\\s*\\(\\s*@\\.length\\s*-\\s*([0-9]+)\\s*\\)\\s*]");

    private GoessnerJsonPath() {}

    /** The RFC 9535 query for a Goessner one, or empty when there is no safe translation. */
    public static Optional<String> toRfc9535(String goessner) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < goessner.length()) {
            char c = goessner.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfString(goessner, i);
                if (end < 0) {
                    return Optional.empty();
                }
                out.append(goessner, i, end);
                i = end;
            } else if (goessner.startsWith("===", i) || goessner.startsWith("!==", i)) {
                out.append(c).append('=');
                i += 3;
            } else if (c == '[') {
                Matcher fromEnd = FROM_END.matcher(goessner).region(i, goessner.length());
                if (fromEnd.lookingAt()) {
                    out.append("[-").append(fromEnd.group(1)).append(']');
                    i = fromEnd.end();
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        String query = out.toString();
        try {
            JsonPathQuery.compile(query);
            return Optional.of(query);
        } catch (JsonPathSyntaxException e) {
            return Optional.empty();
        }
    }

    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return -1;
    }
}
