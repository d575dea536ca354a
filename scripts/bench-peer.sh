#!/usr/bin/env bash
# Side-by-side throughput: the peer (aws-local-stepfunctions on node) and Stride, same machine,
# same workloads and sizes, then the ratio per workload (Stride transitions/s / peer transitions/s).
#
#   scripts/bench-peer.sh                       # defaults below, 3 fresh-process runs each
#   RUNS=1 LOOP=30000 MAP=30000 PARALLEL=3000 EXECS=30000 scripts/bench-peer.sh   # quick
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
STRIDE_JVM="${STRIDE_JVM:--Xms2g -Xmx6g}"
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
echo
echo "### peer (aws-local-stepfunctions)"
(cd "$WORK/peer" && node throughput.mjs --verify --only loop,map,parallel,many --runs "$RUNS" \
   --loop "$LOOP" --map "$MAP" --parallel "$PARALLEL" --execs "$EXECS" --json "$WORK/peer.json")
echo
echo "### Stride"
"$JAVA" -cp "$JAR" dev.stride.benchmarks.Throughput --workloads "$SHARED/bench/workloads" --jvm "$STRIDE_JVM" \
   --only loop,map,parallel,many --runs "$RUNS" --loop "$LOOP" --map "$MAP" --parallel "$PARALLEL" --execs "$EXECS" \
   --loop-jsonata "$LOOP_JSONATA" --map-jsonata "$MAP_JSONATA" --json "$WORK/stride.json"
echo
echo "### ratio (median transitions/s, Stride / peer; target >= 25x)"
node - "$WORK/peer.json" "$WORK/stride.json" <<'JS'
const fs = require('fs');
const [peerFile, strideFile] = process.argv.slice(2);
const peer = JSON.parse(fs.readFileSync(peerFile, 'utf8'));
const stride = JSON.parse(fs.readFileSync(strideFile, 'utf8'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const peerTps = {};
for (const r of peer.results) peerTps[r.workload] = { size: r.size, tps: median(r.runs.map((x) => x.transitions_per_s)) };
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log('| workload | size | peer trans/s | Stride trans/s | Stride / peer | >= 25x |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const r of stride.results) {
  const base = r.workload.replace(/-jsonata$/, '');
  const p = peerTps[base];
  const s = r.median_transitions_per_s;
  const ratio = p ? s / p.tps : NaN;
  const note = r.workload.endsWith('-jsonata') ? ' (vs peer JSONPath)' : '';
  console.log(`| ${r.workload} | ${r.size} | ${p ? fmt(p.tps) : '-'} | ${fmt(s)} | ${ratio.toFixed(2)}x${note} | ${ratio >= 25 ? 'yes' : 'NO'} |`);
}
JS
