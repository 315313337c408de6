/**
 * The Weft test kit: {@link dev.weft.test.ArazzoExtension} gives a JUnit 5 test an {@code ArazzoClient} backed by a
 * {@link dev.weft.test.StubTransport} (replies scripted per operationId, the requests sent kept for assertions) and a
 * {@link dev.weft.test.VirtualClock}, or replays exchanges recorded from a real server.
 */
package dev.weft.test;
