"""Seeds the console benchmark on the dev profile's demo district: 16 community staff spread over the
demo communities (invited by a district admin), each community with a checkpoint's two days of
shifts, care requests, volunteer applications and a published notice; then logs each staff member
in to the console by the scan flow (the login page's nonce approved through the API, redeemed by the
browser's cookie) and writes the 16 console session cookies, one per line, to <dir>/cookies.txt."""
import datetime
import http.cookiejar
import re
import sys
import urllib.request

from benchapi import Client

base, out, staff_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
api = Client(base)
admin = api.admin_token("console")
communities = [c["id"] for s in api.call("GET", "/api/streets", token=admin) for c in s["communities"]]
today = datetime.date.today().isoformat()
staff = []
for i in range(staff_count):
    community = communities[i % len(communities)]
    code = api.call("POST", "/api/invitations", {"role": "COMMUNITY_STAFF", "scopeId": community, "maxUses": 1}, admin)["code"]
    user = api.login(f"console-staff-{i}")
    api.call("POST", "/api/invitations/accept", {"code": code}, user["accessToken"])
    token = api.call("POST", "/api/auth/refresh", {"refreshToken": user["refreshToken"]})["accessToken"]
    staff.append(token)
    if i < len(communities):  # the community's day, once
        cp = api.call("POST", "/api/checkpoints", {"communityId": community, "name": "北门卡点", "location": "北门",
                                                    "shiftStartHours": [0, 8, 16], "shiftLengthHours": 8, "capacity": 3}, token)
        api.call("POST", "/api/checkpoints/" + cp["id"] + "/shifts", {"from": today, "days": 2}, token)
        for a in range(5):
            resident = api.login(f"console-applicant-{i}-{a}")["accessToken"]
            api.call("POST", "/api/volunteer-applications", {"communityId": community, "name": f"志愿者{a}", "skills": ["LOGISTICS"]},
                     resident)
        api.call("POST", "/api/notices", {"title": "核酸检测通知", "body": "请明早八点到北门广场。", "channels": ["FEED"],
                                          "scope": {"type": "COMMUNITY", "id": community}}, token)

with open(out + "/cookies.txt", "w") as f:
    for token in staff:
        jar = http.cookiejar.CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = browser.open(base + "/console/login").read().decode()
        nonce = re.search(r'data-nonce="([A-Za-z0-9_-]+)"', page).group(1)
        api.call("POST", f"/api/console-sessions/{nonce}/approve", None, token)
        browser.open(base + f"/console/login/{nonce}/wait").read()
        f.write(next(c.value for c in jar if c.name == "tongxin_console") + "\n")
print(f"== seeded: {staff_count} staff over {min(staff_count, len(communities))} demo communities, each logged in to the console")
