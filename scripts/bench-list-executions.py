#!/usr/bin/env python3
"""ListExecutions / DescribeExecution at scale against a real `stride server` (durable SQLite store).

    scripts/bench-list-executions.py [--executions 1000000] [--runs 5] [--keep DIR] [--threads 32]

Starts `./stride server` (STRIDE_JAVA_OPTS="-XX:+UseParallelGC -Xmx1g") on a fresh data folder,
creates one STANDARD machine (Choice on $.fail -> Fail, else Pass -> Succeed), starts N executions
from many threads over keep-alive HTTP (every 10th one fails), waits until none is RUNNING, and
measures the live heap (full GC, then jstat) against the heap right after CreateStateMachine.
Then, over --runs runs (min/median/max):
  - first page: ListExecutions(maxResults=100), with statusFilter=FAILED, with redriveFilter=NOT_REDRIVEN (ms);
  - boto3 paginator walk (PageSize 1000) of all executions and of the FAILED ones (executions/s);
    if N > 200,000 the first all-executions walk is complete and later ones stop at 200,000 items;
  - the same walk over raw HTTP without the SDK's parsing (information only: the server's share);
  - DescribeExecution of 1000 random ARNs from the walk (p50, p99 ms).
One ListExecutions and one DescribeExecution call go first, untimed in the table (botocore's lazy set-up).
Correctness while walking: newest first (startDate non-increasing), no duplicates, total == N,
FAILED count == ceil(N/10). Any violation prints FAIL and exits 1. Targets (>= 10,000 executions/s,
first page < 50 ms, Describe < 10 ms, < 200 B/execution) are printed as PASS/MISS (exit 0 either way).
The client runs on the same machine as the server: its CPU (boto3's parsing above all) counts too.
The data folder is removed at the end unless --keep DIR (then DIR/d holds the store, DIR/server.log the log).
"""
import argparse, http.client, json, math, os, random, shutil, signal, socket, statistics, subprocess, sys
import tempfile, threading, time

import boto3
from botocore.config import Config

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROLE = "arn:aws:iam::123456789012:role/bench"
WALK_CAP = 200_000
DEFINITION = {
    "Comment": "bench-list-executions: outcome decided by the input",
    "StartAt": "Check",
    "States": {
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": True, "Next": "Fail"}],
                  "Default": "Work"},
        "Work": {"Type": "Pass", "Result": {"ok": True}, "Next": "Done"},
        "Done": {"Type": "Succeed"},
        "Fail": {"Type": "Fail", "Error": "Bench.Failed", "Cause": "every 10th execution fails"},
    },
}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jar_stale():
    """The launcher's own test (./stride): a missing jar, or sources/examples/poms newer than it, make it build."""
    jar = os.path.join(HERE, "cli", "target", "stride.jar")
    if not os.path.isfile(jar):
        return "the jar %s is missing" % jar
    t = os.path.getmtime(jar)
    for root, dirs, files in os.walk(HERE):
        rel = os.path.relpath(root, HERE)
        dirs[:] = [d for d in dirs if d not in ("target", ".git", "node_modules")]
        depth = 0 if rel == "." else rel.count(os.sep) + 1
        for f in files:
            p = os.path.join(root, f)
            in_src = "/src/main/" in os.path.relpath(p, HERE).replace(os.sep, "/")  # "$here/*/src/main/*"
            in_examples = rel == "examples" or rel.startswith("examples" + os.sep)
            pom = f == "pom.xml" and depth <= 1
            if (in_src or in_examples or pom) and os.path.getmtime(p) > t:
                return "%s is newer than the jar" % os.path.relpath(p, HERE)
    return None


class Http:
    """One keep-alive connection speaking the awsJson1_0 protocol (unsigned)."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def call(self, action, body, timeout=300):
        data = json.dumps(body).encode()
        headers = {"X-Amz-Target": "AWSStepFunctions." + action, "Content-Type": "application/x-amz-json-1.0"}
        for attempt in range(10):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
                self.conn.request("POST", "/", data, headers)
                r = self.conn.getresponse()
                payload = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                out = json.loads(payload) if payload else {}
                if r.status >= 500 or (r.status == 400 and "Throttl" in str(out.get("__type", ""))):
                    time.sleep(0.05 * (attempt + 1))
                    continue
                return r.status, out, attempt
            except (OSError, http.client.HTTPException):
                self.close()
                time.sleep(0.05 * (attempt + 1))
        raise RuntimeError("%s failed 10 times" % action)

    def ok(self, action, body, timeout=300):
        status, out, _ = self.call(action, body, timeout)
        if status != 200:
            raise RuntimeError("%s: HTTP %d %s" % (action, status, out))
        return out

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
        self.conn = None


def java_tool(pid, name):
    try:
        d = os.path.dirname(os.path.realpath("/proc/%s/exe" % pid))
        if os.path.isfile(os.path.join(d, name)):
            return os.path.join(d, name)
    except OSError:
        pass
    return name


def live_heap(pid):
    """Bytes used in the heap right after two full collections (jcmd GC.run, then jstat -gc)."""
    for _ in range(2):
        subprocess.run([java_tool(pid, "jcmd"), str(pid), "GC.run"], capture_output=True, text=True, timeout=300)
        time.sleep(0.3)
    out = subprocess.run([java_tool(pid, "jstat"), "-gc", str(pid)], capture_output=True, text=True, timeout=60).stdout
    lines = [l.split() for l in out.strip().splitlines()]
    if len(lines) < 2:
        raise RuntimeError("jstat -gc %s printed: %r" % (pid, out))
    v = dict(zip(lines[0], lines[1]))
    return sum(float(v[k]) for k in ("S0U", "S1U", "EU", "OU") if k in v) * 1024


def stats(xs):
    xs = sorted(xs)
    return xs[0], statistics.median(xs), xs[-1]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p * len(xs)) - 1))]


def load(port, sm, n, threads):
    done = [0] * threads
    errors = []
    stop = threading.Event()

    def worker(t):
        h = Http(port)
        try:
            for i in range(t, n, threads):
                if stop.is_set():
                    return
                body = {"stateMachineArn": sm, "name": "e-%08d" % i,
                        "input": '{"fail":true,"i":%d}' % i if i % 10 == 0 else '{"fail":false,"i":%d}' % i}
                status, out, attempt = h.call("StartExecution", body, timeout=120)
                if status != 200 and not (attempt > 0 and "ExecutionAlreadyExists" in str(out.get("__type", ""))):
                    errors.append("StartExecution %d: HTTP %d %s" % (i, status, out))
                    if len(errors) > 20:
                        stop.set()
                    continue
                done[t] += 1
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append("thread %d: %s" % (t, e))
            stop.set()
        finally:
            h.close()

    ts = [threading.Thread(target=worker, args=(t,), daemon=True) for t in range(threads)]
    t0 = time.time()
    for t in ts:
        t.start()
    last_n, last_t = 0, t0
    while True:
        alive = [t for t in ts if t.is_alive()]
        if alive:
            alive[0].join(timeout=max(0.0, 5 - (time.time() - last_t)))
        now = time.time()
        if alive and now - last_t < 5:
            continue
        cur = sum(done)
        print("  started %9d / %d  %7.0f/s now  %7.0f/s overall" % (
            cur, n, (cur - last_n) / max(1e-9, now - last_t), cur / max(1e-9, now - t0)), flush=True)
        last_n, last_t = cur, now
        if not alive:
            break
    wall = time.time() - t0
    return sum(done), wall, errors


def wait_finished(h, sm, n):
    t0 = time.time()
    deadline = t0 + max(600, n / 500)
    last = 0.0
    while True:
        out = h.ok("ListExecutions", {"stateMachineArn": sm, "statusFilter": "RUNNING", "maxResults": 100})
        running = len(out.get("executions", []))
        if running == 0:
            return time.time() - t0
        if time.time() > deadline:
            raise RuntimeError("executions still RUNNING after %.0f s" % (time.time() - t0))
        if time.time() - last > 10:
            print("  still running: %s%d (%.0f s)" % (">=" if out.get("nextToken") else "", running, time.time() - t0),
                  flush=True)
            last = time.time()
        time.sleep(0.5)


def first_page(client, sm, expect, **kw):
    t0 = time.perf_counter()
    out = client.list_executions(stateMachineArn=sm, maxResults=100, **kw)
    ms = (time.perf_counter() - t0) * 1000
    items = out["executions"]
    label = "first page %s" % (kw or "(all)")
    if len(items) != expect:
        fail("%s: %d items, expected %d" % (label, len(items), expect))
    if "statusFilter" in kw and any(e["status"] != kw["statusFilter"] for e in items):
        fail("%s: an item with another status" % label)
    if "redriveFilter" in kw and any(e.get("redriveCount", 0) for e in items):
        fail("%s: a redriven item" % label)
    check_order(items, label)
    return ms


class Order:
    """Newest first: startDate non-increasing. Counts the inversions and the largest one, reports once."""

    def __init__(self, label):
        self.label, self.prev, self.prev_arn = label, None, None
        self.inversions, self.worst, self.first = 0, 0.0, None

    def add(self, index, e):
        d, arn = e["startDate"], e["executionArn"]
        if self.prev is not None and d > self.prev:
            self.inversions += 1
            self.worst = max(self.worst, (d - self.prev).total_seconds() * 1000)
            if self.first is None:
                self.first = "item %d %s at %s follows %s at %s" % (
                    index, arn.rsplit(":", 1)[1], d.isoformat(), self.prev_arn.rsplit(":", 1)[1], self.prev.isoformat())
        self.prev, self.prev_arn = d, arn

    def report(self, count):
        if self.inversions:
            fail("%s: not newest first: %d of %d items start later than the item before (by up to %.0f ms); "
                 "first: %s" % (self.label, self.inversions, count, self.worst, self.first))


def check_order(items, label):
    order = Order(label)
    for i, e in enumerate(items):
        order.add(i, e)
    order.report(len(items))


def sdk_walk(client, sm, cap, expect_total, keep_arns, **kw):
    """A boto3 paginator walk; returns (items, seconds, arns) and checks order, duplicates, total."""
    label = "paginator walk %s" % (kw or "(all)")
    paginator = client.get_paginator("list_executions")
    seen, arns = set(), []
    count, order, dups, first_dup = 0, Order(label), 0, None
    status = kw.get("statusFilter")
    t0 = time.perf_counter()
    for page in paginator.paginate(stateMachineArn=sm, PaginationConfig={"PageSize": 1000}, **kw):
        for e in page["executions"]:
            arn = e["executionArn"]
            if arn in seen:
                dups += 1
                first_dup = first_dup or arn
            seen.add(arn)
            if keep_arns:
                arns.append(arn)
            order.add(count, e)
            if status and e["status"] != status:
                fail("%s: %s has status %s" % (label, arn, e["status"]))
                status = None
            count += 1
        if cap and count >= cap:
            break
    secs = time.perf_counter() - t0
    order.report(count)
    if dups:
        fail("%s: %d duplicates, the first %s" % (label, dups, first_dup))
    if not cap and count != expect_total:
        fail("%s: %d items, expected %d" % (label, count, expect_total))
    if cap and count < min(cap, expect_total):
        fail("%s: %d items, expected at least %d" % (label, count, min(cap, expect_total)))
    return count, secs, arns


def raw_walk(h, sm, cap):
    """The same walk over raw HTTP, json.loads only: how fast the server pages, without boto3's parsing."""
    body = {"stateMachineArn": sm, "maxResults": 1000}
    count = 0
    t0 = time.perf_counter()
    while True:
        out = h.ok("ListExecutions", body)
        count += len(out.get("executions", []))
        tok = out.get("nextToken")
        if not tok or count >= cap:
            break
        body = {"stateMachineArn": sm, "maxResults": 1000, "nextToken": tok}
    return count, time.perf_counter() - t0


def describes(client, arns, k=1000):
    lat = []
    for arn in random.sample(arns, min(k, len(arns))):
        t0 = time.perf_counter()
        d = client.describe_execution(executionArn=arn)
        lat.append((time.perf_counter() - t0) * 1000)
        i = int(arn.rsplit("-", 1)[1])
        want = "FAILED" if i % 10 == 0 else "SUCCEEDED"
        if d["status"] != want:
            fail("DescribeExecution %s: status %s, expected %s" % (arn, d["status"], want))
    return pct(lat, 0.50), pct(lat, 0.99)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--executions", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", metavar="DIR", help="keep the data (DIR/d) and the server log (DIR/server.log) in DIR")
    ap.add_argument("--threads", type=int, default=32, help="threads starting executions (default 32)")
    args = ap.parse_args()
    n = args.executions
    if n < 1 or args.runs < 1:
        ap.error("--executions and --runs must be >= 1")
    expect_failed = len(range(0, n, 10))

    stale = jar_stale()
    if stale:
        print("bench: %s; ./stride would build it first. Build it (./stride --help) and rerun." % stale, file=sys.stderr)
        return 3

    if args.keep:
        base = os.path.abspath(args.keep)
        os.makedirs(base, exist_ok=True)
        if os.path.exists(os.path.join(base, "d")) and os.listdir(os.path.join(base, "d")):
            print("bench: %s/d is not empty; give an empty or new folder to --keep" % base, file=sys.stderr)
            return 2
    else:
        base = tempfile.mkdtemp(prefix="stride-bench-list-")
    data = os.path.join(base, "d")
    log_path = os.path.join(base, "server.log")
    port = free_port()
    env = dict(os.environ, STRIDE_JAVA_OPTS="-XX:+UseParallelGC -Xmx1g")
    log = open(log_path, "w")
    server = subprocess.Popen([os.path.join(HERE, "stride"), "server", "--port", str(port), "--data", data],
                              stdout=log, stderr=subprocess.STDOUT, env=env, cwd=HERE)
    java_pid = None

    def on_term(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_term)

    code = 0
    try:
        print("bench: %d executions, %d runs, server on port %d, data %s" % (n, args.runs, port, data), flush=True)
        h = Http(port)
        t0 = time.time()
        while True:
            if server.poll() is not None:
                log.flush()
                raise RuntimeError("the server exited (%s):\n%s" % (server.returncode, open(log_path).read()[-3000:]))
            try:
                h.ok("ListStateMachines", {}, timeout=5)
                break
            except Exception:
                if time.time() - t0 > 180:
                    raise RuntimeError("the server did not answer in 180 s; log: " + log_path)
                time.sleep(0.1)
        # ./stride execs java, so the launcher's pid is java's; a child only if something sits in between.
        kids = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        java_pid = kids[0] if kids else str(server.pid)
        print("bench: server up in %.1f s (java pid %s)" % (time.time() - t0, java_pid), flush=True)

        client = boto3.client("stepfunctions", endpoint_url="http://127.0.0.1:%d" % port, region_name="us-east-1",
                              aws_access_key_id="bench", aws_secret_access_key="bench",
                              config=Config(max_pool_connections=64, retries={"max_attempts": 3, "mode": "standard"},
                                            connect_timeout=10, read_timeout=600))
        sm = client.create_state_machine(name="bench-list", definition=json.dumps(DEFINITION), roleArn=ROLE,
                                         type="STANDARD")["stateMachineArn"]
        heap_before = live_heap(java_pid)
        print("bench: live heap after CreateStateMachine: %.1f MiB" % (heap_before / 2**20), flush=True)

        print("bench: starting %d executions from %d threads" % (n, args.threads), flush=True)
        started, load_s, errors = load(port, sm, n, args.threads)
        for e in errors[:10]:
            fail(e)
        if started != n:
            fail("started %d of %d executions" % (started, n))
            raise SystemExit(1)
        print("bench: started %d in %.1f s: %.0f starts/s" % (started, load_s, started / load_s), flush=True)
        wait_s = wait_finished(h, sm, n)
        print("bench: all finished %.1f s after the last start" % wait_s, flush=True)

        heap_after = live_heap(java_pid)
        per_exec = (heap_after - heap_before) / n
        size = subprocess.run(["du", "-sb", data], capture_output=True, text=True).stdout.split()
        data_mib = int(size[0]) / 2**20 if size else float("nan")
        print("bench: live heap %.1f MiB -> %.1f MiB: %.0f B per stored execution; data folder %.1f MiB" % (
            heap_before / 2**20, heap_after / 2**20, per_exec, data_mib), flush=True)

        # botocore builds each operation's parsers on its first call: one untimed-in-the-table call each.
        t1 = time.perf_counter()
        client.list_executions(stateMachineArn=sm, maxResults=1)
        t2 = time.perf_counter()
        client.describe_execution(executionArn=sm.replace(":stateMachine:", ":execution:") + ":e-%08d" % (n - 1))
        print("bench: warm-up calls (not counted): ListExecutions %.1f ms, DescribeExecution %.1f ms" % (
            (t2 - t1) * 1000, (time.perf_counter() - t2) * 1000), flush=True)

        res = {k: [] for k in ("first", "first_failed", "first_not_redriven", "walk", "walk_failed", "raw_walk",
                               "desc_p50", "desc_p99")}
        all_arns = None
        for run in range(1, args.runs + 1):
            r = {}
            r["first"] = first_page(client, sm, min(100, n))
            r["first_failed"] = first_page(client, sm, min(100, expect_failed), statusFilter="FAILED")
            r["first_not_redriven"] = first_page(client, sm, min(100, n), redriveFilter="NOT_REDRIVEN")
            cap = WALK_CAP if (n > WALK_CAP and all_arns is not None) else 0
            cnt, secs, arns = sdk_walk(client, sm, cap, n, all_arns is None)
            if all_arns is None:
                all_arns = arns
            r["walk"] = cnt / secs
            fcnt, fsecs, _ = sdk_walk(client, sm, 0, expect_failed, False, statusFilter="FAILED")
            r["walk_failed"] = fcnt / fsecs
            rcnt, rsecs = raw_walk(h, sm, min(n, WALK_CAP))
            r["raw_walk"] = rcnt / rsecs
            r["desc_p50"], r["desc_p99"] = describes(client, all_arns)
            for k, v in r.items():
                res[k].append(v)
            print("run %d: first page %.1f ms, FAILED %.1f ms, NOT_REDRIVEN %.1f ms; walk %d in %.2f s = %.0f/s; "
                  "FAILED walk %d in %.2f s = %.0f/s; raw walk %.0f/s; Describe p50 %.2f ms p99 %.2f ms" % (
                      run, r["first"], r["first_failed"], r["first_not_redriven"], cnt, secs, r["walk"],
                      fcnt, fsecs, r["walk_failed"], r["raw_walk"], r["desc_p50"], r["desc_p99"]), flush=True)

        rows = [("first page, maxResults=100", "first", "ms", "< 50"),
                ("first page, statusFilter=FAILED", "first_failed", "ms", "< 50"),
                ("first page, redriveFilter=NOT_REDRIVEN", "first_not_redriven", "ms", "< 50"),
                ("paginator walk, all (PageSize 1000)", "walk", "exec/s", ">= 10000"),
                ("paginator walk, statusFilter=FAILED", "walk_failed", "exec/s", ">= 10000"),
                ("raw HTTP walk, no SDK parsing (info)", "raw_walk", "exec/s", ""),
                ("DescribeExecution p50 (1000 random)", "desc_p50", "ms", "< 10"),
                ("DescribeExecution p99 (1000 random)", "desc_p99", "ms", "< 10")]
        print()
        print("summary: %d executions (%d FAILED), %d runs, loaded at %.0f starts/s" % (
            n, expect_failed, args.runs, started / load_s))
        print("%-40s %12s %12s %12s  %-7s %s" % ("measurement", "min", "median", "max", "unit", "target"))
        for label, k, unit, target in rows:
            lo, med, hi = stats(res[k])
            fmt = "%12.0f" if unit == "exec/s" else "%12.2f"
            print(("%-40s " + fmt + " " + fmt + " " + fmt + "  %-7s %s") % (label, lo, med, hi, unit, target))
        print("%-40s %12s %12.0f %12s  %-7s %s" % ("live heap per stored execution", "", per_exec, "", "B", "< 200"))

        def verdict(ok):
            return "PASS" if ok else "MISS"
        walk_med = min(statistics.median(res["walk"]), statistics.median(res["walk_failed"]))
        first_med = max(statistics.median(res[k]) for k in ("first", "first_failed", "first_not_redriven"))
        desc_med = statistics.median(res["desc_p99"])
        targets = [("paginator >= 10,000 executions/s", walk_med >= 10_000, "%.0f/s" % walk_med),
                   ("first page < 50 ms", first_med < 50, "%.1f ms" % first_med),
                   ("DescribeExecution < 10 ms", desc_med < 10, "p99 %.2f ms" % desc_med),
                   ("heap < 200 B/execution", per_exec < 200, "%.0f B" % per_exec)]
        print("targets (medians; the slowest variant counts): " + "; ".join(
            "%s: %s (%s)" % (name, verdict(ok), got) for name, ok, got in targets))
        print(json.dumps({"executions": n, "runs": args.runs, "starts_per_s": round(started / load_s),
                          "heap_bytes_per_execution": round(per_exec), "data_mib": round(data_mib, 1),
                          "median": {k: round(statistics.median(v), 2) for k, v in res.items()},
                          "targets": {name: verdict(ok) for name, ok, _ in targets},
                          "correct": not failures}))
        if failures:
            print("FAIL: %d correctness problem(s), the first: %s" % (len(failures), failures[0]))
            code = 1
    except KeyboardInterrupt:
        print("\nbench: interrupted", file=sys.stderr)
        code = 130
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except Exception as e:  # noqa: BLE001
        print("FAIL: %s" % e, file=sys.stderr)
        code = 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        if java_pid and java_pid != str(server.pid):
            try:
                os.kill(int(java_pid), signal.SIGKILL)
            except OSError:
                pass
        log.close()
        if args.keep:
            print("bench: kept %s (server log %s)" % (data, log_path), file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
