#!/usr/bin/env bash
# Runs Weft's benchmarks on purpose (they are not part of the test suite) and prints one table.
#   benchmarks/run.sh                      # about nine minutes on 2 cores
#   WEFT_BENCH_ROUNDS=3 benchmarks/run.sh  # fewer alternating JMH rounds (5 by default), noisier ratio
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
jar=benchmarks/target/benchmarks.jar

echo "building..." >&2
mvn -q -o -pl benchmarks -am package -DskipTests -Dinvoker.skip >/dev/null 2>&1 \
  || mvn -q -pl benchmarks -am package -DskipTests -Dinvoker.skip >&2

# The two sides run in alternating JMH forks (generated, by hand, generated, ...) so that a slow spell of the
# machine does not land on one side only; each side's score is the median of its measurement iterations
# (5 per round), which a noisy neighbour's burst moves less than a mean.
rounds=${WEFT_BENCH_ROUNDS:-5}
echo "JMH: generated workflow vs the same calls by hand, $rounds rounds..." >&2
for round in $(seq 1 "$rounds"); do
  for side in generated handWritten; do
    java -jar "$jar" "PollOverheadBenchmark\.$side\$" -f 1 -wi 15 -i 5 -w 2s -r 2s >"$out/$side-$round.log" 2>&1
  done
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
scores() { cat "$out/$1"-*.log | awk '/^Iteration/ { print $3 }'; }
gen=$(scores generated | median); hand=$(scores handWritten | median)
ratio=$(awk -v g="$gen" -v h="$hand" 'BEGIN { printf "%.3f", g / h }')
round_means() { for f in "$out/$1"-*.log; do awk '/^Iteration/ { s += $3; n++ } END { printf "%.0f ", s / n }' "$f"; done; }
gen_rounds=$(round_means generated); hand_rounds=$(round_means handWritten)

echo "codegen throughput..." >&2
codegen=$(java -cp "$jar" dev.weft.benchmarks.CodegenThroughput 2>/dev/null | grep '^codegen:')
steps=$(echo "$codegen" | sed -E 's/.*: ([0-9]+) steps\/s$/\1/')

echo "10,000 concurrent runs under -Xmx512m..." >&2
concurrency=$(java -Xmx512m -cp "$jar" dev.weft.benchmarks.ConcurrentRuns 2>/dev/null | grep '^concurrency:')
concurrency_s=$(echo "$concurrency" | sed -E 's/.* in ([0-9.]+) s,.*/\1/')
heap=$(echo "$concurrency" | sed -E 's/.*max heap in use ([0-9]+) MiB.*/\1/')
live=$(echo "$concurrency" | sed -E 's/.*max live after GC ([0-9]+) MiB.*/\1/')

echo "no-op incremental plugin run..." >&2
mvn -q -o -pl examples/civitai generate-sources >/dev/null 2>&1 || true
start=$(date +%s%N)
mvn -q -o -pl examples/civitai generate-sources >/dev/null 2>&1
noop=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')

pass() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "pass" : "FAIL" }'; }
printf '\n%-46s %14s %-10s %-12s %s\n' benchmark result unit target verdict
printf '%-46s %14.1f %-10s %-12s %s\n' "image-generation-poll, generated (JMH median)" "$gen" "us/op" "" ""
printf '%-46s %14.1f %-10s %-12s %s\n' "image-generation-poll, by hand (JMH median)" "$hand" "us/op" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "generated / by hand" "$ratio" "x" "<= 1.10" "$(pass "$ratio" 1.10 '<=')"
printf '%-46s %14s %-10s %-12s %s\n' "codegen, 1,000 workflows x 10 steps" "$steps" "steps/s" ">= 1000" "$(pass "$steps" 1000 '>=')"
printf '%-46s %14s %-10s %-12s %s\n' "10,000 concurrent runAsync runs" "$concurrency_s" "s" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "  max heap in use (under -Xmx512m)" "$heap" "MiB" "<= 512" "$(pass "$heap" 512 '<=')"
printf '%-46s %14s %-10s %-12s %s\n' "  max live heap after a GC" "$live" "MiB" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "no-op plugin run (mvn generate-sources)" "$noop" "s" "" ""
echo
echo "JMH means of each round (us/op): generated $gen_rounds; by hand $hand_rounds" >&2
echo "JMH logs: $out" >&2
benchmarks/oneshot.sh   # weft run vs respect, GitHub's description (WEFT_BENCH_SKIP_ONESHOT=1, WEFT_BENCH_SKIP_GITHUB=1)
[ -n "${WEFT_BENCH_SKIP_DURABLE:-}" ] || benchmarks/durable.sh   # 1,000 concurrent durable runs on Temporal's test service (time, heap)
