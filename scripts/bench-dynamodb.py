"""Helpers of bench-dynamodb.sh that need a loop: load a table with BatchWriteItem, count a
table's items, page through a whole table with Scan. Plain HTTP, JSON protocol, unsigned (the
server's default); each prints one JSON line.

  python3 bench-dynamodb.py load  ENDPOINT TABLE PARTITIONS   # PARTITIONS x 100 items
  python3 bench-dynamodb.py count ENDPOINT TABLE
  python3 bench-dynamodb.py scan  ENDPOINT TABLE
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse


def client(endpoint):
    u = urllib.parse.urlparse(endpoint)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120)


def call(conn, action, body):
    conn.request("POST", "/", json.dumps(body), {"Content-Type": "application/x-amz-json-1.0",
                                                 "X-Amz-Target": "DynamoDB_20120810." + action})
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise SystemExit(f"{action} failed: {r.status} {data[:300]!r}")
    return json.loads(data)


def load(endpoint, table, partitions, threads=4):
    payload = "x" * 60
    def work(first, step):
        conn = client(endpoint)
        for p in range(first, partitions, step):
            for start in range(0, 100, 25):
                items = [{"PutRequest": {"Item": {"pk": {"S": f"p{p}"}, "sk": {"N": str(s)}, "payload": {"S": payload},
                                                  "n": {"N": str(p * 100 + s)}}}} for s in range(start, start + 25)]
                request = {table: items}
                while request:
                    request = call(conn, "BatchWriteItem", {"RequestItems": request}).get("UnprocessedItems") or None
    started = time.time()
    workers = [threading.Thread(target=work, args=(i, threads)) for i in range(threads)]
    for w in workers: w.start()
    for w in workers: w.join()
    seconds = time.time() - started
    print(json.dumps({"items": partitions * 100, "seconds": round(seconds, 2), "items_per_s": round(partitions * 100 / seconds)}))


def pages(endpoint, table, select=None):
    conn = client(endpoint)
    body = {"TableName": table}
    if select: body["Select"] = select
    while True:
        page = call(conn, "Scan", body)
        yield page
        if "LastEvaluatedKey" not in page: return
        body["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def count(endpoint, table):
    print(json.dumps({"count": sum(p["Count"] for p in pages(endpoint, table, "COUNT"))}))


def scan(endpoint, table):
    started = time.time()
    n = pages_seen = 0
    for p in pages(endpoint, table):
        n += len(p["Items"]); pages_seen += 1
    print(json.dumps({"items": n, "pages": pages_seen, "seconds": round(time.time() - started, 2)}))


if __name__ == "__main__":
    what, endpoint, table = sys.argv[1:4]
    if what == "load": load(endpoint, table, int(sys.argv[4]))
    elif what == "count": count(endpoint, table)
    elif what == "scan": scan(endpoint, table)
    else: raise SystemExit("unknown command " + what)
