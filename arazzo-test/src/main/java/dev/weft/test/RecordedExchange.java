package dev.weft.test;

import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.Redactor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exchange as a recording keeps it, every secret already masked: the run's secrets (secret inputs, credentials
 * sent in headers) and the values of secret headers, in the URL, the headers and both bodies.
 *
 * @param operationId the operation, or {@code null} when it has no operationId
 * @param stepId the step
 * @param method the HTTP method
 * @param url the URL, masked
 * @param requestHeaders the request's headers, masked
 * @param requestBody the request's body as text, masked; {@code null} for none
 * @param status the response's status
 * @param responseHeaders the response's headers, masked
 * @param responseBody the response's body as UTF-8 text, masked, or {@code null} when it is not text
 * @param responseBodyBase64 the response's body in Base64 when it is not UTF-8 text, else {@code null}
 */
record RecordedExchange(
        String operationId,
        String stepId,
        String method,
        String url,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody,
        String responseBodyBase64) {

    /** Masks a real exchange for keeping. */
    static RecordedExchange of(HttpCall call, HttpResult result) {
        Redactor.Masks masks = Redactor.Masks.of(call.secrets());
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : call.headers()) {
            requestHeaders
                    .computeIfAbsent(header.getKey(), k -> new ArrayList<>())
                    .add(mask(masks, header.getKey(), header.getValue()));
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        result.headers().forEach((name, values) -> {
            if (name != null) {
                responseHeaders.put(
                        name, values.stream().map(v -> mask(masks, name, v)).toList());
            }
        });
        String text = utf8(result.body());
        return new RecordedExchange(
                call.step() == null ? null : call.step().operationId(),
                call.step() == null ? null : call.step().stepId(),
                call.method(),
                Redactor.redactUri(call.uri(), masks),
                requestHeaders,
                call.body() == null ? null : maskBytes(masks, call.body()),
                result.statusCode(),
                responseHeaders,
                text == null ? null : masks.mask(text),
                text == null
                        ? Base64.getEncoder()
                                .encodeToString(maskBytes(masks, result.body()).getBytes(StandardCharsets.ISO_8859_1))
                        : null);
    }

    /** The response to give back on replay. */
    StubResponse response() {
        byte[] body = responseBody != null
                ? responseBody.getBytes(StandardCharsets.UTF_8)
                : responseBodyBase64 == null ? new byte[0] : Base64.getDecoder().decode(responseBodyBase64);
        return new StubResponse(status, responseHeaders == null ? Map.of() : responseHeaders, body);
    }

    private static String mask(Redactor.Masks masks, String name, String value) {
        return Redactor.isSecretHeader(name) ? Redactor.MASK : masks.mask(value);
    }

    /** A body's text (UTF-8, or byte for byte when it is not) with the secrets masked. */
    private static String maskBytes(Redactor.Masks masks, byte[] bytes) {
        String text = utf8(bytes);
        // ISO-8859-1 maps each byte to one char, so an ASCII secret inside binary data is found and masked too
        return masks.mask(text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
