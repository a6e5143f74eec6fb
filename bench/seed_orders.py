#!/usr/bin/env python3
"""Seeds a running Tongxin (dev login on) for the order benchmark, through its public API only.

Creates a street, a community, one grid and building, HOUSEHOLDS households each with one resident
who joined it, three products (limit LIMIT per household) and two ordering windows open now: a
warm-up window and the measured one, each with STOCK units of every product. Writes the residents'
access tokens to tokens.txt and "windowId productId productId productId" to window.txt and
warmup-window.txt in OUT_DIR.
Usage: seed_orders.py BASE_URL OUT_DIR HOUSEHOLDS STOCK LIMIT
"""
import datetime
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

from benchapi import Client

BASE, OUT = sys.argv[1], sys.argv[2]
HOUSEHOLDS, STOCK, LIMIT = (int(a) for a in sys.argv[3:6])
RUN = uuid.uuid4().hex[:6]
api = Client(BASE)
call, login = api.call, api.login


token = api.admin_token(RUN)
street = call("POST", "/api/streets", {"name": "压测街道-" + RUN}, token)
community = call("POST", "/api/communities", {"streetId": street["id"], "name": "压测社区-" + RUN, "kind": "COMMUNITY"}, token)
grid = call("POST", f"/api/communities/{community['id']}/grids", {"name": "一网格"}, token)
building = call("POST", f"/api/grids/{grid['id']}/buildings", {"name": "1号楼"}, token)
products = [call("POST", "/api/products", {"communityId": community["id"], "name": f"{name}-{RUN}", "kind": kind,
                                            "priceFen": price, "unit": "份", "perHouseholdLimit": LIMIT}, token)["id"]
            for name, kind, price in [("肉蔬包", "MEAT_VEG", 6800), ("蔬菜包", "VEG", 3800), ("米面包", "RICE_FLOUR", 5500)]]
now = datetime.datetime.now(datetime.timezone.utc)


def window():
    w = call("POST", "/api/ordering-windows", {
        "communityId": community["id"], "opensAt": (now - datetime.timedelta(minutes=1)).isoformat(),
        "closesAt": (now + datetime.timedelta(hours=3)).isoformat(),
        "stock": [{"productId": p, "quantity": STOCK} for p in products]}, token)
    return " ".join([w["id"]] + products)


def resident(i):
    household = call("POST", f"/api/buildings/{building['id']}/households", {"room": f"{i:05d}"}, token)
    session = login(f"bench-r{i}-{RUN}")
    call("POST", "/api/me/household", {"joinCode": household["joinCode"]}, session["accessToken"])
    return session["accessToken"]


with ThreadPoolExecutor(max_workers=8) as pool:
    tokens = list(pool.map(resident, range(HOUSEHOLDS)))
with open(f"{OUT}/tokens.txt", "w") as f:
    f.write("\n".join(tokens) + "\n")
with open(f"{OUT}/warmup-window.txt", "w") as f:
    f.write(window() + "\n")
with open(f"{OUT}/window.txt", "w") as f:
    f.write(window() + "\n")
print(f"seeded: {HOUSEHOLDS} households, 3 products x {STOCK} units per window, limit {LIMIT} per household")
