#!/usr/bin/env bash
# Order benchmark: a window-opening burst. Seeds households with tokens, starts the packaged
# service, warms it on a separate window, then drives orders at concurrency 64 from wrk (a second
# process), checks the database for overselling and households over their limit, measures the
# database's share (place_order called straight from pgbench, with and without shared stock rows)
# and prints pgbench's simple-update on the same machine as the ceiling. Targets 127.0.0.1 only; bounded in time.
# Usage: bash bench/orders.sh [seconds=20] [households=2000] [stock=1000000] [limit=1000]
#   BENCH_JAVA_OPTS adds JVM options to the service; BENCH_JFR=1 records a CPU profile of the measured burst;
#   REPLICAS=2 runs two services on one database and Redis; DB_SHARE=0 skips place_order alone from pgbench;
#   BENCH_APP=dir runs the packaged service in dir (e.g. a copy of the target/quarkus-app and AOT cache that
#   `mvn verify` trained) instead of building one: BENCH_JAVA_OPTS="@$PWD/deploy/jvm.options -XX:AOTCache=app.aot"
#   then starts it as the image does.
#   The defaults make every order succeed (the write path's throughput); a scarce run, e.g.
#   `bash bench/orders.sh 20 2000 1500 2`, exercises OUT_OF_STOCK and LIMIT_EXCEEDED under load;
#   BENCH_QUANTITY=5 orders 1-5 units at a time, so that emptied buckets make orders fall over.
#   BENCH_WARMUP=seconds of warm-up before the measured burst (default 60: on two cores the JIT needs about a
#   minute of load to compile the request paths; the "service threads" line shows whether C2 is still busy).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}; HOUSEHOLDS=${2:-2000}; STOCK=${3:-1000000}; LIMIT=${4:-1000}
PORT=8089; DB=tongxin_bench; REDIS_DB=14; BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export BENCH_DIR=$PWD/target/bench-orders; mkdir -p "$BENCH_DIR"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

source bench/lib.sh
APP_DIR=$(realpath -m "${BENCH_APP:-target/quarkus-app}")
prepare_service

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== window: $HOUSEHOLDS households, 3 products x $STOCK units, limit $LIMIT per household; wrk -t2 -c64 -d${SECONDS_RUN}s"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -n $REDIS_DB flushdb >/dev/null
# REPLICAS=2 starts a second service on the next port, sharing the database and Redis; the
# warm-up and the burst then split their 64 connections between the two.
REPLICAS=${REPLICAS:-1}
start_service() {  # $1 = port, $2 = log file
  SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem" \
  TONGXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB TONGXIN_REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
  TONGXIN_ORG_DEMO_DATA=false TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE=BENCHADMIN \
  TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS=1000000 TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL=1000000 \
  TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS=1000000 TONGXIN_ORG_JOIN_PER_ADDRESS=1000000 QUARKUS_HTTP_PORT=$1 \
    bash -c 'cd "$0" && exec java "$@"' "$APP_DIR" ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=dev -jar quarkus-run.jar > "$2" 2>&1 &
}
pids=(); urls=()
for i in $(seq 0 $((REPLICAS - 1))); do
  start_service $((PORT + i)) "$BENCH_DIR/service$( [ "$i" = 0 ] || echo "-$i").log"
  pids+=($!); urls+=("http://127.0.0.1:$((PORT + i))")
  # one at a time: Flyway migrates on the first start
  for _ in $(seq 1 60); do curl -sf "${urls[$i]}/q/health/ready" >/dev/null && break; sleep 1; done
done
pid=${pids[0]}
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
python3 bench/seed_orders.py "$BASE" "$BENCH_DIR" "$HOUSEHOLDS" "$STOCK" "$LIMIT"
warm=()
for i in "${!urls[@]}"; do
  BENCH_WINDOW=warmup-window.txt wrk -t2 -c$((64 / REPLICAS)) -d"${BENCH_WARMUP:-60}s" --timeout 5s -s bench/order.lua "${urls[$i]}" > "$BENCH_DIR/warmup-$i.txt" &
  warm+=($!)
done
wait "${warm[@]}"
sleep 5
echo "== orders, window opening (64 connections, after warming up on a separate window)"
slru="select coalesce(sum(blks_hit + blks_read + blks_zeroed), 0) from pg_stat_slru where name like 'Multi%'"
slru_before=$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "$slru")
bash bench/pgwaits.sh $DB $((SECONDS_RUN - 2)) > "$BENCH_DIR/waits.txt" &
waits=$!
# BENCH_JFR=1 records the service's CPU during the measured burst only (target/bench-orders/burst.jfr).
[ -z "${BENCH_JFR:-}" ] || jcmd $pid JFR.start name=burst settings=profile filename="$BENCH_DIR/burst.jfr" >/dev/null
cpu_before=$(cpu_ticks $pid); thread_ticks $pid > "$BENCH_DIR/threads-before.tsv"
loads=()
for i in "${!urls[@]}"; do
  wrk -t2 -c$((64 / REPLICAS)) -d"${SECONDS_RUN}s" --timeout 5s -s bench/order.lua "${urls[$i]}" > "$BENCH_DIR/wrk-$i.txt" &
  loads+=($!)
done
wait "${loads[@]}"
for i in "${!urls[@]}"; do
  [ "$REPLICAS" = 1 ] || echo "-- replica $i (${urls[$i]}, $((64 / REPLICAS)) connections)"
  sed -n '/^requests\/s/,$p' "$BENCH_DIR/wrk-$i.txt"
done
[ "$REPLICAS" = 1 ] || echo "(service cores below: replica 0 only)"
cpu_share "$cpu_before" "$(cpu_ticks $pid)" "$SECONDS_RUN"
thread_ticks $pid > "$BENCH_DIR/threads-after.tsv"
thread_share "$BENCH_DIR/threads-before.tsv" "$BENCH_DIR/threads-after.tsv" "$SECONDS_RUN"
[ -z "${BENCH_JFR:-}" ] || jcmd $pid JFR.stop name=burst >/dev/null
wait $waits
echo "== the database during the burst (bench/pgwaits.sh; multixact pages touched: $(( $(psql -h 127.0.0.1 -U postgres -d $DB -tAc "$slru") - slru_before )))"
cat "$BENCH_DIR/waits.txt"
window=$(cut -d' ' -f1 "$BENCH_DIR/window.txt")
psql -h 127.0.0.1 -U postgres -d $DB -tA -F' ' -c "
  select 'orders placed in the measured window:', count(*) from resident_order where window_id = '$window';
  select 'oversold products (ordered > stock, or remaining <> stock - ordered):', count(*)
    from (select product_id, sum(quantity) as quantity, sum(remaining) as remaining, min(remaining) as lowest
          from window_stock where window_id = '$window' group by product_id) s
    where s.quantity - s.remaining <> coalesce((select sum(i.quantity) from order_item i join resident_order o on o.id = i.order_id
      where o.window_id = '$window' and i.product_id = s.product_id and o.status <> 'CANCELLED'), 0) or s.lowest < 0;
  select 'stock buckets whose units taken differ from what the orders say they took from them:', count(*)
    from window_stock s left join (select i.product_id, t.bucket, sum(t.units) as units
                                   from resident_order o join order_item i on i.order_id = o.id,
                                        unnest(i.stock_buckets, i.stock_taken) as t (bucket, units)
                                   where o.window_id = '$window' and o.status <> 'CANCELLED' group by 1, 2) t
      on t.product_id = s.product_id and t.bucket = s.bucket
    where s.window_id = '$window' and s.quantity - s.remaining <> coalesce(t.units, 0);
  select 'orders that took from more than one bucket of a product:', count(*) from order_item i
    join resident_order o on o.id = i.order_id where o.window_id = '$window' and cardinality(i.stock_buckets) > 1;
  select 'households over their limit:', count(*) from household_quota q join product p on p.id = q.product_id
    where q.window_id = '$window' and q.ordered > p.per_household_limit;"
for ((i = 0; i < REPLICAS; i++)); do
  echo "orders placed again after a busy stock bucket (replica $i): $(curl -s "http://127.0.0.1:$((PORT + i))/q/metrics" \
    | awk '/^tongxin_order_placed_again_total/{print $2}')"
done
awk '/^VmRSS/{r=$2} /^VmHWM/{h=$2} /^RssAnon/{a=$2} /^RssFile/{f=$2} /^Threads/{t=$2}
  END{printf "service memory after the burst: RSS %d MB (anonymous %d, file-backed %d), peak RSS %d MB, %d threads", r/1024, a/1024, f/1024, h/1024, t}' \
  /proc/$pid/status
awk '/^Pss:/{printf ", PSS %d MB (the AOT cache is a shared file mapping)\n", $2/1024}' /proc/$pid/smaps_rollup
jcmd $pid GC.heap_info 2>/dev/null | grep -E "total|Metaspace|class space" | sed 's/^/  /' || true
# deploy/jvm.options trims the C heap every 5 s: what the compilers' arenas held in the burst goes back then.
sleep 12
awk '/^VmRSS/{r=$2} /^RssAnon/{a=$2} /^RssFile/{f=$2}
  END{printf "service memory 12 s later, idle: RSS %d MB (anonymous %d, file-backed %d)", r/1024, a/1024, f/1024}' /proc/$pid/status
awk '/^Pss:/{printf ", PSS %d MB\n", $2/1024}' /proc/$pid/smaps_rollup
# With BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary: where the memory outside the heap is, committed.
if jcmd $pid VM.native_memory summary > "$BENCH_DIR/nmt.txt" 2>/dev/null && grep -q "Total:" "$BENCH_DIR/nmt.txt"; then
  echo "== native memory (committed, MB), 12 s after the burst"
  grep -E "^(Total|-)" "$BENCH_DIR/nmt.txt" | grep -v "^-  *(" \
    | sed -E 's/^-? *([A-Za-z][A-Za-z ]*[A-Za-z)]) *\(reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1 \2/; s/^Total: reserved=[0-9]+KB, committed=([0-9]+)KB.*/Total \1/' \
    | awk '{kb=$NF; $NF=""; if (kb >= 1024) printf "   %-28s %6.0f\n", $0, kb / 1024}'
fi
kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true

# The database's share: the same order (one unit of one of the three products, by a random
# household) as one call of place_order straight from pgbench, without the service; then the same
# spread over 30 products, i.e. without the three rows every order of the burst updates. Only
# with ample stock (a scarce run has sold out by now, and pgbench stops at the first refusal).
if [ "$STOCK" -ge 100000 ] && [ "${DB_SHARE:-1}" = 1 ]; then
read -r W P1 P2 P3 < "$BENCH_DIR/window.txt"
C=$(psql -h 127.0.0.1 -U postgres -d $DB -tAc "select community_id from ordering_window where id = '$W'")
psql -h 127.0.0.1 -U postgres -d $DB -q -c "
  create table bench_households as select row_number() over () as n, household_id, id as user_id from app_user where household_id is not null;
  insert into ordering_window (id, community_id, opens_at, closes_at) values ('00000000-0000-0000-0000-0000000000aa', '$C', now() - interval '1 hour', now() + interval '5 hours');
  insert into product (id, community_id, name, kind, price_fen, unit, per_household_limit)
    select ('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, '$C', 'spread-' || g, 'VEG', 100, '份', 1000 from generate_series(1, 30) g;
  insert into window_stock select '00000000-0000-0000-0000-0000000000aa', id, 1000000, 1000000, 0 from product where name like 'spread-%';"
place_sql() { # $1 window, $2 product expression
  cat <<SQL
\\set n random(1, $HOUSEHOLDS)
\\set p random(1, 30)
SELECT o.* FROM bench_households h, place_order(gen_random_uuid(), '$1', h.user_id, NULL,
  md5(random()::text), decode('00', 'hex'), now(), ARRAY[$2], ARRAY[1],
  ARRAY(SELECT lpad((random() * 999999)::int::text, 6, '0') FROM generate_series(1, 8))) o WHERE h.n = :n::int;
SQL
}
place_sql "$W" "(ARRAY['$P1', '$P2', '$P3']::uuid[])[1 + :p::int % 3]" > "$BENCH_DIR/place3.sql"
place_sql 00000000-0000-0000-0000-0000000000aa "('00000000-0000-0000-0001-' || lpad(:p::text, 12, '0'))::uuid" > "$BENCH_DIR/place30.sql"
for f in place3 place30; do
  echo "== place_order alone from pgbench ($f: $( [ $f = place3 ] && echo 'the burst'"'"'s 3 products' || echo '30 products, no shared row'), 64 clients, ${SECONDS_RUN}s)"
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 64 -j 2 -T "$SECONDS_RUN" -f "$BENCH_DIR/$f.sql" $DB 2>&1 \
    | grep -E "^(tps|latency average|number of failed)"
done
fi

echo "== pgbench ceiling (builtin simple-update, 64 clients, 2 threads, ${SECONDS_RUN}s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists tongxin_pgbench" -c "create database tongxin_pgbench" >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 tongxin_pgbench 2>/dev/null
pgbench -h 127.0.0.1 -U postgres -b simple-update -c 64 -j 2 -T "$SECONDS_RUN" -n tongxin_pgbench 2>/dev/null \
  | grep -E "^(tps|latency|number of transactions actually)"
