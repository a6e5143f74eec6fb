#!/usr/bin/env bash
# The tools the tests use besides the JDK, PostgreSQL and Redis, installed with apt-get when missing:
# poppler renders a sheet's PDF page and zbar decodes its QR codes (the sheet tests read them back);
# a real headless Chromium and its chromedriver run the console's end-to-end test (ConsoleBrowserIT).
# Used by deploy/test.sh and by bench/startup.sh, whose builds run the integration tests.
set -euo pipefail
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v zbarimg >/dev/null 2>&1; then
  echo "[test] installing poppler-utils and zbar-tools"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils poppler-data zbar-tools >/dev/null
fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "[test] installing chromium and chromium-driver"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
