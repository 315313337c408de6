package dev.weft.benchmarks;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Read + check + generate throughput on a synthetic project: an OpenAPI 3.0 description with 2,000
 * operations and 1,000 workflows of 10 steps each, in 100 documents. Prints steps per second.
 *
 * Also prints the compiling thread's CPU time, a figure less moved by other processes on the machine.
 *
 * <p>{@code java -cp benchmarks.jar dev.weft.benchmarks.CodegenThroughput [workflows] [steps]}
 */
public final class CodegenThroughput {
    private static final int OPERATIONS = 2_000;
    private static final int DOCUMENTS = 100;

    private CodegenThroughput() {}

    public static void main(String[] args) throws IOException {
        int workflows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("weft-codegen");
        Files.writeString(dir.resolve("api.openapi.yaml"), openApi(), StandardCharsets.UTF_8);
        List<Path> documents = new ArrayList<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            Path document = dir.resolve("doc" + d + ".arazzo.yaml");
            Files.writeString(document, arazzo(d, workflows / DOCUMENTS, steps), StandardCharsets.UTF_8);
            documents.add(document);
        }
        CompilationRequest request = CompilationRequest.builder()
                .documents(documents)
                .packageName("bench")
                .build();
        ArazzoCompiler.compile(request); // warm up: class loading, JIT, the parsed-description cache
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CompilationResult result = ArazzoCompiler.compile(request);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (result.hasErrors() || result.files().size() != workflows) {
            throw new IllegalStateException(
                    result.errors().stream().limit(5).toList().toString());
        }
        int total = workflows * steps;
        System.out.printf(
                "codegen: %d workflows x %d steps (%d steps) over %d operations in %.2f s: %.0f steps/s%n",
                workflows, steps, total, OPERATIONS, seconds, total / seconds);
        // the compiling thread's own CPU time: steadier than wall time on a shared machine (no GC or JIT threads)
        System.out.printf("cpu: %.2f s on the compiling thread: %.0f steps per CPU second%n", cpu, total / cpu);
    }

    private static String openApi() {
        StringBuilder out = new StringBuilder("openapi: 3.0.3\ninfo: {title: synthetic, version: '1'}\n"
                + "servers: [{url: 'http://localhost:8080'}]\npaths:\n");
        for (int i = 0; i < OPERATIONS; i++) {
            out.append("  /things")
                    .append(i)
                    .append("/{id}:\n    get:\n      operationId: op")
                    .append(i)
                    .append('\n')
                    .append("      parameters:\n      - {name: id, in: path, required: true, schema: {type: string}}\n")
                    .append("      - {name: q, in: query, schema: {type: string}}\n")
                    .append("      responses:\n        '200':\n          description: ok\n          content:\n")
                    .append("            application/json:\n              schema:\n                type: object\n")
                    .append("                properties: {id: {type: string}, count: {type: integer}}\n");
        }
        return out.toString();
    }

    private static String arazzo(int document, int workflows, int steps) {
        StringBuilder out = new StringBuilder("arazzo: 1.0.1\ninfo: {title: synthetic, version: '1'}\n"
                + "sourceDescriptions:\n- {name: api, url: ./api.openapi.yaml, type: openapi}\nworkflows:\n");
        for (int w = 0; w < workflows; w++) {
            out.append("- workflowId: wf-")
                    .append(document)
                    .append('-')
                    .append(w)
                    .append('\n')
                    .append("  inputs: {type: object, properties: {id: {type: string}}}\n  steps:\n");
            for (int s = 0; s < steps; s++) {
                int op = (document * 97 + w * 13 + s) % OPERATIONS;
                String id = s == 0 ? "$inputs.id" : "$steps.s" + (s - 1) + ".outputs.id";
                out.append("  - stepId: s")
                        .append(s)
                        .append("\n    operationId: op")
                        .append(op)
                        .append('\n')
                        .append("    parameters:\n    - {name: id, in: path, value: ")
                        .append(id)
                        .append("}\n")
                        .append("    - {name: q, in: query, value: 'step {$inputs.id}'}\n")
                        .append("    successCriteria:\n")
                        .append("    - condition: $statusCode == 200 && $response.body#/count > 0\n")
                        .append("    outputs: {id: $response.body#/id, count: $response.body#/count}\n");
            }
            out.append("  outputs: {last: $steps.s").append(steps - 1).append(".outputs.count}\n");
        }
        return out.toString();
    }
}
