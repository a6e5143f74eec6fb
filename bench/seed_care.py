#!/usr/bin/env python3
"""Seeds a running Tongxin (dev login on) for the care benchmark, through its public API only.

Creates a community with one building of HOUSEHOLDS households (one resident each, joined),
STAFF community staff (by one invitation), and one donation with STOCK units of one item. Writes
to OUT_DIR: tokens.txt (residents), staff-tokens.txt, households.txt, and care.txt
("communityId donationId itemId").
Usage: seed_care.py BASE_URL OUT_DIR HOUSEHOLDS STAFF STOCK
"""
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

from benchapi import Client

BASE, OUT = sys.argv[1], sys.argv[2]
HOUSEHOLDS, STAFF, STOCK = (int(a) for a in sys.argv[3:6])
RUN = uuid.uuid4().hex[:6]
api = Client(BASE)
call, login = api.call, api.login

token = api.admin_token(RUN)
street = call("POST", "/api/streets", {"name": "压测街道-" + RUN}, token)
community = call("POST", "/api/communities", {"streetId": street["id"], "name": "压测社区-" + RUN, "kind": "COMMUNITY"}, token)
grid = call("POST", f"/api/communities/{community['id']}/grids", {"name": "一网格"}, token)
building = call("POST", f"/api/grids/{grid['id']}/buildings", {"name": "1号楼"}, token)
invitation = call("POST", "/api/invitations", {"role": "COMMUNITY_STAFF", "scopeId": community["id"], "maxUses": STAFF}, token)


def staff(i):
    session = login(f"bench-staff{i}-{RUN}")
    call("POST", "/api/invitations/accept", {"code": invitation["code"]}, session["accessToken"])
    return call("POST", "/api/auth/refresh", {"refreshToken": session["refreshToken"]})["accessToken"]


def resident(i):
    household = call("POST", f"/api/buildings/{building['id']}/households", {"room": f"{i:05d}"}, token)
    session = login(f"bench-r{i}-{RUN}")
    call("POST", "/api/me/household", {"joinCode": household["joinCode"]}, session["accessToken"])
    return household["id"], session["accessToken"]


with ThreadPoolExecutor(max_workers=8) as pool:
    staff_tokens = list(pool.map(staff, range(STAFF)))
    residents = list(pool.map(resident, range(HOUSEHOLDS)))
donation = call("POST", "/api/donations", {"communityId": community["id"], "donor": "爱心企业-" + RUN,
                                           "items": [{"name": "面粉", "quantity": STOCK, "unit": "袋"}]}, staff_tokens[0])
with open(f"{OUT}/tokens.txt", "w") as f:
    f.write("\n".join(t for _, t in residents) + "\n")
with open(f"{OUT}/households.txt", "w") as f:
    f.write("\n".join(h for h, _ in residents) + "\n")
with open(f"{OUT}/staff-tokens.txt", "w") as f:
    f.write("\n".join(staff_tokens) + "\n")
with open(f"{OUT}/care.txt", "w") as f:
    f.write(f"{community['id']} {donation['id']} {donation['items'][0]['id']}\n")
print(f"seeded: {HOUSEHOLDS} households with a resident each, {STAFF} staff, one donation of {STOCK} units")
