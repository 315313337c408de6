/**
 * The XPath SPI of Selector Objects and {@code xpath} criteria (Arazzo 1.1): the JDK evaluates XPath 1.0 only, so an
 * {@link dev.weft.runtime.xpath.XPathEngine} found by {@link java.util.ServiceLoader} evaluates XPath 2.0, 3.0 and
 * 3.1 (module {@code arazzo-xpath}, over Saxon-HE). The runtime parses the XML itself, with DTDs and external
 * entities off, and hands an engine the parsed document; an engine reads no resource of its own. This package
 * stands alone: it names neither the client nor a run.
 */
package dev.weft.runtime.xpath;
