package dev.weft.compiler.expr;

import static dev.weft.compiler.diagnostic.Suggestions.distance;

import dev.weft.compiler.diagnostic.Message;
import java.util.List;
import java.util.Locale;

/**
 * Finds the closest known word for "did you mean" hints in expression syntax errors (a stricter threshold than
 * names get).
 */
final class Suggestions {

    private Suggestions() {}

    /** The candidate closest to {@code word}, or null if none is close enough to be a likely typo. */
    static String closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** {@code "; did you mean 'x'?"} for the closest candidate, or an empty string. */
    static String didYouMean(String word, String prefix, List<String> candidates) {
        String best = closest(word, candidates);
        return best == null ? "" : Message.DID_YOU_MEAN.format(prefix + best);
    }
}
