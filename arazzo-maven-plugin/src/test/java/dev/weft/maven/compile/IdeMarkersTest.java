package dev.weft.maven.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Severity;
import dev.weft.maven.RecordingBuildContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

class IdeMarkersTest {
    private static final Path DOC = Path.of("src/main/arazzo/a.arazzo.yaml");

    @Test
    void diagnosticsBecomeMarkersAfterTheOldOnesAreCleared() {
        RecordingBuildContext ide = new RecordingBuildContext(true);
        new IdeMarkers(ide)
                .replace(
                        List.of(DOC),
                        List.of(
                                new Diagnostic(
                                        Severity.ERROR,
                                        DiagnosticCode.UNKNOWN_OPERATION,
                                        "no 'getJob'",
                                        new Location(DOC, 9, 18)),
                                new Diagnostic(
                                        Severity.WARNING,
                                        DiagnosticCode.UNREACHABLE_STEP,
                                        "step 'x' is unreachable",
                                        new Location(DOC, 12, 5))));
        assertEquals(List.of(DOC.toFile()), ide.cleared);
        assertEquals(
                List.of(
                        "a.arazzo.yaml:9:18 error [unknown-operation] no 'getJob'",
                        "a.arazzo.yaml:12:5 warning [unreachable-step] step 'x' is unreachable"),
                ide.markers);
    }

    @Test
    void mavensOwnContextIsLeftAloneAsTheMojoLogsAlready() {
        // DefaultBuildContext would log through a Plexus logger that is not set here, and fail
        new IdeMarkers(new DefaultBuildContext())
                .replace(
                        List.of(DOC),
                        List.of(new Diagnostic(
                                Severity.ERROR, DiagnosticCode.UNKNOWN_OPERATION, "x", Location.startOf(DOC))));
    }
}
