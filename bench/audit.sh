#!/usr/bin/env bash
# Audit benchmark (docs/privacy.md, docs/performance.md): what recording one read of personal data
# costs. Each transaction is what a staff member's read adds to its own transaction: the one INSERT
# into audit_record that AuditTrail sends (V30's trigger chains it under the chain's lock) and the
# commit that releases the lock — from 16 clients at once, back to back, so that the chain's lock is
# as contended as it can be. Prints the latency percentiles of those transactions (per-transaction
# log), the records per second, whether the chain still verifies, and pgbench simple-update with
# 16 clients in the same run as the machine's reference. Targets 127.0.0.1 only.
# Usage: bash bench/audit.sh [seconds=20] [clients=16]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}; CLIENTS=${2:-16}; DB=tongxin_bench_audit
BENCH_DIR=$PWD/target/bench-audit; rm -rf "$BENCH_DIR"; mkdir -p "$BENCH_DIR"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
psql -h 127.0.0.1 -U postgres -q -d $DB -f src/main/resources/db/migration/V30__audit.sql >/dev/null
cat > "$BENCH_DIR/audit.sql" <<'SQL'
\set r random(1, 1000000000)
BEGIN;
INSERT INTO audit_record (at, actor_id, role, scope_id, kind, action, subject_ids, subject_scope, row_count, request_id)
VALUES (now(), gen_random_uuid(), 'COMMUNITY_STAFF', gen_random_uuid(), 'REGISTER', 'READ',
        ARRAY[gen_random_uuid(), gen_random_uuid(), gen_random_uuid()], NULL, 3, 'bench-' || :r);
END;
SQL
echo "== machine: $(nproc) cores, $(uname -sr), $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"
# $1 label, $2 log prefix, $3 script, then pgbench's own options: one run, its throughput and latency percentiles.
run() {
  local label=$1 prefix=$2 script=$3; shift 3
  echo "== audit records: $label, $CLIENTS clients, ${SECONDS_RUN}s"
  (cd "$BENCH_DIR" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -l --log-prefix="$prefix" \
    "$@" -f "$script" $DB > "$prefix.txt" 2>&1)
  grep -E "^tps" "$BENCH_DIR/$prefix.txt" | sed 's/^/   /'
  cat "$BENCH_DIR/$prefix".[0-9]* | python3 -c '
import sys
lat = sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1000
print(f"   {len(lat)} records: latency p50 {p(0.50):.2f} ms, p99 {p(0.99):.2f} ms, max {lat[-1] / 1000:.2f} ms")'
}
# Paced: 400 records a second, more than 16 staff clicking through the console all day would make
# (bench/console.sh's 16 staff back to back read about 270 pages a second).
run "paced, 400 a second" paced audit.sql --rate=400
run "back to back (saturation)" saturated audit.sql
# Where the time goes: the same transaction into a copy of the table without the chain's trigger
# (no lock, no hash), paced alike; what is left is the INSERT and the commit's WAL flush.
psql -h 127.0.0.1 -U postgres -q -d $DB -c "CREATE TABLE audit_plain (LIKE audit_record); ALTER TABLE audit_plain
  ALTER COLUMN seq SET DEFAULT nextval('audit_record_seq'), ALTER COLUMN chain SET DEFAULT 0,
  ALTER COLUMN prev_hash SET DEFAULT '\x', ALTER COLUMN hash SET DEFAULT '\x'"
sed 's/INSERT INTO audit_record/INSERT INTO audit_plain/' "$BENCH_DIR/audit.sql" > "$BENCH_DIR/plain.sql"
run "reference: the same row without the chain, paced, 400 a second" plain plain.sql --rate=400
psql -h 127.0.0.1 -U postgres -d $DB -tAc "
  WITH links AS (SELECT r.prev_hash IS NOT DISTINCT FROM coalesce(lag(r.hash) OVER (PARTITION BY r.chain ORDER BY r.seq), '\x'::bytea)
                        AND r.hash = audit_record_digest(r, r.prev_hash) AS sound FROM audit_record r)
  SELECT '   chain: ' || count(*) || ' records, ' || count(*) FILTER (WHERE NOT sound) || ' broken' FROM links"
echo "== pgbench ceiling (builtin simple-update, $CLIENTS clients, 2 threads, ${SECONDS_RUN}s)"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists tongxin_pgbench" -c "create database tongxin_pgbench" >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 tongxin_pgbench 2>/dev/null
pgbench -h 127.0.0.1 -U postgres -b simple-update -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -n tongxin_pgbench 2>/dev/null \
  | grep -E "^tps" | sed 's/^/   simple-update: /'
