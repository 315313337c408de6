/** Diagnostics: the values every phase of the compiler reports problems as, and their one renderer. */
package dev.weft.compiler.diagnostic;
