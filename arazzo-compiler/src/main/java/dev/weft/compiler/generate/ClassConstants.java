package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.weft.compiler.names.JavaNames;
import dev.weft.runtime.internal.XPathQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The constants of a generated class, each named after what it holds: the base URL of each source
 * ({@code SHOP_BASE_URL}), each retry action ({@code NOT_READY}), and what criteria parse
 * once per class rather than per evaluation: regular expressions ({@code STATUS_PATTERN}), JSONPath
 * queries and XPath expressions.
 */
final class ClassConstants {
    private static final Pattern WORD = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    /** Static initializer units of a retry action: it is built by three calls, a compiled criterion by one. */
    static final int RETRY_UNITS = 3;

    private record Key(String kind, String text) {}

    private final Set<String> taken = new HashSet<>(Set.of("WORKFLOW_ID", MetadataConstant.NAME));
    private final Map<Key, FieldSpec.Builder> baseUrls = new LinkedHashMap<>();
    private final Map<Key, FieldSpec.Builder> retries = new LinkedHashMap<>();
    private final Map<Key, FieldSpec.Builder> criteria = new LinkedHashMap<>();
    private final Map<Key, String> names = new LinkedHashMap<>();
    private final Budget budget;

    /** Constants whose fields count against {@code budget}, the class's. */
    ClassConstants(Budget budget) {
        this.budget = budget;
    }

    /** The constant holding a source's base URL as its OpenAPI description gives it; null for none. */
    String baseUrl(String source, String url) {
        if (url == null) {
            return null;
        }
        return names.computeIfAbsent(new Key("url " + source, url), key -> {
            String name = allocate(withoutApi(JavaNames.constantName(source)) + "_BASE_URL");
            budget.addToClass(1); // a field of the class; its uses read the string itself
            baseUrls.put(
                    key,
                    FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .addJavadoc(Docs.wrap(
                                    "The server of source {@code " + Docs.line(source)
                                            + "} in its OpenAPI description, unless the client names another.",
                                    Docs.MEMBER))
                            .initializer("$L", Literals.of(url)));
            return name;
        });
    }

    /** The constant holding a retry action of a step, named after the action (and the step, if need be). */
    String retry(String stepId, String action, Long limit, Double afterSeconds) {
        String text = stepId + "\u0000" + action;
        return names.computeIfAbsent(new Key("retry", text), key -> {
            String name = taken.contains(JavaNames.constantName(action))
                    ? allocate(JavaNames.constantName(stepId) + "_" + JavaNames.constantName(action))
                    : allocate(JavaNames.constantName(action));
            CodeBlock.Builder value = CodeBlock.builder()
                    .add(
                            ConditionCode.isLong(Literals.of(stepId), Literals.of(action))
                                    ? "$T.of($>$L,$W$L$<)"
                                    : "$T.of($L, $L)",
                            RuntimeTypes.RETRY_ACTION,
                            Literals.of(stepId),
                            Literals.of(action));
            if (limit != null) {
                value.add("$Z.limit($L)", limit);
            }
            if (afterSeconds != null) {
                value.add("$Z.afterSeconds($L)", Double.toString(afterSeconds));
            }
            retries.put(
                    key,
                    FieldSpec.builder(
                                    RuntimeTypes.RETRY_ACTION, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer(value.build()));
            return name;
        });
    }

    /** The compiled regular expression of a {@code regex} criterion whose context reads {@code hint}. */
    String pattern(String regex, String hint) {
        return criterion(RuntimeTypes.PATTERN, regex, JavaNames.constantName(hint) + "_PATTERN");
    }

    /** The compiled JSONPath query of a {@code jsonpath} criterion, named after the words in it. */
    String jsonPath(String query, String hint) {
        return criterion(RuntimeTypes.JSON_PATH_QUERY, query, words(query, hint) + "_QUERY");
    }

    /**
     * The compiled XPath expression of an {@code xpath} criterion, named after the words in it; XPath 1.0 compiles
     * as before ({@code compile(text)}), a later version names itself.
     */
    String xpath(String expression, String version, String hint) {
        if (version == null || version.equals(XPathQuery.XPATH_10)) {
            return criterion(RuntimeTypes.XPATH_CRITERION, expression, words(expression, hint) + "_XPATH");
        }
        return compiled(
                RuntimeTypes.XPATH_CRITERION,
                version + "\u0000" + expression,
                words(expression, hint) + "_XPATH",
                CodeBlock.of("$L,$W$L", Literals.of(expression), Literals.of(version)));
    }

    /** The compiled XPath of a selector or replacement target, by the version it is evaluated by. */
    String selectorXPath(String expression, String version, String hint) {
        return compiled(
                RuntimeTypes.XPATH_QUERY,
                version + "\u0000" + expression,
                words(expression, hint) + "_XPATH",
                CodeBlock.of("$L,$W$L", Literals.of(expression), Literals.of(version)));
    }

    private String compiled(ClassName type, String key, String suggestion, CodeBlock arguments) {
        return names.computeIfAbsent(new Key(type.simpleName(), key), k -> {
            String name = allocate(suggestion);
            criteria.put(
                    k,
                    FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("$T.compile($Z$L)", type, arguments));
            return name;
        });
    }

    private String criterion(ClassName type, String text, String suggestion) {
        return names.computeIfAbsent(new Key(type.simpleName(), text), key -> {
            String name = allocate(suggestion);
            criteria.put(
                    key,
                    FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer("$T.compile($Z$L)", type, Literals.of(text)));
            return name;
        });
    }

    /** Up to two distinct words of a query, as a constant name; the context's hint when it has none. */
    private static String words(String text, String hint) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.length() > 1_000 ? text.substring(0, 1_000) : text);
        while (words.size() < 2 && matcher.find()) {
            String word = JavaNames.constantName(matcher.group());
            if (!words.contains(word) && word.length() <= 24) {
                words.add(word);
            }
        }
        return words.isEmpty() ? JavaNames.constantName(hint) : String.join("_", words);
    }

    /** A source's name without an {@code Api} at its end, which says nothing of a source. */
    private static String withoutApi(String name) {
        return name.endsWith("_API") ? name.substring(0, name.length() - 4) : name;
    }

    private String allocate(String suggestion) {
        String name = suggestion;
        for (int i = 2; !taken.add(name); i++) {
            name = suggestion + "_" + i;
        }
        return name;
    }

    /**
     * How many units of the class's static initializer the constants take: a compiled criterion is one
     * call, a retry action {@value #RETRY_UNITS}; base URLs are compile-time constants, which take none.
     */
    int staticInitializerUnits() {
        return criteria.size() + RETRY_UNITS * retries.size();
    }

    /** The fields, base URLs first, then retry actions, then compiled criteria. */
    List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>();
        baseUrls.values().forEach(f -> fields.add(f.build()));
        retries.values().forEach(f -> fields.add(f.build()));
        criteria.values().forEach(f -> fields.add(f.build()));
        return fields;
    }
}
