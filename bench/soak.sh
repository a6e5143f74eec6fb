#!/usr/bin/env bash
# Soak (docs/performance.md, "Memory"): the packaged service with the shipped JVM options
# (deploy/jvm.options) under a district's mixed day for MINUTES minutes at 64 connections: orders,
# roster claims, residents' reads and notices posted by the relay to a WeCom stand-in (bench/soak.lua).
# Samples the service's RSS and PSS every 5 s (PSS: the shared mappings split between processes),
# logs every garbage collection (heap after each), then prints the throughput, the answers, the
# memory at the start and the end, whether the heap after GC stays flat, any OutOfMemoryError, and
# draws heap-after-GC, RSS and PSS over time as an SVG (target/bench-soak/soak.svg).
# Targets 127.0.0.1 only.
# Usage: bash bench/soak.sh [minutes=10] [connections=64]
#   BENCH_JAVA_OPTS adds JVM options; -XX:NativeMemoryTracking=summary also prints where the memory
#   outside the heap is at the end.
#   BENCH_APP=dir runs the package built before in dir (e.g. a copy of the target/quarkus-app that
#   `mvn verify` trained) with its AOT cache (dir/app.aot), as the image starts it; without it the
#   script packages the service and starts it without a cache.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}; CONNECTIONS=${2:-64}
PORT=8089; STUB_PORT=8091; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=$PWD/target/bench-soak; rm -rf "$BENCH_DIR"; mkdir -p "$BENCH_DIR/claims"
export BENCH_ADMIN_TOKEN_FILE=$BENCH_DIR/admin-token.txt
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source bench/lib.sh
APP_DIR=$(realpath -m "${BENCH_APP:-target/quarkus-app}")
prepare_service
CACHE=(); [ -z "${BENCH_APP:-}" ] || [ ! -f "$APP_DIR/app.aot" ] || CACHE=(-XX:AOTCache=app.aot)
WIREMOCK=$(find ~/.m2/repository/org/wiremock/wiremock-standalone -name 'wiremock-standalone-*.jar' | sort | tail -1)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== JVM options: $(grep -v '^#' deploy/jvm.options | tr '\n' ' ')${CACHE[*]:-} ${BENCH_JAVA_OPTS:-}; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
pids=()
trap 'kill ${pids[@]} 2>/dev/null || true' EXIT
java -jar "$WIREMOCK" --port $STUB_PORT --bind-address 127.0.0.1 --disable-banner --async-response-enabled true \
  > "$BENCH_DIR/wecom-stub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$STUB_PORT/__admin/mappings" >/dev/null && break; sleep 1; done
curl -sf -X POST "http://127.0.0.1:$STUB_PORT/__admin/mappings" -d '{"request":{"method":"POST","urlPath":"/cgi-bin/webhook/send"},
  "response":{"status":200,"fixedDelayMilliseconds":50,"headers":{"Content-Type":"application/json"},
  "body":"{\"errcode\":0,\"errmsg\":\"ok\"}"}}' >/dev/null

date +%s.%N > "$BENCH_DIR/jvm-start.txt"
SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN TONGXIN_AUTH_ACCESS_TOKEN_TTL=PT30M \
TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL=1000000 \
TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 TONGXIN_ORG_JOIN_PER_ADDRESS=1000000 QUARKUS_HTTP_PORT=$PORT \
TONGXIN_WECOM_WEBHOOK_BASE_URL=http://127.0.0.1:$STUB_PORT TONGXIN_NOTICE_RELAY_EVERY=1s MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  bash -c 'cd "$0" && exec java "$@"' "$APP_DIR" @"$PWD/deploy/jvm.options" "${CACHE[@]}" ${BENCH_JAVA_OPTS:-} \
    -Xlog:gc:file="$BENCH_DIR/gc.log":uptime -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$BENCH_DIR" \
    -Dquarkus.profile=dev -jar quarkus-run.jar > "$BENCH_DIR/service.log" 2>&1 &
pid=$!; pids+=($pid)
for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
python3 bench/seed_orders.py "$BASE" "$BENCH_DIR" 1000 1000000 1000 >/dev/null
python3 bench/seed.py "$BASE" "$BENCH_DIR/claims" 200 10 5 7 >/dev/null
community=$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "select community_id from ordering_window where id = '$(cut -d' ' -f1 "$BENCH_DIR/window.txt")'")
echo "$community" > "$BENCH_DIR/notice-community.txt"
for i in 1 2 3 4; do
  curl -sf -H "Authorization: Bearer $(cat "$BENCH_ADMIN_TOKEN_FILE")" -H 'Content-Type: application/json' \
    -d "{\"communityId\":\"$community\",\"name\":\"${i}号楼群\",\"webhookKey\":\"soak-key-$i\"}" "$BASE/api/group-chats" >/dev/null
done
echo "== seeded: 1,000 households, 200 volunteers and a week's roster, 4 group chats"

( while kill -0 $pid 2>/dev/null; do
    awk -v t="$(date +%s)" '/^Rss:/{r=$2} /^Pss:/{p=$2} END{print t, r, p}' /proc/$pid/smaps_rollup 2>/dev/null
    sleep 5
  done ) > "$BENCH_DIR/memory.txt" &
pids+=($!)
echo "== soak: ${MINUTES} min at $CONNECTIONS connections (45 % orders, 20 % claims, 35 % reads, 0.1 % notices)"
date +%s > "$BENCH_DIR/soak-start.txt"
wrk -t2 -c"$CONNECTIONS" -d"${MINUTES}m" --timeout 10s -s bench/soak.lua "$BASE" | sed -n '/^requests\/s/,$p' | tee "$BENCH_DIR/wrk.txt"
date +%s > "$BENCH_DIR/soak-end.txt"
sleep 5
echo "== memory and garbage collection"
echo "   OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$BENCH_DIR/service.log" || true)"
psql -h 127.0.0.1 -U postgres -d $DB -tAc "select '   notices posted to robots: ' || count(*) filter (where status = 'SENT') || ' sent, '
  || count(*) filter (where status = 'FAILED') || ' failed, ' || count(*) filter (where status = 'PENDING') || ' pending'
  from notice_delivery where channel = 'GROUP_CHAT'"
python3 bench/soak_plot.py "$BENCH_DIR" "$BENCH_DIR/soak.svg"
# With BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary: where the memory outside the heap is, committed.
if jcmd $pid VM.native_memory summary > "$BENCH_DIR/nmt.txt" 2>/dev/null && grep -q "Total:" "$BENCH_DIR/nmt.txt"; then
  echo "== native memory (committed, MB), at the end of the soak"
  grep -E "^(Total|-)" "$BENCH_DIR/nmt.txt" | grep -v "^-  *(" \
    | sed -E 's/^-? *([A-Za-z][A-Za-z ]*[A-Za-z)]) *\(reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1 \2/; s/^Total: reserved=[0-9]+KB, committed=([0-9]+)KB.*/Total \1/' \
    | awk '{kb=$NF; $NF=""; if (kb >= 1024) printf "   %-28s %6.0f\n", $0, kb / 1024}'
fi
kill $pid; wait $pid 2>/dev/null || true
