package dev.weft.compiler.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the known names closest to a misspelt one, for "did you mean" hints. Candidates rank in tiers, the first
 * that has any wins:
 *
 * <ol>
 *   <li>the same name but for case ({@code submitWorkflow}, {@code SubmitWorkflow});
 *   <li>the same words but for case and separators ({@code get_workflow}, {@code GetWorkflow});
 *   <li>shared words: names split into words at camelCase, PascalCase, {@code snake_case}, {@code kebab-case} and
 *       digit boundaries; one's words all in the other (containment), or at least two words shared, covering at
 *       least half of the longer name's words. More shared words rank first, then fewer unshared ones
 *       ({@code getBlobUploadUrl} gives {@code GetConsumerBlobUploadUrl}, not {@code GetBlob});
 *   <li>edit distance (Levenshtein, ignoring case), within a bound that grows with the name's length; a name
 *       that is a part of the other counts as one edit.
 * </ol>
 *
 * Candidates that rank equally are all named, up to {@link #MAX_NAMED}, in alphabetical order.
 */
public final class Suggestions {
    /** At most this many candidates are named in one hint. */
    public static final int MAX_NAMED = 3;

    /** Longer names are not compared letter by letter (bounded work for any input). */
    private static final int MAX_COMPARED_LENGTH = 200;

    private Suggestions() {}

    /** The candidate closest to {@code wrong}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        List<String> best = ranked(wrong, candidates);
        return best.isEmpty() ? Optional.empty() : Optional.of(best.get(0));
    }

    /**
     * The candidates that fit {@code wrong} best and equally well, at most {@link #MAX_NAMED}, alphabetically; empty
     * when none is close enough.
     */
    public static List<String> ranked(String wrong, Collection<String> candidates) {
        return ranked(wrong, candidates, Math.max(2, wrong.length() / 3));
    }

    /**
     * As {@link #ranked(String, Collection)}, with the largest edit distance that still counts as a typo.
     *
     * @param maxDistance edits allowed in the last tier
     */
    public static List<String> ranked(String wrong, Collection<String> candidates, int maxDistance) {
        return ranked(wrong, candidates, maxDistance, true);
    }

    /**
     * As {@link #ranked(String, Collection, int)}, without the tiers of words: for the words of expressions,
     * where a root that is a part of another ({@code $status} in {@code $statusCode}) is rather a path
     * ({@code $.status}).
     */
    public static List<String> rankedByEdits(String wrong, Collection<String> candidates, int maxDistance) {
        return ranked(wrong, candidates, maxDistance, false);
    }

    private static List<String> ranked(String wrong, Collection<String> candidates, int maxDistance, boolean byWords) {
        Rank best = null;
        List<String> fits = new ArrayList<>();
        List<String> words = words(wrong);
        Map<String, Boolean> seen = new HashMap<>();
        for (String candidate : candidates) {
            if (candidate == null || seen.put(candidate, Boolean.TRUE) != null) {
                continue;
            }
            Rank rank = rank(wrong, words, candidate, maxDistance, byWords);
            if (rank == null) {
                continue;
            }
            int order = best == null ? -1 : rank.compareTo(best);
            if (order < 0) {
                best = rank;
                fits.clear();
                fits.add(candidate);
            } else if (order == 0) {
                fits.add(candidate);
            }
        }
        fits.sort(Comparator.naturalOrder());
        return List.copyOf(fits.subList(0, Math.min(MAX_NAMED, fits.size())));
    }

    /** {@code "; did you mean 'x'?"}, {@code "; did you mean 'x', 'y' or 'z'?"}, or the empty string. */
    public static String hint(String wrong, Collection<String> candidates) {
        return hint(ranked(wrong, candidates));
    }

    /** The hint naming {@code names} (as {@link #ranked} gives them), or the empty string when there is none. */
    public static String hint(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return Message.DID_YOU_MEAN.format(names.get(0));
        }
        return Message.DID_YOU_MEAN_ONE_OF.format(quoted(names));
    }

    /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
    static String quoted(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            list.append(i == 0 ? "" : i == names.size() - 1 ? " or " : ", ");
            list.append('\'').append(names.get(i)).append('\'');
        }
        return list.toString();
    }

    /**
     * How well a candidate fits: tier first, then (for shared words) more shared and fewer unshared words, then (for
     * edits) fewer edits. Lower is better.
     */
    private record Rank(int tier, int a, int b) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank o) {
            int c = Integer.compare(tier, o.tier);
            if (c == 0) {
                c = Integer.compare(a, o.a);
            }
            return c == 0 ? Integer.compare(b, o.b) : c;
        }
    }

    private static Rank rank(
            String wrong, List<String> wrongWords, String candidate, int maxDistance, boolean byWords) {
        if (candidate.equalsIgnoreCase(wrong)) {
            return new Rank(0, 0, 0);
        }
        if (!byWords) {
            if (wrong.length() > MAX_COMPARED_LENGTH || candidate.length() > MAX_COMPARED_LENGTH) {
                return null;
            }
            int d = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT), maxDistance);
            return d <= maxDistance ? new Rank(3, d, 0) : null;
        }
        List<String> words = words(candidate);
        if (!words.isEmpty() && words.equals(wrongWords)) {
            return new Rank(1, 0, 0);
        }
        int shared = shared(wrongWords, words);
        int longer = Math.max(wrongWords.size(), words.size());
        boolean contained = shared > 0 && (shared == wrongWords.size() || shared == words.size());
        if (shared > 0 && shared * 2 >= longer && (contained || shared >= 2)) {
            return new Rank(2, -shared, wrongWords.size() + words.size() - 2 * shared);
        }
        if (wrong.length() > MAX_COMPARED_LENGTH || candidate.length() > MAX_COMPARED_LENGTH) {
            return null;
        }
        String a = wrong.toLowerCase(Locale.ROOT);
        String b = candidate.toLowerCase(Locale.ROOT);
        // a name that is a part of the other ("bloburl" in "firstBlobUrl") is as likely a slip as a typo
        int d = a.length() >= 3 && b.contains(a) || b.length() >= 3 && a.contains(b) ? 1 : distance(a, b, maxDistance);
        return d <= maxDistance ? new Rank(3, d, 0) : null;
    }

    /** The number of words the two lists share, each word counted as often as both hold it. */
    private static int shared(List<String> a, List<String> b) {
        Map<String, Integer> counts = new HashMap<>();
        a.forEach(w -> counts.merge(w, 1, Integer::sum));
        int shared = 0;
        for (String w : b) {
            Integer n = counts.get(w);
            if (n != null && n > 0) {
                counts.put(w, n - 1);
                shared++;
            }
        }
        return shared;
    }

    /**
     * The lowercase words of a name: split at separators ({@code _ - . space /}), at a lowercase-to-uppercase
     * change, before the last capital of a run of capitals followed by lowercase ({@code HTTPServer}: http, server)
     * and between letters and digits.
     */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = Math.min(name.length(), MAX_COMPARED_LENGTH);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0) {
                char p = name.charAt(i - 1);
                boolean boundary = Character.isUpperCase(c)
                                && (Character.isLowerCase(p)
                                        || Character.isDigit(p)
                                        || Character.isUpperCase(p)
                                                && i + 1 < n
                                                && Character.isLowerCase(name.charAt(i + 1)))
                        || Character.isDigit(c) != Character.isDigit(p);
                if (boundary) {
                    flush(word, words);
                }
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return List.copyOf(words);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** The Levenshtein distance between two strings. */
    public static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * The Levenshtein distance between two strings, or any number above {@code bound} once it is certain to exceed
     * it.
     */
    public static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) {
            return bound + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
