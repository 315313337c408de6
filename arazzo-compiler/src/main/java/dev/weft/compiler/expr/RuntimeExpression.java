package dev.weft.compiler.expr;

import java.util.Objects;

/**
 * A parsed Arazzo runtime expression such as {@code $steps.submit.outputs.id#/0}.
 *
 * <p>Names that the grammar calls a {@code key} may contain dots; they are kept whole, and a later
 * check resolves the longest declared name.
 */
public sealed interface RuntimeExpression {

    /** The canonical source text, for example {@code $steps.a.outputs.b#/x}. */
    String text();

    /** {@code $url}: the request URL. */
    record Url() implements RuntimeExpression {
        @Override
        public String text() {
            return "$url";
        }
    }

    /**
     * {@code $self} (Arazzo 1.1): the canonical URI of the document, its {@code $self} field (else the URI it
     * was read from).
     */
    record Self() implements RuntimeExpression {
        @Override
        public String text() {
            return "$self";
        }
    }

    /** {@code $method}: the request method. */
    record Method() implements RuntimeExpression {
        @Override
        public String text() {
            return "$method";
        }
    }

    /** {@code $statusCode}: the response status. */
    record StatusCode() implements RuntimeExpression {
        @Override
        public String text() {
            return "$statusCode";
        }
    }

    /** {@code $request.header.<name>}. */
    record RequestHeader(String name) implements RuntimeExpression {
        /** Checks the name. */
        public RequestHeader {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$request.header." + name;
        }
    }

    /** {@code $request.query.<name>}. */
    record RequestQuery(String name) implements RuntimeExpression {
        /** Checks the name. */
        public RequestQuery {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$request.query." + name;
        }
    }

    /** {@code $request.path.<name>}. */
    record RequestPath(String name) implements RuntimeExpression {
        /** Checks the name. */
        public RequestPath {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$request.path." + name;
        }
    }

    /** {@code $request.body[#pointer]}; a null pointer means the whole body. */
    record RequestBody(JsonPointer pointer) implements RuntimeExpression {
        @Override
        public String text() {
            return "$request.body" + suffix(pointer);
        }
    }

    /** {@code $response.header.<name>}. */
    record ResponseHeader(String name) implements RuntimeExpression {
        /** Checks the name. */
        public ResponseHeader {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$response.header." + name;
        }
    }

    /** {@code $response.body[#pointer]}; a null pointer means the whole body. */
    record ResponseBody(JsonPointer pointer) implements RuntimeExpression {
        @Override
        public String text() {
            return "$response.body" + suffix(pointer);
        }
    }

    /** {@code $message.header.<name>} (Arazzo 1.1): a header of the message an AsyncAPI step sent or received. */
    record MessageHeader(String name) implements RuntimeExpression {
        /** Checks the name. */
        public MessageHeader {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$message.header." + name;
        }
    }

    /** {@code $message.payload[#pointer]} (Arazzo 1.1); a null pointer means the whole payload. */
    record MessagePayload(JsonPointer pointer) implements RuntimeExpression {
        @Override
        public String text() {
            return "$message.payload" + suffix(pointer);
        }
    }

    /** {@code $inputs.<name>[#pointer]}: a workflow input; the pointer is nullable. */
    record Input(String name, JsonPointer pointer) implements RuntimeExpression {
        /** Checks the name. */
        public Input {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$inputs." + name + suffix(pointer);
        }
    }

    /** {@code $outputs.<name>[#pointer]}: an output of the called workflow; the pointer is nullable. */
    record Output(String name, JsonPointer pointer) implements RuntimeExpression {
        /** Checks the name. */
        public Output {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$outputs." + name + suffix(pointer);
        }
    }

    /** {@code $steps.<stepId>.outputs.<name>[#pointer]}; the pointer is nullable. */
    record StepOutput(String stepId, String name, JsonPointer pointer) implements RuntimeExpression {
        /** Checks the names. */
        public StepOutput {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$steps." + stepId + ".outputs." + name + suffix(pointer);
        }
    }

    /** {@code $workflows.<id>.inputs|outputs.<name>[#pointer]}; the pointer is nullable. */
    record WorkflowValue(String workflowId, Kind kind, String name, JsonPointer pointer) implements RuntimeExpression {

        /** Which side of the workflow run the value comes from. */
        public enum Kind {
            INPUTS,
            OUTPUTS;

            /** The word used in expressions: {@code inputs} or {@code outputs}. */
            public String word() {
                return this == INPUTS ? "inputs" : "outputs";
            }
        }

        /** Checks the components. */
        public WorkflowValue {
            Objects.requireNonNull(workflowId, "workflowId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "$workflows." + workflowId + "." + kind.word() + "." + name + suffix(pointer);
        }
    }

    /** {@code $sourceDescriptions.<source>.<rest>}: rest is an operationId, a workflowId or url. */
    record SourceDescriptionRef(String source, String rest) implements RuntimeExpression {
        /** Checks the names. */
        public SourceDescriptionRef {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(rest, "rest");
        }

        @Override
        public String text() {
            return "$sourceDescriptions." + source + "." + rest;
        }
    }

    /** {@code $components.<section>.<key>} with section parameters, successActions or failureActions. */
    record ComponentRef(String section, String key) implements RuntimeExpression {
        /** Checks the names. */
        public ComponentRef {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String text() {
            return "$components." + section + "." + key;
        }
    }

    private static String suffix(JsonPointer pointer) {
        return pointer == null ? "" : "#" + pointer;
    }
}
