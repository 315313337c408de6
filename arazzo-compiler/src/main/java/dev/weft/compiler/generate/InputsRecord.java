package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The {@code Inputs} record of a workflow: a component per input property, typed from its JSON
 * Schema, required ones checked on construction, secrets kept out of {@code toString}, and a builder.
 */
final class InputsRecord {
    /** Parts of {@code toString} joined by '+' in one expression; more are appended by statements. */
    private static final int MAX_CONCATENATION = 32;

    private final Workflow workflow;
    private final WorkflowNames names;
    private final InputSchema schema;
    private final ClassName type;
    private final Map<String, String> components;
    private final boolean durable;

    InputsRecord(Workflow workflow, WorkflowNames names, ClassName type) {
        this(workflow, names, type, false);
    }

    /**
     * @param durable whether this is the record of a durable form, which leaves the secret inputs out: the worker
     *     binds those, so that they never enter a durable run's history
     */
    InputsRecord(Workflow workflow, WorkflowNames names, ClassName type, boolean durable) {
        this.workflow = workflow;
        this.names = names;
        this.schema = InputSchema.of(workflow);
        this.type = type;
        this.durable = durable;
        this.components = new LinkedHashMap<>(names.inputComponents());
        if (durable) {
            components.keySet().removeIf(schema::isSecret);
        }
    }

    TypeSpec build() {
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        List<CodeBlock> shown = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        StringBuilder doc = new StringBuilder("The inputs of workflow {@code ")
                .append(Docs.line(workflow.workflowId().value()))
                .append(
                        durable
                                ? "} for a durable run: the secret inputs are left out, as the worker binds them."
                                : "}. Secret inputs are never shown by {@link #toString()}.");
        String params = "\n";
        List<CodeBlock> required = new ArrayList<>();
        for (Map.Entry<String, String> input : components.entrySet()) {
            String name = input.getKey();
            String component = input.getValue();
            TypeName javaType = JavaTypes.ofInput(schema.properties().get(name));
            String description = description(name);
            // in the record's Javadoc only: a parameter's own Javadoc is repeated on the constructor
            doc.append(params)
                    .append("\n@param ")
                    .append(component)
                    .append(' ')
                    .append(description.isEmpty() ? "input {@code " + Docs.line(name) + "}" : description);
            if (!schema.isRequired(name)) {
                doc.append(description.isEmpty() || description.endsWith(".") ? "" : ".")
                        .append(description.isEmpty() ? ", optional: may be null" : " Optional: may be null.");
            }
            params = "";
            constructor.addParameter(ParameterSpec.builder(javaType, component).build());
            if (schema.isRequired(name)) {
                required.add(Literals.of(name));
                required.add(CodeBlock.of("$N", component));
            }
            if (javaType instanceof ParameterizedTypeName) {
                constructor.addStatement(
                        "$N = $N == null ? null : $T.copyOf($N)", component, component, RuntimeTypes.LIST, component);
            }
            shown.add(schema.isSecret(name) ? null : CodeBlock.of("$N", component));
            labels.add(name);
        }
        if (!required.isEmpty()) {
            // one failure naming every missing input, so a caller fixes them all at once
            constructor.addStatement(
                    "$T.check($L,$W$L)",
                    RuntimeTypes.REQUIRED_INPUTS,
                    Literals.of(workflow.workflowId().value()),
                    CodeBlock.join(required, ",$W"));
        }
        TypeSpec.Builder record = TypeSpec.recordBuilder(type).addModifiers(Modifier.PUBLIC);
        if (durable) {
            // nested in an interface, where JavaPoet wants the implicit modifiers said
            record.addModifiers(Modifier.STATIC);
        }
        return record.addJavadoc(Docs.wrap(doc.toString(), Docs.MEMBER))
                .recordConstructor(constructor.build())
                .addMethod(toStringMethod(labels, shown))
                .addMethod(toJson())
                .addMethod(fromJson())
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("A builder with no input set.\n")
                        .returns(type.nestedClass("Builder"))
                        .addStatement("return new Builder()")
                        .build())
                .addType(builder())
                .build();
    }

    /** The inputs as the JSON object {@code $inputs} expressions read; unset inputs are left out. */
    private MethodSpec toJson() {
        String json = local("json");
        MethodSpec.Builder method = MethodSpec.methodBuilder("toJson")
                .addJavadoc(
                        "The inputs as JSON, as {@code $$inputs} expressions see them; unset inputs are left out.\n")
                .returns(RuntimeTypes.OBJECT_NODE)
                .addStatement("$T $N = $T.object()", RuntimeTypes.OBJECT_NODE, json, RuntimeTypes.VALUES);
        components.forEach((name, component) -> method.addStatement(
                "$T.put($N, $L,$W$T.of($N))",
                RuntimeTypes.VALUES,
                json,
                Literals.of(name),
                RuntimeTypes.VALUES,
                component));
        return method.addStatement("return $N", json).build();
    }

    /** Inputs from JSON, for calls from other workflows: members by name, converted to the component types. */
    private MethodSpec fromJson() {
        List<CodeBlock> arguments = new ArrayList<>();
        for (Map.Entry<String, String> input : components.entrySet()) {
            CodeBlock node = CodeBlock.of("json.get($L)", Literals.of(input.getKey()));
            TypeName javaType = JavaTypes.ofInput(schema.properties().get(input.getKey()));
            arguments.add(conversion(javaType, node));
        }
        return MethodSpec.methodBuilder("fromJson")
                .addModifiers(Modifier.STATIC)
                .returns(type)
                .addParameter(RuntimeTypes.JSON_NODE, "inputs")
                .addStatement(
                        "$T json = inputs == null ? $T.object() : inputs", RuntimeTypes.JSON_NODE, RuntimeTypes.VALUES)
                .addStatement("return new $T($L)", type, CodeBlock.join(arguments, ",$W"))
                .build();
    }

    private static CodeBlock conversion(TypeName javaType, CodeBlock node) {
        if (javaType instanceof ParameterizedTypeName list) {
            TypeName element = list.typeArguments().get(0);
            for (JavaTypes t : JavaTypes.values()) {
                if (t.type().equals(element) && t != JavaTypes.JSON) {
                    return CodeBlock.of(
                            "$T.asList($L,$W$T::$N)",
                            RuntimeTypes.VALUES,
                            node,
                            RuntimeTypes.VALUES,
                            t.conversionMethod());
                }
            }
            return CodeBlock.of("$T.asList($L)", RuntimeTypes.VALUES, node);
        }
        for (JavaTypes t : JavaTypes.values()) {
            if (t.type().equals(javaType)) {
                return t.convert(node);
            }
        }
        return JavaTypes.JSON.convert(node);
    }

    /** A setter's Javadoc: the input's description, whether it is required or secret, and the return. */
    private String setterJavadoc(String name, String component) {
        String description = description(name);
        StringBuilder doc =
                new StringBuilder(description.isEmpty() ? "Sets input {@code " + Docs.line(name) + "}." : description);
        if (schema.isRequired(name)) {
            doc.append(" Required.");
        }
        if (schema.isSecret(name)) {
            doc.append(" A secret: never shown by {@code toString()}, masked in failures and events.");
        }
        return doc.append("\n\n@param ")
                .append(component)
                .append(" the value, or null to leave it unset\n@return this builder")
                .toString();
    }

    private String description(String name) {
        Node property = schema.properties().get(name);
        if (property instanceof Node.MapNode map && map.get("description") instanceof Node.StringNode d) {
            return Docs.javadoc(d.value());
        }
        return "";
    }

    /** A local variable of an instance method named {@code name}, unless a component is: then another. */
    private String local(String name) {
        String local = name;
        while (components.containsValue(local)) {
            local = local + "_";
        }
        return local;
    }

    /** {@code Inputs[a=..., apiKey=***]}: literal text merged, secret values never read. */
    private MethodSpec toStringMethod(List<String> labels, List<CodeBlock> values) {
        List<CodeBlock> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder("Inputs[");
        for (int i = 0; i < labels.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(labels.get(i)).append('=');
            if (values.get(i) == null) {
                text.append("***");
            } else {
                parts.add(Literals.of(text.toString()));
                parts.add(values.get(i));
                text.setLength(0);
            }
        }
        parts.add(Literals.of(text.append(']').toString()));
        MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class);
        if (parts.size() <= MAX_CONCATENATION) {
            return method.addStatement("return $L", CodeBlock.join(parts, "$W+ "))
                    .build();
        }
        // javac reads a long '+' chain recursively, so many inputs append one statement at a time
        String builder = local("text");
        method.addStatement("$T $N = new $T()", StringBuilder.class, builder, StringBuilder.class);
        parts.forEach(part -> method.addStatement("$N.append($L)", builder, part));
        return method.addStatement("return $N.toString()", builder).build();
    }

    private TypeSpec builder() {
        ClassName builderType = type.nestedClass("Builder");
        TypeSpec.Builder builder = TypeSpec.classBuilder(builderType)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@link $T} one input at a time.\n", type)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        List<CodeBlock> arguments = new ArrayList<>();
        for (Map.Entry<String, String> input : components.entrySet()) {
            String component = input.getValue();
            TypeName javaType = JavaTypes.ofInput(schema.properties().get(input.getKey()));
            builder.addField(
                    FieldSpec.builder(javaType, component, Modifier.PRIVATE).build());
            builder.addMethod(MethodSpec.methodBuilder(component)
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(Docs.wrap(setterJavadoc(input.getKey(), component), Docs.NESTED))
                    .addParameter(javaType, component)
                    .returns(builderType)
                    .addStatement("this.$N = $N", component, component)
                    .addStatement("return this")
                    .build());
            arguments.add(CodeBlock.of("$N", component));
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "The inputs set so far.\n\n@throws $T naming every required input left unset\n",
                        NullPointerException.class)
                .returns(type)
                .addStatement("return new $T($L)", type, CodeBlock.join(arguments, ",$W"))
                .build());
        return builder.build();
    }
}
