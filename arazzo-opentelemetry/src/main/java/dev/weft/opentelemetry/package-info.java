/**
 * OpenTelemetry for Weft workflows: {@link dev.weft.opentelemetry.OpenTelemetryListener}, a {@code WorkflowListener}
 * that traces each run, step and HTTP call, propagates the W3C trace context on outgoing requests and counts retries,
 * polls and failures.
 */
package dev.weft.opentelemetry;
