"""Testing-round benchmark (bench/rounds.sh): seeds a village, prints its sheets, then drives the
round's stations with N concurrent scanners and prints latency percentiles per operation."""
import http.client
import json
import queue
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from benchapi import Client

BASE, DIR, HOUSEHOLDS, PEOPLE, SCANNERS, DB = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
# PACE > 0: each scanner scans at most once every PACE seconds (a person at a station: scan, swab, next),
# an open load; 0: back to back, the most the machine serves.
PACE = float(sys.argv[7]) if len(sys.argv) > 7 else 0.0
LANES = 10
api = Client(BASE)
token = api.admin_token("rounds")


def call(method, path, body=None):
    return api.call(method, path, body, token)


def psql(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-tA", "-F", " ", "-c", sql],
                          capture_output=True, text=True, check=True).stdout.split("\n")


# -- the village: LANES lanes of one building each, HOUSEHOLDS households, PEOPLE people each, every code collected
t0 = time.time()
street = call("POST", "/api/streets", {"name": "基准街道"})["id"]
community = call("POST", "/api/communities", {"streetId": street, "name": "基准村", "kind": "VILLAGE"})["id"]
grids, households = [], []
for g in range(LANES):
    grid = call("POST", f"/api/communities/{community}/grids", {"name": f"{g + 1}巷"})["id"]
    building = call("POST", f"/api/grids/{grid}/buildings", {"name": f"{g + 1}号院"})["id"]
    grids.append(grid)
    households += [(building, r) for r in range(HOUSEHOLDS // LANES)]


def seed(item):
    building, r = item
    h = call("POST", f"/api/buildings/{building}/households", {"room": str(101 + r)})["id"]
    for p in range(PEOPLE):
        m = call("POST", f"/api/households/{h}/members", {"name": f"村民{r}号{p}"})["id"]
        call("PUT", f"/api/household-members/{m}/testing-code", {"code": f"https://hsjc.example.gov.cn/qr?id={m}&v=2"})
    return h


with ThreadPoolExecutor(8) as pool:
    ids = list(pool.map(seed, households))
print(f"== village: {len(ids)} households, {len(ids) * PEOPLE} people with codes, {LANES} lanes; seeded in {time.time() - t0:.0f} s")

# -- sheets: every lane's stack, one after another (bench/rounds.sh samples the heap meanwhile)
open(f"{DIR}/sheets.start", "w").close()
t0 = time.time()
pages = 0
for grid in grids:
    conn = http.client.HTTPConnection("127.0.0.1", int(BASE.rsplit(":", 1)[1]), timeout=120)
    conn.request("GET", f"/api/grids/{grid}/sheets.pdf", headers={"Authorization": "Bearer " + token})
    body = conn.getresponse().read()
    pages += body.count(b"/Type /Page\n") + body.count(b"/Type/Page ")
    with open(f"{DIR}/lane.pdf", "wb") as f:
        f.write(body)
sheets_s = time.time() - t0
open(f"{DIR}/sheets.end", "w").close()
print(f"== sheets: {LANES} lane stacks ({len(ids)} pages) in {sheets_s:.1f} s")

# -- the round: three sites sharing the lanes, cap 30, next group called at 10
lanes = [grids[0:4], grids[4:7], grids[7:10]]
rnd = call("POST", "/api/testing-rounds", {"communityId": community, "date": "2027-06-01", "sites": [
    {"name": f"{i + 1}号点", "place": "村委会", "gridIds": l} for i, l in enumerate(lanes)]})
round_id = rnd["id"]
groups = sum(len(s["groups"]) for s in rnd["sites"])
members_of, group_households = {}, {}
for line in psql(f"SELECT household_id, member_id FROM round_member WHERE round_id = '{round_id}'"):
    if line:
        h, m = line.split()
        members_of.setdefault(h, []).append(m)
for line in psql(f"SELECT g.id, g.site_id, h.household_id FROM call_group g JOIN call_group_household h ON h.group_id = g.id "
                 f"WHERE g.round_id = '{round_id}'"):
    if line:
        g, s, h = line.split()
        group_households.setdefault(g, (s, []))[1].append(h)
call("POST", f"/api/testing-rounds/{round_id}/start")

work = queue.Queue()
seen = set()
latencies = {"arrival": [], "sample": [], "coverage": [], "sites": []}
lock = threading.Lock()
failures = []
done = threading.Event()
port = int(BASE.rsplit(":", 1)[1])


timeline = []  # (start, kind, ms) of every request, written to latencies.csv


def timed(conn, kind, method, path, body=None):
    start = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    resp = conn.getresponse()
    text = resp.read()
    ms = (time.perf_counter() - start) * 1000
    with lock:
        latencies[kind].append(ms)
        timeline.append((start, kind, ms))
        if resp.status != 200:
            failures.append((kind, resp.status, text[:200]))
    return json.loads(text) if text else None


def coordinator():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while not done.is_set():
        for site in timed(conn, "sites", "GET", f"/api/testing-rounds/{round_id}/sites"):
            for g in site["calledGroups"]:
                if g["id"] not in seen:
                    seen.add(g["id"])
                    site_id, hs = group_households[g["id"]]
                    for h in hs:
                        work.put((site_id, h))
        time.sleep(0.05)


def scanner(n):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ops = 0
    next_at = [time.perf_counter() + PACE * n / max(SCANNERS, 1)]

    def paced():
        if PACE > 0:
            time.sleep(max(0.0, next_at[0] - time.perf_counter()))
            next_at[0] = max(next_at[0] + PACE, time.perf_counter())

    while not done.is_set():
        try:
            site_id, h = work.get(timeout=0.2)
        except queue.Empty:
            continue
        paced()
        timed(conn, "arrival", "POST", f"/api/testing-rounds/{round_id}/arrivals", {"siteId": site_id, "householdId": h})
        for m in members_of[h]:
            paced()
            timed(conn, "sample", "POST", f"/api/testing-rounds/{round_id}/samples", {"siteId": site_id, "memberIds": [m]})
            ops += 1
            if ops % 40 == n % 40:
                timed(conn, "coverage", "GET", f"/api/testing-rounds/{round_id}/coverage")


threads = [threading.Thread(target=coordinator)] + [threading.Thread(target=scanner, args=(i,)) for i in range(SCANNERS)]
t0 = time.time()
for t in threads:
    t.start()
total = len(ids) * PEOPLE
while True:
    time.sleep(0.5)
    sampled = int(psql(f"SELECT count(sampled_at) FROM round_member WHERE round_id = '{round_id}'")[0])
    if sampled >= total or time.time() - t0 > 900:
        break
elapsed = time.time() - t0
done.set()
for t in threads:
    t.join()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")


scans = len(latencies["arrival"]) + len(latencies["sample"])
mode = f"each at most one scan every {PACE:g} s" if PACE > 0 else "back to back"
print(f"== round: {groups} call groups over 3 sites (cap 30, next at 10); {SCANNERS} scanners, {mode}; {scans} scans in {elapsed:.1f} s "
      f"= {scans / elapsed:.0f} scans/s; failures: {len(failures)} {failures[:3]}")
for kind, xs in latencies.items():
    print(f"   {kind:9s} n={len(xs):5d}  p50 {pct(xs, 0.5):6.1f} ms  p99 {pct(xs, 0.99):6.1f} ms  max {max(xs) if xs else 0:6.1f} ms")
every = latencies["arrival"] + latencies["sample"] + latencies["coverage"]
print(f"   all       n={len(every):5d}  p50 {pct(every, 0.5):6.1f} ms  p99 {pct(every, 0.99):6.1f} ms")
for line in psql(f"""
    SELECT 'sampled', count(sampled_at), 'of', count(*) FROM round_member WHERE round_id = '{round_id}';
    SELECT 'groups called', count(called_at), 'of', count(*) FROM call_group WHERE round_id = '{round_id}';
    SELECT 'announcements', count(*), 'sites over cap', (SELECT count(*) FROM testing_site WHERE round_id = '{round_id}' AND on_site > cap), ''
      FROM notice WHERE ref IN (SELECT 'round-call:' || id FROM call_group WHERE round_id = '{round_id}');"""):
    if line:
        print("   " + line)
with open(f"{DIR}/latencies.csv", "w") as f:
    f.write("seconds_into_round,kind,ms\n")
    t_first = min(t for t, _, _ in timeline) if timeline else 0
    for t, kind, ms in sorted(timeline):
        f.write(f"{t - t_first:.3f},{kind},{ms:.1f}\n")
with open(f"{DIR}/scans_per_s", "w") as f:
    f.write(f"{scans / elapsed:.0f}\n")
