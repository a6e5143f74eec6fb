#!/usr/bin/env bash
# Runs every test against the real PostgreSQL (databases tongxin_test and, for the packaged service,
# tongxin_it) and Redis (logical databases 15 and 13) on this machine, with WeChat replaced by a
# WireMock stub. First Quarkus's native build steps (sources only, no compiler), so that
# native-incompatible changes fail; then the tests, the package, and the integration test against
# the packaged service, which is also the training run of the JDK AOT cache
# target/quarkus-app/app.aot; last, a check that the JVM accepts that cache.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
bash deploy/services.sh tongxin_test
bash deploy/test-tools.sh
mvn -B clean package -Pnative-sources -DskipTests "$@"
mvn -B verify "$@"
if ! (cd target/quarkus-app && java @../../deploy/jvm.options -XX:AOTCache=app.aot -XX:AOTMode=on \
        -cp quarkus-run.jar -version > /dev/null 2>&1); then
  echo "target/quarkus-app/app.aot is missing or the JVM refuses it (see docs/operations.md, Start-up)" >&2
  exit 1
fi
echo "AOT cache: target/quarkus-app/app.aot ($(( $(stat -c %s target/quarkus-app/app.aot) / 1048576 )) MB), accepted by $(java -version 2>&1 | head -1)"
