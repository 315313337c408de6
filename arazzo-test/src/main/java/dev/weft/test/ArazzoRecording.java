package dev.weft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the client that {@link ArazzoExtension} gives a test replay a recording, or record one against the real
 * server: on a test method, or on its class for every test (a method's annotation wins).
 *
 * <p>Replay (the default): the stub answers from the file, each recorded response once, per operation, in order;
 * a missing file fails the test with how to record it. Record ({@code -Dweft.recording=record}, or
 * {@code mode = RECORD}): the client sends real requests (to the servers the OpenAPI descriptions name, or those
 * the test sets on an injected {@code ArazzoClient.Builder}) on the system clock, and the exchanges, secrets
 * masked, replace the file when the test passes.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ArazzoRecording {

    /**
     * Returns the recording's file, relative to the working directory (a Maven module's folder in a Maven build).
     *
     * @return the path, e.g. {@code src/test/resources/recordings/image-poll.json}
     */
    String value();

    /**
     * Returns whether to replay or record.
     *
     * @return the mode; by default the system property {@code weft.recording} says ({@code record} or
     *     {@code replay}, the default)
     */
    Mode mode() default Mode.PROPERTY;

    /** Whether a test replays or records. */
    enum Mode {
        /** As the system property {@code weft.recording} says: {@code record}, or {@code replay} when unset. */
        PROPERTY,
        /** Answer from the file. */
        REPLAY,
        /** Send real requests and write the file. */
        RECORD
    }
}
