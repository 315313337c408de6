package dev.weft.compiler.generate;

import dev.weft.compiler.expr.JsonPointer;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.RuntimeExpression;
import java.util.List;

/**
 * Words that say what a runtime expression reads, for naming the locals and constants that hold what it
 * reads: {@code $response.body#/data/status} reads a {@code status}, {@code $response.header.ETag} an
 * {@code ETag}.
 */
final class Hints {
    private Hints() {}

    /** What an operand reads: its last member accessor, else what its expression reads. */
    static String of(RuntimeExpression expression, List<Operand.Accessor> accessors) {
        for (int i = accessors.size() - 1; i >= 0; i--) {
            if (accessors.get(i) instanceof Operand.Accessor.Member member) {
                return member.name();
            }
        }
        return of(expression);
    }

    /** What an expression reads: the last name in it that is not an index. */
    static String of(RuntimeExpression e) {
        if (e instanceof RuntimeExpression.StatusCode) {
            return "statusCode";
        } else if (e instanceof RuntimeExpression.Url) {
            return "url";
        } else if (e instanceof RuntimeExpression.Self) {
            return "self";
        } else if (e instanceof RuntimeExpression.SourceDescriptionRef s) {
            return s.rest();
        } else if (e instanceof RuntimeExpression.Method) {
            return "method";
        } else if (e instanceof RuntimeExpression.RequestHeader h) {
            return h.name();
        } else if (e instanceof RuntimeExpression.RequestQuery q) {
            return q.name();
        } else if (e instanceof RuntimeExpression.RequestPath p) {
            return p.name();
        } else if (e instanceof RuntimeExpression.RequestBody b) {
            return pointer(b.pointer(), "requestBody");
        } else if (e instanceof RuntimeExpression.ResponseHeader h) {
            return h.name();
        } else if (e instanceof RuntimeExpression.ResponseBody b) {
            return pointer(b.pointer(), "body");
        } else if (e instanceof RuntimeExpression.Input in) {
            return pointer(in.pointer(), lastSegment(in.name()));
        } else if (e instanceof RuntimeExpression.Output out) {
            return pointer(out.pointer(), lastSegment(out.name()));
        } else if (e instanceof RuntimeExpression.StepOutput out) {
            return pointer(out.pointer(), lastSegment(out.name()));
        } else if (e instanceof RuntimeExpression.WorkflowValue w) {
            return pointer(w.pointer(), lastSegment(w.name()));
        }
        return "value";
    }

    private static String pointer(JsonPointer pointer, String otherwise) {
        if (pointer != null) {
            List<String> tokens = pointer.tokens();
            for (int i = tokens.size() - 1; i >= 0; i--) {
                if (!tokens.get(i).isEmpty() && !tokens.get(i).chars().allMatch(Character::isDigit)) {
                    return tokens.get(i);
                }
            }
        }
        return otherwise;
    }

    private static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
