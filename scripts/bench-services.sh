#!/usr/bin/env bash
# Local SQS and SNS throughput over HTTP, against `stride server` on its durable default (the
# embedded SQLite store in a fresh data folder), with wrk: 2 client threads, 16 connections.
#
#   scripts/bench-services.sh              # 3 measured runs of 10 s per workload, after a warm-up
#   RUNS=5 DURATION=20 scripts/bench-services.sh
#   ONLY=sqs-send scripts/bench-services.sh    # sqs-send, sqs-roundtrip, sns-publish
#
# Workloads (scripts in benchmarks/wrk/):
#   sqs-send       SendMessage, one message per request (AWS JSON protocol)
#   sqs-roundtrip  SendMessage + ReceiveMessage (up to 10) + DeleteMessage per message; counts
#                  messages whose delete was acknowledged
#   sns-publish    Publish (query protocol) to a topic with one SQS subscriber
#
# After every run the server is killed with kill -9 and started again on the same data folder,
# and the queue is counted: every acknowledged message must still be there (or, for the round
# trip, deleted). A loss fails the benchmark.
#
# Prints each run, then the median per workload: operations/s, p50 and p99 latency.
# Environment: RUNS, DURATION (s), WARMUP (s), PORT, THREADS, CONNECTIONS, ONLY, WORK.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"; DURATION="${DURATION:-10}"; WARMUP="${WARMUP:-5}"
PORT="${PORT:-18083}"; THREADS="${THREADS:-2}"; CONNECTIONS="${CONNECTIONS:-16}"
ONLY="${ONLY:-sqs-send,sqs-roundtrip,sns-publish}"
WORK="${WORK:-/tmp/stride-bench-services}"
. "$ROOT/scripts/bench-lib.sh"
ensure_wrk
# Build once through the launcher (it finds a JDK >= 21 and builds when sources changed).
"$ROOT/stride" --version >/dev/null
trap kill_server EXIT

sqs() {  # sqs ACTION JSON -> reply body
  curl -sf -X POST "$ENDPOINT/" -H 'Content-Type: application/x-amz-json-1.0' -H "X-Amz-Target: AmazonSQS.$1" -d "$2"
}
queue_count() {  # visible + in flight + delayed messages of a queue URL
  sqs GetQueueAttributes "{\"QueueUrl\":\"$1\",\"AttributeNames\":[\"All\"]}" | json \
    "int(d['Attributes']['ApproximateNumberOfMessages'])+int(d['Attributes']['ApproximateNumberOfMessagesNotVisible'])+int(d['Attributes']['ApproximateNumberOfMessagesDelayed'])"
}

one_run() {  # one_run WORKLOAD RUN -> appends "ops p50 p99" to $WORK/WORKLOAD.results
  local w="$1" r="$2" out="$WORK/$1-$2.out"
  rm -rf "$WORK/data"; start_server
  local url topic arg
  url=$(sqs CreateQueue "{\"QueueName\":\"bench-$w\"}" | json "d['QueueUrl']")
  arg="$url"
  if [ "$w" = sns-publish ]; then
    topic=$(curl -sf "$ENDPOINT/" -d "Action=CreateTopic&Name=bench&Version=2010-03-31" | sed -n 's:.*<TopicArn>\(.*\)</TopicArn>.*:\1:p')
    qarn=$(sqs GetQueueAttributes "{\"QueueUrl\":\"$url\",\"AttributeNames\":[\"QueueArn\"]}" | json "d['Attributes']['QueueArn']")
    curl -sf "$ENDPOINT/" --data-urlencode "Action=Subscribe" --data-urlencode "TopicArn=$topic" --data-urlencode "Protocol=sqs" \
      --data-urlencode "Endpoint=$qarn" --data-urlencode "Version=2010-03-31" >/dev/null
    arg="$topic"
  fi
  # Warm-up on a separate queue or topic, so the measured one counts only measured messages.
  if [ "$WARMUP" -gt 0 ]; then
    local warm
    warm=$(sqs CreateQueue "{\"QueueName\":\"warm-$w\"}" | json "d['QueueUrl']")
    if [ "$w" = sns-publish ]; then
      local wt
      wt=$(curl -sf "$ENDPOINT/" -d "Action=CreateTopic&Name=warm&Version=2010-03-31" | sed -n 's:.*<TopicArn>\(.*\)</TopicArn>.*:\1:p')
      curl -sf "$ENDPOINT/" --data-urlencode "Action=Subscribe" --data-urlencode "TopicArn=$wt" --data-urlencode "Protocol=sqs" \
        --data-urlencode "Endpoint=${qarn%:*}:warm-$w" --data-urlencode "Version=2010-03-31" >/dev/null
      warm="$wt"
    fi
    run_wrk "$w" "$WARMUP" "$WORK/warmup.out" "$warm"
  fi
  run_wrk "$w" "$DURATION" "$out" "$arg"
  local requests duration p50 p99 ops
  requests=$(result_field "$out" requests); duration=$(result_field "$out" duration_us)
  p50=$(result_field "$out" p50_us); p99=$(result_field "$out" p99_us)
  # Let asynchronous deliveries (SNS to SQS) land, then crash the server and count again.
  sleep 1
  kill_server; start_server
  local stored; stored=$(queue_count "$url")
  local verdict="ok"
  case "$w" in
    sqs-send|sns-publish)
      local acked; acked=$(result_field "$out" acked)
      ops=$(python3 -c "print(round($acked / ($duration / 1e6)))")
      [ "$stored" -ge "$acked" ] || verdict="LOST $((acked - stored)) of $acked acknowledged"
      # wrk counts completed requests; up to one more per connection was sent when time ran out.
      [ "$stored" -le $((requests + CONNECTIONS)) ] || verdict="$verdict; $stored stored but only $requests sent" ;;
    sqs-roundtrip)
      local sent deleted deletes
      sent=$(result_field "$out" sent); deleted=$(result_field "$out" deleted); deletes=$(result_field "$out" delete_requests)
      ops=$(python3 -c "print(round($deleted / ($duration / 1e6)))")
      # Acknowledged sends are either still stored or were deleted (a delete in flight may have landed).
      [ "$stored" -ge $((sent - deletes)) ] || verdict="LOST: $sent sent, $deletes deletes asked, $stored left"
      [ "$stored" -le $((sent + CONNECTIONS - deleted)) ] || verdict="$verdict; $stored left but $deleted of $sent deleted" ;;
  esac
  kill_server
  printf '%-14s run %d: %8d ops/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests; %d in the queue after kill -9: %s)\n' \
    "$w" "$r" "$ops" "$(ms "$p50")" "$(ms "$p99")" "$requests" "$stored" "$verdict"
  echo "$ops $p50 $p99" >>"$WORK/$w.results"
  [ "$verdict" = ok ] || { echo "bench-services: $w lost acknowledged messages" >&2; exit 1; }
}

mkdir -p "$WORK"
echo "### machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "### stride server on its durable default (SQLite in a fresh data folder); wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s runs after ${WARMUP}s warm-up"
IFS=, read -r -a workloads <<<"$ONLY"
for w in "${workloads[@]}"; do
  rm -f "$WORK/$w.results"
  for r in $(seq 1 "$RUNS"); do one_run "$w" "$r"; done
done
echo
echo "### medians of $RUNS runs"
for w in "${workloads[@]}"; do
  medians "$w" "$([ "$w" = sqs-roundtrip ] && echo messages/s || echo requests/s)" "$WORK/$w.results"
done
