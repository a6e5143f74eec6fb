#!/usr/bin/env bash
# Notice benchmark: a notice to every group robot of a street (the widest scope a notice has),
# posted by the relay to a WeCom stand-in on 127.0.0.1 (WireMock, answering errcode 0 after a
# delay like a real round trip to WeCom). Prints the time from publication until every delivery
# is SENT, the relay's posts per second, and checks that each robot got the notice exactly once.
# Targets 127.0.0.1 only; bounded in time.
# Usage: bash bench/notices.sh [robots=300] [communities=10] [latency-ms=50] [replicas=1]
set -euo pipefail
cd "$(dirname "$0")/.."
ROBOTS=${1:-300}; COMMUNITIES=${2:-10}; LATENCY=${3:-50}; REPLICAS=${4:-1}
PORT=8089; STUB_PORT=8091; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=target/bench-notices; mkdir -p "$BENCH_DIR"

source bench/lib.sh
prepare_service
WIREMOCK=$(find ~/.m2/repository/org/wiremock/wiremock-standalone -name 'wiremock-standalone-*.jar' | sort | tail -1)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== $ROBOTS robots in $COMMUNITIES communities of one street; WeCom stand-in answers after ${LATENCY} ms; $REPLICAS replica(s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
pids=()
trap 'kill ${pids[@]} 2>/dev/null || true' EXIT
java -jar "$WIREMOCK" --port $STUB_PORT --bind-address 127.0.0.1 --disable-banner \
  --async-response-enabled true --container-threads 200 > "$BENCH_DIR/wecom-stub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$STUB_PORT/__admin/mappings" >/dev/null && break; sleep 1; done
curl -sf -X POST "http://127.0.0.1:$STUB_PORT/__admin/mappings" -d "{\"request\":{\"method\":\"POST\",\"urlPath\":\"/cgi-bin/webhook/send\"},
  \"response\":{\"status\":200,\"fixedDelayMilliseconds\":$LATENCY,\"headers\":{\"Content-Type\":\"application/json\"},
  \"body\":\"{\\\"errcode\\\":0,\\\"errmsg\\\":\\\"ok\\\"}\"}}" >/dev/null

start_service() { # $1 port
  SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
  TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
  TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 \
  TONGXIN_WECOM_WEBHOOK_BASE_URL=http://127.0.0.1:$STUB_PORT TONGXIN_NOTICE_RELAY_EVERY=1s QUARKUS_HTTP_PORT=$1 \
    java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/service-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && break; sleep 1; done
}
start_service $PORT
for r in $(seq 2 "$REPLICAS"); do start_service $((PORT + r - 1)); done
python3 bench/seed_notices.py "$BASE" "$BENCH_DIR" "$ROBOTS" "$COMMUNITIES"
read -r NOTICE TOKEN < "$BENCH_DIR/notice.txt"
count() { psql -h 127.0.0.1 -U postgres -d $DB -tAc "select count(*) from notice_delivery where notice_id = '$NOTICE' and channel = 'GROUP_CHAT' and status = '$1'"; }

t0=$(date +%s.%N)
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/notices/$NOTICE/publish" >/dev/null
first=""
for _ in $(seq 1 1200); do
  sent=$(count SENT)
  [ -z "$first" ] && [ "$sent" -gt 0 ] && first=$(date +%s.%N)
  [ "$sent" -ge "$ROBOTS" ] && break
  sleep 0.1
done
t1=$(date +%s.%N)
posts=$(curl -sf "http://127.0.0.1:$STUB_PORT/__admin/requests/count" -d '{"method":"POST","urlPath":"/cgi-bin/webhook/send"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])' 2>/dev/null || echo "?")
echo "== delivery of one notice to $ROBOTS robots"
python3 - "$t0" "${first:-$t1}" "$t1" "$ROBOTS" <<'PY'
import sys
t0, first, t1, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"first post recorded after {first - t0:.2f} s; all {n} SENT after {t1 - t0:.2f} s; {n / (t1 - t0):.0f} posts/s end to end")
PY
echo "deliveries SENT: $(count SENT), PENDING: $(count PENDING), FAILED: $(count FAILED)"
echo "posts the stand-in received: $posts (each robot exactly once when this equals the robots and SENT)"
psql -h 127.0.0.1 -U postgres -d $DB -tA -F' ' -c "select 'robots with other than one SENT row:', count(*) from (
  select g.id from group_chat g left join notice_delivery d on d.target_id = g.id and d.notice_id = '$NOTICE' and d.status = 'SENT'
  group by g.id having count(d.id) <> 1) x"
