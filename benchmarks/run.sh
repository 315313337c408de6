#!/usr/bin/env bash
# Runs Weft's benchmarks on purpose (they are not part of the test suite) and prints one table.
#   benchmarks/run.sh            # about three minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
jar=benchmarks/target/benchmarks.jar

echo "building..." >&2
mvn -q -o -pl benchmarks -am package -DskipTests -Dinvoker.skip >/dev/null 2>&1 \
  || mvn -q -pl benchmarks -am package -DskipTests -Dinvoker.skip >&2

echo "JMH: generated workflow vs the same calls by hand..." >&2
java -jar "$jar" PollOverheadBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -rf csv -rff "$out/jmh.csv" >"$out/jmh.log" 2>&1
score() { awk -F, -v b="$1" '$1 ~ b {gsub(/"/, "", $5); print $5}' "$out/jmh.csv"; }
gen=$(score 'generated"'); hand=$(score 'handWritten"')
ratio=$(awk -v g="$gen" -v h="$hand" 'BEGIN { printf "%.3f", g / h }')

echo "codegen throughput..." >&2
codegen=$(java -cp "$jar" dev.weft.benchmarks.CodegenThroughput 2>/dev/null | grep '^codegen:')
steps=$(echo "$codegen" | sed -E 's/.*: ([0-9]+) steps\/s$/\1/')

echo "10,000 concurrent runs under -Xmx512m..." >&2
concurrency=$(java -Xmx512m -cp "$jar" dev.weft.benchmarks.ConcurrentRuns 2>/dev/null | grep '^concurrency:')
concurrency_s=$(echo "$concurrency" | sed -E 's/.* in ([0-9.]+) s,.*/\1/')
heap=$(echo "$concurrency" | sed -E 's/.*max heap in use ([0-9]+) MiB.*/\1/')

echo "no-op incremental plugin run..." >&2
mvn -q -o -pl examples/civitai generate-sources >/dev/null 2>&1 || true
start=$(date +%s%N)
mvn -q -o -pl examples/civitai generate-sources >/dev/null 2>&1
noop=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')

pass() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "pass" : "FAIL" }'; }
printf '\n%-46s %14s %-10s %-12s %s\n' benchmark result unit target verdict
printf '%-46s %14s %-10s %-12s %s\n' "image-generation-poll, generated (JMH)" "$gen" "us/op" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "image-generation-poll, by hand (JMH)" "$hand" "us/op" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "generated / by hand" "$ratio" "x" "<= 1.10" "$(pass "$ratio" 1.10 '<=')"
printf '%-46s %14s %-10s %-12s %s\n' "codegen, 1,000 workflows x 10 steps" "$steps" "steps/s" ">= 1000" "$(pass "$steps" 1000 '>=')"
printf '%-46s %14s %-10s %-12s %s\n' "10,000 concurrent runAsync runs" "$concurrency_s" "s" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "  max heap in use (under -Xmx512m)" "$heap" "MiB" "<= 512" "$(pass "$heap" 512 '<=')"
printf '%-46s %14s %-10s %-12s %s\n' "no-op plugin run (mvn generate-sources)" "$noop" "s" "" ""
echo
echo "JMH details: $out/jmh.log" >&2
