package com.example.items;

import dev.weft.runtime.ArazzoClient;

/** Compiles only if generate-test added its output to the test source roots. */
final class FetchItemWorkflowUseTest {
    private FetchItemWorkflowUseTest() {}

    static FetchItemWorkflow workflow(ArazzoClient client) {
        return new FetchItemWorkflow(client);
    }
}
