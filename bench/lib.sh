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

# CPU ticks of each thread of process $1, one "name<TAB>ticks" line per thread; the name is the
# thread's (truncated) name without its number, so that the 64 executor threads add up as one.
# The fields are read after the ")" that closes the name: "C2 CompilerThread0" has a space in it.
thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(sed -E 's/[-#]?[0-9]+$//' "$t/comm" 2>/dev/null)" \
      "$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')"
  done
}

# Cores each kind of thread used between two thread_ticks readings ($1, $2: files) $3 seconds
# apart, the largest first: request workers, event loops, the garbage collector (SerialGC runs in
# the "VM Thread"), the JIT compilers... A thread started between the readings counts from 0.
thread_share() {
  awk -F'\t' -v t="$3" -v hz="$(getconf CLK_TCK)" '
    FNR == NR { before[$1] += $2; next } { after[$1] += $2 }
    END { for (n in after) { c = (after[n] - before[n]) / hz / t; if (c >= 0.005) printf "%.2f\t%s\n", c, n } }' "$1" "$2" \
    | sort -rn | awk -F'\t' '{ printf "%s%s %s", (NR > 1 ? ", " : "service threads (cores): "), $2, $1 } END { print "" }'
}
