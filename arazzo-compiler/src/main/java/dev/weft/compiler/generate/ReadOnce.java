package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.Criterion;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that several criteria of one part of a method test (the success criteria, the success actions,
 * the failure actions) is read once, into a local named after it, before the part's first test (STYLE §6:
 * {@code JsonNode status = Values.member(exchange.responseBody(), "status")}); a value a step output already
 * holds is taken from its field instead.
 *
 * <p>Reads have no effects, except that reading a response body declared JSON that does not parse fails the
 * step: so a read of the body moves up only when the body is read there anyway, by an output, by criteria
 * tested before, or by the first term of the part's first test. Criteria long enough to be split into helper
 * methods keep their reads, as the helpers do not see the method's locals.
 */
final class ReadOnce {
    private ReadOnce() {}

    /**
     * Declares, into {@code code}, a local for each value read more than once by the {@code tested} criteria
     * lists of one part of a method, and returns the scope in which the part's criteria use them.
     *
     * @param scope the scope so far, with the fields the method recorded and the locals it declared
     * @param bodyRead whether the response body is read before, or by, the part's first test
     */
    static ConditionCode.Scope plan(
            ConditionCode conditions,
            ConditionCode.Scope scope,
            List<List<Criterion>> tested,
            boolean bodyRead,
            ValueCode.Locals locals,
            CodeBlock.Builder code,
            Budget budget) {
        Map<String, ConditionReads.Read> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (List<Criterion> criteria : tested) {
            if (!criteria.isEmpty() && conditions.isLight(criteria)) {
                conditions.reads().of(criteria, read -> {
                    String key = read.code().toString();
                    first.putIfAbsent(key, read);
                    counts.merge(key, 1, Integer::sum);
                });
            }
        }
        Map<String, CodeBlock> held = new HashMap<>(scope.locals());
        for (Map.Entry<String, ConditionReads.Read> read : first.entrySet()) {
            ConditionReads.Read value = read.getValue();
            if (counts.get(read.getKey()) < 2
                    || scope.fields().containsKey(read.getKey())
                    || held.containsKey(read.getKey())
                    || !bodyRead && value.expression() instanceof RuntimeExpression.ResponseBody) {
                continue;
            }
            String local = locals.next(Hints.of(value.expression(), value.accessors()));
            code.addStatement("$T $N =$W$L", RuntimeTypes.JSON_NODE, local, value.code());
            held.put(read.getKey(), CodeBlock.of("$N", local));
            budget.add(1);
        }
        return new ConditionCode.Scope(scope.type(), scope.parameter(), scope.method(), scope.fields(), held);
    }
}
