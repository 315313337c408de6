package dev.weft.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A credential an {@link ArazzoClient} holds for an OpenAPI security scheme, by the scheme's name
 * ({@code ArazzoClient.builder().credential("ApiKey", Credential.apiKey(key))}). A generated request applies it
 * where its operation requires that scheme and the step does not send the header, query parameter or cookie
 * itself. Its values are secrets: redacted from every message, event and report, never sent to another origin,
 * and never printed by {@link #toString()}.
 */
public final class Credential {

    private enum Kind {
        BEARER,
        API_KEY,
        BASIC,
        SECRET
    }

    private final Kind kind;
    /** The token, key, {@code user:password} or the secret whose form the scheme decides. */
    private final String value;

    private Credential(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                // the index, not the character: the value is a secret
                throw new IllegalArgumentException("credential has a control character at index " + i);
            }
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("credential is empty");
        }
    }

    /**
     * A bearer token, sent as {@code Authorization: Bearer <token>} for an HTTP bearer, OAuth 2 or OpenID Connect
     * scheme (and as the token itself for an API key scheme).
     *
     * @param token the token
     * @return the credential
     */
    public static Credential bearer(String token) {
        return new Credential(Kind.BEARER, Objects.requireNonNull(token, "token"));
    }

    /**
     * An API key, sent as it is in the header, query parameter or cookie its {@code apiKey} scheme names.
     *
     * @param key the key
     * @return the credential
     */
    public static Credential apiKey(String key) {
        return new Credential(Kind.API_KEY, Objects.requireNonNull(key, "key"));
    }

    /**
     * A user and password, sent as {@code Authorization: Basic base64(user:password)} for an HTTP basic scheme.
     *
     * @param user the user, without a colon
     * @param password the password
     * @return the credential
     */
    public static Credential basic(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the user of a basic credential cannot hold ':'");
        }
        return new Credential(Kind.BASIC, user + ":" + password);
    }

    /**
     * A secret whose form its scheme decides: the key itself for an API key scheme, {@code Bearer <secret>} for
     * a bearer, OAuth 2 or OpenID Connect scheme, {@code Basic base64(secret)} ({@code secret} being
     * {@code user:password}) for a basic one; what {@link ArazzoClient.Builder#credentialFromEnv} binds.
     *
     * @param secret the secret
     * @return the credential
     */
    public static Credential of(String secret) {
        return new Credential(Kind.SECRET, Objects.requireNonNull(secret, "secret"));
    }

    /**
     * Returns the text sent for a scheme of a kind, as generated requests apply it.
     *
     * @param schemeKind {@code apiKey}, {@code bearer}, {@code basic}, {@code oauth2} or {@code http} (another
     *     HTTP scheme, whose {@code Authorization} value is the secret as it is)
     * @return the header, query or cookie value
     */
    public String encodedFor(String schemeKind) {
        return switch (schemeKind) {
            case "bearer", "oauth2" -> kind == Kind.BASIC ? basicValue() : "Bearer " + value;
            case "basic" -> kind == Kind.BEARER ? "Bearer " + value : basicValue();
            default -> value;
        };
    }

    private String basicValue() {
        return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Describes the kind of credential, never its value. */
    @Override
    public String toString() {
        return "Credential[" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", ****]";
    }
}
