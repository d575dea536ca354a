# Shared by the service benchmarks (bench-services.sh, bench-dynamodb.sh): wrk, a `stride server`
# on its durable default in $WORK/data, and reading the "# result {...}" line the wrk scripts in
# benchmarks/wrk print. Expects ROOT, WORK, PORT, THREADS, CONNECTIONS; sets ENDPOINT.
ENDPOINT="http://localhost:$PORT"

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  echo "bench: installing wrk (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } || true
  fi
  command -v wrk >/dev/null || { echo "bench: wrk is missing and could not be installed (apt-get install -y wrk as root)" >&2; exit 3; }
}

server_pid=""
start_server() {  # on $WORK/data, which survives; the caller empties it for a fresh store
  "$ROOT/stride" server --port "$PORT" --data "$WORK/data" >>"$WORK/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 400); do
    curl -sf "$ENDPOINT/health" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "bench: the server did not start; see $WORK/server.log" >&2; exit 1
}
kill_server() {  # kill -9: what the store must survive
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
result_field() { sed -n 's/^# result //p' "$1" | json "d.get('$2', 0)"; }
ms() { python3 -c "print(f'{$1/1000:.2f}')"; }

run_wrk() {  # run_wrk SCRIPT SECONDS OUT ARGS...
  local script="$1" seconds="$2" out="$3"; shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$ROOT/benchmarks/wrk/$script.lua" "$ENDPOINT/" -- "$@" >"$out"
}

medians() {  # medians NAME UNIT FILE: FILE has "ops p50_us p99_us" lines
  python3 - "$1" "$2" "$3" <<'PY'
import sys, statistics
rows = [list(map(float, l.split())) for l in open(sys.argv[3]) if l.strip()]
ops, p50, p99 = (statistics.median(c) for c in zip(*rows))
print(f"{sys.argv[1]:<14} {ops:9,.0f} {sys.argv[2]:<10}  p50 {p50/1000:6.2f} ms  p99 {p99/1000:6.2f} ms  ({len(rows)} runs)")
PY
}
