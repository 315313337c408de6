package dev.weft.compiler.expr;

import java.util.List;

/**
 * Finds the closest known word for "did you mean" hints in expression syntax errors: case first, then edits, with a
 * stricter bound than names get, and ties named up to three ({@link
 * dev.weft.compiler.diagnostic.Suggestions#rankedByEdits}). Shared words do not count here: {@code $status} in a
 * condition is rather the path {@code $.status} than the root {@code $statusCode}.
 */
final class Suggestions {

    private Suggestions() {}

    /** The best candidates for {@code word}, up to three that fit equally; empty if none is a likely typo. */
    static List<String> ranked(String word, List<String> candidates) {
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return dev.weft.compiler.diagnostic.Suggestions.rankedByEdits(word, candidates, allowed);
    }

    /** The candidate closest to {@code word}, or null if none is close enough to be a likely typo. */
    static String closest(String word, List<String> candidates) {
        List<String> best = ranked(word, candidates);
        return best.isEmpty() ? null : best.get(0);
    }

    /** {@code "; did you mean 'x'?"} (or up to three, each with {@code prefix}), or an empty string. */
    static String didYouMean(String word, String prefix, List<String> candidates) {
        List<String> best = ranked(word, candidates);
        return dev.weft.compiler.diagnostic.Suggestions.hint(
                best.stream().map(b -> prefix + b).toList());
    }
}
