package dev.weft.runtime.internal;

import java.util.Arrays;

/**
 * A regular expression compiled for a Pike VM (Thompson's construction, threads in lock step): it reads each code
 * point of the text once and keeps at most one thread per instruction, so its work is at most the text's length
 * times the program's, whatever the pattern; nothing backtracks. Immutable and thread-safe.
 */
final class RegexProgram {

    /** Programs longer than this (counted repetition such as {@code (a{1000}){1000}}) are not compiled. */
    static final int MAX_INSTRUCTIONS = 20_000;

    /** How many steps the VM takes between two reports to its budget. */
    private static final int REPORT_EVERY = 4096;

    private static final int CHAR = 0;
    private static final int SPLIT = 1;
    private static final int JUMP = 2;
    private static final int MATCH = 3;
    private static final int START = 4;
    private static final int END = 5;
    private static final int END_OF_TEXT = 6;

    private final int[] op;
    private final int[] x;
    private final int[] y;
    private final CodePointSet[] sets;

    private RegexProgram(int[] op, int[] x, int[] y, CodePointSet[] sets) {
        this.op = op;
        this.x = x;
        this.y = y;
        this.sets = sets;
    }

    /**
     * Compiles a parsed pattern.
     *
     * @param node the pattern
     * @return the program, or {@code null} when it would exceed {@link #MAX_INSTRUCTIONS}
     */
    static RegexProgram compile(RegexSyntax.Node node) {
        Compiler c = new Compiler();
        try {
            c.emit(node);
        } catch (TooLarge e) {
            return null;
        }
        c.add(MATCH, 0, 0, null);
        int n = c.size;
        return new RegexProgram(
                Arrays.copyOf(c.op, n), Arrays.copyOf(c.x, n), Arrays.copyOf(c.y, n), Arrays.copyOf(c.sets, n));
    }

    /** @return the number of instructions */
    int size() {
        return op.length;
    }

    /**
     * Runs the program.
     *
     * @param text the text
     * @param whole whether the whole text must match ({@code matches}), or any part of it ({@code find})
     * @param budget charged for every step
     * @return whether it matches
     */
    boolean run(CharSequence text, boolean whole, RegexBudget budget) {
        Threads threads = new Threads(op.length);
        int n = text.length();
        boolean matched = threads.add(this, 0, text, 0);
        for (int pos = 0; ; ) {
            if (matched && (!whole || pos == n)) {
                budget.spend(threads.steps);
                return true;
            }
            if (pos >= n || (whole && threads.size == 0)) {
                budget.spend(threads.steps);
                return false;
            }
            int cp = Character.codePointAt(text, pos);
            int next = pos + Character.charCount(cp);
            int[] current = threads.swap();
            int count = threads.previousSize;
            matched = false;
            for (int i = 0; i < count; i++) {
                int pc = current[i];
                threads.steps++;
                if (sets[pc].contains(cp)) {
                    matched |= threads.add(this, pc + 1, text, next);
                }
            }
            if (!whole) {
                // find: a match may start at every position
                matched |= threads.add(this, 0, text, next);
            }
            if (threads.steps >= REPORT_EVERY) {
                budget.spend(threads.steps);
                threads.steps = 0;
            }
            pos = next;
        }
    }

    /** Java's {@code $} without {@code MULTILINE}: the end, or before a line terminator that ends the text. */
    private static boolean atEnd(CharSequence text, int pos) {
        int n = text.length();
        if (pos == n) {
            return true;
        }
        if (pos == n - 2) {
            return text.charAt(pos) == '\r' && text.charAt(pos + 1) == '\n';
        }
        if (pos != n - 1) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == '\n') {
            return pos == 0 || text.charAt(pos - 1) != '\r';
        }
        return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The threads of one position and the next, each instruction at most once per position. */
    private static final class Threads {
        private int[] list;
        private int[] other;
        private final int[] seen;
        private final int[] stack;
        private int generation = 1;
        int size;
        int previousSize;
        long steps;

        Threads(int length) {
            list = new int[length];
            other = new int[length];
            seen = new int[length];
            stack = new int[length];
        }

        /** Starts the next position: returns the current threads, and the next list is empty. */
        int[] swap() {
            int[] current = list;
            list = other;
            other = current;
            previousSize = size;
            size = 0;
            generation++;
            return current;
        }

        /** Adds the threads reachable from {@code start} without reading; tells whether one of them matches. */
        boolean add(RegexProgram p, int start, CharSequence text, int pos) {
            boolean matched = false;
            int sp = 0;
            if (seen[start] != generation) {
                seen[start] = generation;
                stack[sp++] = start;
            }
            while (sp > 0) {
                int pc = stack[--sp];
                steps++;
                int target = -1;
                int second = -1;
                switch (p.op[pc]) {
                    case CHAR -> list[size++] = pc;
                    case MATCH -> matched = true;
                    case JUMP -> target = p.x[pc];
                    case SPLIT -> {
                        target = p.x[pc];
                        second = p.y[pc];
                    }
                    case START -> target = pos == 0 ? pc + 1 : -1;
                    case END_OF_TEXT -> target = pos == text.length() ? pc + 1 : -1;
                    default -> target = atEnd(text, pos) ? pc + 1 : -1;
                }
                if (target >= 0 && seen[target] != generation) {
                    seen[target] = generation;
                    stack[sp++] = target;
                }
                if (second >= 0 && seen[second] != generation) {
                    seen[second] = generation;
                    stack[sp++] = second;
                }
            }
            return matched;
        }
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Emits instructions for a tree. */
    private static final class Compiler {
        int[] op = new int[16];
        int[] x = new int[16];
        int[] y = new int[16];
        CodePointSet[] sets = new CodePointSet[16];
        int size;

        int add(int code, int a, int b, CodePointSet set) {
            if (size >= MAX_INSTRUCTIONS) {
                throw new TooLarge();
            }
            if (size == op.length) {
                int length = Math.min(MAX_INSTRUCTIONS, size * 2);
                op = Arrays.copyOf(op, length);
                x = Arrays.copyOf(x, length);
                y = Arrays.copyOf(y, length);
                sets = Arrays.copyOf(sets, length);
            }
            op[size] = code;
            x[size] = a;
            y[size] = b;
            sets[size] = set;
            return size++;
        }

        void emit(RegexSyntax.Node node) {
            if (node instanceof RegexSyntax.Chars c) {
                add(CHAR, 0, 0, c.set());
            } else if (node instanceof RegexSyntax.Sequence s) {
                s.nodes().forEach(this::emit);
            } else if (node instanceof RegexSyntax.Choice c) {
                choice(c);
            } else if (node instanceof RegexSyntax.Repeat r) {
                repeat(r);
            } else {
                int code = switch (((RegexSyntax.Anchor) node).where()) {
                    case START -> START;
                    case END -> END;
                    case END_OF_TEXT -> END_OF_TEXT;
                };
                add(code, 0, 0, null);
            }
        }

        /** {@code SPLIT L1 next; L1: a; JUMP end; next: SPLIT L2 next2; …; last: z; end:}. */
        private void choice(RegexSyntax.Choice c) {
            int[] jumps = new int[c.nodes().size() - 1];
            for (int i = 0; i < c.nodes().size(); i++) {
                if (i < c.nodes().size() - 1) {
                    int split = add(SPLIT, size + 1, 0, null);
                    emit(c.nodes().get(i));
                    jumps[i] = add(JUMP, 0, 0, null);
                    y[split] = size;
                } else {
                    emit(c.nodes().get(i));
                }
            }
            for (int jump : jumps) {
                x[jump] = size;
            }
        }

        /** {@code min} copies, then a loop ({@code max} -1) or {@code max - min} optional copies. */
        private void repeat(RegexSyntax.Repeat r) {
            for (int i = 0; i < r.min(); i++) {
                emit(r.node());
            }
            if (r.max() < 0) {
                int split = add(SPLIT, size + 1, 0, null);
                emit(r.node());
                add(JUMP, split, 0, null);
                y[split] = size;
                return;
            }
            int optional = r.max() - r.min();
            int[] splits = new int[Math.min(optional, MAX_INSTRUCTIONS)];
            for (int i = 0; i < optional; i++) {
                splits[i] = add(SPLIT, size + 1, 0, null);
                emit(r.node());
            }
            for (int split : splits) {
                y[split] = size;
            }
        }
    }
}
