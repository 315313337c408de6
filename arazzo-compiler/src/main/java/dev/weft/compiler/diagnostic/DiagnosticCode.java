package dev.weft.compiler.diagnostic;

import java.util.List;

/**
 * The catalogue of diagnostic codes, each with its one severity. Ids are stable: released ones are never
 * renamed or reused, since users and tests depend on them. Each is documented in {@code
 * docs/diagnostics.md}, with the specification rule or the reason behind its severity.
 */
public enum DiagnosticCode {
    // Reading documents
    MISSING_FILE("missing-file", Severity.ERROR, "a document or source description file does not exist", "FMT-6"),
    MALFORMED_YAML("malformed-yaml", Severity.ERROR, "the file is not well-formed YAML or JSON", "FMT-1", "FMT-3"),
    NOT_AN_OBJECT("not-an-object", Severity.ERROR, "the document root is not an object", "FMT-1"),
    UNSUPPORTED_VERSION(
            "unsupported-version", Severity.ERROR, "the arazzo version is not a 1.0.x version", "DOC-1", "D-30"),
    MISSING_FIELD(
            "missing-field",
            Severity.ERROR,
            "a required field is absent",
            "DOC-1",
            "DOC-2",
            "DOC-3",
            "DOC-4",
            "INFO-1",
            "INFO-2",
            "SRC-1",
            "SRC-3",
            "WF-1",
            "WF-5",
            "STEP-1",
            "PARAM-2",
            "PARAM-6",
            "BODY-3",
            "BODY-4",
            "CRIT-1",
            "CRIT-9",
            "SA-1",
            "FA-1"),
    WRONG_TYPE(
            "wrong-type",
            Severity.ERROR,
            "a field holds a value of the wrong JSON type",
            "INFO-2",
            "WF-3",
            "WF-9",
            "STEP-12",
            "STEP-13",
            "STEP-14",
            "FA-4",
            "COMP-1"),
    UNKNOWN_FIELD(
            "unknown-field",
            Severity.ERROR,
            "a field the specification does not define",
            "FMT-2",
            "FMT-4",
            "COMP-1",
            "REUSE-3"),
    RESERVED_EXTENSION(
            "reserved-extension",
            Severity.WARNING,
            "an extension field uses a prefix the specification reserves",
            "FMT-5"),
    IGNORED_FIELD(
            "ignored-field",
            Severity.WARNING,
            "a field that has no effect where it stands, and is ignored",
            "REUSE-4",
            "STEP-10",
            "SA-5",
            "FA-5"),
    EMPTY_LIST(
            "empty-list",
            Severity.ERROR,
            "a list that must hold at least one entry is empty",
            "DOC-3",
            "DOC-4",
            "WF-5",
            "STEP-12",
            "SA-4",
            "D-55"),
    EMPTY_CRITERIA(
            "empty-criteria",
            Severity.WARNING,
            "a failure action's criteria list is empty, which means it always matches",
            "FA-6",
            "D-55"),
    DUPLICATE_ID(
            "duplicate-id",
            Severity.ERROR,
            "two entries share a name or id that must be unique",
            "DOC-3",
            "DOC-4",
            "SRC-1",
            "WF-1",
            "WF-4",
            "WF-6",
            "WF-7",
            "WF-8",
            "STEP-1",
            "STEP-9",
            "STEP-13",
            "PARAM-1",
            "D-38",
            "D-60"),
    INVALID_NAME(
            "invalid-name",
            Severity.ERROR,
            "a name or key does not match the pattern the specification or its schema requires",
            "SRC-2",
            "WF-9",
            "STEP-14",
            "COMP-1"),
    NONSTANDARD_ID(
            "nonstandard-id",
            Severity.WARNING,
            "a workflowId or stepId does not match the recommended ^[A-Za-z0-9_-]+$",
            "WF-2",
            "STEP-2"),
    UNKNOWN_COMPONENT(
            "unknown-component",
            Severity.ERROR,
            "a reusable object's reference names no component of the right section",
            "WF-6",
            "WF-7",
            "WF-8",
            "STEP-13",
            "COMP-2",
            "REUSE-1",
            "REUSE-2",
            "D-39"),
    INVALID_SCHEMA(
            "invalid-schema",
            Severity.ERROR,
            "a workflow's inputs are not a valid JSON Schema",
            "WF-3",
            "D-41",
            "D-42"),
    INVALID_VALUE(
            "invalid-value",
            Severity.ERROR,
            "a field holds a value outside the allowed set",
            "SRC-4",
            "PARAM-3",
            "CRIT-2",
            "CRIT-9",
            "SA-1",
            "FA-1",
            "D-31",
            "BODY-3"),
    // Source descriptions and step targets
    INVALID_SOURCE_DESCRIPTION(
            "invalid-source-description",
            Severity.ERROR,
            "a source description cannot be read as OpenAPI",
            "SRC-3",
            "D-27",
            "D-28",
            "D-54"),
    UNKNOWN_SOURCE(
            "unknown-source",
            Severity.ERROR,
            "a reference names a source description that does not exist",
            "WF-4",
            "STEP-5",
            "STEP-6"),
    INVALID_STEP_TARGET(
            "invalid-step-target",
            Severity.ERROR,
            "a step does not name exactly one of operationId, operationPath and workflowId",
            "STEP-3"),
    INVALID_OPERATION_PATH(
            "invalid-operation-path",
            Severity.ERROR,
            "an operationPath is malformed or does not end at an operation",
            "STEP-6"),
    MALFORMED_ASYNCAPI(
            "malformed-asyncapi",
            Severity.ERROR,
            "an AsyncAPI source is not an AsyncAPI 3 document Weft can read",
            "ASYNC-1"),
    UNKNOWN_CHANNEL(
            "unknown-channel", Severity.ERROR, "a channelPath names no channel of an AsyncAPI source", "ASYNC-2"),
    ASYNC_ACTION_MISMATCH(
            "async-action-mismatch",
            Severity.WARNING,
            "an AsyncAPI step's action is the AsyncAPI application's own on that operation",
            "ASYNC-3"),
    INVALID_ASYNC_STEP(
            "invalid-async-step",
            Severity.ERROR,
            "AsyncAPI step fields where they do not apply, or an AsyncAPI step without them",
            "ASYNC-4"),
    MISSING_CORRELATION_LOCATION(
            "missing-correlation-location",
            Severity.ERROR,
            "a receive step's correlationId has no location to compare it at",
            "ASYNC-5"),
    UNKNOWN_OPERATION(
            "unknown-operation",
            Severity.ERROR,
            "an operationId is not in any source description",
            "STEP-4",
            "STEP-5",
            "D-54"),
    AMBIGUOUS_OPERATION(
            "ambiguous-operation",
            Severity.ERROR,
            "a bare operationId is found in several source descriptions",
            "STEP-5",
            "D-25"),
    UNQUALIFIED_OPERATION(
            "unqualified-operation",
            Dialect.WARNING_UNLESS_STRICT,
            "a bare operationId is used although several source descriptions exist",
            "STEP-5",
            "D-25"),
    UNKNOWN_WORKFLOW(
            "unknown-workflow",
            Severity.ERROR,
            "a workflowId (step, action or dependsOn) names no workflow",
            "FMT-7",
            "WF-4",
            "STEP-8",
            "SA-3",
            "FA-3",
            "EXPR-5",
            "D-16"),
    MISSING_WORKFLOW_INPUT(
            "missing-workflow-input",
            Severity.WARNING,
            "a called workflow requires an input that the call does not supply",
            "D-18"),
    DEPENDENCY_CYCLE(
            "dependency-cycle",
            Severity.ERROR,
            "workflows, or (1.1) the steps of a workflow, depend on each other through dependsOn in a cycle",
            "WF-4",
            "D-17"),
    FORWARD_STEP_REFERENCE(
            "forward-step-reference",
            Severity.ERROR,
            "(1.1) a step reads the outputs of a later step in a workflow that declares no step dependsOn",
            "ARZ-4"),
    UNSUPPORTED_FEATURE(
            "unsupported-feature",
            Severity.ERROR,
            "the document uses a feature this version of Weft cannot compile yet",
            "CRIT-9",
            "D-33"),
    PREFER_OPERATION_ID(
            "prefer-operation-id",
            Severity.WARNING,
            "an operationPath names an operation that has an operationId",
            "STEP-7"),
    UNQUALIFIED_WORKFLOW(
            "unqualified-workflow",
            Dialect.WARNING_UNLESS_STRICT,
            "a 1.0.0 document calls a workflow of its only arazzo source without qualifying it (dialect)",
            "D-31"),
    // Parameters and bodies
    MISSING_PATH_PARAMETER(
            "missing-path-parameter",
            Severity.WARNING,
            "a path parameter the operation requires is never given",
            "PARAM-7"),
    UNKNOWN_PARAMETER(
            "unknown-parameter",
            Severity.WARNING,
            "a parameter the operation (or the called workflow) does not declare",
            "PARAM-5",
            "PARAM-7",
            "PARAM-8"),
    MISSING_PARAMETER_LOCATION(
            "missing-parameter-location", Severity.ERROR, "a parameter of an operation step has no 'in'", "PARAM-4"),
    MISSING_PARAMETER(
            "missing-parameter",
            Severity.WARNING,
            "a required query, header or cookie parameter of the operation is never given",
            "PARAM-8"),
    MISSING_CREDENTIAL(
            "missing-credential",
            Severity.WARNING,
            "the operation requires a credential (its OpenAPI security) and the step sends none it accepts"),
    DISCOURAGED_REQUEST_BODY(
            "discouraged-request-body", Severity.WARNING, "a request body is sent with GET, HEAD or DELETE", "STEP-11"),
    MISSING_REQUEST_BODY(
            "missing-request-body", Severity.WARNING, "the operation requires a request body and the step has none"),
    MISSING_CONTENT_TYPE(
            "missing-content-type",
            Severity.WARNING,
            "a request body's media type is not given and the operation does not settle it",
            "BODY-1",
            "D-52"),
    REQUEST_BODY_MISMATCH(
            "request-body-mismatch",
            Severity.WARNING,
            "a literal request body certainly does not fit the operation's request schema"),
    PARAMETER_VALUE_MISMATCH(
            "parameter-value-mismatch",
            Severity.WARNING,
            "a literal parameter value certainly does not fit the parameter's schema"),
    // Expressions and criteria
    MALFORMED_EXPRESSION(
            "malformed-expression",
            Severity.ERROR,
            "a runtime expression does not parse",
            "WF-9",
            "STEP-14",
            "CRIT-4",
            "EXPR-1"),
    BARE_EXPRESSION(
            "bare-expression",
            Dialect.WARNING_UNLESS_STRICT,
            "an unbraced expression inside a longer string (seed dialect)",
            "EXPR-6",
            "D-6"),
    FOREIGN_EXPRESSION(
            "foreign-expression",
            Dialect.WARNING_UNLESS_STRICT,
            "a tool's own expression ($faker, $datetime) or a root Arazzo does not define; sent as literal text",
            "EXPR-1"),
    MEMBER_ACCESS(
            "member-access",
            Dialect.WARNING_UNLESS_STRICT,
            "a dotted name reads a member of an input or output outside a condition ($inputs.a.b)",
            "EXPR-5"),
    CHANNEL_PARAMETER(
            "channel-parameter",
            Dialect.WARNING_UNLESS_STRICT,
            "an 'in: path' parameter fills an AsyncAPI channel address parameter, which Arazzo 1.1 does not define",
            "ASYNC-4"),
    DOTTED_ID(
            "dotted-id",
            Dialect.WARNING_UNLESS_STRICT,
            "a step, workflow or source id with a dot in an Arazzo 1.1 expression (the grammar's identifier-strict)",
            "EXPR-1"),
    SELF_WITHOUT_FIELD(
            "self-without-field",
            Severity.WARNING,
            "$self in a document without a $self field: its value is the URI it was read from",
            "EXPR-1"),
    EXPRESSION_OUT_OF_SCOPE(
            "expression-out-of-scope",
            Severity.ERROR,
            "an expression is used where its value does not exist",
            "EXPR-3"),
    UNKNOWN_STEP(
            "unknown-step",
            Severity.ERROR,
            "a $steps expression names a step that is not in the workflow",
            "EXPR-4",
            "D-47"),
    UNKNOWN_OUTPUT(
            "unknown-output",
            Severity.ERROR,
            "an expression names an output the step or workflow does not declare",
            "EXPR-5"),
    UNKNOWN_INPUT(
            "unknown-input",
            Severity.ERROR,
            "an $inputs expression names an input the workflow's inputs schema excludes",
            "EXPR-5"),
    UNLISTED_INPUT(
            "unlisted-input",
            Severity.WARNING,
            "an $inputs expression names an input the inputs schema does not list (but does not exclude)",
            "EXPR-5"),
    UNKNOWN_REQUEST_PARAMETER(
            "unknown-request-parameter",
            Severity.ERROR,
            "a $request.path|query|header expression names a parameter the operation does not declare",
            "EXPR-2"),
    WORKFLOW_NOT_RUN(
            "workflow-not-run",
            Severity.WARNING,
            "a $workflows expression reads a workflow that nothing in the document runs",
            "D-16"),
    UNKNOWN_RESPONSE_POINTER(
            "unknown-response-pointer",
            Severity.WARNING,
            "a $response.body pointer leads nowhere in the schemas of the responses the step can succeed with"),
    UNDECLARED_STATUS(
            "undeclared-status",
            Severity.WARNING,
            "a success criterion admits only status codes the operation declares no response for"),
    NO_RESPONSE_CONTENT(
            "no-response-content",
            Severity.WARNING,
            "a $response.body read on a step whose admitted responses declare no content"),
    UNHANDLED_ENUM_VALUE(
            "unhandled-enum-value",
            Severity.WARNING,
            "a value of a response enum the step's actions branch on matches none of them"),
    OUTPUT_BEFORE_STEP(
            "output-before-step",
            Severity.WARNING,
            "a step's outputs are read where that step cannot, or may not, have run",
            "EXPR-4",
            "D-47",
            "D-48"),
    UNREACHABLE_STEP("unreachable-step", Severity.WARNING, "no path from the first step reaches a step"),
    ENDLESS_LOOP("endless-loop", Severity.WARNING, "steps loop through gotos without criteria", "D-19"),
    UNKNOWN_GOTO_TARGET(
            "unknown-goto-target",
            Severity.ERROR,
            "a goto action names a step that is not in the workflow",
            "SA-3",
            "FA-3"),
    INVALID_ACTION("invalid-action", Severity.ERROR, "an action's fields do not fit its type", "SA-2", "FA-2", "FA-4"),
    MALFORMED_CONDITION(
            "malformed-condition",
            Severity.ERROR,
            "a criterion's condition does not parse",
            "CRIT-3",
            "CRIT-5",
            "CRIT-6",
            "CRIT-7",
            "CRIT-8",
            "D-29",
            "D-32",
            "D-34"),
    JSONPATH_PITFALL(
            "jsonpath-pitfall",
            Severity.WARNING,
            "a valid JSONPath criterion that very likely does not test what it seems to",
            "CRIT-5"),
    JSONPATH_COMPARISON(
            "jsonpath-comparison",
            Dialect.WARNING_UNLESS_STRICT,
            "a jsonpath criterion written as a comparison (seed dialect)",
            "CRIT-5",
            "D-7"),
    GOESSNER_JSONPATH(
            "goessner-jsonpath",
            Dialect.WARNING_UNLESS_STRICT,
            "a Goessner JSONPath criterion, evaluated as the RFC 9535 query it translates to",
            "CRIT-9",
            "D-33"),
    MALFORMED_SELECTOR(
            "malformed-selector",
            Severity.ERROR,
            "a Selector Object's selector, or a replacement target, does not parse as its type and version",
            "SEL-2"),
    XPATH_ENGINE_MISSING(
            "xpath-engine-missing",
            Severity.ERROR,
            "an XPath needs XPath 2.0 or later and no engine for it is on the compiler's class path",
            "SEL-3"),
    XPATH_AS_1_0(
            "xpath-fallback",
            Severity.WARNING,
            "an XPath without a version is evaluated as XPath 1.0, as no XPath 3.1 engine is on the class path",
            "SEL-3"),
    SELECTOR_CONTEXT_MISMATCH(
            "selector-context-mismatch",
            Severity.WARNING,
            "a selector reads a response body of a kind it selects nothing from (XPath on JSON, JSONPath on XML)",
            "SEL-4"),
    REGEX_BACKTRACKING(
            "regex-backtracking",
            Severity.WARNING,
            "a regex criterion needs a backtracking engine and nests quantifiers or refers back"),
    // Generated code
    NAME_COLLISION(
            "name-collision", Severity.WARNING, "two ids map to the same Java name; they are named apart", "D-46"),
    DOCUMENT_PREFIX(
            "document-prefix",
            Severity.NOTE,
            "workflows of different documents in one package are named apart by their documents' names",
            "D-46"),
    SIZE_LIMIT("size-limit", Severity.ERROR, "a workflow needs more code than a Java method or class can hold"),
    INTERNAL_ERROR("internal-error", Severity.ERROR, "a bug in Weft; please report it with the stack trace");

    private final String id;
    private final Severity severity;
    private final boolean dialect;
    private final String summary;
    private final List<String> rules;

    DiagnosticCode(String id, Severity severity, String summary, String... rules) {
        this.id = id;
        this.severity = severity;
        this.dialect = false;
        this.summary = summary;
        this.rules = List.of(rules);
    }

    DiagnosticCode(String id, Dialect dialect, String summary, String... rules) {
        this.id = id;
        this.severity = Severity.WARNING;
        this.dialect = true;
        this.summary = summary;
        this.rules = List.of(rules);
    }

    /**
     * Marks a dialect code: a form the specification does not define (or forbids) that Weft accepts with a
     * warning, and that {@code strict} makes an error.
     */
    enum Dialect {
        WARNING_UNLESS_STRICT
    }

    /** The stable kebab-case id printed in brackets. */
    public String id() {
        return id;
    }

    /** The severity of this code without {@code strict}. */
    public Severity defaultSeverity() {
        return severity;
    }

    /**
     * The severity every diagnostic of this code has: the catalogue's, except that {@code strict} makes
     * dialect warnings errors. No check chooses another (one code, one severity).
     */
    public Severity severity(boolean strict) {
        return dialect && strict ? Severity.ERROR : severity;
    }

    /** Whether this is a dialect warning, which {@code strict} makes an error. */
    public boolean isDialect() {
        return dialect;
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
