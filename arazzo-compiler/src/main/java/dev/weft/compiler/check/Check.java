package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.resolve.ResolvedDocument;

/** One family of rules; reports what it finds and carries on. */
interface Check {
    void check(ResolvedDocument document, Diagnostics diagnostics);
}
