#!/usr/bin/env bash
# Stand-down purge benchmark (docs/privacy.md, docs/performance.md): a street of RESIDENTS households
# (one resident each, with a phone, two household members, an order with a note; care requests,
# register entries, volunteers, caretakers and group chats in proportion) is stood down with
# retainDays 0 while residents of another street keep ordering (16 connections, wrk in 10-second
# windows). Prints how long the purge took (started → done, from the stand-down's own times), what
# it erased per step, what is left of the street's personal data (must be nothing), the orders of
# the other street before and during the purge, and pgbench simple-update in the same run as the
# machine's reference. Targets 127.0.0.1 only.
# Usage: bash bench/purge.sh [residents=50000] [batch=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS=${1:-50000}; BATCH=${2:-1000}
PORT=8089; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=target/bench-purge; rm -rf "$BENCH_DIR"; mkdir -p "$BENCH_DIR"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source bench/lib.sh
prepare_service

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN \
TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL=1000000 \
TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 TONGXIN_ORG_JOIN_PER_ADDRESS=1000000 QUARKUS_HTTP_PORT=$PORT \
TONGXIN_NOTICE_RELAY_EVERY=off TONGXIN_PRIVACY_PURGE_EVERY=1s TONGXIN_PRIVACY_PURGE_BATCH=$BATCH \
  java @deploy/jvm.options ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
python3 bench/seed_orders.py "$BASE" "$BENCH_DIR" 500 1000000 1000
(cd bench && python3 seed_purge.py "$BASE" "../$BENCH_DIR" "$DB" "$RESIDENTS")
psql -h 127.0.0.1 -U postgres -d $DB -tAc "select '   database after seeding: ' || pg_size_pretty(pg_database_size('$DB'))"
BENCH_WINDOW=warmup-window.txt wrk -t2 -c16 -d10s --timeout 5s -s bench/order.lua "$BASE" > "$BENCH_DIR/warmup.txt"

orders() { # $1 label: one 10-second window of orders in the other street
  wrk -t2 -c16 -d10s --timeout 5s --latency -s bench/order.lua "$BASE" > "$BENCH_DIR/orders.txt"
  awk -v l="$1" '/^Requests\/sec/{rps=$2} /^ +99%/{p99=$2} /^ +50%/{p50=$2} /^answers/{a=$0}
    END{printf "   %-28s %8.0f orders/s  p50 %s  p99 %s  (%s)\n", l, rps, p50, p99, a}' "$BENCH_DIR/orders.txt"
}
echo "== orders in another street (16 connections, 10-second windows)"
orders "before the stand-down"
street=$(cat "$BENCH_DIR/purge-street.txt")
id=$(curl -sf -H "Authorization: Bearer $(cat "$BENCH_DIR/admin-token.txt")" -H 'Content-Type: application/json' \
  -d "{\"scope\":{\"type\":\"STREET\",\"id\":\"$street\"},\"retainDays\":0}" "$BASE/api/stand-downs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
status() { psql -h 127.0.0.1 -U postgres -d $DB -tAc "select status from stand_down where id = '$id'"; }
n=0
while [ "$(status)" != DONE ] && [ $n -lt 90 ]; do n=$((n + 1)); orders "during the purge ($n)"; done
orders "after the purge"

echo "== the purge (batch $BATCH)"
psql -h 127.0.0.1 -U postgres -d $DB -tA -c "
  select '   status ' || status || ', started ' || to_char(started_at, 'HH24:MI:SS') || ', done after '
         || round(extract(epoch from finished_at - started_at)::numeric, 1) || ' s' from stand_down where id = '$id';
  select '   erased: ' || string_agg(key || ' ' || value, ', ' order by key) from stand_down, jsonb_each_text(purged) where id = '$id';
  select '   audit records of the purge: ' || count(*) || ', rows ' || sum(row_count) from audit_record where subject_scope = '$id';"
psql -h 127.0.0.1 -U postgres -d $DB -tA -c "
  with s as (select '$street'::uuid as street)
  select '   left in the street: phones ' || (select count(*) from app_user u join household h on h.id = u.household_id
           join building b on b.id = h.building_id join grid g on g.id = b.grid_id join community c on c.id = g.community_id, s
           where c.street_id = s.street)
    || ', member names/codes ' || (select count(*) from household_member m, s where m.street_id = s.street
           and (m.name_enc is not null or m.testing_code_enc is not null))
    || ', register ' || (select count(*) from vulnerable_person v, s where v.street_id = s.street)
    || ', care texts ' || (select count(*) from care_request r, s where r.street_id = s.street and r.description_enc is not null)
    || ', order notes ' || (select count(*) from resident_order o join ordering_window w on w.id = o.window_id
           join community c on c.id = w.community_id, s where c.street_id = s.street and o.note is not null)
    || ', volunteer names ' || (select count(*) from volunteer v join community c on c.id = v.community_id, s
           where c.street_id = s.street and v.name_enc is not null)
    || ', webhook keys ' || (select count(*) from group_chat g, s where g.street_id = s.street and g.webhook_key_enc is not null)"
kill $pid; wait $pid 2>/dev/null || true

echo "== pgbench ceiling (builtin simple-update, 16 clients, 2 threads, 20s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists tongxin_pgbench" -c "create database tongxin_pgbench" >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 tongxin_pgbench 2>/dev/null
pgbench -h 127.0.0.1 -U postgres -b simple-update -c 16 -j 2 -T 20 -n tongxin_pgbench 2>/dev/null | grep -E "^tps" | sed 's/^/   /'
