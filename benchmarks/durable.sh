#!/usr/bin/env bash
# 1,000 concurrent durable runs of image-generation-poll on Temporal's in-memory test service, under -Xmx512m;
# called by benchmarks/run.sh after it built benchmarks/target/benchmarks.jar, or on its own after that build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "1,000 concurrent durable runs on the Temporal test service under -Xmx512m..." >&2
java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.DurableRuns "${WEFT_DURABLE_RUNS:-1000}" 2>/dev/null \
  | grep '^durable:'
