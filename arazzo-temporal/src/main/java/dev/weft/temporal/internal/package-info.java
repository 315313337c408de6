/**
 * What the generated Temporal classes run: the workflow-side state machine ({@link DurableLoop}), the activities
 * that run one step each ({@link StepActivities}) and the payloads between them; for generated code only, not a
 * public API, and it may change in any release without notice.
 */
package dev.weft.temporal.internal;
