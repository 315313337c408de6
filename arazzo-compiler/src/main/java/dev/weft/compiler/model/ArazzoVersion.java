package dev.weft.compiler.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minor version of Arazzo a document declares, which decides the rules it is checked by. The
 * specification says tooling SHOULD NOT tell patch versions apart, so 1.0.2 or 1.1.0-rc1 reads as 1.0.1
 * or 1.1.0 does.
 */
public enum ArazzoVersion {
    V1_0("1.0"),
    V1_1("1.1");

    /** {@code major.minor.patch}, with an optional pre-release suffix, as the official schemas have it. */
    private static final Pattern FORM = Pattern.compile("(\\d+\\.\\d+)\\.\\d+(-.+)?");

    private final String label;

    ArazzoVersion(String label) {
        this.label = label;
    }

    /** The version a declared {@code arazzo} string names, or empty when Weft does not compile it. */
    public static Optional<ArazzoVersion> of(String declared) {
        Matcher m = FORM.matcher(declared);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (ArazzoVersion v : values()) {
            if (v.label.equals(m.group(1))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The latest version Weft compiles. */
    public static ArazzoVersion latest() {
        return values()[values().length - 1];
    }

    /** {@code 1.0} or {@code 1.1}. */
    public String label() {
        return label;
    }

    public boolean atLeast(ArazzoVersion other) {
        return compareTo(other) >= 0;
    }
}
