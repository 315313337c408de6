package dev.weft.compiler.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * How Arazzo ids become Java names: {@code image-generation-poll} → {@code ImageGenerationPollWorkflow},
 * {@code submitGeneration} → {@code submitGeneration} / {@code SUBMIT_GENERATION}. Whatever a document
 * holds, the result is a legal identifier of at most {@value #MAX_LENGTH} characters (plus the class
 * suffix): a longer one keeps its start and ends in a hash of the whole id, so that it still names one
 * file on every file system and fits the class file's limits.
 */
public final class JavaNames {
    /** The longest name derived from an id, before {@code Workflow}; file names stay well under 255 bytes. */
    public static final int MAX_LENGTH = 64;

    /**
     * Names a member must not take: the methods every object and the generated records and builders have,
     * and the restricted identifiers, which cannot be called unqualified ({@code yield(x)}) or name a type.
     */
    private static final Set<String> RESERVED_MEMBERS = Set.of(
            "yield",
            "record",
            "var",
            "sealed",
            "permits",
            "toJson",
            "fromJson",
            "builder",
            "toString",
            "hashCode",
            "equals",
            "getClass",
            "notify",
            "notifyAll",
            "wait",
            "clone",
            "finalize",
            "build");

    private JavaNames() {}

    /** The class generated for a workflow. */
    public static String className(String workflowId) {
        StringBuilder name = new StringBuilder();
        for (String word : words(workflowId)) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, 'W');
        }
        return bounded(name.toString(), workflowId, false) + "Workflow";
    }

    /** A field, method, parameter or record component name. */
    public static String memberName(String id) {
        List<String> words = words(id);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            name.append(i == 0 ? Character.toLowerCase(word.charAt(0)) : Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1));
        }
        String result = bounded(name.toString(), id, false);
        if (result.isEmpty() || !Character.isJavaIdentifierStart(result.charAt(0))) {
            result = "_" + result;
        }
        if (SourceVersion.isKeyword(result) || RESERVED_MEMBERS.contains(result) || result.equals("_")) {
            result = result + "_";
        }
        return result;
    }

    /**
     * Member names for ids, in order, all distinct: an id whose name an earlier one took gets {@code _}
     * appended until the name is free, as JavaPoet's {@code NameAllocator} does.
     */
    public static Map<String, String> distinctMembers(Collection<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String id : ids) {
            String name = memberName(id);
            while (!taken.add(name)) {
                name = name + "_";
            }
            names.putIfAbsent(id, name);
        }
        return names;
    }

    /** An enum constant name. */
    public static String constantName(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : words(id)) {
            StringBuilder split = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
                    split.append('_');
                }
                split.append(c);
            }
            if (name.length() > 0) {
                name.append('_');
            }
            name.append(split.toString().toUpperCase(Locale.ROOT));
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, '_');
        }
        if (name.toString().equals("_")) {
            name.append('_'); // '_' alone is a keyword
        }
        return bounded(name.toString(), id, true);
    }

    /** The name itself, or when it is too long its start, '_' and 8 hex digits of the id's SHA-256. */
    private static String bounded(String name, String id, boolean upper) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int keep = MAX_LENGTH - 9;
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        String hash = hash(id);
        return name.substring(0, keep) + "_" + (upper ? hash.toUpperCase(Locale.ROOT) : hash);
    }

    private static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Splits an id into words at every character that cannot be in a Java identifier, and at '_' and '$'. */
    private static List<String> words(String id) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        id.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
