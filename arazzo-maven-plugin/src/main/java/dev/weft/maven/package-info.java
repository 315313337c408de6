/**
 * The Maven front end of Weft: the {@code generate}, {@code generate-test} and {@code validate}
 * goals, which find Arazzo documents, hand them to {@link dev.weft.compiler.ArazzoCompiler} and print
 * its diagnostics the way javac prints errors. The Mojos do no compiling of their own.
 */
package dev.weft.maven;
