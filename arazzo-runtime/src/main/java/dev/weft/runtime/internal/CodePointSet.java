package dev.weft.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A set of Unicode code points as a regular expression's character class denotes it: ranges, general categories
 * (each possibly negated, as {@code \P{L}}), the whole possibly negated ({@code [^...]}). Immutable once built.
 */
final class CodePointSet {

    /** The general categories by name, as {@link Character#getType} bits; the one-letter ones are unions. */
    private static final Map<String, Integer> CATEGORIES = categories();

    /** Java's {@code .} without {@code DOTALL}: anything but a line terminator. */
    static final CodePointSet JAVA_DOT = new Builder()
            .add('\n')
            .add('\r')
            .add('\u0085')
            .add('\u2028')
            .add('\u2029')
            .build(true);

    static final CodePointSet DIGIT = new Builder().add('0', '9').build(false);
    static final CodePointSet WORD =
            new Builder().add('a', 'z').add('A', 'Z').add('_').add('0', '9').build(false);
    static final CodePointSet SPACE = new Builder()
            .add(' ')
            .add('\t')
            .add('\n')
            .add('\u000B')
            .add('\f')
            .add('\r')
            .build(false);

    /** Sorted, disjoint, inclusive: lo0, hi0, lo1, hi1 … */
    private final int[] ranges;
    /** {@link Character#getType} bits of the categories included. */
    private final int types;
    /** {@link Character#getType} bits of categories whose complements are included. */
    private final int[] notTypes;

    private final boolean negated;

    private CodePointSet(int[] ranges, int types, int[] notTypes, boolean negated) {
        this.ranges = ranges;
        this.types = types;
        this.notTypes = notTypes;
        this.negated = negated;
    }

    /**
     * The set of one code point.
     *
     * @param cp the code point
     * @return the set
     */
    static CodePointSet of(int cp) {
        return new CodePointSet(new int[] {cp, cp}, 0, new int[0], false);
    }

    /** @return the one code point of a set of one, else -1 */
    int single() {
        return !negated && ranges.length == 2 && ranges[0] == ranges[1] && types == 0 && notTypes.length == 0
                ? ranges[0]
                : -1;
    }

    /**
     * The bits of a general category name ({@code L}, {@code Lu}, {@code Nd} …).
     *
     * @param name the name
     * @return the bits, or 0 for a name that is none
     */
    static int category(String name) {
        return CATEGORIES.getOrDefault(name, 0);
    }

    boolean contains(int cp) {
        return inside(cp) != negated;
    }

    private boolean inside(int cp) {
        // ranges are few: a linear scan beats a binary search for them
        for (int i = 0; i < ranges.length && ranges[i] <= cp; i += 2) {
            if (cp <= ranges[i + 1]) {
                return true;
            }
        }
        if (types == 0 && notTypes.length == 0) {
            return false;
        }
        int bit = 1 << Character.getType(cp);
        if ((types & bit) != 0) {
            return true;
        }
        for (int not : notTypes) {
            if ((not & bit) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Collects the members of a set. */
    static final class Builder {
        private final List<int[]> ranges = new ArrayList<>();
        private int types;
        private final List<Integer> notTypes = new ArrayList<>();

        Builder add(int cp) {
            return add(cp, cp);
        }

        Builder add(int lo, int hi) {
            ranges.add(new int[] {lo, hi});
            return this;
        }

        /** Adds a set that is not negated, or its complement when it is: {@code [\D]} or {@code [^\d]} inside. */
        Builder add(CodePointSet set) {
            if (set.negated) {
                // only the predefined negated sets (\D, \W, \S) get here: ranges alone
                int from = 0;
                for (int i = 0; i < set.ranges.length; i += 2) {
                    if (set.ranges[i] > from) {
                        add(from, set.ranges[i] - 1);
                    }
                    from = set.ranges[i + 1] + 1;
                }
                return add(from, Character.MAX_CODE_POINT);
            }
            for (int i = 0; i < set.ranges.length; i += 2) {
                add(set.ranges[i], set.ranges[i + 1]);
            }
            types |= set.types;
            for (int not : set.notTypes) {
                notTypes.add(not);
            }
            return this;
        }

        Builder category(int bits, boolean not) {
            if (not) {
                notTypes.add(bits);
            } else {
                types |= bits;
            }
            return this;
        }

        CodePointSet build(boolean negated) {
            ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] merged = new int[ranges.size() * 2];
            int n = 0;
            for (int[] r : ranges) {
                if (n > 0 && r[0] <= merged[n - 1] + 1) {
                    merged[n - 1] = Math.max(merged[n - 1], r[1]);
                } else {
                    merged[n++] = r[0];
                    merged[n++] = r[1];
                }
            }
            int[] not = notTypes.stream().mapToInt(Integer::intValue).toArray();
            return new CodePointSet(Arrays.copyOf(merged, n), types, not, negated);
        }
    }

    private static Map<String, Integer> categories() {
        Map<String, Integer> c = new java.util.HashMap<>();
        c.put("Lu", bit(Character.UPPERCASE_LETTER));
        c.put("Ll", bit(Character.LOWERCASE_LETTER));
        c.put("Lt", bit(Character.TITLECASE_LETTER));
        c.put("Lm", bit(Character.MODIFIER_LETTER));
        c.put("Lo", bit(Character.OTHER_LETTER));
        c.put("Mn", bit(Character.NON_SPACING_MARK));
        c.put("Mc", bit(Character.COMBINING_SPACING_MARK));
        c.put("Me", bit(Character.ENCLOSING_MARK));
        c.put("Nd", bit(Character.DECIMAL_DIGIT_NUMBER));
        c.put("Nl", bit(Character.LETTER_NUMBER));
        c.put("No", bit(Character.OTHER_NUMBER));
        c.put("Pc", bit(Character.CONNECTOR_PUNCTUATION));
        c.put("Pd", bit(Character.DASH_PUNCTUATION));
        c.put("Ps", bit(Character.START_PUNCTUATION));
        c.put("Pe", bit(Character.END_PUNCTUATION));
        c.put("Pi", bit(Character.INITIAL_QUOTE_PUNCTUATION));
        c.put("Pf", bit(Character.FINAL_QUOTE_PUNCTUATION));
        c.put("Po", bit(Character.OTHER_PUNCTUATION));
        c.put("Sm", bit(Character.MATH_SYMBOL));
        c.put("Sc", bit(Character.CURRENCY_SYMBOL));
        c.put("Sk", bit(Character.MODIFIER_SYMBOL));
        c.put("So", bit(Character.OTHER_SYMBOL));
        c.put("Zs", bit(Character.SPACE_SEPARATOR));
        c.put("Zl", bit(Character.LINE_SEPARATOR));
        c.put("Zp", bit(Character.PARAGRAPH_SEPARATOR));
        c.put("Cc", bit(Character.CONTROL));
        c.put("Cf", bit(Character.FORMAT));
        c.put("Cs", bit(Character.SURROGATE));
        c.put("Co", bit(Character.PRIVATE_USE));
        c.put("Cn", bit(Character.UNASSIGNED));
        for (String major : new String[] {"L", "M", "N", "P", "S", "Z", "C"}) {
            int union = 0;
            for (Map.Entry<String, Integer> e : c.entrySet()) {
                if (e.getKey().length() == 2 && e.getKey().charAt(0) == major.charAt(0)) {
                    union |= e.getValue();
                }
            }
            c.put(major, union);
        }
        return Map.copyOf(c);
    }

    private static int bit(int type) {
        return 1 << type;
    }
}
