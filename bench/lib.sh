# Shared by the benchmark scripts (sourced from the repository root): PostgreSQL and Redis up, the
# dev JWT keys the packaged service signs with, and the packaged service itself.
prepare_service() {
  bash deploy/services.sh postgres >/dev/null
  keys=target/dev-keys
  if [ ! -f "$keys/private.pem" ]; then
    mkdir -p "$keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
    openssl pkey -in "$keys/private.pem" -pubout -out "$keys/public.pem"
  fi
  [ -n "${BENCH_APP:-}" ] || mvn -B -q package -DskipTests   # BENCH_APP: a package built before
}

# CPU seconds used so far: "service postgres redis all" (the service by pid $1; all = the whole
# machine, from /proc/stat). Two readings around a burst give each one's share of the cores.
cpu_ticks() {
  local hz; hz=$(getconf CLK_TCK)
  local svc pg rd all
  svc=$(awk '{print $14 + $15}' /proc/"$1"/stat 2>/dev/null || echo 0)
  pg=$(for p in $(pgrep -x postgres); do awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null; done | awk '{s += $1} END {print s + 0}')
  rd=$(for p in $(pgrep -x redis-server); do awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null; done | awk '{s += $1} END {print s + 0}')
  all=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  echo "$svc $pg $rd $all $hz"
}

# Prints each one's cores between two cpu_ticks readings taken $3 seconds apart.
cpu_share() {
  read -r s1 p1 r1 a1 hz <<< "$1"; read -r s2 p2 r2 a2 _ <<< "$2"
  awk -v s=$((s2 - s1)) -v p=$((p2 - p1)) -v r=$((r2 - r1)) -v a=$((a2 - a1)) -v t="$3" -v hz="$hz" 'BEGIN {
    printf "cores used over the %d s of the run: service %.2f, PostgreSQL %.2f, Redis %.2f, the rest (load generator, system) %.2f\n", t,
      s / hz / t, p / hz / t, r / hz / t, (a - s - p - r) / hz / t }'
}
