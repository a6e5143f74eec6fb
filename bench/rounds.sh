#!/usr/bin/env bash
# Testing-round benchmark (docs/testing-rounds.md, docs/performance.md): a village of 1,000
# households and 3,000 people with their testing codes; every lane's sheet stack printed (time, and
# the service's heap sampled meanwhile); then a round over 3 sites run by N concurrent station
# scanners (arrivals, one sample per request, a coverage read now and then, a coordinator polling the
# sites), with pgbench simple-update in the same run as the ceiling. Targets 127.0.0.1 only.
# Usage: bash bench/rounds.sh [scanners=32] [households=1000] [people=3] [pgbench seconds=20] [pace=0]
#        pace > 0: each scanner scans at most once every <pace> seconds (an open load, as at a real
#        station, where a swab takes seconds); 0: back to back (the most the machine serves).
set -euo pipefail
cd "$(dirname "$0")/.."
SCANNERS=${1:-32}; HOUSEHOLDS=${2:-1000}; PEOPLE=${3:-3}; PG_SECONDS=${4:-20}; PACE=${5:-0}
PORT=8089; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=target/bench-rounds; mkdir -p "$BENCH_DIR"; rm -f "$BENCH_DIR"/sheets.*

source bench/lib.sh
prepare_service

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN \
TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL=1000000 \
TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 QUARKUS_HTTP_PORT=$PORT TONGXIN_NOTICE_RELAY_EVERY=off \
  java @deploy/jvm.options ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done

# The heap while the sheets print: used heap sampled every 100 ms from the start of the printing
# (after a full GC) to its end, against the used heap just before.
( while [ ! -f "$BENCH_DIR/sheets.start" ]; do sleep 0.05; done
  jcmd $pid GC.run >/dev/null 2>&1 || true
  base=$(jstat -gc $pid | awk 'NR==2{print $3+$4+$6+$8}')
  peak=$base
  while [ ! -f "$BENCH_DIR/sheets.end" ]; do
    used=$(jstat -gc $pid | awk 'NR==2{print $3+$4+$6+$8}')
    peak=$(awk -v a="$peak" -v b="$used" 'BEGIN{print (b > a ? b : a)}')
    sleep 0.1
  done
  awk -v b="$base" -v p="$peak" 'BEGIN{printf "== heap while printing: %.0f MB used before, peak %.0f MB, extra %.0f MB\n", b/1024, p/1024, (p-b)/1024}'
) > "$BENCH_DIR/heap.txt" &
sampler=$!

(cd bench && python3 rounds.py "$BASE" "../$BENCH_DIR" "$HOUSEHOLDS" "$PEOPLE" "$SCANNERS" "$DB" "$PACE")
wait $sampler || true
cat "$BENCH_DIR/heap.txt"
awk '/^VmRSS/{r=$2} /^VmHWM/{h=$2} END{printf "service memory after the round: RSS %d MB, peak RSS %d MB\n", r/1024, h/1024}' /proc/$pid/status
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

echo "== pgbench ceiling (builtin simple-update, $SCANNERS clients, 2 threads, ${PG_SECONDS}s)"
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 $DB >/dev/null 2>&1
tps=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -b simple-update -c "$SCANNERS" -j 2 -T "$PG_SECONDS" $DB 2>&1 \
  | awk '/^tps/{print int($3)}')
echo "   simple-update: $tps tps"
awk -v s="$(cat "$BENCH_DIR/scans_per_s")" -v t="$tps" 'BEGIN{printf "== station scans / pgbench simple-update: %.2fx\n", s/t}'
