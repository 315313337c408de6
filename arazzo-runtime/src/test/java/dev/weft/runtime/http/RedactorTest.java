package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    void theExamplesOfTheIssue() {
        List<String> secrets = List.of("sk/live+SECRET123");
        assertEquals(
                "{\"error\":\"invalid token ***\"}",
                Redactor.redact("{\"error\":\"invalid token sk\\/live+SECRET123\"}", secrets));
        assertEquals("***", Redactor.redact("sk\\u002flive\\u002BSECRET123", secrets));
        assertEquals("*** ***", Redactor.redact("sk&#47;live&#x2b;SECRET123 sk%2flive%2BSECRET123", secrets));
    }

    @Test
    void basicCredentialsAreMaskedInBase64() {
        // user:password is what a Basic credential encodes; a server may echo either form
        List<String> secrets = List.of("aladdin:open sesame");
        assertEquals("Basic ***", Redactor.redact("Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==", secrets));
        assertEquals("***", Redactor.redact("aladdin:open sesame", secrets));
    }

    @Test
    void secretsHoldingEscapeCharactersAreFoundEitherWay() {
        String backslashes = "a\\b\\c\\d";
        assertEquals("x *** y", Redactor.redact("x a\\b\\c\\d y", List.of(backslashes)));
        assertEquals("x *** y", Redactor.redact("x a\\\\b\\\\c\\\\d y", List.of(backslashes)));
        assertEquals("***|***|***", Redactor.redact("100%pure|100%25pure|100\\u0025pure", List.of("100%pure")));
        assertEquals("***|***", Redactor.redact("R&D-key-1|R&amp;D-key-1", List.of("R&D-key-1")));
    }

    @Test
    @Timeout(2)
    void aTextOfEscapesCannotMakeMaskingSlow() {
        String secret = "\\".repeat(40);
        // five times a response excerpt of a 40-character secret, and more: the text masking sees is bounded so
        String text = "\\".repeat(10_000) + "x";
        assertTrue(Redactor.redact(text, List.of(secret)).endsWith("***x"));
        // almost a match at every position, failing only at the end
        String almost = "\\".repeat(40) + "z";
        assertEquals(text, Redactor.redact(text, List.of(almost)));
        String percents = "%".repeat(30) + "z";
        Redactor.redact("%25".repeat(5_000) + "%".repeat(5_000), List.of(percents));
        String amps = "&".repeat(30) + "z";
        Redactor.redact("&amp;".repeat(5_000) + "&".repeat(5_000), List.of(amps));
    }

    /**
     * The class of the attack: secrets of every kind of character, each character written by a randomly chosen
     * encoding (as is, JSON escapes as Jackson or PHP write them, percent or form encoding, HTML references), in
     * the middle of text; all are masked.
     */
    @Test
    void everyMixtureOfEncodingsIsMasked() {
        Random random = new Random(9485);
        List<String> secrets = List.of(
                "sk/live+SECRET123",
                "p\u00e4ssw\u00f6rd-\u20ac-9",
                "key\uD83D\uDE00value",
                "quote\"back\\slash/tab\t",
                "a b&c<d>e'f=g?h#i");
        List<UnaryOperator<String>> encodings = List.of(
                c -> c,
                RedactorTest::jsonAscii,
                c -> jsonAscii(c).replace("/", "\\/"),
                c -> URLEncoder.encode(c, StandardCharsets.UTF_8),
                c -> java.util.regex.Pattern.compile("%[0-9A-F]{2}")
                        .matcher(URLEncoder.encode(c, StandardCharsets.UTF_8))
                        .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT)),
                c -> c.codePoints().mapToObj(cp -> "&#" + cp + ";").reduce("", String::concat),
                c -> c.codePoints()
                        .mapToObj(cp -> "&#x" + Integer.toHexString(cp) + ";")
                        .reduce("", String::concat));
        for (String secret : secrets) {
            for (int trial = 0; trial < 200; trial++) {
                StringBuilder echoed = new StringBuilder();
                List<String> units = new ArrayList<>();
                secret.codePoints().forEach(cp -> units.add(new String(Character.toChars(cp))));
                boolean whole = trial < encodings.size();
                for (String unit : units) {
                    UnaryOperator<String> encoding = encodings.get(whole ? trial : random.nextInt(encodings.size()));
                    echoed.append(encoding.apply(unit));
                }
                String text = "error: '" + echoed + "' is wrong";
                assertEquals("error: '***' is wrong", Redactor.redact(text, List.of(secret)), text);
            }
        }
    }

    private static final JsonMapper ASCII_JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** A string as Jackson writes it with every non-ASCII character escaped, without the quotes. */
    private static String jsonAscii(String text) {
        try {
            String quoted = ASCII_JSON.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
