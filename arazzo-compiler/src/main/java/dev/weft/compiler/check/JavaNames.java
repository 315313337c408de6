package dev.weft.compiler.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * How Arazzo ids become Java names: {@code image-generation-poll} → {@code ImageGenerationPollWorkflow},
 * {@code submitGeneration} → {@code submitGeneration} / {@code SUBMIT_GENERATION}. Whatever a document
 * holds, the result is a legal identifier.
 */
public final class JavaNames {
    private static final Set<String> RESERVED_MEMBERS = Set.of(
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
        return name + "Workflow";
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
        String result = name.toString();
        if (result.isEmpty() || !Character.isJavaIdentifierStart(result.charAt(0))) {
            result = "_" + result;
        }
        if (SourceVersion.isKeyword(result) || RESERVED_MEMBERS.contains(result) || result.equals("_")) {
            result = result + "_";
        }
        return result;
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
        return name.toString();
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
