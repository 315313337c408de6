package dev.weft.runtime.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Masks secrets (credentials in headers and query parameters, registered secret values) in text meant for people. */
public final class Redactor {

    /** What a secret is replaced by. */
    public static final String MASK = "***";

    /** Secrets shorter than this are not masked: masking them would garble ordinary text. */
    public static final int MIN_SECRET_LENGTH = 4;

    /** How many times longer than a secret its most verbose encoding is (a character as {@code %F0%9F%98%80}). */
    public static final int MAX_ENCODING_EXPANSION = EncodedMatch.MAX_EXPANSION;

    private static final Set<String> SECRET_NAMES = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "x-api-key",
            "api-key",
            "key",
            "auth",
            "sig",
            "signature",
            "credentials");
    private static final List<String> SECRET_PARTS =
            List.of("token", "secret", "api-key", "apikey", "password", "passwd", "credential");
    private static final Pattern AMPERSAND = Pattern.compile("&");
    private static final java.util.Base64.Encoder BASE64 = java.util.Base64.getEncoder();

    private Redactor() {}

    /**
     * Tells whether a header (or query parameter) holds a credential: {@code Authorization},
     * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-API-Key}, {@code Api-Key},
     * {@code key}, {@code auth}, {@code sig}, {@code signature}, {@code credentials}, or any name containing
     * {@code token}, {@code secret}, {@code api-key}, {@code apikey}, {@code password}, {@code passwd} or
     * {@code credential}, case-insensitively; {@code _} counts as {@code -} so that {@code api_key} is one too.
     *
     * @param name the name
     * @return whether its values must be masked
     */
    public static boolean isSecretHeader(String name) {
        if (name == null) {
            return false;
        }
        if (name.equalsIgnoreCase("authorization")) {
            return true;
        }
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (SECRET_NAMES.contains(n)) {
            return true;
        }
        for (String part : SECRET_PARTS) {
            if (n.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a header value fit for printing.
     *
     * @param name the header name
     * @param value the value
     * @return {@link #MASK} for a secret header, else the value
     */
    public static String redactHeaderValue(String name, String value) {
        return isSecretHeader(name) ? MASK : value;
    }

    /**
     * Replaces every occurrence of each secret by {@link #MASK}, as it is or in any encoding a server may echo it
     * in (see {@link Masks}); secrets shorter than 4 characters are ignored, as masking them would garble ordinary
     * text.
     *
     * @param text the text, or {@code null}
     * @param secrets the secret values; {@code null} elements are ignored
     * @return the masked text, or {@code null} for {@code null}
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets == null || secrets.isEmpty()) {
            return text;
        }
        return Masks.of(secrets).mask(text);
    }

    /**
     * Returns a URL fit for printing: the values of query parameters with secret names are masked, and so is
     * the user information ({@code user:password@}).
     *
     * @param uri the URL
     * @return the text of the URL
     */
    public static String redactUri(URI uri) {
        return redactUri(uri, List.of());
    }

    /**
     * Returns a URL fit for printing: as {@link #redactUri(URI)}, and also every query value that holds one of
     * the secrets (decoded, whatever the parameter's name), and any other occurrence of a secret, as it is or
     * percent-encoded.
     *
     * @param uri the URL
     * @param secrets the secret values, e.g. a run's registered secrets; {@code null} elements are ignored
     * @return the text of the URL
     */
    public static String redactUri(URI uri, Collection<String> secrets) {
        return redactUri(uri, Masks.of(secrets == null ? List.of() : secrets));
    }

    /**
     * Like {@link #redactUri(URI, Collection)}, with the secrets' masks computed once.
     *
     * @param uri the URL
     * @param masks the masks of the secrets
     * @return the masked URL
     */
    public static String redactUri(URI uri, Masks masks) {
        String text = uri.toString();
        if (uri.getRawUserInfo() != null) {
            int at = text.indexOf(uri.getRawUserInfo() + "@");
            text = text.substring(0, at)
                    + MASK
                    + text.substring(at + uri.getRawUserInfo().length());
        }
        String query = uri.getRawQuery();
        if (query != null) {
            StringBuilder masked = new StringBuilder();
            for (String pair : AMPERSAND.split(query, -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                boolean secret =
                        eq >= 0 && (isSecretHeader(decode(name)) || masks.finds(decode(pair.substring(eq + 1))));
                masked.append(masked.length() > 0 ? "&" : "").append(secret ? name + "=" + MASK : pair);
            }
            int start = text.indexOf('?');
            int end = uri.getRawFragment() == null ? text.length() : text.lastIndexOf('#');
            text = text.substring(0, start + 1) + masked + text.substring(end);
        }
        return masks.mask(text);
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /**
     * The secrets searched for, computed once: each secret of 4 characters or more, longest first so that a secret
     * containing another is masked whole, plus the Base64 form of those that read {@code user:password} (as a
     * {@code Basic} credential carries them). Each is found as it is and in every encoding a server may echo it
     * in, mixed or not: JSON escapes ({@code \/}, backslash-u), percent and form encoding, HTML character
     * references. Immutable and safe to share.
     */
    public static final class Masks {

        private static final Masks NONE = new Masks(List.of());
        /** Longest first, so that a secret containing another is masked whole. */
        private static final Comparator<String> LONGEST_FIRST =
                Comparator.comparingInt(String::length).reversed();

        private final List<String> secrets;

        private Masks(List<String> secrets) {
            this.secrets = secrets;
        }

        /**
         * Computes the masks of some secrets.
         *
         * @param secrets the secret values; {@code null} elements are ignored
         * @return the masks
         */
        public static Masks of(Collection<String> secrets) {
            return NONE.plus(secrets);
        }

        /**
         * Returns these masks and those of more secrets.
         *
         * @param secrets the secret values; {@code null} elements are ignored
         * @return the masks of both, or this when the secrets add none
         */
        public Masks plus(Collection<String> secrets) {
            List<String> more = new ArrayList<>(this.secrets);
            for (String s : secrets) {
                if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                    addOnce(more, s);
                    if (s.indexOf(':') > 0) {
                        addOnce(more, BASE64.encodeToString(s.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            if (more.size() == this.secrets.size()) {
                return this;
            }
            more.sort(LONGEST_FIRST);
            return new Masks(List.copyOf(more));
        }

        private static void addOnce(List<String> forms, String form) {
            if (!forms.contains(form)) {
                forms.add(form);
            }
        }

        /**
         * Replaces every occurrence of each secret, in any encoding, by {@link #MASK}.
         *
         * @param text the text, or {@code null}
         * @return the masked text, or {@code null} for {@code null}
         */
        public String mask(String text) {
            if (text == null || secrets.isEmpty()) {
                return text;
            }
            boolean encoded = hasEscapes(text);
            String result = text;
            for (String secret : secrets) {
                result = encoded ? maskEncoded(result, secret) : result.replace(secret, MASK);
            }
            return result;
        }

        /**
         * Tells whether a text holds one of the secrets, in any encoding.
         *
         * @param text the text
         * @return whether {@link #mask} would change it
         */
        public boolean finds(String text) {
            boolean encoded = hasEscapes(text);
            for (String secret : secrets) {
                if (encoded ? find(text, secret, 0) >= 0 : text.contains(secret)) {
                    return true;
                }
            }
            return false;
        }

        private static String maskEncoded(String text, String secret) {
            int p = find(text, secret, 0);
            if (p < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            while (p >= 0) {
                int end = EncodedMatch.at(text, p, secret);
                out.append(text, copied, p).append(MASK);
                copied = end;
                p = find(text, secret, end);
            }
            return out.append(text, copied, text.length()).toString();
        }

        /** Where the secret next occurs from {@code from}, in any encoding, or -1. */
        private static int find(String text, String secret, int from) {
            char first = secret.charAt(0);
            for (int p = from; p < text.length(); p++) {
                char c = text.charAt(p);
                if ((c == first || EncodedMatch.escapes(c)) && EncodedMatch.at(text, p, secret) > p) {
                    return p;
                }
            }
            return -1;
        }

        private static boolean hasEscapes(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (EncodedMatch.escapes(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
