/** Fuzzing the compiler: mutated and hostile documents never crash it, and what it accepts compiles. */
package dev.weft.compiler.fuzz;
