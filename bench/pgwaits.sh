#!/usr/bin/env bash
# Samples what PostgreSQL's sessions of database DB are doing while a burst runs: every 0.2 s for
# SECONDS, the wait event of each active session (pg_stat_activity) and the lock requests not yet
# granted (pg_locks, by lock type and mode). Prints the totals over all samples, most frequent first;
# "running" is a session on the CPU (active, no wait event), "ClientRead" one waiting for the service.
# Usage: bash bench/pgwaits.sh DB SECONDS > report.txt   (run in the background during the burst)
set -euo pipefail
DB=$1; SECONDS_RUN=$2
out=$(mktemp)
end=$(( $(date +%s) + SECONDS_RUN ))
samples=0
while [ "$(date +%s)" -lt "$end" ]; do
  psql -h 127.0.0.1 -U postgres -d "$DB" -tA -F'|' -c "
    select 'state', case when state = 'active' and wait_event is null then 'running'
                         when state = 'active' then wait_event_type || ':' || wait_event
                         else state || coalesce(' (' || wait_event || ')', '') end
    from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid() and backend_type = 'client backend';
    select 'lock', locktype || ' ' || mode || ' on ' || coalesce(relation::regclass::text, '-')
    from pg_locks where not granted;" >> "$out" 2>/dev/null || true
  samples=$((samples + 1))
  sleep 0.2
done
echo "samples: $samples"
echo "-- sessions (state or wait event: count over all samples)"
awk -F'|' '$1 == "state" {n[$2]++} END {for (k in n) printf "%7d  %s\n", n[k], k}' "$out" | sort -rn
echo "-- lock requests waiting (type, mode, relation: count over all samples)"
awk -F'|' '$1 == "lock" {n[$2]++} END {for (k in n) printf "%7d  %s\n", n[k], k}' "$out" | sort -rn | head -15
rm -f "$out"
