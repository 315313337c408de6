package dev.weft.runtime.internal;

import java.util.Objects;

/**
 * One OpenAPI security scheme an operation requires, as generated code names it for
 * {@link StepRequest#security}: the client's credential bound to {@code name} is applied there.
 *
 * @param name the scheme's name in {@code components.securitySchemes}
 * @param kind {@code apiKey}, {@code bearer}, {@code basic}, {@code oauth2} (OAuth 2, OpenID Connect) or
 *     {@code http} (another HTTP scheme)
 * @param in {@code header}, {@code query} or {@code cookie}
 * @param parameter the header, query parameter or cookie name ({@code Authorization} for the HTTP kinds)
 */
public record SecurityScheme(String name, String kind, String in, String parameter) {

    /** Checks the components. */
    public SecurityScheme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parameter, "parameter");
        if (!in.equals("header") && !in.equals("query") && !in.equals("cookie")) {
            throw new IllegalArgumentException(
                    "security scheme '" + name + "' goes in '" + in + "', not header, query or cookie");
        }
    }

    /**
     * Names a scheme, as generated code does.
     *
     * @param name the scheme's name
     * @param kind its kind
     * @param in where it goes
     * @param parameter the header, query parameter or cookie name
     * @return the scheme
     */
    public static SecurityScheme of(String name, String kind, String in, String parameter) {
        return new SecurityScheme(name, kind, in, parameter);
    }
}
