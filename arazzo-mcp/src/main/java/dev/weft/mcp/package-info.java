/**
 * Generated Arazzo workflows as Model Context Protocol tools: {@link dev.weft.mcp.WorkflowTools} turns each
 * workflow's {@code JSON} constant into one tool of the official MCP Java SDK, with secrets bound on the server,
 * progress per step and poll, and cancellation of the run.
 */
package dev.weft.mcp;
