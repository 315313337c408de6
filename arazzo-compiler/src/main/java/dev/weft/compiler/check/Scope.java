package dev.weft.compiler.check;

/** Where an expression stands, which decides what it may read (CHECKLIST §2 table). */
enum Scope {
    /** Before a step's HTTP call: parameters and request bodies. */
    REQUEST,
    /** After an operation step's HTTP call: its criteria, action criteria and outputs. */
    RESPONSE,
    /** After an AsyncAPI step sent or received its message (Arazzo 1.1): {@code $message.*}. */
    MESSAGE,
    /** After a workflow step's call: its criteria, action criteria and outputs ({@code $outputs}). */
    CALL,
    /** Workflow-level action criteria, evaluated after whichever step is handled: either kind of result. */
    ANY_RESULT,
    /** Workflow outputs. */
    WORKFLOW_OUTPUTS;

    /** The scope of a step's criteria and outputs. */
    static Scope after(dev.weft.compiler.model.Step step) {
        return step.workflowId() != null ? CALL : step.isAsync() ? MESSAGE : RESPONSE;
    }
}
