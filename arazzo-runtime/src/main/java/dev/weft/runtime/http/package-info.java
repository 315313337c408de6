/** The HTTP layer of the runtime: a pluggable transport, the calls and results it carries, and redaction of secrets. */
package dev.weft.runtime.http;
