/**
 * Java names: how Arazzo ids become class, member and constant names, and the class name of every workflow of
 * one compilation; shared by the checks, which report clashes, and the generator, which uses the names.
 */
package dev.weft.compiler.names;
