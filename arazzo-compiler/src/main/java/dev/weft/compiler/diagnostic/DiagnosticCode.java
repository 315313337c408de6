package dev.weft.compiler.diagnostic;

import java.util.List;

/**
 * The catalogue of diagnostic codes. Ids are stable: released ones are never renamed or reused,
 * since users and tests depend on them. Each is documented in {@code docs/diagnostics.md}.
 */
public enum DiagnosticCode {
  // Reading documents
  MISSING_FILE("missing-file", Severity.ERROR, "a document or source description file does not exist", "FMT-6"),
  MALFORMED_YAML("malformed-yaml", Severity.ERROR, "the file is not well-formed YAML or JSON", "FMT-1", "FMT-3"),
  NOT_AN_OBJECT("not-an-object", Severity.ERROR, "the document root is not an object", "FMT-1"),
  UNSUPPORTED_VERSION("unsupported-version", Severity.ERROR, "the arazzo version is not 1.0.0 or 1.0.1", "DOC-1"),
  MISSING_FIELD("missing-field", Severity.ERROR, "a required field is absent", "DOC-2", "DOC-3", "DOC-4", "INFO-1",
      "INFO-2", "SRC-1", "SRC-3", "WF-1", "WF-5", "STEP-1", "PARAM-2", "PARAM-6", "CRIT-1", "SA-1", "FA-1"),
  WRONG_TYPE("wrong-type", Severity.ERROR, "a field holds a value of the wrong JSON type", "FMT-1"),
  UNKNOWN_FIELD("unknown-field", Severity.ERROR, "a field the specification does not define", "FMT-4"),
  EMPTY_LIST("empty-list", Severity.ERROR, "a list that must hold at least one entry is empty", "DOC-3", "DOC-4",
      "WF-5", "STEP-12"),
  DUPLICATE_ID("duplicate-id", Severity.ERROR, "two entries share a name or id that must be unique", "DOC-3", "DOC-4",
      "SRC-1", "WF-1", "STEP-1", "STEP-9", "STEP-13"),
  INVALID_NAME("invalid-name", Severity.ERROR, "a name or id does not match the pattern the specification requires",
      "SRC-2", "WF-2", "STEP-2", "WF-9", "STEP-14"),
  UNKNOWN_COMPONENT("unknown-component", Severity.ERROR,
      "a reusable object's reference names no component of the right section", "REUSE-2"),
  INVALID_VALUE("invalid-value", Severity.ERROR, "a field holds a value outside the allowed set", "SRC-4", "PARAM-3",
      "SA-1", "FA-1", "CRIT-2"),
  // Source descriptions and step targets
  INVALID_SOURCE_DESCRIPTION("invalid-source-description", Severity.ERROR,
      "a source description cannot be read as OpenAPI", "SRC-3", "D-27"),
  UNKNOWN_SOURCE("unknown-source", Severity.ERROR, "a reference names a source description that does not exist",
      "STEP-5", "STEP-6"),
  INVALID_STEP_TARGET("invalid-step-target", Severity.ERROR,
      "a step does not name exactly one of operationId, operationPath and workflowId", "STEP-3"),
  INVALID_OPERATION_PATH("invalid-operation-path", Severity.ERROR,
      "an operationPath is malformed or does not end at an operation", "STEP-6"),
  UNKNOWN_OPERATION("unknown-operation", Severity.ERROR, "an operationId is not in any source description", "STEP-4"),
  AMBIGUOUS_OPERATION("ambiguous-operation", Severity.ERROR,
      "a bare operationId is found in several source descriptions", "STEP-5", "D-25"),
  UNQUALIFIED_OPERATION("unqualified-operation", Severity.WARNING,
      "a bare operationId is used although several source descriptions exist", "STEP-5", "D-25"),
  UNKNOWN_WORKFLOW("unknown-workflow", Severity.ERROR,
      "a workflowId (step, action or dependsOn) names no workflow", "STEP-8", "SA-3", "FA-3", "WF-4"),
  MISSING_WORKFLOW_INPUT("missing-workflow-input", Severity.ERROR,
      "a called workflow requires an input that the call does not supply", "D-18", "PARAM-5"),
  DEPENDENCY_CYCLE("dependency-cycle", Severity.ERROR,
      "workflows or source documents depend on each other in a cycle", "WF-4", "D-64"),
  UNSUPPORTED_FEATURE("unsupported-feature", Severity.ERROR,
      "the document uses a feature this version of Weft cannot compile yet"),
  // Parameters and bodies
  MISSING_PATH_PARAMETER("missing-path-parameter", Severity.ERROR,
      "a path parameter the operation requires is never given", "PARAM-7"),
  UNKNOWN_PARAMETER("unknown-parameter", Severity.WARNING, "a parameter the operation does not declare", "PARAM-7",
      "PARAM-8"),
  MISSING_PARAMETER_LOCATION("missing-parameter-location", Severity.ERROR,
      "a parameter of an operation step has no 'in'", "PARAM-4"),
  // Expressions and criteria
  MALFORMED_EXPRESSION("malformed-expression", Severity.ERROR, "a runtime expression does not parse", "EXPR-1"),
  BARE_EXPRESSION("bare-expression", Severity.WARNING,
      "an unbraced expression inside a longer string (seed dialect)", "EXPR-6", "D-6"),
  EXPRESSION_OUT_OF_SCOPE("expression-out-of-scope", Severity.ERROR,
      "an expression is used where its value does not exist", "EXPR-3"),
  UNKNOWN_STEP("unknown-step", Severity.ERROR, "a $steps expression names a step that is not in the workflow",
      "EXPR-4"),
  UNKNOWN_OUTPUT("unknown-output", Severity.ERROR, "an expression names an output the step does not declare",
      "EXPR-5"),
  UNKNOWN_INPUT("unknown-input", Severity.ERROR, "an $inputs expression names an input the workflow does not declare",
      "EXPR-5"),
  OUTPUT_BEFORE_STEP("output-before-step", Severity.ERROR,
      "a step's outputs are read where that step cannot (error) or may not (warning) have run", "EXPR-4", "D-47",
      "D-48"),
  UNREACHABLE_STEP("unreachable-step", Severity.WARNING, "no path from the first step reaches a step"),
  ENDLESS_LOOP("endless-loop", Severity.WARNING, "steps loop through gotos without criteria", "D-19"),
  UNKNOWN_GOTO_TARGET("unknown-goto-target", Severity.ERROR, "a goto action names a step that is not in the workflow",
      "SA-3", "FA-3"),
  INVALID_ACTION("invalid-action", Severity.ERROR, "an action's fields do not fit its type", "SA-2", "FA-2", "FA-4"),
  MALFORMED_CONDITION("malformed-condition", Severity.ERROR, "a criterion's condition does not parse", "CRIT-3",
      "CRIT-5", "CRIT-7", "CRIT-8"),
  JSONPATH_COMPARISON("jsonpath-comparison", Severity.WARNING,
      "a jsonpath criterion written as a comparison (seed dialect)", "CRIT-5", "D-7"),
  // Generated code
  NAME_COLLISION("name-collision", Severity.ERROR, "two ids map to the same Java name", "D-46"),
  INTERNAL_ERROR("internal-error", Severity.ERROR, "a bug in Weft; please report it with the stack trace");

  private final String id;
  private final Severity severity;
  private final String summary;
  private final List<String> rules;

  DiagnosticCode(String id, Severity severity, String summary, String... rules) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
    this.rules = List.of(rules);
  }

  /** The stable kebab-case id printed in brackets. */
  public String id() {
    return id;
  }

  /** The severity a diagnostic of this code has unless a check says otherwise. */
  public Severity defaultSeverity() {
    return severity;
  }

  /** One line on what the code means. */
  public String summary() {
    return summary;
  }

  /** The ARAZZO-CHECKLIST rule ids this code enforces. */
  public List<String> rules() {
    return rules;
  }
}
