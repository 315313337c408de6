#!/usr/bin/env bash
# The cost of the opt-in run-time checks (arazzo-runtime-checks), in alternating JMH forks:
#   PollOverheadBenchmark.generated   the generated workflow as benchmarks/run.sh measures it
#   ResponseChecksBenchmark.noInspector  the same, no response inspector registered (the default)
#   ResponseChecksBenchmark.checksOff    the checks registered, every severity off
#   ResponseChecksBenchmark.checksOn     every response checked (severity warn), for information
#   ResponseChecksBenchmark.inspectOnly  the checks of one response without HTTP (one fork, at the end)
# Prints each side's median (us/op) and its ratio to PollOverheadBenchmark.generated.
#   benchmarks/checks.sh                       # 5 rounds, about 15 minutes on 2 cores
#   WEFT_BENCH_ROUNDS=3 WEFT_BENCH_WARMUP=8 benchmarks/checks.sh   # shorter, noisier
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
jar=benchmarks/target/benchmarks.jar

echo "building..." >&2
mvn -q -o -pl benchmarks -am package -DskipTests -Dinvoker.skip >/dev/null 2>&1 \
  || mvn -q -pl benchmarks -am package -DskipTests -Dinvoker.skip >&2

rounds=${WEFT_BENCH_ROUNDS:-5}
warmup=${WEFT_BENCH_WARMUP:-15}
sides="PollOverheadBenchmark.generated ResponseChecksBenchmark.noInspector ResponseChecksBenchmark.checksOff
ResponseChecksBenchmark.checksOn"
echo "JMH: $rounds alternating rounds of $(echo $sides | wc -w) sides, $warmup warm-up iterations each..." >&2
for round in $(seq 1 "$rounds"); do
  for side in $sides; do
    java -jar "$jar" "${side//./\\.}\$" -f 1 -wi "$warmup" -i 5 -w 2s -r 2s >"$out/$side-$round.log" 2>&1
  done
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
scores() { cat "$out/$1"-*.log | awk '/^Iteration/ { print $3 }'; }
base=$(scores PollOverheadBenchmark.generated | median)
printf '\n%-42s %12s %8s\n' side "median us/op" "ratio"
for side in $sides; do
  m=$(scores "$side" | median)
  printf '%-42s %12.1f %8.3f\n' "$side" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN { print a / b }')"
done
# the checks of one response alone (no HTTP): their CPU per response
java -jar "$jar" 'ResponseChecksBenchmark\.inspectOnly$' -f 1 -wi 10 -i 5 -w 1s -r 1s >"$out/inspectOnly-1.log" 2>&1
printf '%-42s %12.1f %8s\n' "ResponseChecksBenchmark.inspectOnly" "$(scores inspectOnly | median)" "-"
echo "JMH logs: $out" >&2
