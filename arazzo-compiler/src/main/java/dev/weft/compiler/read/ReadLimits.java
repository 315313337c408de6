package dev.weft.compiler.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** The bounds on every file Weft reads, so that each is read in time linear in its size or refused naming the bound. */
public final class ReadLimits {
    /** The largest file, in bytes. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** Aliases to collections in one workflow document; expansion is bounded by the values limit too. */
    public static final int MAX_ALIASES = 100;

    /** Aliases to collections in one OpenAPI description, where hand-written YAML reuses more. */
    public static final int MAX_DESCRIPTION_ALIASES = 10_000;

    /** Nested collections. */
    public static final int MAX_DEPTH = 100;

    /**
     * The most values a workflow document may expand to. Aliases share nodes, so a few dozen nested ones
     * can stand for billions ("billion laughs"); an alias count alone does not stop that.
     */
    public static final int MAX_VALUES = 1_000_000;

    /** The most values an OpenAPI description (with the files its references reach) may expand to. */
    public static final int MAX_DESCRIPTION_VALUES = 5_000_000;

    /**
     * The longest line of a YAML file, in characters. SnakeYAML's reader copies the text it has not yet
     * consumed each time it reads 1,024 more characters, and a token stays unconsumed until its end, so
     * a line of n characters costs about n²/2,000 copies (8 MB on one line: a minute). Bounding the line
     * bounds that cost linearly in the file size. JSON is read by Jackson, which has no such cost.
     */
    public static final int MAX_YAML_LINE = 256 * 1024;

    private ReadLimits() {}

    /** Wraps {@code text} so that reading a line longer than {@link #MAX_YAML_LINE} fails with {@link LineTooLong}. */
    public static Reader lineLimited(Reader text) {
        return new LineLimitedReader(text);
    }

    /** A YAML line longer than {@link #MAX_YAML_LINE}; {@code line} is 1-based. */
    public static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        LineTooLong(int line) {
            super("line " + line + " is longer than " + MAX_YAML_LINE + " characters");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Counts characters since the last line break as the text is read. */
    private static final class LineLimitedReader extends FilterReader {
        private int line = 1;
        private int column;

        LineLimitedReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    line++;
                    column = 0;
                } else if (c == '\r') {
                    column = 0;
                } else if (++column > MAX_YAML_LINE) {
                    throw new LineTooLong(line);
                }
            }
            return read;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }
}
