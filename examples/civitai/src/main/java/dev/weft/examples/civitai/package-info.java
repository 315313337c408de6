/**
 * The Civitai example: the four seed workflows compiled by Weft, and an embedded fake Civitai
 * server ({@link dev.weft.examples.civitai.FakeCivitaiServer}) that they run against.
 */
package dev.weft.examples.civitai;
