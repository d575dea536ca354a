#!/usr/bin/env bash
# The Step Functions API under load on `stride server`'s durable default (SQLite, PROCESS_CRASH):
# wrk -t2 -c16, RUNS (3) runs of SECONDS (10) after a 5 s warm-up each, medians of throughput,
# p50 and p99, for
#   - StartExecution of chain5 (five Pass states, STANDARD): the reply comes once the start is on disk;
#     after the runs every acknowledged start must have SUCCEEDED (read from /metrics);
#   - StartSyncExecution of chain5 (EXPRESS);
#   - DescribeStateMachine.
# Issue 18's targets: >= 6,500 StartExecution/s p99 <= 25 ms; >= 30,000 StartSyncExecution/s and
# >= 35,000 DescribeStateMachine/s, p99 <= 10 ms.
#
#   scripts/bench-api.sh        Env: PORT (18420), WORK (/tmp/stride-bench-api), RUNS, RUN_SECONDS
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-18420}"
WORK="${WORK:-/tmp/stride-bench-api}"
RUNS="${RUNS:-3}"
SECONDS_PER_RUN="${RUN_SECONDS:-10}"
THREADS=2 CONNECTIONS=16
. "$ROOT/scripts/bench-lib.sh"
ensure_wrk
rm -rf "$WORK" && mkdir -p "$WORK"
trap kill_server EXIT
start_server

sfn() {  # sfn ACTION JSON
  curl -sf "$ENDPOINT/" -H "Content-Type: application/x-amz-json-1.0" -H "X-Amz-Target: AWSStepFunctions.$1" -d "$2"
}
CHAIN5='{\"StartAt\":\"S1\",\"States\":{\"S1\":{\"Type\":\"Pass\",\"Next\":\"S2\"},\"S2\":{\"Type\":\"Pass\",\"Next\":\"S3\"},\"S3\":{\"Type\":\"Pass\",\"Next\":\"S4\"},\"S4\":{\"Type\":\"Pass\",\"Next\":\"S5\"},\"S5\":{\"Type\":\"Pass\",\"End\":true}}}'
ROLE='arn:aws:iam::123456789012:role/bench'
standard=$(sfn CreateStateMachine "{\"name\":\"chain5\",\"roleArn\":\"$ROLE\",\"definition\":\"$CHAIN5\"}" | json "d['stateMachineArn']")
express=$(sfn CreateStateMachine "{\"name\":\"chain5-express\",\"type\":\"EXPRESS\",\"roleArn\":\"$ROLE\",\"definition\":\"$CHAIN5\"}" | json "d['stateMachineArn']")

measure() {  # measure NAME SCRIPT ARGS...: warm-up, RUNS runs, medians; prints acked total on fd 3
  local name="$1" script="$2"; shift 2
  : >"$WORK/$name.rows"
  run_wrk "$script" 5 "$WORK/warm.out" "$@"
  acked=$(result_field "$WORK/warm.out" acked)
  for _ in $(seq 1 "$RUNS"); do
    run_wrk "$script" "$SECONDS_PER_RUN" "$WORK/run.out" "$@"
    local req dur p50 p99
    req=$(result_field "$WORK/run.out" requests); dur=$(result_field "$WORK/run.out" duration_us)
    p50=$(result_field "$WORK/run.out" p50_us); p99=$(result_field "$WORK/run.out" p99_us)
    acked=$((acked + $(result_field "$WORK/run.out" acked)))
    echo "$(python3 -c "print($req/($dur/1e6))") $p50 $p99" >>"$WORK/$name.rows"
  done
  medians "$name" "req/s" "$WORK/$name.rows"
}

# Standard starts last: their executions go on finishing (and committing) after wrk stops.
measure StartSync sfn-start "$express" StartSyncExecution
measure DescribeSM sfn-describe-machine "$standard"
measure StartExecution sfn-start "$standard" StartExecution
started=$acked

# Every acknowledged Standard start must end SUCCEEDED.
for _ in $(seq 1 600); do
  done_count=$(curl -sf "$ENDPOINT/metrics" | python3 -c "
import re, sys
m = re.search(r'^stride_executions_succeeded_total\{[^}]*type=\"STANDARD\"[^}]*\} (\S+)$', sys.stdin.read(), re.M)
print(int(float(m.group(1))) if m else 0)")
  [ "$done_count" -ge "$started" ] && break
  sleep 0.5
done
echo "StartExecution acknowledged: $started, SUCCEEDED: $done_count"
[ "$done_count" -ge "$started" ] || { echo "bench-api: some acknowledged executions did not succeed" >&2; exit 1; }
