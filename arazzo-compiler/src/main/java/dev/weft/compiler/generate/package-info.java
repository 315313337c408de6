/** Generating: one Java class per workflow, emitted through JavaPoet only. */
package dev.weft.compiler.generate;
