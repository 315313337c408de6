package dev.weft.runtime.http;

import java.net.http.HttpHeaders;
import java.util.AbstractMap;
import java.util.List;
import java.util.Set;

/**
 * The headers of a JDK response as an {@link HttpResult}'s map, without a copy: the JDK's {@link HttpHeaders} are
 * immutable already, their lists too, and look names up without regard to case.
 */
final class ReceivedHeaders extends AbstractMap<String, List<String>> {

    private final HttpHeaders headers;

    ReceivedHeaders(HttpHeaders headers) {
        this.headers = headers;
    }

    /** The first value of a header, names compared case-insensitively, or null. */
    String first(String name) {
        List<String> values = headers.allValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return headers.map().entrySet();
    }

    @Override
    public List<String> get(Object key) {
        return headers.map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return headers.map().containsKey(key);
    }

    @Override
    public int size() {
        return headers.map().size();
    }
}
