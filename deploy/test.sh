#!/usr/bin/env bash
# Runs every test against the real PostgreSQL (database tongxin_test) and Redis (logical
# database 15) on this machine, with WeChat replaced by a WireMock stub; then runs Quarkus's
# native build steps (sources only, no compiler) so that native-incompatible changes fail.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
bash deploy/services.sh tongxin_test
exec mvn -B clean verify -Pnative-sources "$@"
