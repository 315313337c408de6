/**
 * Generated Arazzo workflows as durable Temporal workflows: {@link DurableWorker} registers the generated
 * Temporal classes on a Temporal worker with an {@code ArazzoClient}, and a {@link DurableType} (the {@code TYPE}
 * constant of a generated Temporal workflow interface) starts runs and returns their typed outputs.
 */
package dev.weft.temporal;
