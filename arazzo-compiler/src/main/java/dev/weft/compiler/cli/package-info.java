/** The command-line front end: {@code weft validate}, {@code weft generate} and {@code weft run}. */
package dev.weft.compiler.cli;
