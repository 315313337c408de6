package dev.weft.checks;

/**
 * The run-time checks of a response against its operation's OpenAPI description, named as Redocly respect names
 * them, so that settings carry across.
 */
public enum Check {
    /** The status code is one the operation declares: exactly, through a range such as {@code 2XX}, or
     * {@code default}. */
    STATUS_CODE_CHECK,
    /** The {@code Content-Type} is a media type the response declares ({@code type/*} and {@code *}{@code /*}
     * included; parameters such as {@code charset} are ignored); a response that declares no content has no
     * body. */
    CONTENT_TYPE_CHECK,
    /** A JSON body is valid against the response's schema, in the description's dialect (OpenAPI 3.0, or
     * 3.1 and 3.2), references and discriminators followed. */
    SCHEMA_CHECK,
    /** The response's required headers are present, and each declared header with a schema fits it. */
    RESPONSE_HEADER_CHECK
}
