package dev.weft.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A regular expression whose evaluation cannot run away: on the linear-time {@link RegexProgram} when the pattern
 * is within {@link RegexSyntax}'s subset (every I-Regexp, and most criteria), else on {@code java.util.regex}
 * reading the text through a counter; either way every step is charged to a {@link RegexBudget}, which also
 * checks the run's deadline and cancellation. Immutable and thread-safe.
 */
public final class BoundedRegex {

    /** Compiled criteria by pattern (generated code holds its patterns as constants); bounded all the same. */
    private static final Map<Pattern, BoundedRegex> BY_PATTERN = new ConcurrentHashMap<>();

    private static final int CACHE_LIMIT = 512;

    private final String source;
    private final RegexProgram program;
    private final Pattern pattern;

    private BoundedRegex(String source, RegexProgram program, Pattern pattern) {
        this.source = source;
        this.program = program;
        this.pattern = pattern;
    }

    /**
     * Tells whether a pattern runs on the linear-time engine, so that no text can make it backtrack; the compiler
     * warns about the others that nest quantifiers or refer back.
     *
     * @param pattern a pattern {@link Pattern#compile(String)} accepts
     * @return whether it is linear
     */
    public static boolean isLinear(String pattern) {
        RegexSyntax.Node node = RegexSyntax.parse(pattern);
        return node != null && RegexProgram.compile(node) != null;
    }

    /**
     * The bounded form of a compiled pattern, cached by identity.
     *
     * @param pattern the pattern
     * @return its bounded form
     */
    static BoundedRegex of(Pattern pattern) {
        BoundedRegex cached = BY_PATTERN.get(pattern);
        if (cached != null) {
            return cached;
        }
        RegexProgram program = null;
        if (pattern.flags() == 0) {
            RegexSyntax.Node node = RegexSyntax.parse(pattern.pattern());
            program = node == null ? null : RegexProgram.compile(node);
        }
        BoundedRegex regex = new BoundedRegex(pattern.pattern(), program, pattern);
        if (BY_PATTERN.size() >= CACHE_LIMIT) {
            BY_PATTERN.clear();
        }
        BY_PATTERN.put(pattern, regex);
        return regex;
    }

    /**
     * Compiles a pattern in Java syntax translated from another one.
     *
     * @param source the pattern as its author wrote it, for messages
     * @param java the translation
     * @return the bounded form
     * @throws java.util.regex.PatternSyntaxException if Java rejects the translation
     */
    static BoundedRegex compile(String source, String java) {
        RegexSyntax.Node node = RegexSyntax.parse(java);
        RegexProgram program = node == null ? null : RegexProgram.compile(node);
        return new BoundedRegex(source, program, program == null ? Pattern.compile(java) : null);
    }

    /** @return whether evaluation runs on the linear engine */
    boolean linear() {
        return program != null;
    }

    /**
     * {@link java.util.regex.Matcher#find()}: whether the pattern occurs in the text.
     *
     * @param text the text
     * @param what what evaluates, for a failure's message
     * @return whether it occurs
     * @throws dev.weft.runtime.WorkflowException if a limit is hit
     */
    boolean find(String text, String what) {
        RegexBudget budget = new RegexBudget(what, source, text.length());
        return program != null ? program.run(text, false, budget) : backtrack(text, budget, false);
    }

    /**
     * {@link java.util.regex.Matcher#matches()}: whether the pattern matches the whole text.
     *
     * @param text the text
     * @param what what evaluates, for a failure's message
     * @return whether it matches
     * @throws dev.weft.runtime.WorkflowException if a limit is hit
     */
    boolean matches(String text, String what) {
        RegexBudget budget = new RegexBudget(what, source, text.length());
        return program != null ? program.run(text, true, budget) : backtrack(text, budget, true);
    }

    private boolean backtrack(String text, RegexBudget budget, boolean whole) {
        java.util.regex.Matcher matcher = pattern.matcher(new Counted(text, budget));
        try {
            return whole ? matcher.matches() : matcher.find();
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of a group: a long enough text exhausts the stack
            throw budget.tooDeep();
        }
    }

    @Override
    public String toString() {
        return "BoundedRegex[" + source + (program != null ? ", linear" : ", backtracking") + "]";
    }

    /** A text that charges every character {@code java.util.regex} reads to a budget: backtracking reads a lot. */
    private static final class Counted implements CharSequence {

        private static final int REPORT_EVERY = 4096;

        private final String text;
        private final RegexBudget budget;
        private int reads;

        Counted(String text, RegexBudget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads == REPORT_EVERY) {
                reads = 0;
                budget.spend(REPORT_EVERY);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
