#!/usr/bin/env python3
"""Seeds a running Tongxin (dev login on) with a street to stand down, for the purge benchmark.

Through the public API: a street of COMMUNITIES communities, each with one grid, BUILDINGS buildings,
a product and an open ordering window, and one group chat per building. Then, straight into the
database (the API would take an hour for 50,000 households): RESIDENTS households, one resident
each with a phone, two household members with names and testing codes each, an order with a note
each, a care request for every 10th household and a register entry for every 20th, a volunteer
for every 50th with a household to look after. Sealed values are random bytes of a sealed value's
length (the purge never opens them). Writes the street's id and an admin token to OUT_DIR.
Usage: seed_purge.py BASE_URL OUT_DIR DB RESIDENTS [COMMUNITIES=5]
"""
import datetime
import subprocess
import sys
import uuid

from benchapi import Client

BASE, OUT, DB, RESIDENTS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
COMMUNITIES = int(sys.argv[5]) if len(sys.argv) > 5 else 5
BUILDINGS = 20
RUN = uuid.uuid4().hex[:6]
api = Client(BASE)
call = api.call

# The bootstrap invitation was used by seed_orders.py: this admin is granted straight in the database.
admin = api.login("bench-purge-admin-" + RUN)
subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-d", DB, "-c",
                f"INSERT INTO role_grant (id, user_id, role) VALUES (gen_random_uuid(), '{admin['user']['id']}', 'DISTRICT_ADMIN')"],
               check=True)
token = call("POST", "/api/auth/refresh", {"refreshToken": admin["refreshToken"]})["accessToken"]
street = call("POST", "/api/streets", {"name": "解封街道-" + RUN}, token)
now = datetime.datetime.now(datetime.timezone.utc)
buildings = []  # (building, grid, community, window)
for c in range(COMMUNITIES):
    community = call("POST", "/api/communities", {"streetId": street["id"], "name": f"解封社区{c}-{RUN}", "kind": "COMMUNITY"}, token)
    grid = call("POST", f"/api/communities/{community['id']}/grids", {"name": "一网格"}, token)
    product = call("POST", "/api/products", {"communityId": community["id"], "name": f"蔬菜包-{RUN}", "kind": "VEG",
                                             "priceFen": 3800, "unit": "份", "perHouseholdLimit": 5}, token)
    window = call("POST", "/api/ordering-windows", {
        "communityId": community["id"], "opensAt": (now - datetime.timedelta(minutes=1)).isoformat(),
        "closesAt": (now + datetime.timedelta(hours=3)).isoformat(), "stock": [{"productId": product["id"], "quantity": 1000}]}, token)
    for b in range(BUILDINGS):
        building = call("POST", f"/api/grids/{grid['id']}/buildings", {"name": f"{b + 1}号楼"}, token)
        buildings.append((building["id"], grid["id"], community["id"], street["id"], window["id"]))
        call("POST", "/api/group-chats", {"communityId": community["id"], "name": f"{b + 1}号楼群-{RUN}",
                                          "webhookKey": uuid.uuid4().hex}, token)

rows = "\n".join("\t".join(b) for b in buildings)
sql = f"""
CREATE FUNCTION pg_temp.rb(n int) RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT substring(decode(string_agg(md5(random()::text), ''), 'hex') FROM 1 FOR n) FROM generate_series(1, (n + 15) / 16) $$;
CREATE TEMP TABLE seed_building (building_id uuid, grid_id uuid, community_id uuid, street_id uuid, window_id uuid);
COPY seed_building FROM STDIN;
{rows}
\\.
CREATE TEMP TABLE seed AS
  SELECT i, gen_random_uuid() AS household_id, gen_random_uuid() AS user_id, b.*
  FROM generate_series(1, {RESIDENTS}) i
  JOIN (SELECT row_number() OVER () - 1 AS k, * FROM seed_building) b ON b.k = i % {len(buildings)};
INSERT INTO household (id, building_id, room, join_code, members)
  SELECT household_id, building_id, 'R' || i, substr(md5(household_id::text), 1, 16), 1 FROM seed;
INSERT INTO app_user (id, openid_hash, openid_enc, nickname, phone_enc, phone_hash, phone_masked, household_id)
  SELECT user_id, sha256(user_id::text::bytea), pg_temp.rb(46), '居民' || i, pg_temp.rb(29),
         sha256(('p' || i)::bytea), '138****' || lpad((i % 10000)::text, 4, '0'), household_id FROM seed;
INSERT INTO household_member (id, street_id, community_id, grid_id, building_id, household_id, name_enc, testing_code_enc,
                              code_updated_at, added_by, added_at)
  SELECT gen_random_uuid(), street_id, community_id, grid_id, building_id, household_id, pg_temp.rb(37),
         pg_temp.rb(90), now(), user_id, now() FROM seed, generate_series(1, 2);
INSERT INTO resident_order (id, window_id, household_id, user_id, status, total_fen, delivery_mode, pickup_code, note,
                            idempotency_key, request_hash, created_at)
  SELECT gen_random_uuid(), window_id, household_id, user_id, 'PLACED', 3800, 'DOOR', lpad((i % 1000000)::text, 6, '0'),
         '请放门口，老人独居-' || i, 'seed-' || i, sha256(i::text::bytea), now() FROM seed;
INSERT INTO care_request (id, household_id, street_id, community_id, grid_id, building_id, type, description_enc, status,
                          registered, filed_by, created_at)
  SELECT gen_random_uuid(), household_id, street_id, community_id, grid_id, building_id, 'MEDICINE', pg_temp.rb(60),
         'SUBMITTED', false, user_id, now() FROM seed WHERE i % 10 = 0;
INSERT INTO vulnerable_person (id, household_id, street_id, community_id, grid_id, building_id, name_enc, category, note_enc,
                               recorded_by, recorded_at)
  SELECT gen_random_uuid(), household_id, street_id, community_id, grid_id, building_id, pg_temp.rb(37), 'ELDERLY_ALONE',
         pg_temp.rb(60), user_id, now() FROM seed WHERE i % 20 = 0;
INSERT INTO volunteer (id, user_id, community_id, name_enc, skills, party_member, availability_enc, status, service_minutes, created_at)
  SELECT gen_random_uuid(), user_id, community_id, pg_temp.rb(37), ARRAY['LOGISTICS'], true, pg_temp.rb(40), 'APPROVED', 0, now()
  FROM seed WHERE i % 50 = 0;
INSERT INTO household_caretaker (household_id, volunteer_id, user_id, community_id, assigned_by, assigned_at)
  SELECT s.household_id, v.id, v.user_id, v.community_id, v.user_id, now()
  FROM volunteer v JOIN seed o ON o.user_id = v.user_id JOIN seed s ON s.i = o.i + 1;
ANALYZE;
"""
subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-d", DB], input=sql.encode(), check=True)
with open(f"{OUT}/purge-street.txt", "w") as f:
    f.write(street["id"] + "\n")
with open(f"{OUT}/admin-token.txt", "w") as f:
    f.write(token + "\n")
print(f"seeded: a street of {COMMUNITIES} communities, {RESIDENTS} households with a resident, {2 * RESIDENTS} members, "
      f"{RESIDENTS} orders with notes, {RESIDENTS // 10} care requests, {RESIDENTS // 20} register entries, "
      f"{RESIDENTS // 50} volunteers, {len(buildings)} group chats")
