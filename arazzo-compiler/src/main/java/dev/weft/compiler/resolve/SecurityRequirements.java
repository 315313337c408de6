package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials an operation requires, read from its {@code security} (else the description's) and the
 * {@code components.securitySchemes} they name: a list of alternatives, any one of which suffices, each a list
 * of schemes that all apply.
 */
public final class SecurityRequirements {

    /**
     * One security scheme of a requirement.
     *
     * @param name the scheme's name in {@code components.securitySchemes}
     * @param kind {@code apiKey}, {@code bearer}, {@code basic}, {@code oauth2} (OAuth 2 and OpenID Connect: a
     *     bearer token), {@code http} (another HTTP scheme, sent in {@code Authorization}), {@code mutualTLS} or
     *     {@code unknown} (the scheme is not declared)
     * @param in where an API key goes: {@code header}, {@code query} or {@code cookie}; {@code header} for the
     *     HTTP kinds; null for the others
     * @param parameter the header, query parameter or cookie name; {@code Authorization} for the HTTP kinds
     */
    public record Scheme(String name, String kind, String in, String parameter) {

        /** @return whether a step can send this credential itself, as a parameter */
        public boolean sendable() {
            return in != null && parameter != null;
        }

        /** @return how a step sends it, for messages: {@code header 'X-API-Key'} */
        public String where() {
            return (in.equals("query") ? "query parameter" : in) + " '" + parameter + "'";
        }
    }

    private SecurityRequirements() {}

    /**
     * The requirement of an operation.
     *
     * @param op the operation
     * @return the alternatives, in order; an empty alternative means the credential is optional; an empty list
     *     means none is required
     */
    public static List<List<Scheme>> of(OperationRef op) {
        OpenAPI api = op.api();
        List<SecurityRequirement> declared =
                op.operation() != null ? op.operation().getSecurity() : null;
        if (declared == null && api != null) {
            declared = api.getSecurity();
        }
        if (declared == null || declared.isEmpty()) {
            return List.of();
        }
        Map<String, SecurityScheme> schemes = api == null || api.getComponents() == null
                ? null
                : api.getComponents().getSecuritySchemes();
        List<List<Scheme>> alternatives = new ArrayList<>();
        for (SecurityRequirement requirement : declared) {
            List<Scheme> all = new ArrayList<>();
            if (requirement != null) {
                for (String name : requirement.keySet()) {
                    all.add(scheme(name, schemes == null ? null : schemes.get(name), schemes));
                }
            }
            alternatives.add(List.copyOf(all));
        }
        return List.copyOf(alternatives);
    }

    private static Scheme scheme(String name, SecurityScheme scheme, Map<String, SecurityScheme> schemes) {
        // a scheme may be a $ref to another of the components (one level is all swagger-parser leaves)
        for (int hops = 0; scheme != null && scheme.get$ref() != null && hops < 4; hops++) {
            String ref = scheme.get$ref();
            scheme = schemes.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (scheme == null || scheme.getType() == null) {
            return new Scheme(name, "unknown", null, null);
        }
        return switch (scheme.getType()) {
            case APIKEY ->
                scheme.getIn() == null
                                || scheme.getName() == null
                                || scheme.getName().isBlank()
                        ? new Scheme(name, "unknown", null, null)
                        : new Scheme(name, "apiKey", scheme.getIn().toString(), scheme.getName());
            case HTTP -> {
                String http =
                        scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
                String kind = http.equals("bearer") || http.equals("basic") ? http : "http";
                yield new Scheme(name, kind, "header", "Authorization");
            }
            case OAUTH2, OPENIDCONNECT -> new Scheme(name, "oauth2", "header", "Authorization");
            case MUTUALTLS -> new Scheme(name, "mutualTLS", null, null);
        };
    }
}
