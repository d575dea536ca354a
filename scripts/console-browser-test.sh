#!/usr/bin/env bash
# Runs the web console's browser test (cli BrowserConsoleTest: headless Chromium over the DevTools
# protocol), installing Chromium first when it is missing. Without Chromium that test is skipped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/find-jdk.sh"
stride_find_jdk || exit 3
export JAVA_HOME="$STRIDE_JAVA_HOME"
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && apt-get install -y -q chromium
  else
    echo "console-browser-test: chromium is missing; install it (apt-get install -y chromium) and run again" >&2
    exit 3
  fi
fi
cd "$here"
mvn -B -ntp -q install -DskipTests
exec mvn -B -ntp test -pl cli -Dtest=BrowserConsoleTest -Dsurefire.failIfNoSpecifiedTests=false
