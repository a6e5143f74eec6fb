#!/usr/bin/env bash
# Runs Tongxin with the dev profile on http://127.0.0.1:8080: demo data, the dev login
# (code dev-<name>) and a throwaway JWT key pair; no WeChat credentials needed. Real WeChat is
# used as soon as TONGXIN_WECHAT_APP_ID and TONGXIN_WECHAT_SECRET are set.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

bash deploy/services.sh tongxin

keys=target/dev-keys
if [ ! -f "$keys/private.pem" ]; then
  mkdir -p "$keys"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
  openssl pkey -in "$keys/private.pem" -pubout -out "$keys/public.pem"
fi
export SMALLRYE_JWT_SIGN_KEY_LOCATION="$PWD/$keys/private.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$keys/public.pem"

mvn -B -q package -DskipTests
exec java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar
