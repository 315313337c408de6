package dev.weft.compiler;

import java.util.List;

/**
 * A unified diff of the first lines where two texts differ, for test failures: one hunk from the first
 * differing line to the last, with three lines of context, at most {@value #MAX_LINES} lines of each side.
 */
final class UnifiedDiff {
    static final int MAX_LINES = 30;
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff turning {@code expected} into {@code actual}; empty when they are equal. */
    static String of(String expectedName, String expected, String actualName, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int first = 0;
        while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
            first++;
        }
        if (first == a.size() && first == b.size()) {
            return expected.equals(actual) ? "" : "(the texts differ only in line terminators)\n";
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > first && endB > first && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        int from = Math.max(0, first - CONTEXT);
        List<String> removed = a.subList(first, Math.min(endA, first + MAX_LINES));
        List<String> added = b.subList(first, Math.min(endB, first + MAX_LINES));
        boolean cut = removed.size() < endA - first || added.size() < endB - first;
        List<String> after = cut ? List.of() : a.subList(endA, Math.min(a.size(), endA + CONTEXT));
        int context = first - from + after.size();
        StringBuilder out = new StringBuilder()
                .append("--- ")
                .append(expectedName)
                .append('\n')
                .append("+++ ")
                .append(actualName)
                .append('\n')
                .append("@@ -")
                .append(from + 1)
                .append(',')
                .append(context + removed.size())
                .append(" +")
                .append(from + 1)
                .append(',')
                .append(context + added.size())
                .append(" @@\n");
        a.subList(from, first).forEach(line -> out.append(' ').append(line).append('\n'));
        removed.forEach(line -> out.append('-').append(line).append('\n'));
        added.forEach(line -> out.append('+').append(line).append('\n'));
        after.forEach(line -> out.append(' ').append(line).append('\n'));
        if (cut) {
            out.append("(")
                    .append(endA - first - removed.size())
                    .append(" more lines removed and ")
                    .append(endB - first - added.size())
                    .append(" more added before the texts agree again)\n");
        }
        return out.toString();
    }
}
