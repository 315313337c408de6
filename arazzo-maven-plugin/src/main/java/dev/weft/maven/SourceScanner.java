package dev.weft.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the files below a directory that match Ant-style include patterns and no exclude pattern.
 *
 * <p>Patterns follow Maven's own (plexus {@code DirectoryScanner}) rules: {@code /} separates
 * folders, {@code *} and {@code ?} stay inside one folder name, a {@code **} segment matches any
 * number of folders including none, and a trailing {@code /} means {@code /**}. It is written out
 * here because the plexus-utils a plugin sees depends on the Maven version running it.
 *
 * <p>An up-to-date build runs this code once in a fresh JVM, interpreted: it walks with loops and a
 * {@link DirectoryStream}, not {@code Files.walk} and streams, whose first use (the stream pipeline's classes, a
 * class spun per lambda) cost that build more than the walk itself.
 */
final class SourceScanner {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    SourceScanner(List<String> includes, List<String> excludes) {
        this.includes = toRegexes(includes);
        this.excludes = toRegexes(excludes);
    }

    private static List<Pattern> toRegexes(List<String> antPatterns) {
        List<Pattern> regexes = new ArrayList<>(antPatterns.size());
        for (String antPattern : antPatterns) {
            regexes.add(toRegex(antPattern));
        }
        return List.copyOf(regexes);
    }

    /** The matching regular files below {@code directory}, sorted by relative path; none if it is absent. */
    List<Path> scan(Path directory) throws IOException {
        return select(regularFiles(directory));
    }

    /** The matching ones of {@code files}, listed by {@link #regularFiles}, in their order. */
    List<Path> select(SortedMap<String, Path> files) {
        List<Path> matching = new ArrayList<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            if (matches(file.getKey())) {
                matching.add(file.getValue());
            }
        }
        return matching;
    }

    /** Whether a relative path, with {@code /} separators, is included and not excluded. */
    boolean matches(String relativePath) {
        return matchesAny(includes, relativePath) && !matchesAny(excludes, relativePath);
    }

    private static boolean matchesAny(List<Pattern> patterns, String relativePath) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(relativePath).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every regular file below {@code directory}, by its relative path with {@code /} separators (so the order is
     * the same on every operating system); none if it is absent. As {@code Files.walk} does, it descends into no
     * linked folder and keeps a linked file.
     */
    static SortedMap<String, Path> regularFiles(Path directory) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>();
        if (directory != null && Files.isDirectory(directory)) {
            walk(directory, directory, files);
        }
        return files;
    }

    private static void walk(Path root, Path folder, SortedMap<String, Path> files) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    walk(root, entry, files);
                } else if (Files.isRegularFile(entry)) {
                    files.put(slashed(root.relativize(entry)), entry);
                }
            }
        }
    }

    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
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
