package dev.weft.compiler.diagnostic;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known name to a misspelt one, for "did you mean" hints. */
public final class Suggestions {
    private Suggestions() {}

    /** The candidate closest to {@code wrong}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(wrong)) {
                return Optional.of(candidate);
            }
            String a = wrong.toLowerCase(Locale.ROOT);
            String b = candidate.toLowerCase(Locale.ROOT);
            // a name that is a part of the other ("blobUrl" in "firstBlobUrl") is as likely a slip as a typo
            int d = a.length() >= 3 && b.contains(a) || b.length() >= 3 && a.contains(b) ? 1 : distance(a, b);
            if (d < bestDistance || d == bestDistance && best != null && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, wrong.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or the empty string. */
    public static String hint(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(Message.DID_YOU_MEAN::format).orElse("");
    }

    /** The Levenshtein distance between two strings. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
