package dev.weft.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.WorkflowMetadata;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowToolsTest {

    private static final ArazzoClient CLIENT =
            ArazzoClient.builder().listener(WorkflowListener.NONE).build();
    private static final String INPUTS = "{\"type\":\"object\",\"required\":[\"apiKey\",\"prompt\"],"
            + "\"properties\":{\"apiKey\":{\"type\":\"string\"},\"prompt\":{\"type\":\"string\"},"
            + "\"steps\":{\"type\":\"integer\"}}}";

    private static WorkflowMetadata.Builder poll() {
        return WorkflowMetadata.builder("image-generation-poll")
                .summary("Submit and poll.")
                .description("Submits a job, polls it, reads the result.")
                .inputsSchema(INPUTS)
                .outputsSchema("{\"type\":\"object\",\"properties\":{\"cost\":{\"type\":[\"integer\",\"null\"]}}}")
                .secretInputs("apiKey")
                .httpMethods("POST", "GET");
    }

    private static McpSchema.Tool only(WorkflowTools tools) {
        assertEquals(1, tools.tools().size());
        return tools.tools().get(0);
    }

    @Test
    void aToolIsTheWorkflowLessItsSecrets() {
        McpSchema.Tool tool = only(WorkflowTools.builder(CLIENT)
                .add(FakeWorkflow.of(poll()))
                .secret("apiKey", SecretBinding.of("a test", () -> "k-123456"))
                .build());

        assertEquals("image-generation-poll", tool.name());
        assertEquals("Submit and poll.\n\nSubmits a job, polls it, reads the result.", tool.description());
        assertEquals(
                Map.of("prompt", Map.of("type", "string"), "steps", Map.of("type", "integer")),
                tool.inputSchema().get("properties"));
        assertEquals(List.of("prompt"), tool.inputSchema().get("required"));
        assertEquals("object", tool.outputSchema().get("type"));
        assertTrue(
                tool.outputSchema().toString().contains("cost"),
                tool.outputSchema().toString());
        assertEquals(false, tool.annotations().readOnlyHint());
        assertEquals(false, tool.annotations().destructiveHint());
        assertEquals(false, tool.annotations().idempotentHint());
        assertEquals(true, tool.annotations().openWorldHint());
    }

    @Test
    void namesTitlesDescriptionsAndHintsCanBeOverridden() {
        McpSchema.Tool tool = only(WorkflowTools.builder(CLIENT)
                .add(
                        FakeWorkflow.of(poll()),
                        t -> t.name("civitai-generate")
                                .title("Generate an image")
                                .description("Makes a picture.")
                                .hints(h -> h.withIdempotent(true)))
                .secret("apiKey", SecretBinding.env("CIVITAI_API_KEY"))
                .build());
        assertEquals("civitai-generate", tool.name());
        assertEquals("Generate an image", tool.title());
        assertEquals("Makes a picture.", tool.description());
        assertEquals(true, tool.annotations().idempotentHint());
        assertEquals(false, tool.annotations().readOnlyHint(), "the other derived hints stay");

        McpSchema.Tool replaced = only(WorkflowTools.builder(CLIENT)
                .add(FakeWorkflow.of(poll()), t -> t.hints(new ToolHints(true, null, null, false)))
                .secret("apiKey", SecretBinding.env("CIVITAI_API_KEY"))
                .build());
        assertEquals(true, replaced.annotations().readOnlyHint());
        assertNull(replaced.annotations().destructiveHint());
    }

    @Test
    void anyBoundInputLeavesTheSchemaEvenIfNotNamedLikeASecret() {
        McpSchema.Tool tool = only(WorkflowTools.builder(CLIENT)
                .add(FakeWorkflow.of(poll()))
                .secret("apiKey", SecretBinding.env("CIVITAI_API_KEY"))
                .secret("prompt", SecretBinding.env("HOUSE_PROMPT"))
                .build());
        assertEquals(
                Map.of("steps", Map.of("type", "integer")), tool.inputSchema().get("properties"));
        assertEquals(List.of(), tool.inputSchema().get("required"));
    }

    @Test
    void aRequiredSecretWithoutABindingIsRefused() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> WorkflowTools.builder(CLIENT).add(FakeWorkflow.of(poll())).build());
        assertEquals(
                "workflow 'image-generation-poll' requires the secret input 'apiKey', which is never taken from the"
                        + " agent: bind it with secret(\"apiKey\", SecretBinding.env(\"VARIABLE\"))",
                e.getMessage());
    }

    @Test
    void anOptionalSecretWithoutABindingIsLeftOutAndNeverAsked() {
        McpSchema.Tool tool = only(WorkflowTools.builder(CLIENT)
                .add(FakeWorkflow.of(WorkflowMetadata.builder("w")
                        .inputsSchema("{\"properties\":{\"token\":{\"type\":\"string\"}}}")
                        .secretInputs("token")))
                .build());
        assertEquals(Map.of(), tool.inputSchema().get("properties"));
        assertEquals("object", tool.inputSchema().get("type"), "MCP input schemas are objects");
    }

    @Test
    void aBindingForAnInputNoWorkflowHasIsATypo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> WorkflowTools.builder(CLIENT)
                        .add(FakeWorkflow.of(poll()))
                        .secret("apiKey", SecretBinding.env("CIVITAI_API_KEY"))
                        .secret("apikey", SecretBinding.env("CIVITAI_API_KEY"))
                        .build());
        assertEquals("no workflow has the input(s) [apikey] that secret(...) binds; check the names", e.getMessage());
    }

    @Test
    void twoToolsCannotShareAName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> WorkflowTools.builder(CLIENT)
                        .add(FakeWorkflow.of(WorkflowMetadata.builder("get.item")))
                        .add(FakeWorkflow.of(WorkflowMetadata.builder("other")), t -> t.name("get.item"))
                        .build());
        assertTrue(
                e.getMessage().startsWith("workflows 'get.item' and 'other' would both be the tool 'get.item'"),
                e.getMessage());
    }

    @Test
    void anIdThatIsNoToolNameIsMadeOne() {
        assertEquals("r-sum--t-", ToolSchemas.name("résumé t!", null));
        assertEquals("a-b_c.d", ToolSchemas.name("a b_c.d", null));
        assertEquals(128, ToolSchemas.name("x".repeat(300), null).length());
        assertThrows(IllegalArgumentException.class, () -> ToolSchemas.name("w", "has space"));
        assertThrows(IllegalArgumentException.class, () -> ToolSchemas.name("w", "y".repeat(129)));
    }

    @Test
    void withoutMetadataAToolStillWorksButClaimsNoHints() {
        McpSchema.Tool tool = only(WorkflowTools.builder(CLIENT)
                .add(FakeWorkflow.of(WorkflowMetadata.builder("old")))
                .build());
        assertEquals("Runs the Arazzo workflow 'old'.", tool.description());
        assertNull(tool.annotations().readOnlyHint());
        assertNull(tool.annotations().destructiveHint());
        assertFalse(tool.inputSchema().containsKey("properties"));
    }

    @Test
    void aBindingShowsItsSourceNeverItsValue() {
        assertEquals(
                "SecretBinding[the environment variable CIVITAI_API_KEY]",
                SecretBinding.env("CIVITAI_API_KEY").toString());
        SecretBinding vault = SecretBinding.of("the vault", () -> "s3cr3t-value");
        assertFalse(vault.toString().contains("s3cr3t"));
        assertEquals("s3cr3t-value", vault.value("apiKey"));
        IllegalStateException unset = assertThrows(
                IllegalStateException.class,
                () -> SecretBinding.of("the vault", () -> "").value("k"));
        assertEquals("the secret input 'k' is bound to the vault, which is not set on the server", unset.getMessage());
    }
}
