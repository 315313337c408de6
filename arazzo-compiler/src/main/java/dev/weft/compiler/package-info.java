/**
 * The compiler's facade: {@link dev.weft.compiler.ArazzoCompiler#compile} turns Arazzo documents into
 * Java sources and diagnostics. Front ends (the Maven plugin, the annotation processor, the command
 * line) see only this package and {@code dev.weft.compiler.diagnostic}.
 */
package dev.weft.compiler;
