/**
 * Checking: every rule of the Arazzo 1.0.x spec, one rule family per class, run from {@link
 * dev.weft.compiler.check.Checks}.
 */
package dev.weft.compiler.check;
