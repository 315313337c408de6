/** The javac front end: an annotation processor that compiles the documents named by {@code @Arazzo}. */
package dev.weft.compiler.processor;
