/**
 * {@code weft mcp}: compiles Arazzo documents in memory and serves their workflows as MCP tools; the only part
 * of the module that needs the compiler.
 */
package dev.weft.mcp.cli;
