/**
 * The messaging SPI of AsyncAPI steps (Arazzo 1.1): a {@link dev.weft.runtime.messaging.MessageTransport} sends a
 * message to a channel and receives the first matching one, with a timeout and cancellation. The runtime ships
 * {@link dev.weft.runtime.messaging.InMemoryMessageTransport} for tests; a broker adapter (module
 * {@code arazzo-kafka}) implements it for real. Like {@code .http}, this package stands alone: it names neither the
 * client nor a run.
 */
package dev.weft.runtime.messaging;
