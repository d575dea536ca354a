# Sourced by ./test (or run: bash scripts/ensure-chromium.sh). Makes sure the web console's browser
# test (cli BrowserConsoleTest, Selenium) has a browser and its driver: Debian's chromium and
# chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver). When either is missing and we are
# root with apt-get, installs both (running `apt-get update` first only if the plain install
# fails). Never fails the caller: without them the browser test skips, or fails when CI or
# STRIDE_REQUIRE_BROWSER is set (Browser.java). Prints one line.
# STRIDE_BROWSER_INSTALL=0 turns the install off.
stride_chromium_found() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }

stride_install_chromium() { # quietly; output kept in the log given
  local log="$1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >"$log" 2>&1 && return 0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; } >>"$log" 2>&1
}

stride_browser_required() { # as Browser.java decides: CI or STRIDE_REQUIRE_BROWSER set, and not false/0
  local v
  for v in "${STRIDE_REQUIRE_BROWSER:-}" "${CI:-}"; do
    case "$v" in ""|0|false|FALSE|False) ;; *) return 0 ;; esac
  done
  return 1
}

stride_ensure_chromium() {
  local how="" log
  if [ -n "${STRIDE_CHROMIUM:-}" ] && [ -n "${STRIDE_CHROMEDRIVER:-}" ]; then
    echo "test: browser tests use $STRIDE_CHROMIUM with $STRIDE_CHROMEDRIVER (STRIDE_CHROMIUM, STRIDE_CHROMEDRIVER)"
    return 0
  fi
  if ! stride_chromium_found; then
    if [ "${STRIDE_BROWSER_INSTALL:-1}" = 0 ]; then
      how="not installing them (STRIDE_BROWSER_INSTALL=0)"
    elif [ "$(id -u)" != 0 ]; then
      how="not root, so not installing them (as root: apt-get install -y chromium chromium-driver)"
    elif ! command -v apt-get >/dev/null 2>&1; then
      how="no apt-get to install them with"
    else
      log="${TMPDIR:-/tmp}/stride-chromium-install.log"
      if stride_install_chromium "$log" && stride_chromium_found; then
        how="; installed now with apt-get install chromium chromium-driver"
      else
        how="apt-get install chromium chromium-driver failed (see $log)"
      fi
    fi
  fi
  if stride_chromium_found; then
    echo "test: browser tests use /usr/bin/chromium with /usr/bin/chromedriver${how}"
  elif stride_browser_required; then
    echo "test: no chromium and chromium-driver: $how; the browser tests will FAIL (CI or STRIDE_REQUIRE_BROWSER is set)" >&2
  else
    echo "test: no chromium and chromium-driver: $how; the browser tests will be skipped" >&2
  fi
  return 0
}

# Run rather than sourced: do it now.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then stride_ensure_chromium; fi
