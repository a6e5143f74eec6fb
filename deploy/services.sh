#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis are installed and running on this machine, and that the given
# databases exist. Used by deploy/run-dev.sh and .ci/run. Installs with apt-get when missing.
# Usage: deploy/services.sh DBNAME [DBNAME...]
set -euo pipefail

PGHOST=127.0.0.1
log() { echo "[services] $*"; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  log "installing PostgreSQL"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi
if ! command -v redis-server >/dev/null 2>&1; then
  log "installing Redis"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

if ! pg_isready -h "$PGHOST" -p 5432 -q; then
  log "starting PostgreSQL"
  for v in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -h "$PGHOST" -p 5432 -q && break; sleep 1; done
fi
pg_isready -h "$PGHOST" -p 5432 -q || { echo "PostgreSQL is not reachable on $PGHOST:5432" >&2; exit 1; }

# The machines this runs on use trust auth for local TCP; a fresh install uses peer/md5, so
# fall back to the postgres OS user for administration.
psql_admin() {
  if psql -h "$PGHOST" -U postgres -tAc 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST" -U postgres "$@"
  else
    su postgres -c "psql $(printf '%q ' "$@")"
  fi
}
if ! psql -h "$PGHOST" -U postgres -tAc 'select 1' >/dev/null 2>&1; then
  log "allowing trust auth for local TCP connections (fresh install)"
  hba=$(su postgres -c "psql -tAc 'show hba_file'")
  sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  su postgres -c "psql -tAc 'select pg_reload_conf()'" >/dev/null
fi

for db in "$@"; do
  if [ "$(psql_admin -tAc "select 1 from pg_database where datname = '$db'")" != "1" ]; then
    log "creating database $db"
    psql_admin -qc "create database \"$db\""
  fi
done

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/tongxin.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }
log "PostgreSQL and Redis are up"
