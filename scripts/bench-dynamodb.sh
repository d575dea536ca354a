#!/usr/bin/env bash
# Local DynamoDB throughput over HTTP, against `stride server` on its durable default (the
# embedded SQLite store in a fresh data folder), with wrk: 2 client threads, 16 connections.
#
#   scripts/bench-dynamodb.sh                      # 3 measured runs of 10 s per workload
#   PARTITIONS=1000 RUNS=1 scripts/bench-dynamodb.sh   # quick: a 100,000-item table
#
# Workloads (scripts in benchmarks/wrk/):
#   put     PutItem of new ~150-byte items into an empty table; afterwards the server is
#           killed with kill -9 and restarted, and every acknowledged item must be there
#   load    BatchWriteItem of PARTITIONS x 100 items (default 10,000 x 100 = 1,000,000), ~100
#           bytes each, from 4 Python client threads (not wrk: it must stop at a count)
#   get     GetItem of random items of the loaded table (every reply must hold the item)
#   query   Query of one random whole partition: 100 items per reply
#   scan    Scan paging through the whole loaded table (1 MB pages), one client
#   restart the server's start-up time with the loaded table (kill -9, then until /health answers)
#
# Environment: RUNS, DURATION (s), WARMUP (s), PARTITIONS, PORT, THREADS, CONNECTIONS, WORK.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"; DURATION="${DURATION:-10}"; WARMUP="${WARMUP:-5}"; PARTITIONS="${PARTITIONS:-10000}"
PORT="${PORT:-18085}"; THREADS="${THREADS:-2}"; CONNECTIONS="${CONNECTIONS:-16}"
WORK="${WORK:-/tmp/stride-bench-dynamodb}"
. "$ROOT/scripts/bench-lib.sh"
ensure_wrk
"$ROOT/stride" --version >/dev/null
trap kill_server EXIT
PY="$ROOT/scripts/bench-dynamodb.py"

ddb() {  # ddb ACTION JSON -> reply body
  curl -sf -X POST "$ENDPOINT/" -H 'Content-Type: application/x-amz-json-1.0' -H "X-Amz-Target: DynamoDB_20120810.$1" -d "$2"
}
create_table() {
  ddb CreateTable "{\"TableName\":\"$1\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}" >/dev/null
}
record() {  # record NAME OUT OPS: prints the run, appends "ops p50 p99"
  local p50 p99; p50=$(result_field "$2" p50_us); p99=$(result_field "$2" p99_us)
  printf '%-8s run %d: %8d ops/s  p50 %6s ms  p99 %6s ms  (%s)\n' "$1" "$r" "$3" "$(ms "$p50")" "$(ms "$p99")" "$4"
  echo "$3 $p50 $p99" >>"$WORK/$1.results"
}
per_second() { python3 -c "print(round($1 / ($(result_field "$2" duration_us) / 1e6)))"; }

mkdir -p "$WORK"; rm -f "$WORK"/*.results "$WORK/server.log"
echo "### machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "### stride server on its durable default (SQLite in a fresh data folder); wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s runs after ${WARMUP}s warm-up"

# 1. PutItem, then a crash: nothing acknowledged may be lost.
for r in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/data"; start_server
  create_table warm; create_table put
  [ "$WARMUP" -gt 0 ] && run_wrk ddb-put "$WARMUP" "$WORK/warmup.out" warm
  run_wrk ddb-put "$DURATION" "$WORK/put-$r.out" put
  acked=$(result_field "$WORK/put-$r.out" acked)
  kill_server; start_server
  stored=$(python3 "$PY" count "$ENDPOINT" put | json "d['count']")
  kill_server
  verdict=ok; [ "$stored" -ge "$acked" ] || verdict="LOST $((acked - stored)) of $acked acknowledged"
  record put "$WORK/put-$r.out" "$(per_second "$acked" "$WORK/put-$r.out")" "$acked acknowledged, $stored stored after kill -9: $verdict"
  [ "$verdict" = ok ] || { echo "bench-dynamodb: PutItem lost acknowledged items" >&2; exit 1; }
done

# 2. One big table for reads.
rm -rf "$WORK/data"; start_server; create_table big
load=$(python3 "$PY" load "$ENDPOINT" big "$PARTITIONS")
echo "load     $(echo "$load" | json "f\"{d['items']:,} items in {d['seconds']} s: {d['items_per_s']:,} items/s (BatchWriteItem, 4 Python threads)\"")"
kill_server
t0=$(date +%s.%N); start_server; t1=$(date +%s.%N)
echo "restart  $(python3 -c "print(f'{$t1 - $t0:.2f}')") s until /health answers with $((PARTITIONS * 100)) items stored (after kill -9)"
[ "$WARMUP" -gt 0 ] && run_wrk ddb-get "$WARMUP" "$WORK/warmup.out" big "$PARTITIONS" && run_wrk ddb-query "$WARMUP" "$WORK/warmup.out" big "$PARTITIONS"
for r in $(seq 1 "$RUNS"); do
  run_wrk ddb-get "$DURATION" "$WORK/get-$r.out" big "$PARTITIONS"
  found=$(result_field "$WORK/get-$r.out" found); missing=$(result_field "$WORK/get-$r.out" missing)
  record get "$WORK/get-$r.out" "$(per_second "$found" "$WORK/get-$r.out")" "$found found, $missing missing"
  [ "$missing" = 0 ] || { echo "bench-dynamodb: GetItem missed loaded items" >&2; exit 1; }
  run_wrk ddb-query "$DURATION" "$WORK/query-$r.out" big "$PARTITIONS"
  q=$(result_field "$WORK/query-$r.out" requests); full=$(result_field "$WORK/query-$r.out" full)
  record query "$WORK/query-$r.out" "$(per_second "$full" "$WORK/query-$r.out")" "$full of $q queries returned 100 items"
  [ "$full" -ge $((q - CONNECTIONS)) ] || { echo "bench-dynamodb: queries returned fewer than 100 items" >&2; exit 1; }
done
for r in $(seq 1 "$RUNS"); do
  scan=$(python3 "$PY" scan "$ENDPOINT" big)
  echo "scan     run $r: $(echo "$scan" | json "f\"{d['items']:,} items in {d['pages']} pages, {d['seconds']} s\"")"
  echo "$scan" | json "d['seconds']" >>"$WORK/scan.results"
done
kill_server

echo
echo "### medians of $RUNS runs"
medians put requests/s "$WORK/put.results"
medians get requests/s "$WORK/get.results"
medians query queries/s "$WORK/query.results"
echo "scan     $(python3 -c "import statistics; print(statistics.median(float(l) for l in open('$WORK/scan.results')))") s for $((PARTITIONS * 100)) items"
