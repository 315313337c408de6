package dev.weft.mcp;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the server takes a secret input's value from (an environment variable, a vault lookup), so that an agent
 * never sees or sends it: a bound input is left out of the tool's schema and ignored in the arguments.
 *
 * <p>The value is read at each call, never stored by the binding, and never part of {@link #toString()}.
 */
public final class SecretBinding {

    private final String source;
    private final Supplier<String> value;

    private SecretBinding(String source, Supplier<String> value) {
        this.source = source;
        this.value = value;
    }

    /**
     * Binds to an environment variable of the server process, read at each call: the way the Civitai capability
     * binds {@code CIVITAI_API_KEY}.
     *
     * @param variable the variable's name
     * @return the binding
     */
    public static SecretBinding env(String variable) {
        Objects.requireNonNull(variable, "variable");
        return new SecretBinding("the environment variable " + variable, () -> System.getenv(variable));
    }

    /**
     * Binds to a supplier, called at each call (a secrets manager, a rotating token).
     *
     * @param source what the supplier reads, for messages (never the value)
     * @param supplier gives the value, or {@code null} when it has none
     * @return the binding
     */
    public static SecretBinding of(String source, Supplier<String> supplier) {
        return new SecretBinding(
                Objects.requireNonNull(source, "source"), Objects.requireNonNull(supplier, "supplier"));
    }

    /**
     * Reads the value.
     *
     * @param input the secret input, for the message
     * @return the value
     * @throws IllegalStateException when the source has no value (an unset or empty variable)
     */
    String value(String input) {
        String secret = value.get();
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException(
                    "the secret input '" + input + "' is bound to " + source + ", which is not set on the server");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "SecretBinding[" + source + "]";
    }
}
