#!/usr/bin/env python3
"""API latency of `parley serve` (p50/p95/max per query), the server pinned to one core.

  bench/serve-latency.py --db /tmp/serve-as.db [--parley src/Parley.Cli/bin/Release/net10.0/parley.dll]
                         [--core 0] [--n 200] [--warmup 20] [--port 5398] [--json]

Starts `taskset -c CORE dotnet parley.dll serve --db DB --port PORT`, warms each query up, then times N sequential
requests of each (wall time on the client, keep-alive connection) and prints a table (or JSON). Build first:
dotnet build src/Parley.Cli -c Release. The store: parley ingest ../shared/seeds ../shared/corpora/allsides-intl --db DB.
"""
import argparse, http.client, json, os, subprocess, sys, time

QUERIES = [
    ("timeline", "/api/timeline?limit=50"),
    ("timeline actor=RUS", "/api/timeline?actor=RUS&limit=50"),
    ("timeline type=CONSULT", "/api/timeline?type=CONSULT&limit=50"),
    ("timeline 2019-H1 window", "/api/timeline?from=2019-01-01&to=2019-06-30&limit=50"),
    ("timeline actor=RUS with=USA", "/api/timeline?actor=RUS&with=USA&limit=50"),
    ("timeline issue=ceasefire", "/api/timeline?issue=ceasefire&limit=50"),
    ("timeline actor key (Lavrov)", "/api/timeline?actor=RUSGOV_sergei-lavrov&limit=50"),
    ("timeline explain, offset 2000", "/api/timeline?explain=true&offset=2000&limit=50"),
    ("positions", "/api/positions"),
    ("positions issue=ceasefire", "/api/positions?issue=ceasefire"),
    ("positions history TUR", "/api/positions/history?actor=TUR"),
    ("processes", "/api/processes"),
    ("process astana", "/api/processes/astana"),
    ("network 2019 (country)", "/api/network?from=2019&to=2019"),
    ("network 2019 (actor)", "/api/network?from=2019&to=2019&level=actor"),
    ("events dyad=RUS,USA", "/api/events?dyad=RUS,USA&limit=50"),
    ("actor RUSGOV_sergei-lavrov", "/api/actors/RUSGOV_sergei-lavrov"),
]


def percentile(sorted_ms, p):
    k = (len(sorted_ms) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(sorted_ms) - 1)
    return sorted_ms[f] + (sorted_ms[c] - sorted_ms[f]) * (k - f)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--parley", default=os.path.join(os.path.dirname(__file__), "..", "src/Parley.Cli/bin/Release/net10.0/parley.dll"))
    ap.add_argument("--core", default="0")
    ap.add_argument("--port", type=int, default=5398)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.db):
        sys.exit(f"no database {a.db}")
    cmd = ["taskset", "-c", a.core, "dotnet", a.parley, "serve", "--db", a.db, "--port", str(a.port)]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        conn = None
        for _ in range(200):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
                conn.request("GET", "/api/stats")
                stats = json.loads(conn.getresponse().read())
                break
            except OSError:
                conn = None
                time.sleep(0.1)
        if conn is None:
            sys.exit("server did not start: " + server.stderr.read().decode(errors="replace") if server.poll() is not None else "server did not start")

        def get(path):
            t = time.perf_counter()
            conn.request("GET", path)
            res = conn.getresponse()
            body = res.read()
            ms = (time.perf_counter() - t) * 1000
            if res.status != 200:
                sys.exit(f"GET {path}: {res.status} {body[:300]!r}")
            return ms, body

        rows = []
        for name, path in QUERIES:
            for _ in range(a.warmup):
                get(path)
            times = []
            for _ in range(a.n):
                ms, body = get(path)
                times.append(ms)
            doc = json.loads(body)
            size = (f"{len(doc)} items" if isinstance(doc, list) else doc["total"] if "total" in doc
                    else f"{len(doc['edges'])} edges" if "edges" in doc else f"{len(doc['cells'])} cells" if "cells" in doc
                    else f"{len(doc['items'])} items" if "items" in doc else f"{doc.get('articles')} articles")
            times.sort()
            rows.append({"query": name, "path": path, "n": a.n, "p50_ms": round(percentile(times, 50), 2),
                         "p95_ms": round(percentile(times, 95), 2), "max_ms": round(times[-1], 2), "result": size})
        out = {"db": a.db, "articles": stats.get("articles"), "core": a.core, "queries": rows}
        if a.json:
            print(json.dumps(out, indent=2))
        else:
            print(f"{stats.get('articles')} articles, server on core {a.core}, {a.n} requests per query after {a.warmup} warm-up")
            print(f"{'query':32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  result")
            for r in rows:
                print(f"{r['query']:32} {r['p50_ms']:8.2f} {r['p95_ms']:8.2f} {r['max_ms']:8.2f}  {r['result']}")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
