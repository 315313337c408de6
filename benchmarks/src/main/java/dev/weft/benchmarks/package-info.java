/** Benchmarks: JMH measurements and timed programs, run by {@code benchmarks/run.sh}, not by the tests. */
package dev.weft.benchmarks;
