#!/usr/bin/env bash
# Care benchmark: many staff allocating care packages from one donation at once (it runs out
# mid-run, so DONATION_SHORT is exercised under load), then a burst of care requests from
# thousands of residents; each from wrk at 64 connections against the packaged service. Checks in
# the database that the donation was never overdrawn, and prints pgbench simple-update from the
# same run as the ceiling. Targets 127.0.0.1 only; bounded in time.
# Usage: bash bench/care.sh [seconds=15] [households=2000] [staff=8] [stock=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-15}; HOUSEHOLDS=${2:-2000}; STAFF=${3:-8}; STOCK=${4:-5000}
PORT=8089; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=target/bench-care; mkdir -p "$BENCH_DIR"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
source bench/lib.sh
prepare_service

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== $HOUSEHOLDS households, $STAFF staff, one donation of $STOCK units; wrk -t2 -c64 -d${SECONDS_RUN}s"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 \
TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL=1000000 TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 TONGXIN_ORG_JOIN_PER_ADDRESS=1000000 \
QUARKUS_HTTP_PORT=$PORT java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
python3 bench/seed_care.py "$BASE" "$BENCH_DIR" "$HOUSEHOLDS" "$STAFF" "$STOCK"
# Warm up on the request path (it writes nothing shared), then measure both.
wrk -t2 -c64 -d10s --timeout 5s -s bench/care_request.lua "$BASE" > "$BENCH_DIR/warmup.txt"
echo "== care packages: $STAFF staff allocating one unit to a random household, 64 connections"
wrk -t2 -c64 -d"${SECONDS_RUN}s" --timeout 5s -s bench/care_alloc.lua "$BASE" | sed -n '/^requests\/s/,$p'
echo "== care requests: $HOUSEHOLDS residents asking for help, 64 connections"
wrk -t2 -c64 -d"${SECONDS_RUN}s" --timeout 5s -s bench/care_request.lua "$BASE" | sed -n '/^requests\/s/,$p'
read -r _ _ ITEM < "$BENCH_DIR/care.txt"
psql -h 127.0.0.1 -U postgres -d $DB -tA -F' ' -c "
  select 'donated units, remaining, allocated:', quantity, remaining,
         (select coalesce(sum(quantity), 0) from care_package_item where donation_item_id = i.id)
  from donation_item i where id = '$ITEM';
  select 'overdrawn (remaining < 0, or remaining <> donated - allocated):', count(*) from donation_item i
  where id = '$ITEM' and (remaining < 0 or remaining <> quantity - (select coalesce(sum(quantity), 0)
    from care_package_item where donation_item_id = i.id));
  select 'care requests stored:', count(*) from care_request;"
kill $pid; wait $pid 2>/dev/null || true

echo "== pgbench ceiling (builtin simple-update, 64 clients, 2 threads, ${SECONDS_RUN}s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists tongxin_pgbench" -c "create database tongxin_pgbench" >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 tongxin_pgbench 2>/dev/null
pgbench -h 127.0.0.1 -U postgres -b simple-update -c 64 -j 2 -T "$SECONDS_RUN" -n tongxin_pgbench 2>/dev/null \
  | grep -E "^(tps|latency|number of transactions actually)"
