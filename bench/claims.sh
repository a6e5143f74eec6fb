#!/usr/bin/env bash
# Claim benchmark: seeds volunteers and a roster, starts the packaged service, drives claims at
# concurrency 64 from wrk (a second process), then checks the database for overbooking and prints
# pgbench's numbers on the same machine as the ceiling. Targets 127.0.0.1 only; bounded in time.
# Usage: bash bench/claims.sh [seconds=20] [volunteers=400] [checkpoints=10] [capacity=5] [days=2]
#        SCENARIOS=opening,database-only,success,replicas (default: all four) picks the runs.
#        BENCH_JAVA_OPTS adds JVM options to the service; BENCH_APP=dir runs a package built before
#        (see bench/orders.sh); BENCH_WARMUP=seconds of the warm-up's first part (default 30).
# Four runs, each on a fresh database after warming up on a separate roster:
#   1. roster opening, Redis gate on: everyone claims random shifts; most answers are 409s
#   2. the same with TONGXIN_SHIFT_REDIS_GATE=false (PostgreSQL alone)
#   3. success path: every request is a claim that succeeds (capacity 40, each volunteer one shift
#      per time slot), so the numbers are those of the database write path
#   4. roster opening against two replicas sharing PostgreSQL and Redis (32 connections each;
#      capacity 20, so that both replicas win claims)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}; VOLUNTEERS=${2:-400}; CHECKPOINTS=${3:-10}; CAPACITY=${4:-5}; DAYS=${5:-2}
PORT=8089; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=target/bench; mkdir -p "$BENCH_DIR"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source bench/lib.sh
APP_DIR=$(realpath -m "${BENCH_APP:-target/quarkus-app}")
prepare_service

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== roster: $VOLUNTEERS volunteers, $CHECKPOINTS checkpoints x 3 shifts x $DAYS days, capacity $CAPACITY; wrk -t2 -c64 -d${SECONDS_RUN}s"

start_service() {  # $1 = port, $2 = redis gate on/off, $3 = log file; prints the pid
  SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
  TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
  TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 \
  TONGXIN_SHIFT_REDIS_GATE=$2 QUARKUS_HTTP_PORT=$1 \
    bash -c 'cd "$0" && exec java "$@"' "$APP_DIR" ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -jar quarkus-run.jar > "$3" 2>&1 &
  echo $!
}

run() {  # $1 = label, $2 = redis gate on/off, $3 = capacity, $4 = wrk script, $5 = replicas (default 1)
  local replicas=${5:-1} pids=() urls=()
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
  redis-cli -n $REDIS_DB flushdb >/dev/null
  for i in $(seq 0 $((replicas - 1))); do
    urls+=("http://127.0.0.1:$((PORT + i))")
    pids+=("$(start_service $((PORT + i)) "$2" "$BENCH_DIR/service-$1-$i.log")")
    # one at a time: Flyway migrates on the first start
    for _ in $(seq 1 60); do curl -sf "${urls[$i]}/q/health/ready" >/dev/null && break; sleep 1; done
  done
  python3 bench/seed.py "${urls[0]}" "$BENCH_DIR" "$VOLUNTEERS" "$CHECKPOINTS" "$3" "$DAYS" "$replicas"
  # Warm-up on separate, longer rosters, one per replica (a replica that only ever lost warm-up claims
  # to another would enter the measurement with a cold write path and stall): the same script
  # (thousands of claims), then random claims; all replicas at once, then a pause.
  local warm=()
  for i in "${!urls[@]}"; do
    local roster=warmup-shifts.txt
    [ "$replicas" -gt 1 ] && roster=warmup-shifts-$i.txt
    ( BENCH_SHIFTS=$roster BENCH_CHECKPOINTS=$CHECKPOINTS wrk -t2 -c$((64 / replicas)) -d"${BENCH_WARMUP:-30}s" --timeout 5s -s "$4" "${urls[$i]}"
      BENCH_SHIFTS=$roster wrk -t2 -c$((64 / replicas)) -d10s --timeout 5s -s bench/claim.lua "${urls[$i]}"
    ) > "$BENCH_DIR/warmup-$1-$i.txt" &
    warm+=($!)
  done
  wait "${warm[@]}"
  sleep 5
  echo "== claims, $1 ($replicas replica(s), $((64 / replicas)) connections each, after warming up on a separate roster)"
  local outs=() loads=()
  local slru="select coalesce(sum(blks_hit + blks_read + blks_zeroed), 0) from pg_stat_slru where name like 'Multi%'"
  local slru_before; slru_before=$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "$slru")
  bash bench/pgwaits.sh $DB $((SECONDS_RUN - 2)) > "$BENCH_DIR/waits-$1.txt" &
  local waits=$! cpu_before; cpu_before=$(cpu_ticks "${pids[0]}"); thread_ticks "${pids[0]}" > "$BENCH_DIR/threads-before.tsv"
  for i in "${!urls[@]}"; do
    outs+=("$BENCH_DIR/wrk-$1-$i.txt")
    BENCH_CHECKPOINTS=$CHECKPOINTS wrk -t2 -c$((64 / replicas)) -d"${SECONDS_RUN}s" --timeout 5s -s "$4" "${urls[$i]}" > "${outs[$i]}" &
    loads+=($!)
  done
  wait "${loads[@]}"
  local cpu_after; cpu_after=$(cpu_ticks "${pids[0]}"); thread_ticks "${pids[0]}" > "$BENCH_DIR/threads-after.tsv"
  wait $waits
  for i in "${!outs[@]}"; do
    [ "$replicas" -gt 1 ] && echo "-- replica $i"
    sed -n '/^\(requests\|claims\)\/s/,$p' "${outs[$i]}"
  done
  [ "$replicas" -gt 1 ] && echo "(service cores below: replica 0 only)"
  cpu_share "$cpu_before" "$cpu_after" "$SECONDS_RUN"
  thread_share "$BENCH_DIR/threads-before.tsv" "$BENCH_DIR/threads-after.tsv" "$SECONDS_RUN"
  echo "-- the database during the run (bench/pgwaits.sh; multixact pages touched:" \
    "$(( $(psql -h 127.0.0.1 -U postgres -d $DB -tAc "$slru") - slru_before )))"
  sed -n '1,12p' "$BENCH_DIR/waits-$1.txt"
  psql -h 127.0.0.1 -U postgres -d $DB -tA -F' ' -c "
    select 'successful claims on the measured roster:', count(*) from shift_claim c join shift s on s.id = c.shift_id
      join checkpoint cp on cp.id = s.checkpoint_id where cp.name not like '预热%';
    select 'overbooked shifts (taken > capacity or claims > capacity):', count(*) from shift s
      where s.taken > s.capacity or (select count(*) from shift_claim c where c.shift_id = s.id) > s.capacity;
    select 'shifts whose taken differs from their claims:', count(*) from shift s
      where s.taken <> (select count(*) from shift_claim c where c.shift_id = s.id);
    select 'volunteers holding overlapping shifts:', count(*) from shift_claim a join shift_claim b
      on a.user_id = b.user_id and a.id < b.id and a.period && b.period;"
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
}

SCENARIOS=${SCENARIOS:-opening,database-only,success,replicas}
if [[ $SCENARIOS == *opening* ]]; then run "roster-opening-redis-gate" true "$CAPACITY" bench/claim.lua; fi
if [[ $SCENARIOS == *database-only* ]]; then run "roster-opening-database-only" false "$CAPACITY" bench/claim.lua; fi
if [[ $SCENARIOS == *success* ]]; then run "success-path" true 40 bench/success.lua; fi
if [[ $SCENARIOS == *replicas* ]]; then run "roster-opening-two-replicas" true 20 bench/claim.lua 2; fi

echo "== pgbench ceiling (builtin simple-update, 64 clients, 2 threads, ${SECONDS_RUN}s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists tongxin_pgbench" -c "create database tongxin_pgbench" >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 tongxin_pgbench 2>/dev/null
pgbench -h 127.0.0.1 -U postgres -b simple-update -c 64 -j 2 -T "$SECONDS_RUN" -n tongxin_pgbench 2>/dev/null \
  | grep -E "^(tps|latency|number of transactions actually)"
echo "== redis-benchmark ceiling (plain SET/GET, 64 clients)"
redis-benchmark -h 127.0.0.1 -n 200000 -c 64 -t set,get -q 2>/dev/null | tr '\r' '\n' | grep -E "^(SET|GET): [0-9]"
