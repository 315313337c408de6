/**
 * The plugin's side of Weft's compiler: the only classes of the plugin that name the compiler's types, loaded by
 * {@code dev.weft.maven.CompilerLoader} beside the compiler once a build has something to compile.
 */
package dev.weft.maven.compile;
