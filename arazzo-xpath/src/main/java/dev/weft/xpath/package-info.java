/**
 * XPath 2.0, 3.0 and 3.1 for Arazzo Selector Objects and {@code xpath} criteria, over Saxon-HE: an
 * {@link dev.weft.runtime.xpath.XPathEngine} that the runtime and the compiler find with
 * {@link java.util.ServiceLoader}. Saxon reads no resource: every URI protocol is disallowed ({@code doc()},
 * {@code unparsed-text()}, {@code collection()} fail), and it evaluates documents the runtime parsed itself, with
 * DTDs and external entities off.
 */
package dev.weft.xpath;
