package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.runtime.internal.BoundedRegex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regex criteria that the runtime must run on a backtracking engine (they refer back or look around) and that
 * nest quantifiers or refer back to a repeated group, the shapes known to backtrack catastrophically: a text from
 * the server can then make them take exponential time, until the runtime's step budget stops the step. Patterns
 * the runtime runs in linear time are never reported, nested quantifiers or not.
 */
final class RegexCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            List<Criterion> criteria = new ArrayList<>();
            for (Step step : workflow.steps()) {
                criteria.addAll(step.successCriteria());
                step.onSuccess().forEach(a -> criteria.addAll(a.criteria()));
                step.onFailure().forEach(a -> criteria.addAll(a.criteria()));
            }
            for (Action a : workflow.successActions()) {
                criteria.addAll(a.criteria());
            }
            for (Action a : workflow.failureActions()) {
                criteria.addAll(a.criteria());
            }
            for (Criterion criterion : criteria) {
                if (criterion.typeName().equals("regex") && criterion.condition() != null) {
                    check(criterion.condition(), diagnostics);
                }
            }
        }
    }

    private static void check(Located<String> condition, Diagnostics diagnostics) {
        String pattern = condition.value();
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            // reported by CriterionCheck
            return;
        }
        if (BoundedRegex.isLinear(pattern)) {
            return;
        }
        Risk risk = risk(pattern);
        if (risk != null) {
            diagnostics.report(Message.REGEX_BACKTRACKING, condition.location().shifted(risk.index()), risk.what());
        }
    }

    /** What makes a pattern risky, and where. */
    record Risk(String what, int index) {}

    /**
     * Finds a nested quantifier (a repeated group holding a quantifier or an alternation: {@code (a+)+},
     * {@code (a|aa)*}) or a backreference ({@code \1}, {@code \k<name>}), the first in the text.
     *
     * @param pattern a pattern {@link Pattern#compile(String)} accepts
     * @return the risk, or {@code null}
     */
    static Risk risk(String pattern) {
        Deque<boolean[]> groups = new ArrayDeque<>();
        boolean[] top = {false};
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = pattern.charAt(i + 1);
                if ((e >= '1' && e <= '9') || (e == 'k' && i + 2 < n && pattern.charAt(i + 2) == '<')) {
                    return new Risk("backreference '" + pattern.substring(i, Math.min(n, i + 2)) + "'", i);
                }
                if (e == 'Q') {
                    int end = pattern.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                i = classEnd(pattern, i);
            } else if (c == '(') {
                groups.push(top);
                top = new boolean[] {false};
                if (i + 1 < n && pattern.charAt(i + 1) == '?') {
                    // (?: (?= (?! (?<= (?<! (?<name> (?> (?i): the kind of group, not a quantifier
                    i += 2;
                    if (i < n
                            && pattern.charAt(i) == '<'
                            && i + 1 < n
                            && pattern.charAt(i + 1) != '='
                            && pattern.charAt(i + 1) != '!') {
                        i = Math.max(i, pattern.indexOf('>', i));
                    } else if (i < n && pattern.charAt(i) == '<') {
                        i++;
                    }
                }
            } else if (c == ')' && !groups.isEmpty()) {
                boolean inner = top[0];
                top = groups.pop();
                int q = i + 1;
                if (q < n && repeats(pattern, q) && inner) {
                    return new Risk("nested quantifier '" + pattern.substring(q, q + 1) + "'", q);
                }
                top[0] |= inner || (q < n && quantifier(pattern.charAt(q)));
            } else if (quantifier(c) || c == '|') {
                top[0] = true;
            }
        }
        return null;
    }

    /** Whether a quantifier at {@code q} can repeat more than once: {@code * +}, or braces with a bound above 1. */
    private static boolean repeats(String pattern, int q) {
        char c = pattern.charAt(q);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c != '{') {
            return false;
        }
        int close = pattern.indexOf('}', q);
        if (close < 0) {
            return false;
        }
        String[] bounds = pattern.substring(q + 1, close).split(",", -1);
        return bounds.length == 2
                ? bounds[1].isEmpty() || !bounds[1].equals("1") && !bounds[1].equals("0")
                : !bounds[0].equals("1") && !bounds[0].equals("0");
    }

    private static boolean quantifier(char c) {
        return c == '*' || c == '+' || c == '?' || c == '{';
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, nested classes included. */
    private static int classEnd(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && i > open + 1 && --depth == 0) {
                return i;
            }
        }
        return pattern.length();
    }
}
