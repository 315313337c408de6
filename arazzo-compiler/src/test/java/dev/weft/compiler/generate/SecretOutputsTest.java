package dev.weft.compiler.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated {@code Outputs} record's {@code toString()} shows every output but the secret ones: named like a
 * credential, a secret input, or an expression ending in a credential's name. Compiled and run, not just read.
 */
class SecretOutputsTest {

    private static final String DOCUMENT = """
            arazzo: 1.0.1
            info: {title: secret outputs, version: '1'}
            sourceDescriptions:
            - {name: items, url: items.openapi.yaml}
            workflows:
            - workflowId: login
              inputs:
                type: object
                properties:
                  apiKey: {type: string}
                  user: {type: string}
              steps:
              - stepId: read
                operationId: getItem
                parameters: [{name: id, in: path, value: '1'}]
                outputs:
                  name: $response.body#/name
                  token: $response.body#/name
              outputs:
                given: $inputs.apiKey
                accessToken: $steps.read.outputs.name
                fromStep: $steps.read.outputs.token
                who: $inputs.user
                itemName: $steps.read.outputs.name
            """;

    @Test
    void secretOutputsNeverShow(@TempDir Path dir) throws Exception {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), dir.resolve("items.openapi.yaml"));
        Path document = dir.resolve("login.arazzo.yaml");
        Files.writeString(document, DOCUMENT, StandardCharsets.UTF_8);
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(document)
                .packageName("secret.outputs")
                .build());
        assertEquals(List.of(), result.errors());
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile file : result.files()) {
            sources.add(JavaFileObjects.forSourceString(file.qualifiedName(), file.source()));
        }
        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(sources);
        assertThat(compilation).succeededWithoutWarnings();

        Class<?> outputs = load(compilation).loadClass("secret.outputs.LoginWorkflow$Outputs");
        Constructor<?> constructor = outputs.getDeclaredConstructors()[0];
        Object value = constructor.newInstance("sk-given-123", "at-456", "tok-789", "alice", "lamp");
        assertThat(value.toString())
                .isEqualTo("Outputs[given=***, accessToken=***, fromStep=***, who=alice, itemName=lamp]");
    }

    /** A class loader for the compiled classes, over the test's own (which has the runtime). */
    private static ClassLoader load(Compilation compilation) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("secret/outputs/"), path.length() - ".class".length())
                        .replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                }
            }
        }
        return new ClassLoader(SecretOutputsTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
