package dev.weft.compiler.diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of message texts: every diagnostic's wording, each template tied to the code it is reported
 * under, so that wording is uniform and reviewable in one place and call sites pass only the values.
 *
 * <p>A template holds placeholders, {@code {name}}, filled in order of first appearance by the arguments of
 * {@link Diagnostics#report} or {@link #format}. A name (of a step, a field, a workflow...) stands in quotes,
 * {@code '{step}'}; only the phrase placeholders of {@link #PHRASES} stand bare, since their values are
 * phrases or fragments that carry their own quotes. Templates follow STYLE §2 rule 6: lowercase (or a
 * proper name such as Weft or JSONPath) at the start, no final period. {@code MessageTest} checks all of it.
 *
 * <p>A template without a code is a part: a syntax error that the checks report as {@code
 * malformed-expression} or {@code malformed-condition}, whichever holds the text, or a fragment of other
 * messages ({@link #DID_YOU_MEAN}). This catalogue is long on purpose: it is the one list of everything
 * Weft says.
 */
public enum Message {
    // reading: fields of Arazzo objects
    NOT_AN_OBJECT_VALUE(DiagnosticCode.WRONG_TYPE, "{object} must be an object, found {type}"),
    UNKNOWN_FIELD(DiagnosticCode.UNKNOWN_FIELD, "unknown field '{field}' in {object}{hint}"),
    LATER_VERSION_FIELD(" ('{field}' was added in Arazzo '{added}'; this document declares '{version}')"),
    ASYNC_FIELD(" ('{field}' belongs to Arazzo 1.1 AsyncAPI steps, which Weft does not compile yet)"),
    CASE_SENSITIVE_FIELD("; field names are case-sensitive; did you mean '{field}'?"),
    ALLOWED_FIELDS("; allowed: {list}"),
    IGNORED_REUSABLE_FIELD(
            DiagnosticCode.IGNORED_FIELD,
            "field '{field}' of a reusable object is ignored; only 'reference' (and 'value' for a parameter) count"),
    RESERVED_EXTENSION(
            DiagnosticCode.RESERVED_EXTENSION,
            "extension '{field}' uses a prefix the specification reserves (x-oai-, x-oas-, x-arazzo); choose another "
                    + "name"),
    MISSING_FIELD(DiagnosticCode.MISSING_FIELD, "{object} has no '{field}'"),
    NOT_A_STRING(DiagnosticCode.WRONG_TYPE, "'{field}' of {object} must be a string, found {type}{hint}"),
    QUOTE_IT("; quote it"),
    NOT_A_NUMBER(DiagnosticCode.WRONG_TYPE, "'{field}' of {object} must be a number, found {type}"),
    NUMBER_OUT_OF_RANGE(
            DiagnosticCode.INVALID_VALUE, "'{field}' of {object} must be a number from 0 to {max}, found {number}"),
    INTEGER_OUT_OF_RANGE(
            DiagnosticCode.INVALID_VALUE,
            "'{field}' of {object} must be an integer from {min} to {max}, found {number}"),
    NOT_AN_INTEGER(DiagnosticCode.WRONG_TYPE, "'{field}' of {object} must be an integer, found {type}"),
    NOT_AN_ARRAY(DiagnosticCode.WRONG_TYPE, "'{field}' of {object} must be an array, found {type}"),
    EMPTY_FIELD(DiagnosticCode.EMPTY_LIST, "'{field}' of {object} must have at least one entry"),
    INVALID_OUTPUT_NAME(DiagnosticCode.INVALID_NAME, "output name '{name}' must match ^[a-zA-Z0-9.\\-_]+$"),

    // reading: documents
    NOT_AN_OBJECT(DiagnosticCode.NOT_AN_OBJECT, "an Arazzo document must be an object, found {type}"),
    VERSION_NOT_A_STRING(
            DiagnosticCode.UNSUPPORTED_VERSION, "'arazzo' must be a string such as '1.0.1'; quote the version"),
    UNSUPPORTED_VERSION(
            DiagnosticCode.UNSUPPORTED_VERSION,
            "unsupported Arazzo version '{version}'; Weft supports 1.0.x (1.0.0, 1.0.1) and 1.1.x (1.1.0)"),
    LATER_VERSION_VALUE(
            DiagnosticCode.INVALID_VALUE,
            "{object} '{value}' was added in Arazzo '{added}'; this document declares '{version}'"),
    SELF_WITH_FRAGMENT(DiagnosticCode.INVALID_VALUE, "'$self' '{uri}' must not have a fragment; remove '{fragment}'"),
    SELF_NOT_A_URI(DiagnosticCode.INVALID_VALUE, "'$self' '{uri}' is not a URI-reference: {reason}"),
    MALFORMED_SELECTOR_XPATH(DiagnosticCode.MALFORMED_SELECTOR, "{reason}"),
    MALFORMED_SELECTOR_JSONPATH(
            DiagnosticCode.MALFORMED_SELECTOR, "selector '{selector}' is not an RFC 9535 JSONPath query: {reason}"),
    MALFORMED_SELECTOR_POINTER(
            DiagnosticCode.MALFORMED_SELECTOR, "selector '{selector}' is not a JSON Pointer (RFC 6901): {reason}"),
    TARGET_NOT_JSONPATH(
            DiagnosticCode.MALFORMED_SELECTOR,
            "replacement target '{target}' is not an RFC 9535 JSONPath query: {reason}"),
    TARGET_TYPE_MISMATCH(
            DiagnosticCode.INVALID_VALUE,
            "a replacement target of type '{type}' cannot apply to a '{mediaType}' body; {fix}"),
    UNTRANSLATABLE_GOESSNER_SELECTOR(
            DiagnosticCode.UNSUPPORTED_FEATURE,
            "Goessner JSONPath '{selector}' has no safe translation to RFC 9535 JSONPath, the only JSONPath Weft "
                    + "evaluates; write it as an RFC 9535 query with 'type: jsonpath'"),
    XPATH_ENGINE_MISSING(
            DiagnosticCode.XPATH_ENGINE_MISSING,
            "'{version}' needs an XPath engine the JDK lacks: add '{artifact}' (it brings '{saxon}') to the "
                    + "compiler's class path (the Maven plugin's or annotation processor's dependencies) and to the "
                    + "generated code's"),
    XPATH_NOT_1_0_WITHOUT_ENGINE(
            DiagnosticCode.XPATH_ENGINE_MISSING,
            "{reason}; without a '{version}' engine on the compiler's class path Weft evaluates XPath 1.0 only: add "
                    + "'{artifact}' (it brings '{saxon}') to the compiler's class path and the generated code's"),
    XPATH_AS_1_0(
            DiagnosticCode.XPATH_AS_1_0,
            "no '{version}' engine is on the compiler's class path, so this XPath is evaluated as XPath 1.0; add "
                    + "'{artifact}' (it brings '{saxon}') to evaluate it as the document's default version"),
    XPATH_SELECTOR_ON_JSON(
            DiagnosticCode.SELECTOR_CONTEXT_MISMATCH,
            "an XPath selector reads '{context}', which {operation} answers with JSON only ('{types}'); it selects "
                    + "nothing from JSON"),
    JSON_SELECTOR_ON_XML(
            DiagnosticCode.SELECTOR_CONTEXT_MISMATCH,
            "a {type} selector reads '{context}', which {operation} answers with XML only ('{types}'); it selects "
                    + "nothing from XML text"),
    UNKNOWN_SELECTOR_TYPE(DiagnosticCode.INVALID_VALUE, "selector type '{type}' is not jsonpath, xpath or jsonpointer"),
    UNKNOWN_EXPRESSION_VERSION(DiagnosticCode.INVALID_VALUE, "'{version}' is not a version of {type}; use {allowed}"),
    UNKNOWN_SOURCE_TYPE(
            DiagnosticCode.INVALID_VALUE, "source description type '{type}' is not 'openapi', 'asyncapi' or 'arazzo'"),
    UNKNOWN_STEP_ACTION(DiagnosticCode.INVALID_VALUE, "step action '{action}' is not 'send' or 'receive'"),
    INPUTS_NOT_A_SCHEMA(DiagnosticCode.WRONG_TYPE, "'inputs' must be a JSON Schema object, found {type}"),
    NOT_A_STRING_ITEM(DiagnosticCode.WRONG_TYPE, "expected a string, found {type}"),
    EMPTY_SUCCESS_CRITERIA(DiagnosticCode.EMPTY_LIST, "'successCriteria' must have at least one entry"),
    UNKNOWN_PARAMETER_LOCATION(
            DiagnosticCode.INVALID_VALUE, "parameter location '{in}' is not path, query, header or cookie{hint}"),
    USE_REQUEST_BODY("; use requestBody"),
    PARAMETER_WITHOUT_VALUE(DiagnosticCode.MISSING_FIELD, "parameter has no 'value'"),
    REPLACEMENT_WITHOUT_VALUE(DiagnosticCode.MISSING_FIELD, "payload replacement has no 'value'"),
    UNKNOWN_EXPRESSION_TYPE(
            DiagnosticCode.INVALID_VALUE,
            "the type of a criterion expression type object is jsonpath or xpath, not '{type}'"),
    UNKNOWN_CRITERION_TYPE(
            DiagnosticCode.INVALID_VALUE, "criterion type '{type}' is not simple, regex, jsonpath or xpath"),
    UNKNOWN_ACTION_TYPE(DiagnosticCode.INVALID_VALUE, "action type '{type}' is not {allowed}"),
    EMPTY_FAILURE_CRITERIA(
            DiagnosticCode.EMPTY_CRITERIA, "'criteria: []' of a failure action always matches; remove it to say so"),
    EMPTY_SUCCESS_ACTION_CRITERIA(
            DiagnosticCode.EMPTY_LIST,
            "'criteria' of a success action must have at least one entry; remove it to always match"),

    // reading: input schemas
    NOT_A_SCHEMA(
            DiagnosticCode.INVALID_SCHEMA, "{object} must be a JSON Schema (an object or a boolean), found {type}"),
    ENUM_NOT_AN_ARRAY(DiagnosticCode.INVALID_SCHEMA, "'enum' of {object} must be an array, found {type}"),
    TYPE_NOT_A_NAME(
            DiagnosticCode.INVALID_SCHEMA, "'type' of {object} must be a type name or an array of them, found {type}"),
    UNKNOWN_SCHEMA_TYPE(
            DiagnosticCode.INVALID_SCHEMA,
            "'{name}' is not a JSON Schema type{hint} (types: array, boolean, integer, null, number, object, string)"),
    REQUIRED_NOT_AN_ARRAY(
            DiagnosticCode.INVALID_SCHEMA, "'required' of {object} must be an array of property names, found {type}"),
    REQUIRED_NOT_NAMES(
            DiagnosticCode.INVALID_SCHEMA, "'required' of {object} must list property names (strings), found {type}"),
    NOT_SCHEMAS_BY_NAME(
            DiagnosticCode.INVALID_SCHEMA, "'{keyword}' of {object} must be an object of schemas, found {type}"),
    NOT_A_LIST_OF_SCHEMAS(
            DiagnosticCode.INVALID_SCHEMA,
            "'{keyword}' of {object} must be a non-empty array of schemas, found {type}"),
    REF_NOT_A_STRING(DiagnosticCode.INVALID_SCHEMA, "'$ref' of {object} must be a string, found {type}"),
    UNKNOWN_INPUTS_SCHEMA(
            DiagnosticCode.INVALID_SCHEMA, "'$ref' '{reference}' names no schema in 'components.inputs'{hint}"),
    REF_TO_NOTHING(DiagnosticCode.INVALID_SCHEMA, "'$ref' '{reference}' points at nothing in this document"),
    REF_TO_NO_FILE(
            DiagnosticCode.INVALID_SCHEMA,
            "'$ref' '{reference}' must be '#/components/inputs/<name>' or a relative file that exists"),
    SCHEMA_CYCLE(DiagnosticCode.INVALID_SCHEMA, "input schemas reference each other in a cycle: {cycle}"),

    // reading: components and references to them
    INVALID_COMPONENT_NAME(DiagnosticCode.INVALID_NAME, "component name '{name}' must match ^[a-zA-Z0-9.\\-_]+$"),
    VALUE_OF_ACTION_REFERENCE(
            DiagnosticCode.UNKNOWN_FIELD, "'value' of a reusable object applies only to parameter references"),
    MALFORMED_COMPONENT_REFERENCE(
            DiagnosticCode.UNKNOWN_COMPONENT,
            "reference '{reference}' must have the form '$components.{section}.<name>'"),
    INPUTS_COMPONENT_REFERENCE(
            DiagnosticCode.UNKNOWN_COMPONENT,
            "reference '{reference}' cannot be used in a reusable object; share input schemas with a JSON Schema "
                    + "'$ref: \"#/components/inputs/{key}\"' inside 'inputs'"),
    REFERENCE_TO_OTHER_SECTION(
            DiagnosticCode.UNKNOWN_COMPONENT,
            "reference '{reference}' points into '{section}' but must point into '{expected}'"),
    UNKNOWN_COMPONENT(
            DiagnosticCode.UNKNOWN_COMPONENT,
            "reference '{reference}' names no component '{key}' in 'components.{section}'"),

    // parts of many messages
    DID_YOU_MEAN("; did you mean '{suggestion}'?"),
    /** {@code list} names two or three, each quoted: 'a', 'b' or 'c'. */
    DID_YOU_MEAN_ONE_OF("; did you mean {list}?"),

    // resolving: workflows of this and other documents
    WORKFLOW_NOT_IN_DOCUMENT(
            DiagnosticCode.UNKNOWN_WORKFLOW, "workflow '{workflow}' is not in this document{hint}{fix}"),
    QUALIFY_TO_CALL("; to call the workflow of source '{source}' write '$sourceDescriptions.{source}.{workflow}'"),
    UNDECLARED_WORKFLOW_SOURCE(
            DiagnosticCode.UNKNOWN_SOURCE,
            "'{reference}' refers to source description '{source}', which is not declared"),
    WORKFLOW_SOURCE_IS_OPENAPI(
            DiagnosticCode.UNKNOWN_WORKFLOW,
            "source description '{source}' is an OpenAPI description, not an Arazzo document; workflows of other "
                    + "documents need a source of type 'arazzo'"),
    WORKFLOW_NOT_IN_SOURCE(
            DiagnosticCode.UNKNOWN_WORKFLOW, "workflow '{workflow}' is not in source description '{source}'{hint}"),
    UNQUALIFIED_WORKFLOW(
            DiagnosticCode.UNQUALIFIED_WORKFLOW,
            "workflow '{workflow}' is in source description '{source}'; Arazzo 1.0.1 requires "
                    + "'$sourceDescriptions.{source}.{workflow}'"),
    ARAZZO_SOURCE_NOT_A_FILE(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' must be a relative URL or a file URL to an Arazzo document; Weft never "
                    + "downloads at build time"),
    MALFORMED_ASYNCAPI(DiagnosticCode.MALFORMED_ASYNCAPI, "malformed AsyncAPI description '{file}': {reason}"),
    ASYNC_STEP_NEEDS_ASYNCAPI_SOURCE(
            DiagnosticCode.UNKNOWN_SOURCE,
            "step '{step}' names source '{source}', which is not a declared 'type: asyncapi' source{hint}"),
    MALFORMED_CHANNEL_PATH(
            DiagnosticCode.UNKNOWN_CHANNEL,
            "channelPath of step '{step}' must have the form '{$sourceDescriptions.<name>.url}#/channels/<channel>'"),
    UNKNOWN_CHANNEL(
            DiagnosticCode.UNKNOWN_CHANNEL,
            "step '{step}' refers to channel '{pointer}', which is not in AsyncAPI source '{source}'{hint}"),
    SEND_ON_SENDING_OPERATION(
            DiagnosticCode.ASYNC_ACTION_MISMATCH,
            "step '{step}' sends on operation '{operationId}', which the AsyncAPI application itself sends on channel"
                    + " '{channel}'; the workflow is its other party and usually receives there"),
    RECEIVE_ON_RECEIVING_OPERATION(
            DiagnosticCode.ASYNC_ACTION_MISMATCH,
            "step '{step}' receives on operation '{operationId}', which the AsyncAPI application itself receives on"
                    + " channel '{channel}' and which has no reply; the workflow usually sends there"),
    MISSING_SOURCE_FILE(
            DiagnosticCode.MISSING_FILE, "source description '{source}' points at '{file}', which does not exist"),

    // resolving: operations
    UNDECLARED_OPERATION_SOURCE(
            DiagnosticCode.UNKNOWN_SOURCE,
            "step '{step}' refers to source description '{source}', which is not declared{hint}"),
    UNKNOWN_OPERATION_IN_SOURCE(
            DiagnosticCode.UNKNOWN_OPERATION,
            "step '{step}' refers to operationId '{operationId}', which is not in '{source}'{hint}"),
    UNKNOWN_OPERATION(
            DiagnosticCode.UNKNOWN_OPERATION,
            "step '{step}' refers to operationId '{operationId}', which is not in any source description{hint}"),
    WEBHOOK(
            DiagnosticCode.UNKNOWN_OPERATION,
            "operationId '{operationId}' is a webhook of '{source}': the API calls it, a workflow cannot"),
    AMBIGUOUS_OPERATION(
            DiagnosticCode.AMBIGUOUS_OPERATION,
            "operationId '{operationId}' is declared by several source descriptions ({sources}); qualify it as "
                    + "'$sourceDescriptions.<name>.{operationId}'"),
    UNQUALIFIED_OPERATION(
            DiagnosticCode.UNQUALIFIED_OPERATION,
            "operationId '{operationId}' is not qualified although several source descriptions are declared; write "
                    + "'$sourceDescriptions.{source}.{operationId}'"),
    MALFORMED_OPERATION_PATH(
            DiagnosticCode.INVALID_OPERATION_PATH,
            "operationPath must have the form '{$sourceDescriptions.<name>.url}#/paths/<escaped path>/<method>'"),
    UNDECLARED_OPERATION_PATH_SOURCE(
            DiagnosticCode.UNKNOWN_SOURCE,
            "operationPath refers to source description '{source}', which is not declared"),
    OPERATION_PATH_NOT_TO_PATHS(
            DiagnosticCode.INVALID_OPERATION_PATH,
            "operationPath pointer '{pointer}' must point at '/paths/<escaped path>/<method>'"),
    OPERATION_PATH_TO_PATH_ITEM(
            DiagnosticCode.INVALID_OPERATION_PATH,
            "operationPath points at the path item '{path}', not at an operation; append the method, e.g. '/get'"),
    OPERATION_PATH_TO_PATH_ITEM_WRITE(
            DiagnosticCode.INVALID_OPERATION_PATH,
            "operationPath points at the path item '{path}', not at an operation; write {fix}"),
    OPERATION_PATH_TO_PATH_ITEM_WRITE_ONE_OF(
            DiagnosticCode.INVALID_OPERATION_PATH,
            "operationPath points at the path item '{path}', not at an operation; write one of {fix}"),
    OPERATION_ID_FIX("'operationId: {operationId}'"),
    METHOD_FIX("'/{method}' after it"),
    NO_OPERATION_AT_PATH(
            DiagnosticCode.INVALID_OPERATION_PATH, "operationPath '{pointer}' names no operation in '{source}'"),

    // checking: what expressions read in requests and responses
    UNKNOWN_RESPONSE_POINTER(
            DiagnosticCode.UNKNOWN_RESPONSE_POINTER,
            "'{expression}' leads nowhere in the response schemas of {operation}: {reason}"),
    NOT_AN_INDEX("{at} is an array, and '{token}' is not an index"),
    UNDECLARED_STATUS(
            DiagnosticCode.UNDECLARED_STATUS,
            "success criterion '{condition}' of step '{step}' admits no status the description declares: {operation} "
                    + "answers {list}"),
    NO_RESPONSE_CONTENT(
            DiagnosticCode.NO_RESPONSE_CONTENT,
            "'{expression}' reads the response body, but the responses step '{step}' succeeds with ({list}) declare "
                    + "no content"),
    UNHANDLED_SUCCESS_VALUE(
            DiagnosticCode.UNHANDLED_ENUM_VALUE,
            "'{value}' matches no action of step '{step}': {reason} ('{expression}' is one of {list})"),
    UNHANDLED_FAILURE_VALUE(
            DiagnosticCode.UNHANDLED_ENUM_VALUE,
            "'{value}' matches no failure action of step '{step}': {reason} ('{expression}' is one of {list})"),
    FALLS_THROUGH("the step falls through to '{step}'"),
    WORKFLOW_ENDS("the workflow ends"),
    STEP_FAILS("the step fails, and so does the workflow"),
    NO_PROPERTY("{at} has no property '{token}'{hint}"),
    NO_MEMBER("{at} is a {type}, which has no member '{token}'"),
    UNKNOWN_REQUEST_PARAMETER(
            DiagnosticCode.UNKNOWN_REQUEST_PARAMETER,
            "'{expression}' reads {in} parameter '{parameter}', which {operation} does not declare and step '{step}' "
                    + "does not send{hint}"),

    // checking: ids and names
    INVALID_SOURCE_NAME(DiagnosticCode.INVALID_NAME, "source description name '{name}' must match ^[A-Za-z0-9_-]+$"),
    NONSTANDARD_ID(
            DiagnosticCode.NONSTANDARD_ID, "{object} '{id}' does not match the recommended ^[A-Za-z0-9_-]+${hint}"),
    UNNAMEABLE_ID("; with whitespace or braces in it, no runtime expression can name it"),
    DUPLICATE_ID(DiagnosticCode.DUPLICATE_ID, "duplicate {object} '{id}' (first declared at line {line})"),
    MEMBER_NAME_COLLISION(
            DiagnosticCode.NAME_COLLISION,
            "{object} '{id}' and '{other}' (line {line}) both become the Java name '{name}'; this one is named "
                    + "'{renamed}'"),
    WORKFLOW_NAME_COLLISION(
            DiagnosticCode.NAME_COLLISION,
            "workflowId '{id}' and '{other}' (line {line}) {clash}; this one is generated as '{renamed}'"),
    DOCUMENT_PREFIX(
            DiagnosticCode.DOCUMENT_PREFIX,
            "workflow '{id}' and workflow '{other}' of '{file}' {clash} in one package; this one is generated as "
                    + "'{renamed}'"),
    SAME_JAVA_NAME("both become the Java name '{name}'"),
    SAME_FILE_NAME("become '{name}' and '{otherName}', one file where file names ignore case"),

    // checking: request bodies
    MISSING_REQUEST_BODY(
            DiagnosticCode.MISSING_REQUEST_BODY,
            "{operation} requires a request body, and step '{step}' sends none (the request goes without a body); "
                    + "add 'requestBody' with a 'payload'"),
    DISCOURAGED_REQUEST_BODY(
            DiagnosticCode.DISCOURAGED_REQUEST_BODY,
            "step '{step}' sends a request body with {method}, which servers may ignore"),
    NO_MEDIA_TYPE(
            DiagnosticCode.MISSING_CONTENT_TYPE,
            "step '{step}' sends a payload, but {operation} declares no request body media type, so Weft sends it as "
                    + "application/json; say which with 'contentType'"),
    SEVERAL_MEDIA_TYPES(
            DiagnosticCode.MISSING_CONTENT_TYPE,
            "{operation} accepts {list}, so Weft sends the payload of step '{step}' as the first, {mediaType}; say "
                    + "which with 'contentType'"),
    BODY_MISSING_PROPERTY(
            DiagnosticCode.REQUEST_BODY_MISMATCH,
            "the request body of step '{step}' has no '{pointer}', which {operation} requires; add it to the "
                    + "payload or set it with a replacement"),
    BODY_FORBIDDEN_PROPERTY(
            DiagnosticCode.REQUEST_BODY_MISMATCH,
            "the request body of step '{step}' has '{pointer}', which {operation} does not allow: its schema "
                    + "admits {expectation} there{hint}"),
    BODY_VALUE_MISMATCH(
            DiagnosticCode.REQUEST_BODY_MISMATCH,
            "the request body of step '{step}' has {given} at '{pointer}', where {operation} expects "
                    + "{expectation}{hint}"),
    PARAMETER_VALUE_MISMATCH(
            DiagnosticCode.PARAMETER_VALUE_MISMATCH,
            "step '{step}' sends {given} as {in} parameter '{parameter}', where {operation} expects "
                    + "{expectation}{hint}"),

    // checking: the flow between steps
    UNREACHABLE_STEP(
            DiagnosticCode.UNREACHABLE_STEP, "step '{step}' can never run: no path from the first step leads to it"),
    ENDLESS_LOOP(
            DiagnosticCode.ENDLESS_LOOP,
            "steps loop without end: {cycle} by gotos without criteria; only the poll policy's limits will stop it"),
    OWN_OUTPUT_BEFORE_CALL(
            DiagnosticCode.OUTPUT_BEFORE_STEP,
            "step '{step}' reads its own output before its first call, and no loop runs it before (the value is "
                    + "absent there)"),
    OUTPUT_MAY_BE_ABSENT(
            DiagnosticCode.OUTPUT_BEFORE_STEP,
            "step '{writer}' may not have run when step '{step}' reads its outputs: some path reaches '{step}' "
                    + "without it (the value is then absent)"),
    OUTPUT_ALWAYS_ABSENT(
            DiagnosticCode.OUTPUT_BEFORE_STEP,
            "step '{writer}' never runs before step '{step}', which reads its outputs (the value is always absent "
                    + "there)"),

    // checking: parameters
    MISSING_PARAMETER_LOCATION(
            DiagnosticCode.MISSING_PARAMETER_LOCATION,
            "parameter '{parameter}' of step '{step}' has no 'in'; say path, query, header or cookie"),
    NOT_A_PATH_VARIABLE(
            DiagnosticCode.UNKNOWN_PARAMETER,
            "path parameter '{parameter}' is not a variable of {operation}, so it is not sent{hint}"),
    UNDECLARED_PARAMETER(
            DiagnosticCode.UNKNOWN_PARAMETER,
            "{in} parameter '{parameter}' is not declared by {operation} (it is sent anyway){hint}"),
    MISSING_PATH_PARAMETER(
            DiagnosticCode.MISSING_PATH_PARAMETER,
            "step '{step}' gives no value for path parameter '{parameter}' of {operation}; without one the step "
                    + "fails at run time"),
    MISSING_CREDENTIAL(
            DiagnosticCode.MISSING_CREDENTIAL, "step '{step}' sends no credential that {operation} requires: {fix}"),
    MISSING_PARAMETER(
            DiagnosticCode.MISSING_PARAMETER,
            "step '{step}' gives no value for required {in} parameter '{parameter}' of {operation}"),

    // checking: step targets
    NOT_ONE_TARGET(
            DiagnosticCode.INVALID_STEP_TARGET,
            "step '{step}' must have exactly one of operationId, operationPath and workflowId, found {count}"),
    BODY_OF_WORKFLOW_STEP(
            DiagnosticCode.IGNORED_FIELD,
            "step '{step}' calls a workflow, which takes no requestBody; it is ignored (pass values as parameters)"),
    PREFER_OPERATION_ID(
            DiagnosticCode.PREFER_OPERATION_ID,
            "step '{step}' names {operation} by operationPath although it has operationId '{operationId}'; prefer "
                    + "'operationId: {reference}'"),
    TARGET_NOT_XPATH(
            DiagnosticCode.INVALID_VALUE,
            "replacement target '{target}' is not an XPath 1.0 expression, which an XML body needs"),
    TARGET_NOT_A_POINTER(
            DiagnosticCode.INVALID_VALUE,
            "replacement target '{target}' is not a JSON Pointer (RFC 6901), which a {mediaType} body needs; write "
                    + "it like '/items/0/id'"),

    // checking: calls between workflows
    IN_OF_ACTION_PARAMETER(
            DiagnosticCode.INVALID_VALUE,
            "a parameter of action '{action}' must not have 'in' (Arazzo 1.1): it is an input of the target workflow"),
    ACTION_PARAMETERS_WITHOUT_WORKFLOW(
            DiagnosticCode.IGNORED_FIELD,
            "action '{action}' names no workflowId, so its parameters go nowhere and are ignored"),
    IN_OF_WORKFLOW_STEP(
            DiagnosticCode.UNKNOWN_PARAMETER,
            "'in' is ignored on a parameter of a step that calls a workflow; parameters become its inputs by name"),
    UNKNOWN_CALLEE_INPUT(DiagnosticCode.UNKNOWN_PARAMETER, "workflow '{workflow}' declares no input '{input}'{hint}"),
    DUPLICATE_DEPENDENCY(DiagnosticCode.DUPLICATE_ID, "workflow '{workflow}' lists '{dependency}' in dependsOn twice"),
    MISSING_WORKFLOW_INPUT(
            DiagnosticCode.MISSING_WORKFLOW_INPUT,
            "{caller} does not supply input '{input}', which workflow '{workflow}' requires (the call fails at run "
                    + "time)"),
    CALLING_STEP("step '{step}'"),
    CALLING_ACTION("{type} action '{action}' (which passes the inputs of workflow '{workflow}' by name)"),
    CALLING_DEPENDENCY("dependsOn of workflow '{workflow}' (which passes its inputs by name)"),
    DEPENDENCY_CYCLE(DiagnosticCode.DEPENDENCY_CYCLE, "workflow '{workflow}' depends on itself: {cycle}"),
    QUERYSTRING_WITH_QUERY(
            DiagnosticCode.INVALID_VALUE,
            "parameter '{name}' ({in}) cannot go with querystring parameter '{querystring}' of step '{step}', which "
                    + "is the whole query string; put the pairs in the querystring value"),
    STEP_DEPENDENCY_CYCLE(
            DiagnosticCode.DEPENDENCY_CYCLE,
            "steps of workflow '{workflow}' depend on each other in a cycle (dependsOn and $steps reads): {cycle}"),
    MALFORMED_STEP_DEPENDENCY(
            DiagnosticCode.INVALID_VALUE,
            "dependsOn entry '{value}' is not a stepId, '$workflows.<workflowId>.steps.<stepId>' or "
                    + "'$sourceDescriptions.<name>.<workflowId>.steps.<stepId>'"),
    UNKNOWN_STEP_DEPENDENCY(
            DiagnosticCode.UNKNOWN_STEP,
            "dependsOn entry '{value}' names step '{step}', which is not in workflow '{workflow}'{hint}"),
    UNKNOWN_DEPENDENCY_WORKFLOW(
            DiagnosticCode.UNKNOWN_WORKFLOW,
            "dependsOn entry '{value}' names workflow '{workflow}', which is not in this document{hint}"),
    UNKNOWN_DEPENDENCY_SOURCE(
            DiagnosticCode.UNKNOWN_SOURCE,
            "dependsOn entry '{value}' names source description '{source}', which is not an arazzo source of "
                    + "this document"),
    DUPLICATE_STEP_DEPENDENCY(DiagnosticCode.DUPLICATE_ID, "step '{step}' lists '{dependency}' in dependsOn twice"),
    FORWARD_STEP_REFERENCE(
            DiagnosticCode.FORWARD_STEP_REFERENCE,
            "step '{step}' reads the outputs of step '{writer}', which comes later in the steps list and does not run "
                    + "before it; list '{writer}' in the dependsOn of '{step}' (Weft then runs it first) or move it"),

    // checking: actions
    UNKNOWN_GOTO_TARGET(
            DiagnosticCode.UNKNOWN_GOTO_TARGET,
            "{type} action '{action}' targets step '{step}', which is not in workflow '{workflow}'{hint}"),
    GOTO_NOT_ONE_TARGET(
            DiagnosticCode.INVALID_ACTION, "goto action '{action}' must have exactly one of stepId and workflowId"),
    RETRY_TWO_TARGETS(
            DiagnosticCode.INVALID_ACTION, "retry action '{action}' may have at most one of stepId and workflowId"),
    END_WITH_TARGET(DiagnosticCode.IGNORED_FIELD, "end action '{action}' ignores its stepId/workflowId"),
    RETRY_FIELDS_OF_OTHER_ACTION(
            DiagnosticCode.IGNORED_FIELD,
            "{type} action '{action}' ignores retryAfter and retryLimit; they apply to retry actions"),
    NEGATIVE_RETRY_AFTER(DiagnosticCode.INVALID_ACTION, "retryAfter must be a number of seconds >= 0"),
    NEGATIVE_RETRY_LIMIT(DiagnosticCode.INVALID_ACTION, "retryLimit must be an integer >= 0"),

    // checking: criteria
    CRITERION_WITHOUT_CONTEXT(
            DiagnosticCode.MALFORMED_CONDITION, "a criterion of type '{type}' needs a 'context'{hint}"),
    OR_REMOVE_SIMPLE_TYPE("; or remove 'type: simple'"),
    UNSUPPORTED_CRITERION_TYPE(DiagnosticCode.UNSUPPORTED_FEATURE, "criteria of type '{type}' are not supported yet"),
    UNKNOWN_TYPE_VERSION(
            DiagnosticCode.INVALID_VALUE, "unknown {type} version '{version}'; the specification defines {list}{hint}"),
    DURABLE_RETRY_HELPER(
            DiagnosticCode.UNSUPPORTED_FEATURE,
            "retry action '{action}' of step '{step}' runs {target} first, which the Temporal target cannot run "
                    + "durably: when that fails, the step's failure actions are chosen again on its failed "
                    + "response, which a durable run does not keep (no response enters its history); generate "
                    + "this workflow without the Temporal target, or retry the step alone"),
    DURABLE_WORKFLOW_STEP_TIMEOUT(
            DiagnosticCode.UNSUPPORTED_FEATURE,
            "step '{step}' calls workflow '{workflow}' with a timeout, which the Temporal target does not bound yet "
                    + "(a called workflow is a child workflow there); generate this workflow without the Temporal "
                    + "target, or move the timeout to the called workflow's operation steps"),
    UNTRANSLATABLE_GOESSNER(
            DiagnosticCode.UNSUPPORTED_FEATURE,
            "Goessner JSONPath '{condition}' has no safe translation to RFC 9535 JSONPath, the only JSONPath Weft "
                    + "evaluates; write it as an RFC 9535 query with 'type: jsonpath'"),
    GOESSNER_AS_IS(
            DiagnosticCode.GOESSNER_JSONPATH,
            "Goessner JSONPath ('{version}') is evaluated as the same RFC 9535 query, whose comparisons do not "
                    + "convert types{fix}"),
    GOESSNER_TRANSLATED(
            DiagnosticCode.GOESSNER_JSONPATH,
            "Goessner JSONPath ('{version}') is evaluated as the RFC 9535 query '{query}', whose comparisons do not "
                    + "convert types{fix}"),
    WRITE_AS_JSONPATH("; write 'type: jsonpath' with the condition '{query}'"),
    BRACED_CONDITION(DiagnosticCode.MALFORMED_CONDITION, "a condition is not written in braces; write '{condition}'"),
    REGEX_DOES_NOT_COMPILE(DiagnosticCode.MALFORMED_CONDITION, "regular expression does not compile: {reason}"),
    MALFORMED_XPATH(DiagnosticCode.MALFORMED_CONDITION, "{reason}"),
    JSONPATH_COMPARISON_AS_SIMPLE(
            DiagnosticCode.JSONPATH_COMPARISON,
            "jsonpath condition written as a comparison is not RFC 9535 JSONPath; Weft evaluates it as the simple "
                    + "condition '{condition}': write that as the condition, without 'type' and 'context'"),
    JSONPATH_COMPARISON(
            DiagnosticCode.JSONPATH_COMPARISON,
            "jsonpath condition written as a comparison is not RFC 9535 JSONPath; Weft evaluates its '$.…' operands "
                    + "as members of the context: write it as a simple condition on the context"),
    NOT_RFC_9535(DiagnosticCode.MALFORMED_CONDITION, "not an RFC 9535 JSONPath query: {reason}"),
    ROOT_FILTER_AS_SIMPLE(
            DiagnosticCode.JSONPATH_PITFALL,
            "'$[?...]' filters the context's children, not the context: on an object, '@' is each member's value; to "
                    + "test the context's own members, write the simple condition '{condition}', without 'type' and "
                    + "'context'"),
    ROOT_FILTER(
            DiagnosticCode.JSONPATH_PITFALL,
            "'$[?...]' filters the context's children, not the context: on an object, '@' is each member's value; to "
                    + "test a member of the context, write a simple condition on it"),
    NOT_NULL_FILTER(DiagnosticCode.JSONPATH_PITFALL, "'{test}' is also true when the member is missing{fix}"),
    SIMPLE_CONDITION_FALSE_WHEN_MISSING(
            "; write the simple condition '{condition}', without 'type' and 'context', which is false when it is "
                    + "missing"),
    TEST_EXISTENCE("; test existence with '{test}' instead"),
    MALFORMED_CONDITION(DiagnosticCode.MALFORMED_CONDITION, "{error}"),

    // checking: what expressions read
    OUTPUTS_OUTSIDE_CALL(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' is only available after a step that calls a workflow (in its criteria and outputs); "
                    + "elsewhere use '$steps.<stepId>.outputs.{output}'"),
    UNKNOWN_WORKFLOW_VALUE(
            DiagnosticCode.UNKNOWN_WORKFLOW,
            "'{expression}' refers to workflow '{workflow}', which is not in this document{hint}"),
    LATER_VERSION_EXPRESSION(
            DiagnosticCode.MALFORMED_EXPRESSION,
            "'{expression}' is in the runtime-expression grammar of Arazzo '1.1'; this document declares"
                    + " '{version}'"),
    POINTER_BRACES(
            DiagnosticCode.MALFORMED_EXPRESSION,
            "the JSON pointer of '{expression}' holds '{' or '}', which the Arazzo 1.1 grammar excludes from"
                    + " pointers (1.0.1 allows them)"),
    DOTTED_ID(
            DiagnosticCode.DOTTED_ID,
            "'{expression}' names id '{id}', which has a dot; the Arazzo 1.1 grammar's ids are"
                    + " identifier-strict ([A-Za-z0-9_-]+); Weft reads it as written"),
    SELF_WITHOUT_FIELD(
            DiagnosticCode.SELF_WITHOUT_FIELD,
            "'$self' reads the document's '$self' field, which it does not have: the value is the URI the"
                    + " document was read from, '{uri}'; add a '$self' field"),
    SOURCE_FIELD_UNKNOWN(
            DiagnosticCode.UNKNOWN_SOURCE,
            "'{expression}' names no operationId or workflowId of source '{source}' nor a field of its Source"
                    + " Description Object (name, url, type){hint}"),
    SOURCE_REFERENCE_UNDECLARED(
            DiagnosticCode.UNKNOWN_SOURCE,
            "'{expression}' names source description '{source}', which is not declared{hint}"),
    SOURCE_DESCRIPTION_AS_VALUE(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' names a source description, not a value; it is only allowed in operationId, "
                    + "operationPath and workflowId"),
    COMPONENT_AS_VALUE(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' is only allowed as the 'reference' of a reusable object"),
    RESPONSE_VALUE_OF_WORKFLOW_STEP(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' does not exist for a step that calls a workflow; read the called workflow's outputs with "
                    + "'$outputs.<name>'"),
    MESSAGE_OUTSIDE_ASYNC_STEP(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' exists only after an AsyncAPI step sent or received its message (in its"
                    + " successCriteria, action criteria and outputs)"),
    RESPONSE_VALUE_OF_ASYNC_STEP(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' does not exist for an AsyncAPI step, which has no HTTP exchange; read the message with"
                    + " '$message.payload#/<pointer>' or '$message.header.<name>'"),
    OPERATION_PATH_AS_OPERATION_ID(
            DiagnosticCode.INVALID_OPERATION_PATH,
            "operationPath '{text}' of step '{step}' is no JSON Pointer reference"
                    + " ('{$sourceDescriptions.<name>.url}#/...'): it names an operation as an operationId does;"
                    + " write 'operationId: {text}'"),
    ASYNC_FIELD_OUTSIDE_ASYNC_STEP(
            DiagnosticCode.INVALID_ASYNC_STEP,
            "'{field}' of step '{step}' applies to AsyncAPI steps only (Arazzo 1.1), not to {object}"),
    ASYNC_STEP_WITHOUT_ACTION(
            DiagnosticCode.INVALID_ASYNC_STEP,
            "step '{step}' is an AsyncAPI step: it must have 'action: send' or 'action: receive'"),
    ASYNC_STEP_TWO_TARGETS(
            DiagnosticCode.INVALID_ASYNC_STEP,
            "step '{step}' is an AsyncAPI step: it must have exactly one of operationId and channelPath"),
    CORRELATION_ID_ON_SEND(
            DiagnosticCode.INVALID_ASYNC_STEP,
            "correlationId of step '{step}' applies to 'action: receive' only; a send sets it as a header parameter"),
    CHANNEL_PARAMETER(
            DiagnosticCode.CHANNEL_PARAMETER,
            "parameter '{name}' fills the address parameter of channel address '{address}': Arazzo 1.1 defines"
                    + " no channel parameters, so Weft reads 'in: path' as one, as a path's variables"),
    MISSING_CHANNEL_PARAMETER(
            DiagnosticCode.INVALID_ASYNC_STEP,
            "step '{step}' uses channel address '{address}' and gives no value for its parameter '{name}'; add"
                    + " a parameter 'in: path' named '{name}'"),
    ASYNC_PARAMETER_NOT_HEADER(
            DiagnosticCode.INVALID_ASYNC_STEP,
            "parameter '{name}' of AsyncAPI step '{step}' is 'in: {in}'; a message has headers only ('in: header')"),
    NO_CORRELATION_LOCATION(
            DiagnosticCode.MISSING_CORRELATION_LOCATION,
            "step '{step}' has a correlationId, but no message of channel '{channel}' declares a 'correlationId'"
                    + " location in the AsyncAPI description"),
    UNSUPPORTED_CORRELATION_LOCATION(
            DiagnosticCode.MISSING_CORRELATION_LOCATION,
            "correlationId location '{location}' of channel '{channel}' is not '$message.header#/<name>' or"
                    + " '$message.payload#/<pointer>'"),
    RESPONSE_VALUE_BEFORE_REQUEST(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' cannot be used before the step's request is sent; it exists only after an operation "
                    + "step's call (in its successCriteria, action criteria and outputs)"),
    RESPONSE_VALUE_IN_WORKFLOW_OUTPUTS(
            DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
            "'{expression}' cannot be used in workflow outputs; it exists only after an operation step's call (in "
                    + "its successCriteria, action criteria and outputs)"),
    NO_INPUTS_DECLARED(
            DiagnosticCode.UNLISTED_INPUT,
            "'{expression}' reads an input, but workflow '{workflow}' declares no inputs (the value is absent)"),
    UNLISTED_INPUT(
            DiagnosticCode.UNLISTED_INPUT,
            "workflow '{workflow}' declares no input '{input}'{hint} (its inputs schema admits unlisted ones; the "
                    + "value is absent unless a caller passes it)"),
    UNKNOWN_INPUT(
            DiagnosticCode.UNKNOWN_INPUT,
            "workflow '{workflow}' declares no input '{input}'{hint} (its inputs schema has additionalProperties: "
                    + "false)"),
    MEMBER_ACCESS(
            DiagnosticCode.MEMBER_ACCESS,
            "'{expression}' reads member '{member}' of {object} with a dot, which only conditions allow; Weft reads "
                    + "the member; write '{fix}'"),
    INPUT_OBJECT("input '{input}'"),
    STEP_OUTPUT_OBJECT("output '{output}' of step '{step}'"),
    UNKNOWN_STEP(
            DiagnosticCode.UNKNOWN_STEP,
            "'{expression}' refers to step '{step}', which is not in workflow '{workflow}'{hint}"),
    UNKNOWN_STEP_OUTPUT(DiagnosticCode.UNKNOWN_OUTPUT, "step '{step}' has no output '{output}'{hint}"),
    DECLARES_NO_OUTPUTS("; it declares no outputs"),
    UNKNOWN_WORKFLOW_OUTPUT(DiagnosticCode.UNKNOWN_OUTPUT, "workflow '{workflow}' declares no output '{output}'{fix}"),
    UNLISTED_WORKFLOW_INPUT(DiagnosticCode.UNLISTED_INPUT, "workflow '{workflow}' declares no input '{input}'{fix}"),
    UNKNOWN_WORKFLOW_INPUT(DiagnosticCode.UNKNOWN_INPUT, "workflow '{workflow}' declares no input '{input}'{fix}"),
    READ_A_MEMBER("; to read a member of '{name}' write '$workflows.{workflow}.{kind}.{name}#/{pointer}'"),
    WORKFLOW_NOT_RUN(
            DiagnosticCode.WORKFLOW_NOT_RUN,
            "'{expression}' reads the latest run of workflow '{workflow}', but nothing in this document runs it "
                    + "(dependsOn, a workflow step or a goto); the value will be absent"),

    // checking: expressions in values
    BARE_EXPRESSION(
            DiagnosticCode.BARE_EXPRESSION,
            "'{expression}' inside a string is not an expression by the Arazzo spec; write '{{expression}}'"),
    RESPECT_EXPRESSION(
            DiagnosticCode.FOREIGN_EXPRESSION,
            "'{expression}' is a Redocly Respect expression, not an Arazzo one; Weft sends the text as written{hint}"),
    FOREIGN_EXPRESSION(
            DiagnosticCode.FOREIGN_EXPRESSION,
            "'{expression}' is not an Arazzo expression: Arazzo defines no root '${root}'; Weft sends the text as "
                    + "written{hint}"),
    MALFORMED_EXPRESSION(DiagnosticCode.MALFORMED_EXPRESSION, "{error}"),

    // generating: what Java can hold
    TOO_MANY_STEPS(
            DiagnosticCode.SIZE_LIMIT,
            "workflow '{workflow}' has {count} steps (counting a step per goto target workflow and per retry action "
                    + "that runs another step first); a generated class holds at most {max}, as its switch over the "
                    + "steps must fit one Java method (64 KB of bytecode): split it into workflows that call each "
                    + "other"),
    TOO_MANY_INPUTS(
            DiagnosticCode.SIZE_LIMIT,
            "workflow '{workflow}' has {count} inputs; its Inputs record holds at most {max} (a Java constructor "
                    + "takes at most 255 parameters): group inputs into object-typed inputs"),
    TOO_MANY_OUTPUTS(
            DiagnosticCode.SIZE_LIMIT,
            "workflow '{workflow}' has {count} outputs; its Outputs record holds at most {max} (a Java constructor "
                    + "takes at most 255 parameters): return objects instead"),
    TOO_MANY_PATTERNS(
            DiagnosticCode.SIZE_LIMIT,
            "workflow '{workflow}' has {count} distinct regex, JSONPath and XPath criteria (a retry action "
                    + "counting as {number}); a generated class compiles at most {max} once, in its static "
                    + "initializer (64 KB of bytecode): split it into workflows that call each other"),
    METHOD_TOO_LARGE(
            DiagnosticCode.SIZE_LIMIT,
            "{object} needs {count} units of generated code (values, template parts, parameters, criteria terms); "
                    + "one Java method holds at most {max} (64 KB of bytecode): split the step, or pass a large "
                    + "payload as an input or as a string, which is sent as written"),
    CLASS_TOO_LARGE(
            DiagnosticCode.SIZE_LIMIT,
            "workflow '{workflow}' needs {count} units of generated code; one Java class holds at most {max} (65,535 "
                    + "constants): split it into workflows that call each other"),

    // Weft itself
    INTERNAL_ERROR(
            DiagnosticCode.INTERNAL_ERROR,
            "Weft failed on this file; please report it with this stack trace:\n{stackTrace}"),

    // parts: syntax errors in runtime expressions (reported as malformed-expression or malformed-condition)
    EMPTY_EXPRESSION("empty expression"),
    BRACED_EXPRESSION("unexpected '{'; write the expression without braces: '{expression}'"),
    MEMBERS_OF_WHOLE_BODY("unexpected '{rest}' after '{expression}'; use '{expression}#{pointer}'"),
    UNEXPECTED_AFTER("unexpected {character} after '{expression}'"),
    EMBED_IN_TEXT("; write '{{expression}}' to embed it in text"),
    END_EXPRESSION_THERE("; write '{{expression}}' to end the expression there"),
    MISSING_CLOSING_BRACE("missing '}' after '{text}'"),
    EXPECTED_DOLLAR("expected '$' at the start of a runtime expression"),
    EXPECTED_ROOT("expected an expression root such as '$inputs' after '$'"),
    UNKNOWN_ROOT("unknown expression root '${root}'{hint}"),
    RESPONSE_QUERY_OR_PATH("'$response.{field}' is not an expression; use '$request.{field}.<name>'"),
    RESPONSE_STATUS_CODE("'$response.statusCode' is not an expression; use '$statusCode'"),
    MESSAGE_PAYLOAD_DOT("a payload is read with a JSON pointer: write '{expression}'"),
    MESSAGE_BODY("a message has a payload, not a body: write '$message.payload'"),
    EXPECTED_INPUTS_OR_OUTPUTS("expected '.inputs.' or '.outputs.' after '{text}'"),
    COMPONENTS_INPUTS("'$components.inputs' cannot be referenced; share input schemas with a JSON Schema '$ref'"),
    EXPECTED_SLASH("expected '/' after '#'; write '#/{pointer}'"),
    EXPECTED_AFTER("expected {allowed} after '{text}'"),
    UNKNOWN_EXPRESSION_FIELD("unknown field '{prefix}{field}'{hint}"),
    UNKNOWN_EXPRESSION_FIELD_EXPECTED("unknown field '{prefix}{field}'; expected {allowed} after '{prefix}'"),
    EXPECTED_DOT("expected '.' after '{text}'"),
    EMPTY_NAME("empty {item} after '{text}'"),
    EXPECTED_NAME("expected a {item} after '{text}', found '{char}'"),
    POINTER_WITHOUT_SLASH("a JSON pointer must start with '/'"),
    POINTER_ESCAPE("invalid escape '{escape}'; use '~0' for '~' and '~1' for '/'"),
    TOO_MANY_ACCESSORS("an operand may have at most {max} accessors ('.name' or '[index]'); use a JSON pointer, as in "
            + "'$response.body#/a/b/c'"),

    // parts: syntax errors in conditions (reported as malformed-condition)
    EMPTY_CONDITION("empty condition"),
    SINGLE_EQUALS("unexpected '='; use '==' to compare"),
    BRACED_CONDITION_TEXT("a condition is not written in braces; remove '{' and '}'"),
    UNEXPECTED_BRACE("unexpected '{'"),
    UNEXPECTED_CHARACTER("unexpected {character}"),
    UNTERMINATED_STRING_LITERAL("unterminated string literal; close it with '"),
    UNEXPECTED_DOUBLE_QUOTE("unexpected '\"'; string literals use single quotes"),
    DOUBLE_QUOTED_STRING("string literals use single quotes: '{string}'"),
    MALFORMED_NUMBER("malformed number '{number}'"),
    MISCASED_LITERAL("unknown operand '{word}'; did you mean '{suggestion}'?"),
    USE_OPERATOR("unexpected '{token}'; use '{operator}'"),
    UNQUOTED_STRING("unknown operand '{word}'; write strings in single quotes: '{string}'"),
    NOT_WITHOUT_OPERAND("expected '(' or an operand after '!'{found}"),
    FOUND_TOKEN(", found '{token}'"),
    NOT_OF_COMPARISON("'!' applies to a single operand; negate a comparison with parentheses: '!({comparison})'"),
    NESTING_TOO_DEEP(
            "parentheses nest more than {max} levels deep here; split the condition into several criteria, which "
                    + "must all hold"),
    UNCLOSED_PARENTHESIS("expected ')' to close the '(' at offset {offset}{found}"),
    MISSING_RIGHT_OPERAND("expected an operand after '{operator}'{found}"),
    CHAINED_COMPARISON("comparisons do not chain; combine them with '&&', as in 'a < b && b < c'"),
    UNMATCHED_PARENTHESIS("unexpected ')' without a matching '('"),
    MISSING_OPERATOR("expected '&&', '||' or a comparison operator before '{token}'"),
    UNEXPECTED_TOKEN("unexpected '{token}'; expected '&&', '||' or the end of the condition"),
    OPERAND_AT_END("expected an operand at the end of the condition"),
    EXPECTED_OPERAND("expected an operand, found '{token}'"),
    JSONPATH_IN_SIMPLE("JSONPath queries are not allowed in a simple condition; use a runtime expression such as "
            + "'$response.body#/status'"),
    JSONPATH_QUERY_IN_SIMPLE(
            "'{query}' is a JSONPath query, not allowed in a simple condition; use '$response.body#{pointer}'"),
    EXPECTED_MEMBER_NAME_IN("expected a member name after the '.' in '{text}'"),
    ONLY_NUMERIC_INDEXES("only numeric indexes '[n]' may follow '{text}'; use '.name' for members"),
    EXPECTED_INDEX("expected an index '[n]' after '{text}'"),
    DESCENDANT_SEGMENT("descendant segment '..' does not select a single value"),
    WILDCARD("wildcard '*' does not select a single value"),
    NON_SINGULAR_SELECTOR("selector '{selector}' does not select a single value"),
    SELECTOR_LIST("a list of selectors does not select a single value"),
    EXPECTED_MEMBER_NAME("expected a member name after '.'"),
    EXPECTED_NAME_OR_INDEX("expected a quoted name or an index after '['"),
    EXPECTED_CLOSING_BRACKET("expected ']'"),
    MALFORMED_INDEX("malformed index '{index}'"),
    NEGATIVE_INDEX("negative index '{index}' is not supported; count from the start"),
    INDEX_TOO_LARGE("index '{index}' is too large"),
    INVALID_STRING_ESCAPE("invalid escape '\\{char}' in string"),
    UNTERMINATED_STRING("unterminated string"),
    // reading: files and YAML
    MISSING_FILE(DiagnosticCode.MISSING_FILE, "file '{file}' does not exist"),
    UNREADABLE_FILE(DiagnosticCode.MISSING_FILE, "file '{file}' cannot be read: {reason}"),
    NOT_UTF_8(DiagnosticCode.MALFORMED_YAML, "file is not valid UTF-8"),
    EMPTY_DOCUMENT(DiagnosticCode.NOT_AN_OBJECT, "document is empty"),
    MALFORMED_YAML(DiagnosticCode.MALFORMED_YAML, "malformed YAML: {reason}"),
    TOO_MANY_VALUES(
            DiagnosticCode.MALFORMED_YAML,
            "the document expands to more than {max} values through aliases; Weft refuses it"),
    YAML_TAG(DiagnosticCode.MALFORMED_YAML, "YAML tag '{tag}' is not allowed; only JSON-compatible values are"),
    FILE_TOO_LARGE(
            DiagnosticCode.MALFORMED_YAML, "the file is larger than {max} bytes, the limit for a file Weft reads"),
    LINE_TOO_LONG(
            DiagnosticCode.MALFORMED_YAML,
            "line {line} is longer than {max} characters, the limit for a YAML line (long lines make the YAML reader "
                    + "slow); break it up, e.g. as a block scalar, or write the file as JSON"),
    KEY_NOT_A_STRING(DiagnosticCode.MALFORMED_YAML, "map keys must be strings"),
    MERGE_KEY(DiagnosticCode.MALFORMED_YAML, "YAML merge keys ('<<') are not supported"),
    DUPLICATE_KEY(DiagnosticCode.MALFORMED_YAML, "duplicate key '{key}'"),

    REGEX_BACKTRACKING(
            DiagnosticCode.REGEX_BACKTRACKING,
            "{found} in a pattern that needs a backtracking engine (it refers back or looks around): a response can "
                    + "make it take exponential time, and the run then fails the step after 10,000,000 steps plus "
                    + "100 per character; rewrite it without backreferences or lookaround so that it runs in linear "
                    + "time"),
    // resolving: OpenAPI descriptions
    INVALID_SOURCE_URL(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION, "source description url '{url}' is not a valid URI reference"),
    REMOTE_SOURCE(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' is remote ({url}); Weft never downloads at build time: save the file and "
                    + "map the url to it (sourceMappings), or use a relative url"),
    DESCRIPTION_ROOT_NOT_AN_OBJECT(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' '{file}' is not an OpenAPI description: its root is not an object"),
    DESCRIPTION_WITHOUT_VERSION(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' '{file}' is not an OpenAPI description: it has no 'openapi' (or "
                    + "'swagger') version"),
    DESCRIPTION_VERSION_UNREAD(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' '{file}' ({spec}) cannot be read: Weft reads OpenAPI 3.0, 3.1 and 3.2, "
                    + "and Swagger 2.0"),
    UNREADABLE_DESCRIPTION(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' '{file}' ({spec}) cannot be read: {reason}"),
    NO_PATHS_FOUND("the parser found no paths in it"),
    DESCRIPTION_REFERENCE(DiagnosticCode.INVALID_SOURCE_DESCRIPTION, "source description '{source}': {reason}"),
    REF_OUTSIDE_REFERENCE_PLACES("$ref '{ref}' at {at} is in a place where Weft does not follow references"),
    REF_TOO_MANY_FILES("reaches more than {max} files through $ref, the limit"),
    REF_TO_NO_OBJECT("$ref '{ref}' at {at} points at no object in '{file}'"),
    REF_BACK_TO_ITSELF("$ref '{ref}' at {at} leads back to itself"),
    REF_PROBLEM("$ref '{ref}' at {at} {reason}"),
    REF_TOO_MANY_VALUES("copies more than {max} values through $ref, the limit"),
    MALFORMED_JSON(DiagnosticCode.MALFORMED_YAML, "malformed JSON: {reason}"),
    EMPTY_FILE(DiagnosticCode.MALFORMED_YAML, "the file is empty"),
    KEY_NOT_A_STRING_IN_DESCRIPTION(DiagnosticCode.MALFORMED_YAML, "malformed YAML: map keys must be strings"),
    NESTED_TOO_DEEP(
            DiagnosticCode.MALFORMED_YAML, "the file nests deeper than {max} levels, the limit for a file Weft reads"),
    DESCRIPTION_TOO_MANY_VALUES(
            DiagnosticCode.MALFORMED_YAML,
            "the file expands to more than {max} values (an alias counts each time it is used), the limit for an "
                    + "OpenAPI description"),
    ARAZZO_AS_OPENAPI(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' is an Arazzo document, not OpenAPI; declare it with 'type: arazzo'"),
    DUPLICATE_OPERATION_ID(
            DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
            "source description '{source}' declares operationId '{operationId}' twice"),
    ;

    /**
     * The placeholders that stand without quotes, because their values are no bare names: phrases that carry
     * their own quotes ({@code object}: "step 'poll'", {@code operation}: "GET /jobs/{id}", {@code caller},
     * {@code at}, {@code clash}), fragments of this catalogue or the empty string ({@code hint}, {@code fix}),
     * lists ({@code list}, {@code allowed}, {@code sources}, {@code cycle}: "a -> b -> a"), numbers
     * ({@code count}, {@code line}, {@code max}, {@code min}, {@code number}, {@code offset}), words of the
     * specification or of HTTP ({@code type}: "a string" or "xpath", {@code in}: "query", {@code method},
     * {@code mediaType}, {@code item}: "step id"), a character as {@code Syntax.describe} names it
     * ({@code character}), a remote {@code url}, and texts other code wrote ({@code reason}: a parser's or
     * the JDK's message, {@code error}: a syntax error of this catalogue, {@code found}: a fragment naming
     * the token found, {@code stackTrace}).
     */
    public static final Set<String> PHRASES = Set.of(
            "spec",
            "target",
            "object",
            "operation",
            "caller",
            "at",
            "clash",
            "hint",
            "fix",
            "list",
            "allowed",
            "sources",
            "cycle",
            "count",
            "line",
            "max",
            "min",
            "number",
            "offset",
            "type",
            "in",
            "method",
            "mediaType",
            "item",
            "character",
            "url",
            "reason",
            "error",
            "found",
            "stackTrace",
            "given",
            "expectation");

    private final DiagnosticCode code;
    private final String template;
    private final List<String> literals = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();
    private final List<String> parameters;

    Message(DiagnosticCode code, String template) {
        this.code = Objects.requireNonNull(code, "code");
        this.template = template;
        this.parameters = parse(template, literals, slots);
    }

    /** A part: a syntax error or a fragment, reported only inside a template that has a code. */
    Message(String template) {
        this.code = null;
        this.template = template;
        this.parameters = parse(template, literals, slots);
    }

    private static List<String> parse(String template, List<String> literals, List<String> slots) {
        Matcher m = Placeholders.PATTERN.matcher(template);
        int end = 0;
        while (m.find()) {
            literals.add(template.substring(end, m.start()));
            slots.add(m.group(1));
            end = m.end();
        }
        literals.add(template.substring(end));
        return List.copyOf(new LinkedHashSet<>(slots));
    }

    /** The code this message is reported under, or null for a part. */
    public DiagnosticCode code() {
        return code;
    }

    /** Whether this is a part of other messages, reported under their codes, rather than a diagnostic. */
    public boolean isPart() {
        return code == null;
    }

    /** The template, placeholders included. */
    public String template() {
        return template;
    }

    /** The placeholder names, in the order the arguments fill them. */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * The text with {@code args} in place of the placeholders, in order.
     *
     * @throws IllegalArgumentException when the number of arguments is not the number of placeholders (a bug
     *     in Weft, which the tests of the call site catch)
     */
    public String format(Object... args) {
        if (args.length != parameters.size()) {
            throw new IllegalArgumentException(
                    name() + " takes " + parameters.size() + " arguments " + parameters + ", not " + args.length);
        }
        StringBuilder text = new StringBuilder(literals.get(0));
        for (int i = 0; i < slots.size(); i++) {
            text.append(args[parameters.indexOf(slots.get(i))]).append(literals.get(i + 1));
        }
        return text.toString();
    }

    /** Holds the pattern outside the enum, whose constants are built before its static fields. */
    private static final class Placeholders {
        static final Pattern PATTERN = Pattern.compile("\\{([a-z][A-Za-z0-9]*)\\}");
    }
}
