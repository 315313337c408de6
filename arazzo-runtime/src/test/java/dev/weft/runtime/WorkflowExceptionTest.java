package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class WorkflowExceptionTest {

    @Test
    void composesTheMessageFromThePartsPresent() {
        assertEquals(
                "workflow 'w' step 's' (attempt 2): boom [HTTP 500] [response: {\"e\":1}]",
                new WorkflowException("w", "s", 2, 500, "{\"e\":1}", "boom", null).getMessage());
        assertEquals(
                "workflow 'w': boom", WorkflowException.of("w", null, "boom").getMessage());
        assertEquals("boom", WorkflowException.of(null, null, "boom").getMessage());
        assertEquals(
                "step 's': boom [HTTP 404]", new WorkflowException(null, "s", 0, 404, null, "boom", null).getMessage());
    }

    @Test
    void accessorsAndExcerptLimit() {
        RuntimeException cause = new RuntimeException();
        WorkflowException e = new WorkflowException("w", "s", 1, 503, "y".repeat(800), "down", cause);
        assertEquals("w", e.workflowId());
        assertEquals("s", e.stepId());
        assertEquals(1, e.attempt());
        assertEquals(503, e.httpStatus());
        assertEquals(500, e.responseExcerpt().length());
        assertEquals("down", e.detail());
        assertSame(cause, e.getCause());
    }

    @Test
    void withContextFillsInTheWorkflow() {
        WorkflowException bare = WorkflowException.of(null, "s", "no value");
        WorkflowException full = bare.withContext("w", "other", 3);
        assertEquals("workflow 'w' step 's' (attempt 3): no value", full.getMessage());
        assertSame(full, full.withContext("x", "y", 1));
    }
}
