package dev.weft.compiler.check;

/** Where an expression stands, which decides what it may read (CHECKLIST §2 table). */
enum Scope {
  /** Before a step's HTTP call: parameters and request bodies. */
  REQUEST,
  /** After an operation step's HTTP call: its criteria, action criteria and outputs. */
  RESPONSE,
  /** Workflow outputs. */
  WORKFLOW_OUTPUTS
}
