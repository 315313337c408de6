package dev.weft.runtime.internal;

import dev.weft.runtime.http.Redactor;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The secrets a run has registered and their masks, as one immutable value: a run replaces it when a new secret
 * comes (rarely: at the start, and when a credential header first appears) and reads it without locking or
 * copying on every request.
 */
final class RunSecrets {

    static final RunSecrets NONE = new RunSecrets(Set.of(), Redactor.Masks.of(Set.of()));

    private final Set<String> values;
    private final Redactor.Masks masks;

    private RunSecrets(Set<String> values, Redactor.Masks masks) {
        this.values = values;
        this.masks = masks;
    }

    /** @return the secret values, immutable */
    Set<String> values() {
        return values;
    }

    /** @return the masks of the values */
    Redactor.Masks masks() {
        return masks;
    }

    /**
     * Tells whether some values hold a secret not among these, without building anything.
     *
     * @param more the values; {@code null} elements are ignored
     * @return whether {@link #with} would return a new value
     */
    boolean adds(Collection<String> more) {
        for (String value : more) {
            if (value != null && !values.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns these secrets and some more.
     *
     * @param more the values to add; {@code null} elements are ignored
     * @return this when nothing is new, else a new value
     */
    RunSecrets with(Collection<String> more) {
        Set<String> all = null;
        for (String value : more) {
            if (value != null && !values.contains(value)) {
                if (all == null) {
                    all = new HashSet<>(values);
                }
                all.add(value);
            }
        }
        return all == null ? this : new RunSecrets(Set.copyOf(all), masks.plus(more));
    }
}
