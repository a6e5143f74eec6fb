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
  mvn -B -q package -DskipTests
}
