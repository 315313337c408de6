package dev.weft.compiler.resolve;

import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.ParseResult;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.Criterion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The responses a step can succeed with: the status codes its success criteria admit ({@code $statusCode ==
 * 200}, {@code $statusCode < 300}, a {@code regex} on {@code $statusCode}...), or 2XX when they do not restrict
 * the status; mapped to the operation's declared responses, an exact code before its range ({@code 2XX}), and
 * {@code default} only when no other declared response is admitted. Error responses a step cannot succeed
 * with do not answer for what its outputs read.
 *
 * @param codes the status codes (100 to 599) the criteria admit
 * @param responses the admitted declared responses by their key ({@code 200}, {@code 2XX}, {@code default}),
 *     in declaration order, {@code $ref}s resolved
 */
public record AdmittedResponses(BitSet codes, Map<String, ApiResponse> responses) {
    /** The lowest status code considered. */
    public static final int MIN = 100;
    /** One past the highest status code considered. */
    public static final int MAX = 600;

    private static final String RESPONSES = "#/components/responses/";

    /** Three-valued truth: what a condition is, for the values the check knows. */
    public enum Truth {
        TRUE,
        FALSE,
        UNKNOWN;

        public static Truth of(boolean b) {
            return b ? TRUE : FALSE;
        }

        public Truth not() {
            return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
        }

        public Truth and(Truth other) {
            if (this == FALSE || other == FALSE) {
                return FALSE;
            }
            return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
        }

        public Truth or(Truth other) {
            if (this == TRUE || other == TRUE) {
                return TRUE;
            }
            return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
        }
    }

    /** The responses {@code op} can answer for a step with these success criteria. */
    public static AdmittedResponses of(OperationRef op, List<Criterion> successCriteria) {
        BitSet codes = codes(successCriteria);
        if (codes.cardinality() == MAX - MIN) {
            codes = new BitSet();
            codes.set(200, 300);
        }
        return new AdmittedResponses(codes, declared(op, codes));
    }

    /** Every declared response of {@code op}, {@code $ref}s resolved, in declaration order. */
    public static Map<String, ApiResponse> all(OperationRef op) {
        Map<String, ApiResponse> all = new LinkedHashMap<>();
        if (op.operation().getResponses() != null) {
            op.operation().getResponses().forEach((key, r) -> {
                ApiResponse resolved = resolve(op.api(), r);
                if (resolved != null) {
                    all.put(key, resolved);
                }
            });
        }
        return all;
    }

    /** The status codes no criterion surely rejects; all of them when none tests the status. */
    public static BitSet codes(List<Criterion> criteria) {
        BitSet codes = new BitSet();
        codes.set(MIN, MAX);
        for (Criterion c : criteria) {
            codes.and(codes(c));
        }
        return codes;
    }

    /** The status codes a criterion does not surely reject. */
    public static BitSet codes(Criterion criterion) {
        // a criterion's codes depend on its type, condition and context only: each is judged once per text
        List<String> key = Arrays.asList(
                criterion.typeName(),
                criterion.condition() == null ? null : criterion.condition().value(),
                criterion.context() == null ? null : criterion.context().value());
        BitSet known = JUDGED.get(key);
        if (known == null) {
            known = judge(criterion);
            if (JUDGED.size() >= JUDGED_LIMIT) {
                JUDGED.clear();
            }
            JUDGED.put(key, known);
        }
        return (BitSet) known.clone();
    }

    private static final int JUDGED_LIMIT = 4_096;
    private static final Map<List<String>, BitSet> JUDGED = new ConcurrentHashMap<>();

    private static BitSet judge(Criterion criterion) {
        BitSet codes = new BitSet();
        Function<Integer, Truth> test = test(criterion);
        for (int code = MIN; code < MAX; code++) {
            if (test.apply(code) != Truth.FALSE) {
                codes.set(code);
            }
        }
        return codes;
    }

    /** Whether the declared response {@code key} answers status {@code code}. */
    public static boolean covers(String key, int code) {
        String k = key.toUpperCase(Locale.ROOT);
        if (k.matches("[1-5]XX")) {
            return k.charAt(0) - '0' == code / 100;
        }
        return k.equals(Integer.toString(code));
    }

    private static Map<String, ApiResponse> declared(OperationRef op, BitSet codes) {
        Map<String, ApiResponse> all = all(op);
        Set<String> exact = new HashSet<>();
        Set<String> ranges = new HashSet<>();
        boolean uncovered = false;
        for (int code = codes.nextSetBit(0); code >= 0; code = codes.nextSetBit(code + 1)) {
            String hit = null;
            for (String key : all.keySet()) {
                if (key.equals(Integer.toString(code))) {
                    hit = key;
                }
            }
            if (hit != null) {
                exact.add(hit);
                continue;
            }
            for (String key : all.keySet()) {
                if (!key.equalsIgnoreCase("default") && covers(key, code)) {
                    hit = key;
                }
            }
            if (hit != null) {
                ranges.add(hit);
            } else {
                uncovered = true;
            }
        }
        Map<String, ApiResponse> admitted = new LinkedHashMap<>();
        all.forEach((key, r) -> {
            if (exact.contains(key) || ranges.contains(key)) {
                admitted.put(key, r);
            }
        });
        if (admitted.isEmpty() && uncovered) {
            all.forEach((key, r) -> {
                if (key.equalsIgnoreCase("default")) {
                    admitted.put(key, r);
                }
            });
        }
        return admitted;
    }

    private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        Set<String> seen = new HashSet<>();
        ApiResponse current = response;
        while (current != null && current.get$ref() != null) {
            String ref = current.get$ref();
            if (!seen.add(ref)
                    || !ref.startsWith(RESPONSES)
                    || api.getComponents() == null
                    || api.getComponents().getResponses() == null) {
                return null;
            }
            current = api.getComponents().getResponses().get(ref.substring(RESPONSES.length()));
        }
        return current;
    }

    /** How a criterion judges a status code: decided for what tests only the status, else unknown. */
    private static Function<Integer, Truth> test(Criterion criterion) {
        switch (criterion.typeName()) {
            case "simple" -> {
                ParseResult<Condition> parsed =
                        ConditionParser.parseSimple(criterion.condition().value());
                if (!parsed.ok()) {
                    return code -> Truth.UNKNOWN;
                }
                Condition condition = parsed.value();
                return code -> truth(condition, cmp -> status(cmp, code));
            }
            case "regex" -> {
                if (criterion.context() == null
                        || !(ExpressionParser.parse(criterion.context().value()).value()
                                instanceof RuntimeExpression.StatusCode)) {
                    return code -> Truth.UNKNOWN;
                }
                try {
                    Pattern pattern = Pattern.compile(criterion.condition().value());
                    return code ->
                            Truth.of(pattern.matcher(Integer.toString(code)).find());
                } catch (PatternSyntaxException e) {
                    return code -> Truth.UNKNOWN;
                }
            }
            default -> {
                return code -> Truth.UNKNOWN;
            }
        }
    }

    /**
     * A condition's truth, each comparison judged by {@code compare} and every other operand unknown; the
     * operators combine as Kleene's logic.
     */
    public static Truth truth(Condition c, Function<Condition.Compare, Truth> compare) {
        if (c instanceof Condition.Or or) {
            Truth t = Truth.FALSE;
            for (Condition o : or.operands()) {
                t = t.or(truth(o, compare));
            }
            return t;
        } else if (c instanceof Condition.And and) {
            Truth t = Truth.TRUE;
            for (Condition o : and.operands()) {
                t = t.and(truth(o, compare));
            }
            return t;
        } else if (c instanceof Condition.Not not) {
            return truth(not.operand(), compare).not();
        } else if (c instanceof Condition.Compare cmp) {
            return compare.apply(cmp);
        }
        return Truth.UNKNOWN;
    }

    /** A comparison of {@code $statusCode} with a number, judged for {@code code}; anything else unknown. */
    public static Truth status(Condition.Compare cmp, int code) {
        boolean left = isStatus(cmp.left());
        boolean right = isStatus(cmp.right());
        if (left == right) {
            return Truth.UNKNOWN;
        }
        Operand other = left ? cmp.right() : cmp.left();
        BigDecimal n;
        if (other instanceof Operand.NumberLiteral number) {
            n = number.value();
        } else if (other instanceof Operand.StringLiteral s && s.value().trim().matches("-?\\d+(\\.\\d+)?")) {
            n = new BigDecimal(s.value().trim());
        } else if (other instanceof Operand.Expression) {
            return Truth.UNKNOWN;
        } else {
            // a status compared with null, a boolean or a non-numeric string: never equal, never ordered
            return Truth.of(cmp.op() == Condition.Operator.NE);
        }
        int order = BigDecimal.valueOf(code).compareTo(n);
        if (!left) {
            order = -order;
        }
        return Truth.of(
                switch (cmp.op()) {
                    case EQ -> order == 0;
                    case NE -> order != 0;
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    case GE -> order >= 0;
                });
    }

    private static boolean isStatus(Operand operand) {
        return operand instanceof Operand.Expression e
                && e.accessors().isEmpty()
                && e.expression() instanceof RuntimeExpression.StatusCode;
    }

    /** Response keys as a readable list: codes in order ({@code 204, 400, 401, 404}), then ranges, then default. */
    public static String describe(Collection<String> keys) {
        return keys.stream()
                .sorted(Comparator.comparing(
                                (String k) -> k.matches("\\d+") ? 0 : k.equalsIgnoreCase("default") ? 2 : 1)
                        .thenComparing(k -> k.toUpperCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }
}
