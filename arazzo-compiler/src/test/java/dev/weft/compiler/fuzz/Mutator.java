package dev.weft.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates Arazzo documents and OpenAPI descriptions at the text level: lines deleted, duplicated,
 * swapped or re-indented, values replaced by hostile strings or references, expressions corrupted,
 * keys renamed, alias bombs and deep nesting added. Deterministic for a given {@link Random}.
 */
final class Mutator {
    /** Strings that have broken code generators: keywords, digits first, quotes, comment ends, escapes. */
    static final List<String> HOSTILE = List.of(
            "class",
            "default",
            "_",
            "1st-step",
            "naïve-ünïcode",
            "with space",
            "dollar$sign",
            "quote\"d",
            "it's",
            "*/ /*",
            "\\u000a",
            "\\u0022",
            "a.b",
            "{x}",
            "$inputs",
            "$steps.",
            "#/ptr",
            "~1",
            "null",
            "true",
            "-",
            "--",
            "x".repeat(300),
            "\u2028line\u2029sep",
            "tab\tbed",
            "émoji 🎉",
            "get-pet",
            "get_pet",
            "getPet",
            "WORKFLOW_ID",
            "Inputs",
            "Outputs",
            "Run",
            "Step",
            "run",
            "in",
            "exchange",
            "json",
            "text",
            "yield",
            "record",
            "var",
            "toJson",
            "fromJson",
            "ORDERS",
            "rtl\u202eoverride",
            "zero\u200bwidth",
            "\ufeffbom");

    private static final List<String> EXPRESSION_DAMAGE = List.of(
            "{",
            "}",
            "$",
            "#",
            "..",
            "#/",
            "{$",
            "$$",
            ".outputs.",
            "$response.",
            "$steps",
            "==",
            "'",
            "\"",
            "[",
            "]",
            "\\");

    /**
     * References an OpenAPI description must never follow over the network or outside its folders:
     * remote (to a closed port on this machine, so a bug cannot reach further), absolute files, escapes
     * upwards, dangling and self-referencing ones.
     */
    private static final List<String> REFS = List.of(
            "http://127.0.0.1:9/remote.yaml#/components/schemas/X",
            "https://127.0.0.1:9/remote.json",
            "file:///etc/hostname",
            "../../../../../../../../etc/passwd#/x",
            "missing.yaml#/components/schemas/X",
            "#/components/schemas/Nope",
            "#/paths",
            "#",
            "SELF",
            "SELF#/components/schemas",
            "SELF#/paths/~1nope",
            "%zz",
            "#/components/schemas/%7B");

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    String mutate(String document) {
        List<String> lines = new ArrayList<>(List.of(document.split("\n", -1)));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            mutateOnce(lines);
        }
        return String.join("\n", lines);
    }

    /**
     * Mutates an OpenAPI description like a document, and also turns values into {@code $ref}s that
     * must fail cleanly; {@code self} is the file's own name, for references back into it.
     */
    String mutateDescription(String description, String self) {
        List<String> lines = new ArrayList<>(List.of(description.split("\n", -1)));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            if (random.nextInt(4) == 0) {
                int i = random.nextInt(lines.size());
                String ref = REFS.get(random.nextInt(REFS.size())).replace("SELF", self);
                lines.set(i, replaceValue(lines.get(i), "{$ref: '" + ref + "'}"));
            } else {
                mutateOnce(lines);
            }
        }
        return String.join("\n", lines);
    }

    private void mutateOnce(List<String> lines) {
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        switch (random.nextInt(10)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, line);
            case 2 -> {
                int j = random.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case 3 -> lines.set(i, (random.nextBoolean() ? "  " : "") + line.stripLeading());
            case 4 -> lines.set(i, replaceValue(line, hostile()));
            case 5 -> lines.set(i, replaceValue(line, "'" + hostile().replace("'", "''") + "'"));
            case 6 -> lines.set(i, damage(line));
            case 7 -> lines.set(i, renameKey(line));
            case 8 -> lines.add(0, aliasBomb());
            default -> lines.add(deepNesting(lines));
        }
    }

    private String hostile() {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static String replaceValue(String line, String value) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value;
    }

    private String damage(String line) {
        if (line.isEmpty()) {
            return line;
        }
        int at = random.nextInt(line.length());
        String piece = EXPRESSION_DAMAGE.get(random.nextInt(EXPRESSION_DAMAGE.size()));
        return random.nextInt(4) == 0 ? line.substring(0, at) : line.substring(0, at) + piece + line.substring(at);
    }

    private String renameKey(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return line;
        }
        int start = line.length() - line.stripLeading().length();
        String name = hostile().replace(":", "").replace("#", "");
        return line.substring(0, start)
                + (line.stripLeading().startsWith("- ") ? "- " : "")
                + '"'
                + name.replace("\\", "\\\\").replace("\"", "\\\"")
                + '"'
                + line.substring(colon);
    }

    /** Nested aliases that would expand exponentially if a reader expanded them all. */
    private static String aliasBomb() {
        StringBuilder bomb = new StringBuilder("x-bomb-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("x-bomb-").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                bomb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        return bomb.toString().strip();
    }

    private String deepNesting(List<String> lines) {
        int depth = 50 + random.nextInt(150);
        return "x-deep: " + "[".repeat(depth) + "]".repeat(depth);
    }
}
