package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowMetadata;
import dev.weft.runtime.internal.Conditions;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonWorkflows;
import dev.weft.runtime.internal.Payloads;
import dev.weft.runtime.internal.RequiredInputs;
import dev.weft.runtime.internal.RetryAction;
import dev.weft.runtime.internal.SecurityScheme;
import dev.weft.runtime.internal.Selectors;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.StepResult;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowCall;
import dev.weft.runtime.internal.WorkflowRun;
import dev.weft.runtime.internal.XPathCriterion;
import dev.weft.runtime.internal.XPathQuery;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** The runtime and library types generated code names, taken from class literals so a rename breaks our build. */
final class RuntimeTypes {
    static final ClassName CLIENT = ClassName.get(ArazzoClient.class);
    static final ClassName WORKFLOW_EXCEPTION = ClassName.get(WorkflowException.class);
    static final ClassName RUN = ClassName.get(WorkflowRun.class);
    static final ClassName JSON_WORKFLOW = ClassName.get(JsonWorkflow.class);
    static final ClassName JSON_WORKFLOWS = ClassName.get(JsonWorkflows.class);
    static final ClassName WORKFLOW_METADATA = ClassName.get(WorkflowMetadata.class);
    static final ClassName EXCHANGE = ClassName.get(Exchange.class);
    static final ClassName STEP_REQUEST = ClassName.get(StepRequest.class);
    static final ClassName MESSAGE_STEP = ClassName.get(dev.weft.runtime.internal.MessageStep.class);
    static final ClassName SECURITY_SCHEME = ClassName.get(SecurityScheme.class);
    static final ClassName PAYLOADS = ClassName.get(Payloads.class);
    static final ClassName REQUIRED_INPUTS = ClassName.get(RequiredInputs.class);
    static final ClassName WORKFLOW_CALL = ClassName.get(WorkflowCall.class);
    static final ClassName RETRY_ACTION = ClassName.get(RetryAction.class);
    static final ClassName STEPWISE = ClassName.get(Stepwise.class);
    static final ClassName STEP_RESULT = ClassName.get(StepResult.class);
    static final ClassName JSON_PATH_QUERY = ClassName.get(JsonPathQuery.class);
    static final ClassName XPATH_CRITERION = ClassName.get(XPathCriterion.class);
    static final ClassName XPATH_QUERY = ClassName.get(XPathQuery.class);
    static final ClassName SELECTORS = ClassName.get(Selectors.class);
    static final ClassName VALUES = ClassName.get(Values.class);
    static final ClassName CONDITIONS = ClassName.get(Conditions.class);
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    static final ClassName ARRAY_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ArrayNode");
    static final ClassName NULL_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "NullNode");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName OBJECTS = ClassName.get(Objects.class);
    static final ClassName COMPLETABLE_FUTURE = ClassName.get(CompletableFuture.class);
    static final ClassName PATTERN = ClassName.get(Pattern.class);
    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName LIST = ClassName.get(List.class);

    private RuntimeTypes() {}

    static TypeName listOf(TypeName element) {
        return ParameterizedTypeName.get(LIST, element);
    }
}
