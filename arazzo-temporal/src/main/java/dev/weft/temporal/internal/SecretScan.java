package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;

/** Finds a run's secrets in JSON about to be written to a durable run's history. */
final class SecretScan {
    /** Shorter secrets would match ordinary text; the runtime masks them whole, but cannot find them alone. */
    private static final int MIN_LENGTH = 4;

    private SecretScan() {}

    /**
     * @param json the JSON
     * @param secrets the run's secrets
     * @return the JSON pointer of the first value holding a secret, or {@code null} when none does
     */
    static String find(JsonNode json, Collection<String> secrets) {
        return find(json, secrets, "");
    }

    private static String find(JsonNode json, Collection<String> secrets, String at) {
        if (json == null) {
            return null;
        }
        if (json.isTextual()) {
            String text = json.textValue();
            for (String secret : secrets) {
                if (secret.length() >= MIN_LENGTH && text.contains(secret)) {
                    return at.isEmpty() ? "/" : at;
                }
            }
            return null;
        }
        if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                String found = find(json.get(i), secrets, at + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String found = find(field.getValue(), secrets, at + "/" + field.getKey());
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
