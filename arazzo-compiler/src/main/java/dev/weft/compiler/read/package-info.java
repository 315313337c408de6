/**
 * Reading: YAML or JSON text into position-keeping {@link dev.weft.compiler.model.Node}s, then into the Arazzo
 * model.
 */
package dev.weft.compiler.read;
