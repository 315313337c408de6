package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the files below a directory that match Ant-style include patterns and no exclude pattern.
 *
 * <p>Patterns follow Maven's own (plexus {@code DirectoryScanner}) rules: {@code /} separates
 * folders, {@code *} and {@code ?} stay inside one folder name, a {@code **} segment matches any
 * number of folders including none, and a trailing {@code /} means {@code /**}. It is written out
 * here because the plexus-utils a plugin sees depends on the Maven version running it.
 */
final class SourceScanner {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    SourceScanner(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(SourceScanner::toRegex).toList();
        this.excludes = excludes.stream().map(SourceScanner::toRegex).toList();
    }

    /** The matching regular files below {@code directory}, sorted by relative path; none if it is absent. */
    List<Path> scan(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matches(slashed(directory.relativize(file))))
                    .sorted(SourceScanner::byRelativePath)
                    .toList();
        }
    }

    /** Whether a relative path, with {@code /} separators, is included and not excluded. */
    boolean matches(String relativePath) {
        return includes.stream().anyMatch(p -> p.matcher(relativePath).matches())
                && excludes.stream().noneMatch(p -> p.matcher(relativePath).matches());
    }

    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    // Comparing the slashed strings keeps the order the same on every operating system.
    private static int byRelativePath(Path a, Path b) {
        return slashed(a).compareTo(slashed(b));
    }

    static Pattern toRegex(String antPattern) {
        String pattern = antPattern.trim().replace('\\', '/');
        while (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        if (pattern.isEmpty() || pattern.endsWith("/")) {
            pattern = pattern + "**";
        }
        String[] segments = pattern.split("/+");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]*/)*");
                continue;
            }
            appendSegment(regex, segments[i]);
            if (!last) {
                regex.append('/');
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static void appendSegment(StringBuilder regex, String segment) {
        StringBuilder literal = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
    }
}
