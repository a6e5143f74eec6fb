#!/usr/bin/env python3
"""Seeds a running Tongxin (dev login on) for the claim benchmark, through its public API only.

Creates a street, a community, CHECKPOINTS checkpoints (0/8/16 pattern, 8-hour shifts, capacity
CAPACITY) with DAYS days of shifts, a warm-up roster three times as long on later days, and
VOLUNTEERS approved volunteers. Writes the volunteers' access tokens to tokens.txt, the measured
roster's shift ids to shifts.txt and the warm-up roster's to warmup-shifts.txt in OUT_DIR.
Usage: seed.py BASE_URL OUT_DIR VOLUNTEERS CHECKPOINTS CAPACITY DAYS [WARMUPS=1]
With WARMUPS > 1 (one per replica) the warm-up rosters go to warmup-shifts-<i>.txt, so that every
replica warms its own write path instead of losing the warm-up claims to another replica.
"""
import datetime
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

from benchapi import Client

BASE, OUT = sys.argv[1], sys.argv[2]
VOLUNTEERS, CHECKPOINTS, CAPACITY, DAYS = (int(a) for a in sys.argv[3:7])
WARMUPS = int(sys.argv[7]) if len(sys.argv) > 7 else 1
RUN = uuid.uuid4().hex[:6]
api = Client(BASE)
call, login = api.call, api.login


def refresh(session):
    return call("POST", "/api/auth/refresh", {"refreshToken": session["refreshToken"]})


token = api.admin_token(RUN)
street = call("POST", "/api/streets", {"name": "压测街道-" + RUN}, token)
community = call("POST", "/api/communities",
                 {"streetId": street["id"], "name": "压测社区-" + RUN, "kind": "COMMUNITY"}, token)


def roster(prefix, start, days):
    ids = []
    for i in range(CHECKPOINTS):
        cp = call("POST", "/api/checkpoints", {"communityId": community["id"], "name": f"{prefix}{i}",
                                                 "location": "bench", "shiftStartHours": [0, 8, 16],
                                                 "shiftLengthHours": 8, "capacity": CAPACITY}, token)
        call("POST", f"/api/checkpoints/{cp['id']}/shifts", {"from": start.isoformat(), "days": days}, token)
        end = start + datetime.timedelta(days=days - 1)
        ids += [s["id"] for s in call("GET", f"/api/checkpoints/{cp['id']}/shifts?from={start}&to={end}", None, token)]
    return ids


today = datetime.date.today()
shifts = roster("卡点", today + datetime.timedelta(days=3), DAYS)
# Warm-up rosters are three times as long, so that warming up runs every code path thousands of times.
warmups = [roster(f"预热卡点{r}-", today + datetime.timedelta(days=3 + DAYS + r * 3 * DAYS), 3 * DAYS)
           for r in range(WARMUPS)]


def volunteer(i):
    session = login(f"bench-v{i}-{RUN}")
    app = call("POST", "/api/volunteer-applications",
               {"name": f"志愿者{i}", "communityId": community["id"], "skills": ["LOGISTICS"],
                "partyMember": i % 3 == 0}, session["accessToken"])
    call("POST", f"/api/volunteer-applications/{app['id']}/approve", {}, token)
    return refresh(session)["accessToken"]


with ThreadPoolExecutor(max_workers=8) as pool:
    tokens = list(pool.map(volunteer, range(VOLUNTEERS)))

with open(f"{OUT}/tokens.txt", "w") as f:
    f.write("\n".join(tokens) + "\n")
with open(f"{OUT}/shifts.txt", "w") as f:
    f.write("\n".join(shifts) + "\n")
for r, warmup in enumerate(warmups):
    name = "warmup-shifts.txt" if WARMUPS == 1 else f"warmup-shifts-{r}.txt"
    with open(f"{OUT}/{name}", "w") as f:
        f.write("\n".join(warmup) + "\n")
print(f"seeded: {VOLUNTEERS} volunteers, {len(shifts)} shifts x capacity {CAPACITY} = {len(shifts) * CAPACITY} slots")
