package dev.weft.benchmarks;

import dev.weft.examples.civitai.FakeCivitaiServer;

/**
 * The fake Civitai server in a process of its own, for benchmarks that must not share its heap or cores'
 * accounting: prints its base URL on the first line of stdout and stops when stdin closes.
 *
 * <p>{@code java -cp benchmarks.jar dev.weft.benchmarks.FakeServerProcess [POLLS]}, POLLS being how many GETs
 * report {@code processing} before a workflow ends (default 0).
 */
public final class FakeServerProcess {
    private FakeServerProcess() {}

    public static void main(String[] args) throws Exception {
        int polls = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        try (FakeCivitaiServer fake = FakeCivitaiServer.start().pollsUntilDone(polls)) {
            System.out.println(fake.orchestrationUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until its parent closes stdin
            }
        }
    }
}
