/**
 * Support for generated workflow classes only: not a public API, and it may change in any release without notice.
 */
package dev.weft.runtime.internal;
