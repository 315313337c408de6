#!/usr/bin/env bash
# Runs Weft's benchmarks on purpose (they are not part of the test suite) and prints each figure of issue 15
# beside its target, with a verdict, and the machine's load average beside them.
#   benchmarks/run.sh                      # about seventeen minutes on 2 cores
#   WEFT_BENCH_ROUNDS=3 benchmarks/run.sh  # fewer alternating JMH rounds (5 by default), noisier ratio
# WEFT_BENCH_SKIP_JMH=1, _PAIRED, _CPU, _CODEGEN, _CONCURRENCY, _NOOP, _ONESHOT, _GITHUB, _SYNTHETIC, _DURABLE skip a figure.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
jar=benchmarks/target/benchmarks.jar
load() { uptime | sed 's/.*load average: //'; }
row() { printf '%-46s %14s %-10s %-12s %s\n' "$@"; }
pass() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "pass" : "FAIL" }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "building..." >&2
mvn -q -o -pl benchmarks,arazzo-maven-plugin -am package -DskipTests -Dinvoker.skip >/dev/null 2>&1 \
  || mvn -q -pl benchmarks,arazzo-maven-plugin -am package -DskipTests -Dinvoker.skip >&2

echo "load at the start: $(load)" >&2
row benchmark result unit target verdict
if [ -z "${WEFT_BENCH_SKIP_JMH:-}" ]; then
  # The two sides run in alternating JMH forks (generated, by hand, generated, ...) so that a slow spell of the
  # machine does not land on one side only; each side's score is the median of its measurement iterations
  # (5 per round), which a noisy neighbour's burst moves less than a mean.
  rounds=${WEFT_BENCH_ROUNDS:-5}
  echo "JMH: generated workflow vs the same calls by hand, $rounds rounds..." >&2
  failed=0
  for round in $(seq 1 "$rounds"); do
    for side in generated handWritten; do
      # another JMH run on a shared machine holds /tmp/jmh.lock; the two sides still alternate. A fork whose run
      # failed (it has no 5th measurement) is run once more, and said so: a round is never dropped silently
      for attempt in 1 2; do
        java -Djmh.ignoreLock=true -jar "$jar" "PollOverheadBenchmark\.$side\$" -f 1 -wi 15 -i 5 -w 2s -r 2s >"$out/$side-$round.log" 2>&1 \
          || true
        grep -q '^Iteration   5:' "$out/$side-$round.log" && break
        cp "$out/$side-$round.log" "$out/$side-$round.failed-$attempt.log"
        echo "JMH fork $side-$round failed ($(grep -m1 -E 'Exception|Error' "$out/$side-$round.log" | cut -c1-200)); log: $out/$side-$round.failed-$attempt.log" >&2
        if [ "$attempt" -eq 2 ]; then failed=$((failed + 1)); fi
      done
    done
  done
  # the kept fork of each round: $side-$round.log (a failed attempt is kept aside as .failed-N.log)
  logs() { for f in "$out/$1"-[0-9].log "$out/$1"-[0-9][0-9].log; do if [ -f "$f" ]; then echo "$f"; fi; done; }
  scores() { logs "$1" | xargs cat | awk '/^Iteration/ { print $3 }'; }
  gen=$(scores generated | median); hand=$(scores handWritten | median)
  ratio=$(awk -v g="$gen" -v h="$hand" 'BEGIN { printf "%.3f", g / h }')
  round_means() { for f in $(logs "$1"); do awk '/^Iteration/ { s += $3; n++ } END { printf "%.0f ", s / n }' "$f"; done; }
  echo "JMH means of each round (us/op): generated $(round_means generated); by hand $(round_means handWritten)" >&2
  row "image-generation-poll, generated (JMH median)" "$(printf '%.1f' "$gen")" "us/op" "" ""
  row "image-generation-poll, by hand (JMH median)" "$(printf '%.1f' "$hand")" "us/op" "" ""
  row "generated / by hand" "$ratio" "x" "<= 1.05" "$([ "$failed" -eq 0 ] && pass "$ratio" 1.05 '<=' || echo "FAIL ($failed forks failed twice)")"
  row "  load average" "$(load)" "" "" ""
fi

if [ -z "${WEFT_BENCH_SKIP_PAIRED:-}" ]; then
  # the same two sides in one JVM, in 200 short blocks that alternate, so that the machine's drift lands on both
  # alike (JMH forks of one jar differ by a third here); a failed run is a FAIL row, as for the concurrent runs
  echo "the same two sides paired in one JVM..." >&2
  blocks=200
  status=0
  paired=$(java -cp "$jar" dev.weft.benchmarks.PairedPollRuns "$blocks" 40 30 2>"$out/paired.err" | grep '^paired:') \
    || status=$?
  if [ "$status" -ne 0 ] || [ -z "$paired" ]; then
    row "  paired in one JVM" "exit $status" "" "<= 1.05" "FAIL"
    head -5 "$out/paired.err" >&2
  else
    echo "$paired" >&2
    pratio=$(sed -E 's/^paired: ratio ([0-9.]+).*/\1/' <<<"$paired")
    pquart=$(sed -E 's/.*\(quartiles ([0-9.-]+)\).*/\1/' <<<"$paired")
    row "  paired in one JVM (median of $blocks blocks)" "$pratio" "x" "<= 1.05" \
      "$(pass "$pratio" 1.05 '<=') (quartiles $pquart)"
  fi
fi

if [ -z "${WEFT_BENCH_SKIP_CPU:-}" ]; then
  # the same run without the wire: recorded responses replayed at once, warm caches; 3 forks of each side
  echo "runtime CPU per run without the wire..." >&2
  java -Djmh.ignoreLock=true -jar "$jar" 'RuntimeCpuBenchmark' -f 3 >"$out/cpu.log" 2>&1
  cpu() { awk -v b="RuntimeCpuBenchmark.$1" '$1 == b { print $(NF-3) }' "$out/cpu.log"; }
  row "  same run, no HTTP, generated (3 forks)" "$(cpu generated)" "us/op" "" ""
  row "  same run, no HTTP, by hand" "$(cpu byHand)" "us/op" "" ""
fi

if [ -z "${WEFT_BENCH_SKIP_CODEGEN:-}" ]; then
  echo "codegen throughput..." >&2
  codegen=$(java -cp "$jar" dev.weft.benchmarks.CodegenThroughput 2>/dev/null | grep '^codegen:')
  steps=$(echo "$codegen" | sed -E 's/.*: ([0-9]+) steps\/s$/\1/')
  row "codegen, 1,000 workflows x 10 steps" "$steps" "steps/s" ">= 1000" "$(pass "$steps" 1000 '>=')"
fi

if [ -z "${WEFT_BENCH_SKIP_CONCURRENCY:-}" ]; then
  echo "10,000 concurrent runs under -Xmx512m, the fake server in its own process..." >&2
  status=0
  concurrency=$(timeout 420 java -Xmx512m -XX:+ExitOnOutOfMemoryError -cp "$jar" dev.weft.benchmarks.ConcurrentRuns 10000 300 \
    2>"$out/concurrency.err" | grep '^concurrency:') || status=$?
  if [ "$status" -ne 0 ] || [ -z "$concurrency" ]; then
    row "10,000 concurrent runAsync runs" "exit $status" "" "" "FAIL"
    head -5 "$out/concurrency.err" >&2
  else
    row "10,000 concurrent runAsync runs" "$(echo "$concurrency" | sed -E 's/.* in ([0-9.]+) s,.*/\1/')" "s" "" ""
    row "  max heap in use (under -Xmx512m)" "$(echo "$concurrency" | sed -E 's/.*max heap in use ([0-9]+) MiB.*/\1/')" \
      "MiB" "" ""
    row "  max live heap after a GC" "$(echo "$concurrency" | sed -E 's/.*max live after GC ([0-9]+) MiB.*/\1/')" \
      "MiB" "" ""
    live=$(echo "$concurrency" | sed -E 's/.*max live after a full GC ([0-9]+) MiB.*/\1/')
    row "  max live heap after a full GC" "$live" "MiB" "<= 256" "$(pass "$live" 256 '<=')"
  fi
  row "  load average" "$(load)" "" "" ""
fi

if [ -z "${WEFT_BENCH_SKIP_NOOP:-}" ]; then
  echo "no-op incremental plugin run vs no plugin..." >&2
  benchmarks/noop.sh || row "no-op plugin run" "error" "" "" "FAIL"
  row "  load average" "$(load)" "" "" ""
fi

echo >&2
echo "JMH logs: $out" >&2
benchmarks/oneshot.sh   # weft run vs respect; GitHub's and the synthetic description (wall, peak RSS)
[ -n "${WEFT_BENCH_SKIP_DURABLE:-}" ] || benchmarks/durable.sh   # 1,000 concurrent durable runs on Temporal's test service (time, heap)
