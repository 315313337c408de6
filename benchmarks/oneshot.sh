#!/usr/bin/env bash
# One-shot figures (issue 15), run by benchmarks/run.sh: weft run vs Redocly respect on image-generation-poll
# (0 polls) against the fake server in its own process, alternating, medians; validate+generate against
# GitHub's description and the synthetic one (SyntheticDescription: 800 KB, OpenAPI 3.1, a deep $ref graph,
# 39 steps), wall and peak RSS. Needs npm (installs @redocly/cli and @octokit/openapi into benchmarks/peer,
# git-ignored). WEFT_BENCH_SKIP_ONESHOT=1, WEFT_BENCH_SKIP_GITHUB=1, WEFT_BENCH_SKIP_SYNTHETIC=1 skip a figure.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${WEFT_BENCH_ONESHOT_RUNS:-7}
jar=benchmarks/target/benchmarks.jar
cli=arazzo-compiler/target/arazzo-compiler-0.1.0-SNAPSHOT-cli.jar
peer=benchmarks/peer
if [ ! -x "$peer/node_modules/.bin/redocly" ] || [ ! -f "$peer/node_modules/@octokit/openapi/generated/api.github.com.json" ]; then
  mkdir -p "$peer" && (cd "$peer" && npm install --no-audit --no-fund --prefix . @redocly/cli @octokit/openapi >&2)
fi
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pass() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "pass" : "FAIL" }'; }
out=$(mktemp -d)
if [ -z "${WEFT_BENCH_SKIP_ONESHOT:-}" ]; then
  doc=examples/civitai/src/main/arazzo/arazzo/civitai-image-generation-poll-workflow.yml
  coproc FAKE { java -cp "$jar" dev.weft.benchmarks.FakeServerProcess 0; }
  read -r url <&"${FAKE[0]}"
  args=(--server "civitaiOrchestrationApi=$url" --poll-delay 0 -i apiKey=k -i engine=flux2 -i prompt=fox -i quantity=1)
  export WEFT_CACHE_DIR="$out/cache"
  WEFT_JAR=$cli arazzo-compiler/src/main/bin/weft run "$doc" "${args[@]}" >/dev/null 2>&1   # makes the CDS archive
  for i in $(seq 1 "$n"); do
    rm -f "$WEFT_CACHE_DIR"/*.json   # a new document: no compiled classes cached (the CDS archive stays)
    s=$(date +%s%N); WEFT_JAR=$cli arazzo-compiler/src/main/bin/weft run "$doc" "${args[@]}" >/dev/null 2>&1; ms "$s" >>"$out/first"
    s=$(date +%s%N); WEFT_JAR=$cli arazzo-compiler/src/main/bin/weft run "$doc" "${args[@]}" >/dev/null 2>&1; ms "$s" >>"$out/warm"
    s=$(date +%s%N)
    "$peer/node_modules/.bin/redocly" respect "$doc" -S "civitaiOrchestrationApi=$url" \
      -i apiKey=k -i engine=flux2 -i prompt=fox -i quantity=1 >/dev/null 2>&1
    ms "$s" >>"$out/respect"
  done
  exec {FAKE[1]}>&-
  first=$(median <"$out/first"); warm=$(median <"$out/warm"); respect=$(median <"$out/respect")
  rw=$(awk -v a="$warm" -v b="$respect" 'BEGIN { printf "%.2f", a / b }')
  rf=$(awk -v a="$first" -v b="$respect" 'BEGIN { printf "%.2f", a / b }')
  printf '%-46s %14s %-10s %-12s %s\n' "one-shot weft run, cached (median of $n)" "$warm" "ms" "" ""
  printf '%-46s %14s %-10s %-12s %s\n' "one-shot weft run, new document" "$first" "ms" "" ""
  printf '%-46s %14s %-10s %-12s %s\n' "one-shot respect (Redocly)" "$respect" "ms" "" ""
  printf '%-46s %14s %-10s %-12s %s\n' "weft run cached / respect" "$rw" "x" "<= 1.0" "$(pass "$rw" 1.0)"
  printf '%-46s %14s %-10s %-12s %s\n' "weft run new document / respect" "$rf" "x" "<= 2.0" "$(pass "$rf" 2.0)"
fi
# validate+generate against a large description: through the launcher as users run it (CDS, C1), and with
# java -jar's default JIT; wall and peak resident memory, medians of 3
large() { # $1: label, $2: Arazzo document
  # once unmeasured: the launcher's first run of a build writes its class-data archive
  WEFT_CACHE_DIR="$out/cache" WEFT_JAR=$cli arazzo-compiler/src/main/bin/weft generate "$2" -d "$out/gen" -p large \
    >/dev/null 2>&1
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$out/l-$i" env WEFT_CACHE_DIR="$out/cache" WEFT_JAR=$cli \
      arazzo-compiler/src/main/bin/weft generate "$2" -d "$out/gen" -p large >/dev/null 2>&1
    /usr/bin/time -f "%e %M" -o "$out/j-$i" java -jar "$cli" generate "$2" -d "$out/gen" -p large >/dev/null 2>&1
  done
  wall=$(cat "$out"/l-* | awk '{ print $1 }' | median); rss=$(cat "$out"/l-* | awk '{ print int($2 / 1024) }' | median)
  jwall=$(cat "$out"/j-* | awk '{ print $1 }' | median); jrss=$(cat "$out"/j-* | awk '{ print int($2 / 1024) }' | median)
  printf '%-46s %14s %-10s %-12s %s\n' "$1, validate+generate (weft, median of 3)" "$wall" "s" "<= 2" "$(pass "$wall" 2)"
  printf '%-46s %14s %-10s %-12s %s\n' "  peak resident" "$rss" "MB" "<= 400" "$(pass "$rss" 400)"
  printf '%-46s %14s %-10s %-12s %s\n' "  the same with java -jar (default JIT)" "$jwall" "s" "" ""
  printf '%-46s %14s %-10s %-12s %s\n' "  peak resident" "$jrss" "MB" "" ""
  rm -f "$out"/l-* "$out"/j-*
}
if [ -z "${WEFT_BENCH_SKIP_GITHUB:-}" ]; then
  large "GitHub 13 MB, 2 steps" benchmarks/fixtures/github-two-steps.arazzo.yaml
fi
if [ -z "${WEFT_BENCH_SKIP_SYNTHETIC:-}" ]; then
  java -cp "$jar" dev.weft.benchmarks.SyntheticDescription "$out/synthetic" >&2
  large "synthetic 800 KB 3.1, 39 steps" "$out/synthetic/synthetic.arazzo.yaml"
fi
printf '%-46s %14s\n' "  load average" "$(uptime | sed 's/.*load average: //')"
