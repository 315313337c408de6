package dev.weft.runtime.http;

/**
 * Which redirects ({@code 301}, {@code 302}, {@code 303}, {@code 307}, {@code 308} with a {@code Location}) the
 * default transport follows, up to 5 in a row; a redirect it does not follow is the step's response, as sent.
 *
 * <p>An origin is a scheme, a host and a port ({@code https://api.example.com:443}). Credential headers
 * ({@code Authorization}, cookies, API-key headers, any header holding a registered secret) are never sent to
 * an origin other than the request's own.
 */
public enum RedirectPolicy {

    /** Follows no redirect: every 3xx response is the step's response. */
    NONE,

    /** Follows redirects within the request's origin only, with all its headers (the default). */
    SAME_ORIGIN,

    /**
     * Follows redirects to other origins too, but without credential headers, and never from {@code https} to
     * {@code http}.
     */
    ANY_ORIGIN
}
