/**
 * The Arazzo document as immutable records, every element with the source location it was read
 * from. No third-party types live here.
 */
package dev.weft.compiler.model;
