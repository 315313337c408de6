package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.util.Scanner;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * A build context like an IDE's: it says which files changed since the last build, and records
 * what the plugin wrote, refreshed and marked.
 */
public final class RecordingBuildContext implements BuildContext {
    private final boolean incremental;
    final List<File> changed = new ArrayList<>();
    final List<File> written = new ArrayList<>();
    final List<File> refreshed = new ArrayList<>();
    public final List<File> cleared = new ArrayList<>();
    public final List<String> markers = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    public RecordingBuildContext(boolean incremental) {
        this.incremental = incremental;
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }

    @Override
    public boolean hasDelta(File file) {
        return !incremental || changed.stream().anyMatch(c -> c.toPath().startsWith(file.toPath()));
    }

    @Override
    public boolean hasDelta(String relpath) {
        return hasDelta(new File(relpath));
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface predates generics
    public boolean hasDelta(List relpaths) {
        for (Object path : relpaths) {
            if (hasDelta(String.valueOf(path))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public OutputStream newFileOutputStream(File file) throws IOException {
        written.add(file);
        return Files.newOutputStream(file.toPath());
    }

    @Override
    public void refresh(File file) {
        refreshed.add(file);
    }

    @Override
    public Scanner newScanner(File basedir) {
        throw new UnsupportedOperationException("the plugin scans with its own SourceScanner");
    }

    @Override
    public Scanner newDeleteScanner(File basedir) {
        throw new UnsupportedOperationException("the plugin scans with its own SourceScanner");
    }

    @Override
    public Scanner newScanner(File basedir, boolean ignoreDelta) {
        throw new UnsupportedOperationException("the plugin scans with its own SourceScanner");
    }

    @Override
    public void setValue(String key, Object value) {
        values.put(key, value);
    }

    @Override
    public Object getValue(String key) {
        return values.get(key);
    }

    @Override
    @Deprecated
    public void addWarning(File file, int line, int column, String message, Throwable cause) {
        addMessage(file, line, column, message, SEVERITY_WARNING, cause);
    }

    @Override
    @Deprecated
    public void addError(File file, int line, int column, String message, Throwable cause) {
        addMessage(file, line, column, message, SEVERITY_ERROR, cause);
    }

    @Override
    public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
        markers.add(file.getName() + ":" + line + ":" + column + " "
                + (severity == SEVERITY_ERROR ? "error" : "warning") + " " + message);
    }

    @Override
    public void removeMessages(File file) {
        cleared.add(file);
    }

    @Override
    public boolean isUptodate(File target, File source) {
        return false;
    }
}
