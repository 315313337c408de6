package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.ReusableComponents;
import dev.weft.compiler.resolve.ResolvedDocument;

/**
 * Components are checked whether or not anything references them (a malformed one is a defect of the
 * document either way): what holds wherever they are used, their shape and the syntax of what they hold.
 * A used one reports the same diagnostics at the same places, once.
 */
final class ComponentCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        ReusableComponents components = document.document().components();
        for (Parameter p : components.parameters().values()) {
            ExpressionCheck.syntax(p, diagnostics);
        }
        ArazzoVersion version = document.document().version();
        components.successActions().values().forEach(a -> action(a, version, diagnostics));
        components.failureActions().values().forEach(a -> action(a, version, diagnostics));
    }

    private static void action(Action action, ArazzoVersion version, Diagnostics diagnostics) {
        ActionCheck.shape(action, diagnostics);
        action.criteria().forEach(c -> CriterionCheck.syntax(c, version, diagnostics));
    }
}
