package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secretHeaderNames() {
        for (String name : List.of(
                "Authorization",
                "authorization",
                "Proxy-Authorization",
                "Cookie",
                "Set-Cookie",
                "X-API-Key",
                "api-key",
                "X-Auth-Token",
                "client_secret",
                "X-Apikey",
                "db-PASSWORD",
                "api_key",
                "key",
                "sig",
                "Signature",
                "client_credentials",
                "X-Credential")) {
            assertTrue(Redactor.isSecretHeader(name), name);
        }
        for (String name : List.of("Accept", "Content-Type", "X-Request-Id", "Api", "Keyboard", "monkey", "page")) {
            assertFalse(Redactor.isSecretHeader(name), name);
        }
        assertFalse(Redactor.isSecretHeader(null));
    }

    @Test
    void redactsEveryOccurrenceLongestFirst() {
        String text = "token abcd1234 again abcd1234 and abcd12345678";
        assertEquals("token *** again *** and ***", Redactor.redact(text, List.of("abcd1234", "abcd12345678")));
    }

    @Test
    void ignoresShortEmptyAndNullSecrets() {
        assertEquals("a abc b", Redactor.redact("a abc b", Arrays.asList("abc", "", null)));
        assertNull(Redactor.redact(null, List.of("secret")));
        assertEquals("x", Redactor.redact("x", List.of()));
    }

    @Test
    void headerValueAndUri() {
        assertEquals(Redactor.MASK, Redactor.redactHeaderValue("Authorization", "Bearer x"));
        assertEquals("json", Redactor.redactHeaderValue("Accept", "json"));
        assertEquals(
                "http://h/p?a=1&api_key=***&b=2", Redactor.redactUri(URI.create("http://h/p?a=1&api_key=s3cr3t&b=2")));
        assertEquals("http://h/p", Redactor.redactUri(URI.create("http://h/p")));
        assertEquals("http://***@h/p?key=***#f", Redactor.redactUri(URI.create("http://me:pa55word@h/p?key=k3y#f")));
    }

    @Test
    void uriWithRegisteredSecrets() {
        List<String> secrets = List.of("sk-7Hq+9/Zx");
        URI uri = URI.create("http://h/sk-7Hq%2B9%2FZx/p?q=sk-7Hq%2B9%2FZx&note=is%20sk-7Hq%2B9%2FZx%21&x=1&flag");
        assertEquals("http://h/***/p?q=***&note=***&x=1&flag", Redactor.redactUri(uri, secrets));
        assertEquals("http://h/p?form=***", Redactor.redactUri(URI.create("http://h/p?form=sk-7Hq%2B9%2FZx"), secrets));
    }

    @Test
    void encodedSecretsAreMaskedInText() {
        assertEquals(
                "a *** b *** c ***",
                Redactor.redact("a sk-7Hq+9/Zx b sk-7Hq%2B9%2FZx c sk-7Hq%2B9%2FZx", List.of("sk-7Hq+9/Zx")));
        assertEquals("pass *** and ***", Redactor.redact("pass two%20words and two+words", List.of("two words")));
    }

    @Test
    void masksComputedOnceMaskAsRedactDoes() {
        Redactor.Masks masks = Redactor.Masks.of(Arrays.asList("sk-7Hq+9/Zx", null, "abc", "sk-7Hq+9/Zx-longer"));
        assertEquals("a *** b *** c *** abc", masks.mask("a sk-7Hq+9/Zx b sk-7Hq%2B9%2FZx c sk-7Hq+9/Zx-longer abc"));
        assertEquals(true, masks.finds("x sk-7Hq%2B9%2FZx"));
        assertEquals(false, masks.finds("abc"));
        assertNull(masks.mask(null));
        URI uri = URI.create("http://h/sk-7Hq%2B9%2FZx/p?q=sk-7Hq%2B9%2FZx&x=1");
        assertEquals(Redactor.redactUri(uri, List.of("sk-7Hq+9/Zx")), Redactor.redactUri(uri, masks));
        assertEquals("plain", Redactor.Masks.of(List.of()).mask("plain"));
    }
}
