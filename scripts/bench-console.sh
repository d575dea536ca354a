#!/usr/bin/env bash
# How fast the web console is on a full server: fills a durable `stride server` (SQLite, the
# default) with EXECUTIONS (100,000) executions of a one-Pass machine (wrk, StartExecution) and one
# execution of a Pass/Choice loop that runs into the 25,000-event history quota, then times, as
# the median of REPEAT (7) requests each after one warm-up:
#   - the machine page with the first page of executions, and a deep page (the ListExecutions
#     token after DEEP (50,000) executions, as the page's "Next page" links carry it);
#   - the 25,000-event execution's page: its first open (it reads the history), opened again,
#     one step of its stepper and its timeline;
# and the bytes the console's classes and assets take in cli/target/stride.jar.
# Targets: list pages < 200 ms, the 25k-event execution < 2 s, the console < 2 MB.
#
#   scripts/bench-console.sh            # fills WORK once (minutes), measures
#   KEEP=1 scripts/bench-console.sh     # measures again on the data filled before
#   FILL_ONLY=1 scripts/bench-console.sh  # only fills
# Env: PORT (18410), WORK (/tmp/stride-bench-console), EXECUTIONS, DEEP, REPEAT.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-18410}"
WORK="${WORK:-/tmp/stride-bench-console}"
EXECUTIONS="${EXECUTIONS:-100000}"
DEEP="${DEEP:-50000}"
REPEAT="${REPEAT:-7}"
THREADS=2 CONNECTIONS=16
ENDPOINT="http://127.0.0.1:$PORT"
. "$ROOT/scripts/bench-lib.sh"
ensure_wrk
mkdir -p "$WORK"
PREFIX="arn:aws:states:us-east-1:123456789012"
ONE="$PREFIX:stateMachine:bench-one-pass"
LOOP="$PREFIX:stateMachine:bench-loop"
trap kill_server EXIT

sfn() {  # sfn ACTION JSON
  curl -sf "$ENDPOINT/" -H "X-Amz-Target: AWSStepFunctions.$1" -H "Content-Type: application/x-amz-json-1.0" -d "$2"
}

fill() {
  rm -rf "$WORK/data" "$WORK/filled"
  start_server
  sfn CreateStateMachine '{"name":"bench-one-pass","roleArn":"arn:aws:iam::123456789012:role/r",
    "definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"}' >/dev/null
  # Pass then Choice back to it, for ever: 4 events a turn, until the engine stops it at 25,000 events.
  sfn CreateStateMachine '{"name":"bench-loop","roleArn":"arn:aws:iam::123456789012:role/r",
    "definition":"{\"StartAt\":\"Count\",\"States\":{\"Count\":{\"Type\":\"Pass\",\"Parameters\":{\"i.$\":\"States.MathAdd($.i, 1)\"},\"Next\":\"Again\"},\"Again\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.i\",\"NumericGreaterThanEquals\":0,\"Next\":\"Count\"}],\"Default\":\"Done\"},\"Done\":{\"Type\":\"Succeed\"}}}"}' >/dev/null
  sfn StartExecution "{\"stateMachineArn\":\"$LOOP\",\"name\":\"long-history\",\"input\":\"{\\\"i\\\":0}\"}" >/dev/null
  local t0=$SECONDS
  wrk -t"$THREADS" -c"$CONNECTIONS" -d600s -s "$ROOT/scripts/console-bench-start.lua" "$ENDPOINT/" -- "$ONE" $((EXECUTIONS / THREADS)) >"$WORK/fill.out"
  echo "bench: started $EXECUTIONS executions in $((SECONDS - t0)) s" >&2
  for _ in $(seq 1 600); do
    sfn DescribeExecution "{\"executionArn\":\"$PREFIX:execution:bench-loop:long-history\"}" | grep -q '"RUNNING"' || break
    sleep 1
  done
  touch "$WORK/filled"
  kill_server
}

[ "${KEEP:-0}" = 1 ] && [ -f "$WORK/filled" ] || fill
[ "${FILL_ONLY:-0}" = 1 ] && exit 0
start_server

# The ListExecutions token after DEEP executions, found with pages of 1000.
token=""
for _ in $(seq 1 $((DEEP / 1000))); do
  req="{\"stateMachineArn\":\"$ONE\",\"maxResults\":1000${token:+,\"nextToken\":\"$token\"}}"
  token="$(sfn ListExecutions "$req" | json "d.get('nextToken', '')")"
done
enc() { python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=''))" "$1"; }
LONG="$PREFIX:execution:bench-loop:long-history"
events="$(sfn GetExecutionHistory "{\"executionArn\":\"$LONG\",\"maxResults\":1,\"reverseOrder\":true}" | json "d['events'][0]['id']")"
listed="$(sfn ListExecutions "{\"stateMachineArn\":\"$ONE\",\"maxResults\":1000${token:+,\"nextToken\":\"$token\"}}" | json "len(d['executions'])")"

once_ms() {  # once_ms URL: one GET, in ms
  curl -sf -o /dev/null -H "Accept: text/html" -w '%{time_total}\n' "$1" | python3 -c "import sys; print(f'{float(sys.stdin.read()) * 1000:.0f}')"
}
median_ms() {  # median_ms URL: the median total time of REPEAT GETs after one warm-up, in ms
  curl -sf -o /dev/null -H "Accept: text/html" "$1"
  for _ in $(seq 1 "$REPEAT"); do curl -sf -o /dev/null -H "Accept: text/html" -w '%{time_total}\n' "$1"; done \
    | python3 -c "import sys, statistics; print(f'{statistics.median(float(l) for l in sys.stdin) * 1000:.0f}')"
}
C="$ENDPOINT/_stride/console"
list_api() {  # the same page straight from the API, for comparison
  for _ in $(seq 1 3); do
    curl -s -o /dev/null -w '%{time_total}\n' "$ENDPOINT/" -H "X-Amz-Target: AWSStepFunctions.ListExecutions" \
      -H "Content-Type: application/x-amz-json-1.0" -d "{\"stateMachineArn\":\"$ONE\",\"maxResults\":25}"
  done | python3 -c "import sys, statistics; print(f'{statistics.median(float(l) for l in sys.stdin) * 1000:.0f}')"
}
first="$(median_ms "$C/machine?arn=$(enc "$ONE")")"
deep="$(median_ms "$C/machine?arn=$(enc "$ONE")&page=$((DEEP / 25 + 1))&next=$(enc "$token")")"
bare="$(list_api)"
cold="$(once_ms "$C/execution?arn=$(enc "$LONG")")"
page="$(median_ms "$C/execution?arn=$(enc "$LONG")")"
step="$(median_ms "$C/api/picture?arn=$(enc "$LONG")&upTo=12500")"
timeline="$(median_ms "$C/api/timeline?arn=$(enc "$LONG")")"
bytes="$(unzip -l "$ROOT/cli/target/stride.jar" 'dev/stride/api/console/*' | tail -1 | awk '{print $1}')"
packed="$(unzip -v "$ROOT/cli/target/stride.jar" 'dev/stride/api/console/*' | tail -1 | awk '{print $2}')"
graph="$(unzip -v "$ROOT/cli/target/stride.jar" 'dev/stride/graph/*' 'org/eclipse/elk/*' | tail -1 | awk '{print $2}')"
cat <<OUT
console benchmark: $EXECUTIONS executions of bench-one-pass (durable SQLite store), median of $REPEAT
  execution list, first page            $first ms   (target < 200 ms)
  execution list, page after $DEEP      $deep ms   (target < 200 ms; $listed executions from there on)
    ListExecutions of 25 from the API   $bare ms   (what each list page waits for)
  execution of $events events, first open   $cold ms   (target < 2000 ms; the picture comes with the page)
    opened again                        $page ms
    one step of the stepper             $step ms
    its timeline (JSON)                 $timeline ms
  console in the jar                    $packed bytes compressed, $bytes uncompressed (target < 2 MB)
  (the graph module and ELK it draws with, shared with ./stride graph: $graph bytes compressed)
OUT
