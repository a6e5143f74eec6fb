#!/usr/bin/env bash
# Console benchmark (docs/console.md, docs/performance.md): 16 community staff of the dev profile's
# demo district, each logged in to the console by the scan flow, browse its five pages in turn
# back to back (wrk, 16 connections), after a warm-up; then pgbench simple-update with 16
# clients in the same run as the ceiling. Targets 127.0.0.1 only.
# Usage: bash bench/console.sh [seconds=20] [staff=16]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}; STAFF=${2:-16}
PORT=8089; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=target/bench-console; mkdir -p "$BENCH_DIR"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source bench/lib.sh
prepare_service

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL=1000000 \
TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 QUARKUS_HTTP_PORT=$PORT TONGXIN_NOTICE_RELAY_EVERY=off \
  java @deploy/jvm.options ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
(cd bench && python3 seed_console.py "$BASE" "../$BENCH_DIR" "$STAFF")
wrk -t2 -c"$STAFF" -d10s --timeout 5s -s bench/console.lua "$BASE" > "$BENCH_DIR/warmup.txt"
echo "== console pages, $STAFF staff back to back (board, notices, orders, roster and care in turn), ${SECONDS_RUN}s after a 10 s warm-up"
wrk -t2 -c"$STAFF" -d"${SECONDS_RUN}s" --timeout 5s -s bench/console.lua "$BASE" | sed -n '/^pages\/s/,$p' | tee "$BENCH_DIR/run.txt"
awk '/^VmRSS/{r=$2} END{printf "service RSS after the run: %d MB\n", r/1024}' /proc/$pid/status
kill $pid; wait $pid 2>/dev/null || true

echo "== pgbench ceiling (builtin simple-update, $STAFF clients, 2 threads, ${SECONDS_RUN}s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists tongxin_pgbench" -c "create database tongxin_pgbench" >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 tongxin_pgbench 2>/dev/null
tps=$(pgbench -h 127.0.0.1 -U postgres -b simple-update -c "$STAFF" -j 2 -T "$SECONDS_RUN" -n tongxin_pgbench 2>/dev/null \
  | awk '/^tps/{print $3}')
echo "   simple-update: ${tps%.*} tps"
pages=$(awk '/^pages\/s/{print $2}' "$BENCH_DIR/run.txt")
echo "== console pages / pgbench simple-update: $(python3 -c "print(f'{$pages / $tps:.2f}x')")"
