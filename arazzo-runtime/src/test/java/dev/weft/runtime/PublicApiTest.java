package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the runtime's public API, package by package, to a checked-in list ({@code src/test/resources/api/}): the
 * public types and their public and protected members with their signatures. A change to the API, above all to
 * {@code dev.weft.runtime.internal} (what generated code needs, and nothing more), fails the build until the list
 * is updated on purpose and the update reviewed.
 */
class PublicApiTest {

    private static final Path LISTS = Path.of("src/test/resources/api");
    private static final Path MAIN_CLASSES = Path.of("target/classes");
    private static final String UPDATE = "weft.updateApi";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dev.weft.runtime",
                "dev.weft.runtime.http",
                "dev.weft.runtime.internal",
                "dev.weft.runtime.messaging",
                "dev.weft.runtime.xpath"
            })
    void thePublicApiIsTheCheckedInOne(String packageName) throws IOException {
        List<String> actual = api(packageName);
        Path list = LISTS.resolve(packageName + ".txt");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(LISTS);
            Files.write(list, actual, StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8) : List.of();
        if (!expected.equals(actual)) {
            fail(diff(packageName, expected, actual));
        }
    }

    /** The sorted lines of a package's public API: one per public type, one per public or protected member. */
    static List<String> api(String packageName) throws IOException {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : mainClasses(packageName)) {
            if (!isVisible(type)) {
                continue;
            }
            String name = type.getName();
            lines.add(name + " : " + kind(type));
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (isApi(c) && !c.isSynthetic()) {
                    lines.add(name + " : " + c.toGenericString());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (isApi(m) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(name + " : " + m.toGenericString());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (isApi(f) && !f.isSynthetic()) {
                    lines.add(name + " : " + f.toGenericString());
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /** The classes of a package in the main code (the module's compiled classes, not the tests'). */
    private static List<Class<?>> mainClasses(String packageName) throws IOException {
        Path folder = MAIN_CLASSES.resolve(packageName.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    try {
                        classes.add(Class.forName(
                                packageName + "." + name.substring(0, name.length() - 6),
                                false,
                                PublicApiTest.class.getClassLoader()));
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("compiled but not loadable: " + file, e);
                    }
                }
            }
        }
        return classes;
    }

    /** Public, and so are the types it is nested in; anonymous and local classes never are. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers)
                || (Modifier.isProtected(modifiers)
                        && !Modifier.isFinal(member.getDeclaringClass().getModifiers()));
    }

    private static String kind(Class<?> type) {
        String modifiers = Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.ABSTRACT);
        String kind = type.isAnnotation()
                ? "@interface"
                : type.isInterface()
                        ? "interface"
                        : type.isEnum() ? "enum" : type.isRecord() ? "record" : abstractClass(type);
        String extendsPart =
                type.getSuperclass() == null || type.getSuperclass() == Object.class || type.isEnum() || type.isRecord()
                        ? ""
                        : " extends " + type.getGenericSuperclass().getTypeName();
        Set<String> interfaces = new LinkedHashSet<>();
        for (var i : type.getGenericInterfaces()) {
            interfaces.add(i.getTypeName());
        }
        String implementsPart = interfaces.isEmpty()
                ? ""
                : (type.isInterface() ? " extends " : " implements ") + String.join(", ", interfaces);
        return (modifiers.isEmpty() ? "" : modifiers + " ") + kind + extendsPart + implementsPart;
    }

    private static String abstractClass(Class<?> type) {
        return Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class";
    }

    private static String diff(String packageName, List<String> expected, List<String> actual) {
        Set<String> removed = new TreeSet<>(expected);
        removed.removeAll(actual);
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(expected);
        StringBuilder text = new StringBuilder("the public API of " + packageName + " changed:\n");
        removed.forEach(line -> text.append("- ").append(line).append('\n'));
        added.forEach(line -> text.append("+ ").append(line).append('\n'));
        text.append("if the change is deliberate, update the list and review its diff: mvn -pl arazzo-runtime test"
                + " -Dtest=PublicApiTest -D" + UPDATE + "=true");
        return text.toString();
    }
}
