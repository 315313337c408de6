/** A {@link dev.weft.runtime.messaging.MessageTransport} over Apache Kafka for the AsyncAPI steps of Arazzo 1.1. */
package dev.weft.kafka;
