package dev.weft.runtime.internal;

import dev.weft.runtime.http.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The secrets a call's credential headers carry, in every form a server may echo them. */
final class HeaderSecrets {

    private HeaderSecrets() {}

    /**
     * The credentials a call carries in secret headers: each whole value, the part after the scheme
     * ({@code Bearer xyz}) and each cookie value.
     *
     * @param headers the headers of a call
     * @return the values to redact
     */
    static List<String> of(List<Map.Entry<String, String>> headers) {
        List<String> secrets = new ArrayList<>(2);
        for (Map.Entry<String, String> header : headers) {
            if (Redactor.isSecretHeader(header.getKey())) {
                addSecretParts(secrets, header.getKey(), header.getValue());
            }
        }
        return secrets;
    }

    /**
     * Adds the secrets of a credential header: the value, the part after its first space and the values of its
     * {@code name=value} pairs. For {@code Authorization} and {@code Proxy-Authorization}, whose value is a scheme
     * and credentials ({@code Bearer <token>}), the credentials stand for the whole value when they are long
     * enough to be masked: the scheme is no secret, and masking the token masks every text holding the value.
     */
    static void addSecretParts(Collection<String> secrets, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        int space = value.indexOf(' ');
        String credentials = space > 0 ? value.substring(space + 1).trim() : null;
        boolean scheme = name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("proxy-authorization");
        if (!(scheme && credentials != null && credentials.length() >= Redactor.MIN_SECRET_LENGTH)) {
            secrets.add(value);
        }
        if (credentials != null) {
            secrets.add(credentials);
            if (scheme && value.regionMatches(true, 0, "Basic ", 0, 6)) {
                addBasicParts(secrets, credentials);
            }
        }
        if (value.indexOf(';') < 0 && value.indexOf('=') < 0) {
            return;
        }
        for (String pair : value.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                secrets.add(pair.substring(eq + 1).trim());
            }
        }
    }

    /**
     * Adds what a {@code Basic} credential decodes to, {@code user:password} and the password, which a server
     * may echo decoded ("wrong password 'hunter22'").
     */
    private static void addBasicParts(Collection<String> secrets, String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return;
        }
        secrets.add(decoded);
        int colon = decoded.indexOf(':');
        if (colon >= 0) {
            secrets.add(decoded.substring(colon + 1));
        }
    }
}
