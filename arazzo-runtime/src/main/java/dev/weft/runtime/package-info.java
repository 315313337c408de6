/**
 * The public face of the Weft runtime: the client generated workflows run on, its poll policy and its one failure
 * type.
 */
package dev.weft.runtime;
