package dev.weft.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The ratio of {@link PollOverheadBenchmark}'s two sides measured in one JVM, in short alternating blocks, so that
 * the machine's drift (which moves whole JMH forks of the same jar by a third on a small shared machine) lands on
 * both sides alike: after a warm-up of both, each block runs {@code generated()} and {@code handWritten()} a fixed
 * number of times each, the order swapped from one block to the next, and its ratio is the one side's time over
 * the other's. The figure is the median of the blocks' ratios, with its quartiles.
 *
 * <p>Both sides run in the JVM of the server and of one another, so the JDK client's code is compiled for both:
 * as in an application that makes other HTTP calls beside its workflows. It complements the JMH forks (each side
 * alone, its own JIT), it does not replace them.
 *
 * <p>{@code java -cp benchmarks.jar dev.weft.benchmarks.PairedPollRuns [BLOCKS] [RUNS_PER_BLOCK]
 * [WARMUP_SECONDS]}; it prints one line, {@code paired: ...}, and fails (status 1) on the first failed run.
 */
public final class PairedPollRuns {

    private PairedPollRuns() {}

    /**
     * Runs the comparison.
     *
     * @param args blocks (200), runs of each side per block (40), seconds of warm-up (30)
     */
    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perBlock = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long warmupNanos = (args.length > 2 ? Long.parseLong(args[2]) : 30) * 1_000_000_000L;
        if (blocks < 1 || perBlock < 1 || warmupNanos < 0) {
            System.err.println("usage: PairedPollRuns [BLOCKS>0] [RUNS_PER_BLOCK>0] [WARMUP_SECONDS>=0]");
            System.exit(2);
        }
        PollOverheadBenchmark sides = new PollOverheadBenchmark();
        sides.polls = 3;
        sides.start();
        try {
            long warmEnd = System.nanoTime() + warmupNanos;
            for (int block = 0; System.nanoTime() - warmEnd < 0; block++) {
                runBlock(sides, perBlock, block % 2 == 0);
            }
            double[] ratios = new double[blocks];
            double[] generated = new double[blocks];
            double[] byHand = new double[blocks];
            for (int block = 0; block < blocks; block++) {
                long[] times = runBlock(sides, perBlock, block % 2 == 0);
                generated[block] = times[0] / 1_000.0 / perBlock;
                byHand[block] = times[1] / 1_000.0 / perBlock;
                ratios[block] = (double) times[0] / times[1];
            }
            Arrays.sort(ratios);
            Arrays.sort(generated);
            Arrays.sort(byHand);
            System.out.println(String.format(
                    Locale.ROOT,
                    "paired: ratio %.3f (quartiles %.3f-%.3f), generated %.1f us/run, by hand %.1f us/run,"
                            + " %d blocks of %d runs a side",
                    quantile(ratios, 0.5),
                    quantile(ratios, 0.25),
                    quantile(ratios, 0.75),
                    quantile(generated, 0.5),
                    quantile(byHand, 0.5),
                    blocks,
                    perBlock));
        } catch (RuntimeException e) {
            System.err.println("paired: a run failed: " + e);
            System.exit(1);
        } finally {
            sides.stop();
        }
    }

    /** One block: the nanoseconds of {@code runs} generated runs and of as many by hand, in the order given. */
    private static long[] runBlock(PollOverheadBenchmark sides, int runs, boolean generatedFirst) {
        long generated;
        long byHand;
        if (generatedFirst) {
            generated = time(sides, runs, true);
            byHand = time(sides, runs, false);
        } else {
            byHand = time(sides, runs, false);
            generated = time(sides, runs, true);
        }
        return new long[] {generated, byHand};
    }

    private static long time(PollOverheadBenchmark sides, int runs, boolean generated) {
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Object result = generated ? sides.generated() : sides.handWritten();
            if (result == null) {
                throw new IllegalStateException("a run returned nothing");
            }
        }
        return System.nanoTime() - start;
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }
}
