#!/usr/bin/env bash
# Local AWS Batch's overhead: SubmitJob -> RUNNING, process exit -> SUCCEEDED, processes per second.
# Usage: scripts/bench-batch.sh [--samples 50] [--jobs 100]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -q -B -o -pl benchmarks -am package -DskipTests
"$JAVA_HOME/bin/java" -cp benchmarks/target/benchmarks.jar dev.stride.benchmarks.BatchLatency "$@"
