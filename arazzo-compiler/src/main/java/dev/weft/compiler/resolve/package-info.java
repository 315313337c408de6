/** Resolving: loading source descriptions and finding the operation behind every step. */
package dev.weft.compiler.resolve;
