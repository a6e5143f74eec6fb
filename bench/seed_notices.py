#!/usr/bin/env python3
"""Seeds a running Tongxin (dev login on) for the notice benchmark, through its public API only.

Creates a street with COMMUNITIES communities and ROBOTS group robots spread over them (random
keys), and a draft notice to the whole street for the group chats. Writes the notice id and the
admin's token to notice.txt in OUT_DIR ("noticeId token").
Usage: seed_notices.py BASE_URL OUT_DIR ROBOTS COMMUNITIES
"""
import sys
import uuid

from benchapi import Client

BASE, OUT = sys.argv[1], sys.argv[2]
ROBOTS, COMMUNITIES = int(sys.argv[3]), int(sys.argv[4])
RUN = uuid.uuid4().hex[:6]
api = Client(BASE)
call, login = api.call, api.login

token = api.admin_token(RUN)
street = call("POST", "/api/streets", {"name": "压测街道-" + RUN}, token)
communities = [call("POST", "/api/communities", {"streetId": street["id"], "name": f"社区{c}-{RUN}", "kind": "COMMUNITY"}, token)["id"]
               for c in range(COMMUNITIES)]
for r in range(ROBOTS):
    call("POST", "/api/group-chats", {"communityId": communities[r % COMMUNITIES], "name": f"楼栋群{r}",
                                      "webhookKey": str(uuid.uuid4())}, token)
notice = call("POST", "/api/notices", {
    "title": "全街道通告：明日起实行错峰取物", "body": "**各位居民：** 明日起物资领取实行错峰，请按小程序中所选时段前往领取点。\n" * 10,
    "scope": {"type": "STREET", "id": street["id"]}, "channels": ["GROUP_CHAT", "FEED"]}, token)
with open(f"{OUT}/notice.txt", "w") as f:
    f.write(notice["id"] + " " + token + "\n")
print(f"seeded: {ROBOTS} robots in {COMMUNITIES} communities of one street, one draft notice to the street")
