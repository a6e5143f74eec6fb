#!/usr/bin/env bash
# Start-up benchmark: starts the packaged service (prod profile, quarkus-run.jar) N times and
# prints time-to-ready (until /q/health/ready answers 200) and RSS right after, min/median/max —
# for the plain jar, and for the jar with a JDK AOT cache made by one short training run
# (-XX:AOTCacheOutput on a start that serves a few requests, then -XX:AOTCache). Targets
# 127.0.0.1 only. Usage: bash bench/startup.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}; PORT=8089; DB=tongxin_bench; REDIS_DB=14
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
BENCH_DIR=target/bench-startup; mkdir -p "$BENCH_DIR"
source bench/lib.sh
prepare_service
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null

# Production-like settings: the prod profile with every secret it insists on (values made up here).
export TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
  TONGXIN_WECHAT_APP_ID=wx-bench TONGXIN_WECHAT_SECRET=bench-secret QUARKUS_HTTP_PORT=$PORT \
  TONGXIN_PII_ENCRYPTION_KEY=$(openssl rand -base64 32) TONGXIN_PII_HASH_KEY=$(openssl rand -base64 48) \
  SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem"

# One start: prints "<ms to ready> <RSS kB>"; extra JVM options in $1.
start_once() {
  local t0 pid ms rss
  t0=$(date +%s%N)
  java $1 -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/service.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "service died; see $BENCH_DIR/service.log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  # Quarkus's own count (from its main method to started), in ms: the rest is the JVM and class loading before it.
  quarkus=$(grep -o 'started in [0-9.]*s' "$BENCH_DIR/service.log" | head -1 | tr -dc '0-9.' | awk '{printf "%d", $1 * 1000}')
  kill $pid; wait $pid 2>/dev/null || true
  echo "$ms $rss ${quarkus:-0}"
}

report() { # label, file of "<ms> <kB>" lines
  python3 - "$1" "$2" <<'PY'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()]
ms = sorted(r[0] for r in rows); mb = sorted(r[1] / 1024 for r in rows); q = sorted(r[2] for r in rows)
print(f"{sys.argv[1]}: ready min {ms[0]} / median {statistics.median(ms):.0f} / max {ms[-1]} ms; "
      f"RSS min {mb[0]:.0f} / median {statistics.median(mb):.0f} / max {mb[-1]:.0f} MB; "
      f"Quarkus's own 'started in' median {statistics.median(q):.0f} ms ({len(rows)} starts)")
PY
}

echo "== machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1)"
start_once "" > /dev/null   # the first start migrates the database; not measured
: > "$BENCH_DIR/plain.txt"
for _ in $(seq 1 "$RUNS"); do start_once "" >> "$BENCH_DIR/plain.txt"; done
report "plain jar" "$BENCH_DIR/plain.txt"

# Training run for the AOT cache: start, serve a few requests, stop; the JVM writes the cache on exit.
rm -f "$BENCH_DIR/app.aot"
java -XX:AOTCacheOutput="$BENCH_DIR/app.aot" -jar target/quarkus-app/quarkus-run.jar > "$BENCH_DIR/training.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do sleep 0.1; done
for _ in $(seq 1 20); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/me"
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"code":"x"}' "http://127.0.0.1:$PORT/api/auth/wx-login"
done
kill $pid; wait $pid 2>/dev/null || true
ls -la "$BENCH_DIR/app.aot" | awk '{print "AOT cache: " $5 / 1048576 " MB"}'
: > "$BENCH_DIR/aot.txt"
for _ in $(seq 1 "$RUNS"); do start_once "-XX:AOTCache=$BENCH_DIR/app.aot" >> "$BENCH_DIR/aot.txt"; done
report "jar + JDK AOT cache" "$BENCH_DIR/aot.txt"
