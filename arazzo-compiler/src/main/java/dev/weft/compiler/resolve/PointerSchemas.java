package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas a value at a JSON Pointer may have, following {@code $ref}s, {@code allOf} (merged), {@code
 * oneOf}, {@code anyOf} and discriminator mappings; and what those schemas agree on: one JSON type, or one set
 * of enum values. Null wherever some branch does not say, so that callers decide only what every branch
 * decides. Bounded: a walk visits each schema once per token and gives up beyond {@link #BUDGET} visits.
 */
public final class PointerSchemas {
    private static final int BUDGET = 20_000;
    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean", "null");

    private final OpenAPI api;
    private final List<String> tokens;
    private final List<Set<Schema<?>>> seen = new ArrayList<>();
    private final Map<Schema<?>, List<Schema<?>>> discriminated = new IdentityHashMap<>();
    private int visits;
    private boolean unknown;

    private PointerSchemas(OpenAPI api, List<String> tokens) {
        this.api = api;
        this.tokens = tokens;
        for (int i = 0; i <= tokens.size(); i++) {
            seen.add(Collections.newSetFromMap(new IdentityHashMap<>()));
        }
    }

    /**
     * The schemas the value at {@code tokens} inside {@code root} may have (empty when no branch has the place),
     * or null when some branch does not say what is there.
     */
    public static List<Schema<?>> at(OpenAPI api, Schema<?> root, List<String> tokens) {
        PointerSchemas walk = new PointerSchemas(api, tokens);
        List<Schema<?>> found = new ArrayList<>();
        walk.step(root, 0, false, found);
        return walk.unknown ? null : found;
    }

    private void step(Schema<?> declared, int i, boolean part, List<Schema<?>> found) {
        Schema<?> schema = declared == null ? null : Schemas.resolve(api, declared);
        if (schema == null || ++visits > BUDGET) {
            unknown = true;
            return;
        }
        if (!seen.get(i).add(schema)) {
            return; // met again through a cycle of compositions: its answer is already being collected
        }
        if (i == tokens.size()) {
            found.add(schema);
            return;
        }
        List<Schema<?>> branches = branches(schema);
        String token = tokens.get(i);
        String type = typeOf(schema);
        if ("array".equals(type) || schema.getItems() != null && schema.getProperties() == null) {
            if (token.matches("0|[1-9][0-9]*")) {
                step(schema.getItems(), i + 1, false, found);
            }
        } else if (schema.getProperties() != null && schema.getProperties().containsKey(token)) {
            step(schema.getProperties().get(token), i + 1, false, found);
        } else if (Schemas.allowsAny(schema.getAdditionalProperties())) {
            unknown = true;
        } else if (!Schemas.forbids(schema.getAdditionalProperties())
                && schema.getAdditionalProperties() instanceof Schema<?> extra) {
            step(extra, i + 1, false, found);
        } else if (!says(schema, type) && branches.isEmpty() && !part) {
            unknown = true; // a schema without properties, items or type: anything may be there
        }
        for (Schema<?> branch : allOf(schema)) {
            step(branch, i, true, found);
        }
        for (Schema<?> branch : alternatives(schema)) {
            step(branch, i, false, found);
        }
    }

    /** Whether a schema says what its members are: properties, closed, or a scalar type. */
    private static boolean says(Schema<?> schema, String type) {
        return schema.getProperties() != null && !schema.getProperties().isEmpty()
                || Schemas.forbids(schema.getAdditionalProperties())
                || Schemas.forbids(schema.getUnevaluatedProperties())
                || type != null && SCALARS.contains(type);
    }

    private List<Schema<?>> branches(Schema<?> schema) {
        List<Schema<?>> all = new ArrayList<>(allOf(schema));
        all.addAll(alternatives(schema));
        return all;
    }

    @SuppressWarnings("rawtypes") // Swagger's composition lists are raw; each element is a Schema<?>
    private static List<Schema<?>> allOf(Schema<?> schema) {
        List<Schema<?>> list = new ArrayList<>();
        if (schema.getAllOf() != null) {
            for (Schema s : schema.getAllOf()) {
                list.add(s);
            }
        }
        return list;
    }

    @SuppressWarnings("rawtypes") // Swagger's composition lists are raw; each element is a Schema<?>
    private List<Schema<?>> alternatives(Schema<?> schema) {
        List<Schema<?>> list = new ArrayList<>();
        for (List<Schema> l : List.of(
                schema.getOneOf() == null ? List.<Schema>of() : schema.getOneOf(),
                schema.getAnyOf() == null ? List.<Schema>of() : schema.getAnyOf())) {
            for (Schema s : l) {
                list.add(s);
            }
        }
        list.addAll(discriminated.computeIfAbsent(schema, s -> Schemas.discriminated(api, s)));
        return list;
    }

    /**
     * The one JSON type (other than null) all these schemas have, each through its {@code $ref}s and
     * compositions; null when they differ or one does not say.
     */
    public static String type(OpenAPI api, List<Schema<?>> schemas) {
        String common = null;
        for (Schema<?> s : schemas) {
            String t = type(api, s, 0);
            if (t == null || common != null && !common.equals(t)) {
                return null;
            }
            common = t;
        }
        return common;
    }

    private static String type(OpenAPI api, Schema<?> declared, int depth) {
        Schema<?> schema = declared == null ? null : Schemas.resolve(api, declared);
        if (schema == null || depth > 32) {
            return null;
        }
        String own = typeOf(schema);
        if (own != null) {
            return own;
        }
        for (Schema<?> part : allOf(schema)) {
            String t = type(api, part, depth + 1);
            if (t != null) {
                return t;
            }
        }
        List<Schema<?>> alternatives = new ArrayList<>();
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(alternatives::add);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(alternatives::add);
        }
        String common = null;
        for (Schema<?> alternative : alternatives) {
            String t = type(api, alternative, depth + 1);
            if (t == null || t.equals("null")) {
                if (t == null) {
                    return null;
                }
                continue;
            }
            if (common != null && !common.equals(t)) {
                return null;
            }
            common = t;
        }
        return common;
    }

    /**
     * The values these schemas allow, when each is an {@code enum} (or {@code const}) of strings and numbers,
     * directly or through {@code allOf}, {@code oneOf} or {@code anyOf}; null when one is not. A {@code null}
     * value is left out, as a switch's cases leave it out.
     */
    public static Set<Object> enumValues(OpenAPI api, List<Schema<?>> schemas) {
        Set<Object> values = new LinkedHashSet<>();
        for (Schema<?> s : schemas) {
            Set<Object> own = enumValues(api, s, 0);
            if (own == null) {
                return null;
            }
            values.addAll(own);
        }
        return values;
    }

    private static Set<Object> enumValues(OpenAPI api, Schema<?> declared, int depth) {
        Schema<?> schema = declared == null ? null : Schemas.resolve(api, declared);
        if (schema == null || depth > 32) {
            return null;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return values(schema.getEnum());
        }
        if (schema.getConst() != null) {
            return values(List.of(schema.getConst()));
        }
        Set<Object> result = null;
        for (Schema<?> part : allOf(schema)) {
            Set<Object> own = enumValues(api, part, depth + 1);
            if (own != null) {
                if (result == null) {
                    result = new LinkedHashSet<>(own);
                } else {
                    result.retainAll(own);
                }
            }
        }
        if (result != null) {
            return result;
        }
        List<Schema<?>> alternatives = new ArrayList<>();
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(alternatives::add);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(alternatives::add);
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        Set<Object> union = new LinkedHashSet<>();
        for (Schema<?> alternative : alternatives) {
            Schema<?> resolved = Schemas.resolve(api, alternative);
            if (resolved != null && "null".equals(typeOf(resolved)) && resolved.getEnum() == null) {
                continue; // {type: 'null'}: the value may be null, which no case names
            }
            Set<Object> own = enumValues(api, alternative, depth + 1);
            if (own == null) {
                return null;
            }
            union.addAll(own);
        }
        return union;
    }

    /** Strings and numbers (as BigDecimal); null when the enum holds another kind of value. */
    private static Set<Object> values(List<?> list) {
        Set<Object> values = new LinkedHashSet<>();
        for (Object o : list) {
            if (o instanceof String s) {
                values.add(s);
            } else if (o instanceof Number n) {
                values.add(new BigDecimal(n.toString()));
            } else if (o != null) {
                return null;
            }
        }
        return values;
    }

    /** The schema's type; of a 3.1 type list, its one type other than null, else null. */
    public static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            List<String> nonNull = types.stream().filter(t -> !t.equals("null")).toList();
            if (nonNull.isEmpty() && types.contains("null")) {
                return "null";
            }
            return nonNull.size() == 1 ? nonNull.get(0) : null;
        }
        return null;
    }
}
