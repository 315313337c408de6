package dev.weft.compiler.resolve;

import java.util.Map;

/**
 * The places in an OpenAPI 2.0 to 3.2 description where a {@code $ref} is a reference, and the kind of
 * object there; elsewhere (examples, extensions) a {@code $ref} member is data.
 */
final class OpenApiShape {
    /** The objects that matter for references; {@link #section} is their components map, or null. */
    enum Kind {
        ROOT(null, false),
        COMPONENTS(null, false),
        PATH_ITEM(null, true),
        OPERATION(null, false),
        PARAMETER("parameters", true),
        REQUEST_BODY("requestBodies", true),
        RESPONSE("responses", true),
        HEADER("headers", true),
        MEDIA_TYPE(null, true),
        ENCODING(null, false),
        SCHEMA("schemas", true),
        EXAMPLE("examples", true),
        LINK("links", true),
        CALLBACK("callbacks", true),
        SECURITY_SCHEME("securitySchemes", true);

        /** The member of {@code components} holding this kind; null where a reference is inlined instead. */
        final String section;
        /** Whether an object of this kind may be a {@code $ref}. */
        final boolean referable;

        Kind(String section, boolean referable) {
            this.section = section;
            this.referable = referable;
        }
    }

    /** How a member holds its objects. */
    enum Shape {
        ONE,
        MAP,
        LIST,
        /** A schema or a list of schemas ({@code items} in old drafts). */
        ONE_OR_LIST
    }

    /** A member: its shape and the kind of what it holds. */
    record Child(Shape shape, Kind kind) {}

    static final String[] METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"};

    private static final Map<String, Child> ROOT = Map.of(
            "paths", map(Kind.PATH_ITEM),
            "webhooks", map(Kind.PATH_ITEM),
            "components", one(Kind.COMPONENTS),
            // Swagger 2.0
            "definitions", map(Kind.SCHEMA),
            "parameters", map(Kind.PARAMETER),
            "responses", map(Kind.RESPONSE));

    private static final Map<String, Child> COMPONENTS = Map.ofEntries(
            Map.entry("schemas", map(Kind.SCHEMA)),
            Map.entry("responses", map(Kind.RESPONSE)),
            Map.entry("parameters", map(Kind.PARAMETER)),
            Map.entry("examples", map(Kind.EXAMPLE)),
            Map.entry("requestBodies", map(Kind.REQUEST_BODY)),
            Map.entry("headers", map(Kind.HEADER)),
            Map.entry("securitySchemes", map(Kind.SECURITY_SCHEME)),
            Map.entry("links", map(Kind.LINK)),
            Map.entry("callbacks", map(Kind.CALLBACK)),
            Map.entry("pathItems", map(Kind.PATH_ITEM)),
            Map.entry("mediaTypes", map(Kind.MEDIA_TYPE)));

    private static final Map<String, Child> PATH_ITEM =
            Map.of("parameters", list(Kind.PARAMETER), "additionalOperations", map(Kind.OPERATION));

    private static final Map<String, Child> OPERATION = Map.of(
            "parameters", list(Kind.PARAMETER),
            "requestBody", one(Kind.REQUEST_BODY),
            "responses", map(Kind.RESPONSE),
            "callbacks", map(Kind.CALLBACK));

    private static final Map<String, Child> PARAMETER =
            Map.of("schema", one(Kind.SCHEMA), "content", map(Kind.MEDIA_TYPE), "examples", map(Kind.EXAMPLE));

    private static final Map<String, Child> REQUEST_BODY = Map.of("content", map(Kind.MEDIA_TYPE));

    private static final Map<String, Child> RESPONSE = Map.of(
            "headers", map(Kind.HEADER),
            "content", map(Kind.MEDIA_TYPE),
            "links", map(Kind.LINK),
            "schema", one(Kind.SCHEMA)); // Swagger 2.0

    private static final Map<String, Child> MEDIA_TYPE = Map.of(
            "schema", one(Kind.SCHEMA),
            "itemSchema", one(Kind.SCHEMA),
            "examples", map(Kind.EXAMPLE),
            "encoding", map(Kind.ENCODING),
            "prefixEncoding", list(Kind.ENCODING),
            "itemEncoding", one(Kind.ENCODING));

    private static final Map<String, Child> ENCODING = Map.of(
            "headers", map(Kind.HEADER),
            "encoding", map(Kind.ENCODING),
            "prefixEncoding", list(Kind.ENCODING),
            "itemEncoding", one(Kind.ENCODING));

    private static final Map<String, Child> SCHEMA = Map.ofEntries(
            Map.entry("properties", map(Kind.SCHEMA)),
            Map.entry("patternProperties", map(Kind.SCHEMA)),
            Map.entry("$defs", map(Kind.SCHEMA)),
            Map.entry("definitions", map(Kind.SCHEMA)),
            Map.entry("dependentSchemas", map(Kind.SCHEMA)),
            Map.entry("items", new Child(Shape.ONE_OR_LIST, Kind.SCHEMA)),
            Map.entry("additionalProperties", one(Kind.SCHEMA)),
            Map.entry("additionalItems", one(Kind.SCHEMA)),
            Map.entry("unevaluatedItems", one(Kind.SCHEMA)),
            Map.entry("unevaluatedProperties", one(Kind.SCHEMA)),
            Map.entry("propertyNames", one(Kind.SCHEMA)),
            Map.entry("contains", one(Kind.SCHEMA)),
            Map.entry("contentSchema", one(Kind.SCHEMA)),
            Map.entry("not", one(Kind.SCHEMA)),
            Map.entry("if", one(Kind.SCHEMA)),
            Map.entry("then", one(Kind.SCHEMA)),
            Map.entry("else", one(Kind.SCHEMA)),
            Map.entry("allOf", list(Kind.SCHEMA)),
            Map.entry("anyOf", list(Kind.SCHEMA)),
            Map.entry("oneOf", list(Kind.SCHEMA)),
            Map.entry("prefixItems", list(Kind.SCHEMA)));

    private OpenApiShape() {}

    /** The members of {@code kind} that hold objects of interest; path item methods and callbacks aside. */
    static Map<String, Child> children(Kind kind) {
        return switch (kind) {
            case ROOT -> ROOT;
            case COMPONENTS -> COMPONENTS;
            case PATH_ITEM -> PATH_ITEM;
            case OPERATION -> OPERATION;
            case PARAMETER, HEADER -> PARAMETER;
            case REQUEST_BODY -> REQUEST_BODY;
            case RESPONSE -> RESPONSE;
            case MEDIA_TYPE -> MEDIA_TYPE;
            case ENCODING -> ENCODING;
            case SCHEMA -> SCHEMA;
            case EXAMPLE, LINK, CALLBACK, SECURITY_SCHEME -> Map.of();
        };
    }

    private static Child one(Kind kind) {
        return new Child(Shape.ONE, kind);
    }

    private static Child map(Kind kind) {
        return new Child(Shape.MAP, kind);
    }

    private static Child list(Kind kind) {
        return new Child(Shape.LIST, kind);
    }
}
