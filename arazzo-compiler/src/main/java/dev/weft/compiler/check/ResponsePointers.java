package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.Schemas;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a {@code $response.body} JSON Pointer through an operation's JSON response schemas, to tell
 * a pointer that surely leads nowhere from one the schemas do not describe.
 */
final class ResponsePointers {
    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean", "null");

    private ResponsePointers() {}

    /**
     * Where one walk ended: found, surely missing (with why, and at which token), or beyond what the schema
     * says.
     */
    private record Walk(Kind kind, String why, int at) {
        static final Walk FOUND = new Walk(Kind.FOUND, "", 0);
        static final Walk UNKNOWN = new Walk(Kind.UNKNOWN, "", 0);

        static Walk missing(String why, int at) {
            return new Walk(Kind.MISSING, why, at);
        }
    }

    /** From the best-informed answer to the least: a walk joins its branches to the first of these. */
    private enum Kind {
        FOUND,
        UNKNOWN,
        MISSING
    }

    /**
     * Why {@code tokens} lead nowhere in every JSON schema of these responses of {@code op}, or empty when some
     * schema has the location, or does not say.
     */
    static Optional<String> missing(OperationRef op, Collection<ApiResponse> responses, List<String> tokens) {
        Walker walker = new Walker(op.api(), tokens);
        String first = null;
        for (ApiResponse response : responses) {
            if (response.getContent() == null) {
                continue;
            }
            for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
                Schema<?> schema = media.getValue().getSchema();
                if (!RequestBodyCheck.isJson(media.getKey()) || schema == null) {
                    continue;
                }
                Walk walk = walker.walk(schema, 0);
                if (walk.kind() != Kind.MISSING) {
                    return Optional.empty();
                }
                if (first == null) {
                    first = walk.why();
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** The better-informed of two walks: found over unknown over missing; on a tie, the first; null is none. */
    private static Walk join(Walk a, Walk b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.kind() == Kind.MISSING && b.kind() == Kind.MISSING) {
            return b.at() > a.at() ? b : a; // the branch that came furthest says best why
        }
        return b.kind().ordinal() < a.kind().ordinal() ? b : a;
    }

    /**
     * Whether a schema is only a composition ({@code Cat: {allOf: [Pet, {...}]}}): it says nothing itself,
     * so its branches alone answer.
     */
    private static boolean onlyComposed(Schema<?> schema) {
        return !composedLists(schema).isEmpty()
                && typeOf(schema) == null
                && schema.getProperties() == null
                && schema.getItems() == null
                && schema.getAdditionalProperties() == null
                && schema.getUnevaluatedProperties() == null;
    }

    /**
     * One pointer's walk through a schema graph, linear in the graph: the answer for each schema at each
     * token is computed once. The schemas a composition ({@code allOf}, {@code oneOf}, {@code anyOf}) leads
     * to at the same token may form cycles ({@code Pet: {oneOf: [Cat]}}, {@code Cat: {allOf: [Pet]}}); all
     * schemas of a cycle share one answer, found as Tarjan's algorithm finds strongly connected components.
     */
    private static final class Walker {
        /** Beyond this many nested calls the walk stops and gives the benefit of the doubt. */
        private static final int MAX_DEPTH = 128;

        private final OpenAPI api;
        private final List<String> tokens;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<Schema<?>, List<Schema<?>>> discriminated = new IdentityHashMap<>();
        private int depth;

        Walker(OpenAPI api, List<String> tokens) {
            this.api = api;
            this.tokens = tokens;
            for (int i = 0; i < tokens.size(); i++) {
                layers.add(new Layer(i));
            }
        }

        /** The compositions' branches and, for a discriminator, the schemas it can name. */
        List<List<Schema<?>>> composed(Schema<?> schema) {
            List<List<Schema<?>>> lists = composedLists(schema);
            List<Schema<?>> named = discriminated.computeIfAbsent(schema, s -> Schemas.discriminated(api, s));
            if (!named.isEmpty()) {
                lists = new ArrayList<>(lists);
                lists.add(named);
            }
            return lists;
        }

        Walk walk(Schema<?> declared, int i) {
            Schema<?> schema = declared == null ? null : Schemas.resolve(api, declared);
            if (schema == null) {
                return Walk.UNKNOWN;
            }
            if (i == tokens.size()) {
                return Walk.FOUND;
            }
            Layer layer = layers.get(i);
            Walk done = layer.done.get(schema);
            if (done != null) {
                return done;
            }
            if (depth >= MAX_DEPTH) {
                return Walk.UNKNOWN;
            }
            depth++;
            try {
                return layer.visit(schema);
            } finally {
                depth--;
            }
        }

        /** The schemas met at token {@code i}, with Tarjan's bookkeeping. */
        private final class Layer {
            private final int i;
            private final Map<Schema<?>, Walk> done = new IdentityHashMap<>();
            private final Map<Schema<?>, Integer> index = new IdentityHashMap<>();
            private final Map<Schema<?>, Integer> low = new IdentityHashMap<>();
            private final Map<Schema<?>, Walk> partial = new IdentityHashMap<>();
            private final Deque<Schema<?>> stack = new ArrayDeque<>();

            Layer(int i) {
                this.i = i;
            }

            Walk visit(Schema<?> schema) {
                int order = index.size();
                index.put(schema, order);
                low.put(schema, order);
                stack.push(schema);
                Walk result = onlyComposed(schema) ? null : own(schema);
                for (List<Schema<?>> branches : composed(schema)) {
                    for (Schema<?> declared : branches) {
                        Schema<?> branch = declared == null ? null : Schemas.resolve(api, declared);
                        if (branch == null) {
                            result = join(result, Walk.UNKNOWN);
                        } else if (done.containsKey(branch)) {
                            result = join(result, done.get(branch));
                        } else if (index.containsKey(branch)) {
                            // on the stack: part of this cycle, whose answer is joined below
                            low.put(schema, Math.min(low.get(schema), index.get(branch)));
                        } else {
                            result = join(result, walk(branch, i));
                            Integer branchLow = low.get(branch); // null once its cycle is done, or never visited
                            if (branchLow != null) {
                                low.put(schema, Math.min(low.get(schema), branchLow));
                            }
                        }
                    }
                }
                partial.put(schema, result);
                if (!low.get(schema).equals(order)) {
                    return result; // inside a cycle: the partial answer, null when only composed
                }
                List<Schema<?>> cycle = new ArrayList<>();
                Schema<?> member;
                do {
                    member = stack.pop();
                    cycle.add(member);
                } while (member != schema);
                Walk answer = result;
                for (Schema<?> m : cycle) {
                    answer = join(answer, partial.remove(m));
                }
                if (answer == null) {
                    answer = Walk.UNKNOWN; // a cycle of compositions only: nothing says
                }
                for (Schema<?> m : cycle) {
                    index.remove(m);
                    low.remove(m);
                    done.put(m, answer);
                }
                return answer;
            }

            private Walk own(Schema<?> schema) {
                String token = tokens.get(i);
                String type = typeOf(schema);
                String at = i == 0 ? "the body" : "'#/" + String.join("/", tokens.subList(0, i)) + "'";
                if ("array".equals(type) || schema.getItems() != null && schema.getProperties() == null) {
                    return token.matches("0|[1-9][0-9]*")
                            ? walk(schema.getItems(), i + 1)
                            : Walk.missing(Message.NOT_AN_INDEX.format(at, token), i);
                }
                if (schema.getProperties() != null && schema.getProperties().containsKey(token)) {
                    return walk(schema.getProperties().get(token), i + 1);
                }
                boolean closed = Schemas.forbids(schema.getAdditionalProperties())
                        || Schemas.forbids(schema.getUnevaluatedProperties());
                if (!closed
                        && !Schemas.allowsAny(schema.getAdditionalProperties())
                        && schema.getAdditionalProperties() instanceof Schema<?> extra) {
                    return walk(extra, i + 1);
                }
                if ((schema.getProperties() != null && !schema.getProperties().isEmpty() || closed)
                        && !Schemas.allowsAny(schema.getAdditionalProperties())) {
                    return Walk.missing(
                            Message.NO_PROPERTY.format(
                                    at,
                                    token,
                                    Suggestions.hint(
                                            token,
                                            schema.getProperties() == null
                                                    ? Set.of()
                                                    : schema.getProperties().keySet())),
                            i);
                }
                if (type != null && SCALARS.contains(type)) {
                    return Walk.missing(Message.NO_MEMBER.format(at, type, token), i);
                }
                return Walk.UNKNOWN;
            }
        }
    }

    /** The allOf, oneOf and anyOf branches; Swagger's model hands them out as raw {@code List<Schema>}. */
    private static List<List<Schema<?>>> composedLists(Schema<?> schema) {
        List<List<Schema<?>>> lists = new ArrayList<>();
        for (List<Schema<?>> list :
                List.of(typed(schema.getAllOf()), typed(schema.getOneOf()), typed(schema.getAnyOf()))) {
            if (!list.isEmpty()) {
                lists.add(list);
            }
        }
        return lists;
    }

    @SuppressWarnings("rawtypes") // Swagger's ComposedSchema API is raw; each element is a Schema<?>
    private static List<Schema<?>> typed(List<Schema> list) {
        List<Schema<?>> typed = new ArrayList<>();
        if (list != null) {
            list.forEach(typed::add);
        }
        return typed;
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            List<String> nonNull = types.stream().filter(t -> !t.equals("null")).toList();
            return nonNull.size() == 1 ? nonNull.get(0) : null;
        }
        return null;
    }
}
