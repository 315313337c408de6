package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.Collection;
import java.util.List;

/** The registry of checks, run in order over a resolved document. A new rule family is one line here. */
public final class Checks {
    private static final List<Check> ALL = List.of(
            new IdentityCheck(),
            new StepTargetCheck(),
            new AsyncStepCheck(),
            new RequestBodyCheck(),
            new ParameterCheck(),
            new SecurityCheck(),
            new ExpressionCheck(),
            new ExchangeCheck(),
            new EnumCheck(),
            new CriterionCheck(),
            new SelectorCheck(),
            new RegexCheck(),
            new ActionCheck(),
            new WorkflowCallCheck(),
            new FlowCheck(),
            new ComponentCheck(),
            new JavaNameCheck());

    private Checks() {}

    public static void run(ResolvedDocument document, Diagnostics diagnostics) {
        for (Check check : ALL) {
            check.check(document, diagnostics);
        }
    }

    /** Rules across all documents of one compilation: generated class names must not collide (D-46). */
    public static void runAcross(Collection<ResolvedDocument> documents, Diagnostics diagnostics) {
        JavaNameCheck.acrossDocuments(documents, diagnostics);
    }
}
