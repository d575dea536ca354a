#!/usr/bin/env bash
# Runs only the web console's browser test (cli BrowserConsoleTest: headless Chromium under
# Selenium), installing chromium and chromium-driver first when missing (scripts/ensure-chromium.sh).
# It fails rather than skips when they are still missing. Extra arguments go to mvn (-o, ...).
# Screenshots: cli/target/console-screenshots/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/find-jdk.sh"
stride_find_jdk || exit 3
export JAVA_HOME="$STRIDE_JAVA_HOME"
. "$here/scripts/ensure-chromium.sh"
stride_ensure_chromium
export STRIDE_REQUIRE_BROWSER=1
cd "$here"
mvn -B -ntp -q install -DskipTests "$@"
exec mvn -B -ntp test -pl cli -Dtest=BrowserConsoleTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
