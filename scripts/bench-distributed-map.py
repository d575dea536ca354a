#!/usr/bin/env python3
"""Distributed Map at scale against a real `stride server` (durable store, the default).

    scripts/bench-distributed-map.py [--items 1000000] [--concurrency 1000] [--type EXPRESS] [--runs 3]

Puts one S3 JSON file of N items, runs a distributed Map over it (ItemReader, MaxConcurrency,
children of 3 Pass states, ResultWriter to S3), and reports per run: wall time from
StartExecution to SUCCEEDED, DescribeExecution latency (p50/p99, polled every 20 ms meanwhile),
peak JVM heap used (jstat, every 200 ms) and the data folder's size; then the medians.
Unsigned requests: the server is started without access keys. The server runs with -Xmx1g.
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def sfn(port, action, body):
    req = urllib.request.Request(f"http://localhost:{port}/", data=json.dumps(body).encode(), method="POST",
        headers={"X-Amz-Target": "AWSStepFunctions." + action, "Content-Type": "application/x-amz-json-1.0"})
    with urllib.request.urlopen(req, timeout=60) as r: return json.loads(r.read() or b"{}")

def s3(port, method, path, body=None):
    req = urllib.request.Request(f"http://localhost:{port}/{path}", data=body, method=method)
    with urllib.request.urlopen(req, timeout=600) as r: return r.read()

def heap_sampler(pid, stop, peak):
    jstat = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jstat") if os.environ.get("JAVA_HOME") else "jstat"
    p = subprocess.Popen([jstat, "-gc", str(pid), "200"], stdout=subprocess.PIPE, text=True)
    header = None
    for line in p.stdout:
        cols = line.split()
        if header is None or cols[0] == "S0C": header = cols; continue
        v = dict(zip(header, cols))
        used = sum(float(v[k]) for k in ("S0U", "S1U", "EU", "OU") if k in v) * 1024
        peak[0] = max(peak[0], used)
        if stop.is_set(): break
    p.kill()

def one_run(args, run):
    data = tempfile.mkdtemp(prefix="stride-bench-dm-")
    port = free_port()
    env = dict(os.environ, STRIDE_JAVA_OPTS="-XX:+UseParallelGC -Xmn128m -Xmx1g")
    log = open(os.path.join(data, "..", os.path.basename(data) + ".log"), "w")
    server = subprocess.Popen([os.path.join(HERE, "stride"), "server", "--port", str(port), "--data", os.path.join(data, "d")],
                              stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        for _ in range(600):
            try: sfn(port, "ListStateMachines", {}); break
            except Exception: time.sleep(0.1)
        java_pid = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split() or [str(server.pid)]
        s3(port, "PUT", "bench")
        s3(port, "PUT", "bench-results")
        items = ",".join('{"id":%d,"name":"item-%d"}' % (i, i) for i in range(args.items))
        s3(port, "PUT", "bench/items.json", ("[" + items + "]").encode())
        definition = {"StartAt": "Map", "States": {"Map": {"Type": "Map", "MaxConcurrency": args.concurrency, "Label": "Bench",
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
                           "Parameters": {"Bucket": "bench", "Key": "items.json"}},
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": args.type}, "StartAt": "A",
                "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "End": True}}},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "bench-results", "Prefix": "out"}},
            "End": True}}}
        sm = sfn(port, "CreateStateMachine", {"name": "bench", "definition": json.dumps(definition),
                                             "roleArn": "arn:aws:iam::123456789012:role/r"})["stateMachineArn"]
        stop, peak = threading.Event(), [0.0]
        sampler = threading.Thread(target=heap_sampler, args=(java_pid[0], stop, peak), daemon=True); sampler.start()
        t0 = time.time()
        ex = sfn(port, "StartExecution", {"stateMachineArn": sm, "input": "{}"})["executionArn"]
        lat, status = [], "RUNNING"
        while status == "RUNNING":
            a = time.time(); d = sfn(port, "DescribeExecution", {"executionArn": ex}); lat.append((time.time() - a) * 1000)
            status = d["status"]
            if status == "RUNNING": time.sleep(0.02)
        wall = time.time() - t0
        stop.set(); time.sleep(0.5)
        size = subprocess.run(["du", "-sb", data], capture_output=True, text=True).stdout.split()[0]
        lat.sort()
        r = {"run": run, "status": status, "seconds": round(wall, 1), "describe_p50_ms": round(lat[len(lat)//2], 1),
             "describe_p99_ms": round(lat[int(len(lat)*0.99)], 1), "describes": len(lat),
             "peak_heap_mib": round(peak[0] / 2**20), "data_mib": round(int(size) / 2**20, 1)}
        if status != "SUCCEEDED": r["error"] = d.get("error"); r["cause"] = (d.get("cause") or "")[:300]
        print(json.dumps(r), flush=True)
        return r
    finally:
        server.terminate()
        try: server.wait(30)
        except Exception: server.kill()
        shutil.rmtree(data, ignore_errors=True)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=1_000_000)
    ap.add_argument("--concurrency", type=int, default=1000)
    ap.add_argument("--type", default="EXPRESS")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rs = [one_run(args, i + 1) for i in range(args.runs)]
    med = {k: statistics.median(r[k] for r in rs) for k in ("seconds", "describe_p99_ms", "peak_heap_mib", "data_mib")}
    print(json.dumps({"median": med, "items": args.items, "concurrency": args.concurrency, "type": args.type}))

if __name__ == "__main__":
    main()
