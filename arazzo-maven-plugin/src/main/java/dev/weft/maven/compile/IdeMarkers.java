package dev.weft.maven.compile;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.Severity;
import java.nio.file.Path;
import java.util.List;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

/**
 * Diagnostics as markers on their files in an IDE (m2e shows them in the editor and the Problems
 * view), replacing those of the previous run.
 */
final class IdeMarkers {
    private final BuildContext context;

    IdeMarkers(BuildContext context) {
        this.context = context;
    }

    /** Clears the markers of {@code files} (a folder clears those below it), then marks each diagnostic. */
    void replace(List<Path> files, List<Diagnostic> diagnostics) {
        if (context instanceof DefaultBuildContext) {
            // Maven's own context would only log each diagnostic a second time, after the Mojo's log.
            return;
        }
        files.forEach(file -> context.removeMessages(file.toFile()));
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.NOTE) {
                continue; // a BuildContext knows errors and warnings only
            }
            context.addMessage(
                    d.location().file().toFile(),
                    d.location().line(),
                    d.location().column(),
                    "[" + d.code().id() + "] " + d.message(),
                    d.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING,
                    null);
        }
    }
}
