#!/usr/bin/env bash
# Side-by-side throughput: the peer (aws-local-stepfunctions on node) and Stride, same machine,
# same workloads and sizes, then the ratio per workload (Stride transitions/s / peer transitions/s).
#
#   scripts/bench-peer.sh                       # defaults below, 3 fresh-process runs each
#   RUNS=1 LOOP=30000 MAP=30000 PARALLEL=3000 EXECS=30000 scripts/bench-peer.sh   # quick
#
# Peer and Stride runs alternate (peer run, Stride run, per workload and round): on a shared
# machine whose speed drifts, each ratio compares runs made minutes apart at most.
#
# Environment: RUNS, LOOP, MAP, PARALLEL, EXECS, LOOP_JSONATA, MAP_JSONATA (sizes), SHARED (the
# shared folder, default ../shared next to the repository), WORK (scratch dir, default
# /tmp/stride-bench), JAVA (default $JAVA_HOME/bin/java or java), STRIDE_JVM (child JVM flags),
# SKIP_BUILD=1 (use the existing benchmarks/target/benchmarks.jar).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$(cd "$ROOT/.." && pwd)/shared}"
[ -f "$SHARED/bench/workloads/loop.asl.json" ] || SHARED=/work/shared
WORK="${WORK:-/tmp/stride-bench}"
RUNS="${RUNS:-3}"
LOOP="${LOOP:-120000}"; MAP="${MAP:-60000}"; PARALLEL="${PARALLEL:-6000}"; EXECS="${EXECS:-60000}"
LOOP_JSONATA="${LOOP_JSONATA:-60000}"; MAP_JSONATA="${MAP_JSONATA:-5000}"
# The launcher's JVM options (collector, JIT compile-unit boundaries) plus a fixed heap.
STRIDE_JVM="${STRIDE_JVM:--Xms2g -Xmx6g -XX:+UseParallelGC @$ROOT/scripts/jit.options}"
if [ -z "${JAVA:-}" ]; then
  if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"
  elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  else JAVA=java; fi
fi
JAR="$ROOT/benchmarks/target/benchmarks.jar"

# 1. the peer harness, copied out of the read-only shared folder (throughput.mjs reads ../workloads)
mkdir -p "$WORK"
if [ ! -d "$WORK/peer/node_modules/aws-local-stepfunctions" ]; then
  rm -rf "$WORK/peer" "$WORK/workloads"
  cp -r "$SHARED/bench/peer" "$WORK/peer"
  cp -r "$SHARED/bench/workloads" "$WORK/workloads"
  (cd "$WORK/peer" && npm install --no-audit --no-fund >/dev/null 2>&1)
fi
cp "$SHARED"/bench/workloads/*.asl.json "$WORK/workloads/"

# 2. the Stride jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")" mvn -q -B -pl benchmarks -am package -DskipTests)
fi

echo "### machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg); $(node --version); $("$JAVA" -version 2>&1 | head -1)"
echo "### sizes: loop N=$LOOP, map N=$MAP, parallel N=$PARALLEL, many E=$EXECS (JSONata twins: loop N=$LOOP_JSONATA, map N=$MAP_JSONATA); $RUNS runs each"
echo "### runs alternate: peer run, Stride run, per workload and round, so both see the same machine"
echo "### (a shared machine's speed drifts by up to 2x over minutes; the ratio is taken per pair)"
echo
(cd "$WORK/peer" && node throughput.mjs --verify --only loop,map,parallel,many --runs 1 \
   --loop 50 --map 50 --parallel 5 --execs 20 >/dev/null) || { echo "peer verification failed"; exit 1; }
"$JAVA" -cp "$JAR" dev.stride.benchmarks.Throughput --workloads "$SHARED/bench/workloads" --jvm "$STRIDE_JVM" \
   --only loop,map,parallel,many --runs 1 --loop 50 --map 50 --parallel 5 --execs 20 --no-jsonata | grep '^# verify'
rm -f "$WORK"/pair-*.json
size_of() { case "$1" in loop) echo "$LOOP";; map) echo "$MAP";; parallel) echo "$PARALLEL";; many) echo "$EXECS";; esac; }
flag_of() { case "$1" in many) echo "--execs";; *) echo "--$1";; esac; }
for round in $(seq 1 "$RUNS"); do
  for w in loop map parallel many; do
    (cd "$WORK/peer" && node throughput.mjs --only "$w" --runs 1 "$(flag_of "$w")" "$(size_of "$w")" \
       --json "$WORK/pair-$w-$round-peer.json" | grep -E "^$w " | sed 's/^/#   peer   /' || true)
    "$JAVA" -cp "$JAR" dev.stride.benchmarks.Throughput --workloads "$SHARED/bench/workloads" --jvm "$STRIDE_JVM" \
       --only "$w" --no-jsonata --no-verify --runs 1 "$(flag_of "$w")" "$(size_of "$w")" \
       --json "$WORK/pair-$w-$round-stride.json" | grep -E "^# +$w " | sed 's/^#  */#   stride /' || true
  done
done
echo
echo "### Stride JSONata twins (no peer counterpart: the peer has no JSONata)"
"$JAVA" -cp "$JAR" dev.stride.benchmarks.Throughput --workloads "$SHARED/bench/workloads" --jvm "$STRIDE_JVM" \
   --only loop-jsonata,map-jsonata --no-verify --runs "$RUNS" --loop-jsonata "$LOOP_JSONATA" --map-jsonata "$MAP_JSONATA" \
   --json "$WORK/stride-jsonata.json" | tail -3
echo
echo "### ratio (Stride / peer transitions/s per alternating pair; median of the pairs; target >= 25x)"
node - "$WORK" "$RUNS" <<'JS'
const fs = require('fs');
const [work, runs] = [process.argv[2], Number(process.argv[3])];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const tps = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).results[0].runs[0].transitions_per_s;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log('| workload | peer trans/s (median) | Stride trans/s (median) | ratio per pair | median ratio | >= 25x |');
console.log('| --- | ---: | ---: | --- | ---: | --- |');
for (const w of ['loop', 'map', 'parallel', 'many']) {
  const peer = [], stride = [], ratio = [];
  for (let r = 1; r <= runs; r++) {
    const p = tps(`${work}/pair-${w}-${r}-peer.json`), s = tps(`${work}/pair-${w}-${r}-stride.json`);
    peer.push(p); stride.push(s); ratio.push(s / p);
  }
  const m = median(ratio);
  console.log(`| ${w} | ${fmt(median(peer))} | ${fmt(median(stride))} | ${ratio.map((x) => x.toFixed(1)).join(' / ')} | ${m.toFixed(1)}x | ${m >= 25 ? 'yes' : 'NO'} |`);
}
const twins = JSON.parse(fs.readFileSync(`${work}/stride-jsonata.json`, 'utf8')).results;
for (const t of twins) console.log(`| ${t.workload} (N=${t.size}) | - | ${fmt(t.median_transitions_per_s)} | | | |`);
JS
