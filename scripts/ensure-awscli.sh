# Sourced by ./test (or run: bash scripts/ensure-awscli.sh). Makes sure the aws command line is
# there for the *CliTest classes, which run the real `aws` against a server they start.
# Finds a working `aws` on PATH; else, as root with apt-get, installs Debian's awscli (aws-cli v2),
# running `apt-get update` first only if the plain install fails. Never fails the caller: without
# an aws the CLI tests skip, or fail when CI or STRIDE_REQUIRE_AWSCLI is set (AwsCli.java).
# Exports STRIDE_AWS_CLI, the binary the tests then use. Prints one line.
# STRIDE_AWSCLI_INSTALL=0 turns the install off.
stride_awscli_version() { # prints "aws-cli/X.Y.Z ..." for the binary given, or fails
  local v
  v="$("$1" --version 2>&1)" || return 1
  case "$v" in *aws-cli/*) printf '%s\n' "$v" | grep -m1 'aws-cli/' ;; *) return 1 ;; esac
}

stride_install_awscli() { # quietly; output kept in the log given
  local log="$1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q awscli >"$log" 2>&1 && return 0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q awscli; } >>"$log" 2>&1
}

stride_awscli_required() { # as AwsCli.java decides: CI or STRIDE_REQUIRE_AWSCLI set, and not false/0
  local v
  for v in "${STRIDE_REQUIRE_AWSCLI:-}" "${CI:-}"; do
    case "$v" in ""|0|false|FALSE|False) ;; *) return 0 ;; esac
  done
  return 1
}

stride_ensure_awscli() {
  local aws="" version="" how="" log
  if [ -n "${STRIDE_AWS_CLI:-}" ] && version="$(stride_awscli_version "$STRIDE_AWS_CLI")"; then
    aws="$STRIDE_AWS_CLI"
  elif aws="$(command -v aws 2>/dev/null)" && version="$(stride_awscli_version "$aws")"; then
    :
  else
    aws=""
    if [ "${STRIDE_AWSCLI_INSTALL:-1}" = 0 ]; then
      how="not installing it (STRIDE_AWSCLI_INSTALL=0)"
    elif [ "$(id -u)" != 0 ]; then
      how="not root, so not installing it (as root: apt-get install awscli; or pip install awscli)"
    elif ! command -v apt-get >/dev/null 2>&1; then
      how="no apt-get to install it with (pip install awscli would do)"
    else
      log="${TMPDIR:-/tmp}/stride-awscli-install.log"
      if stride_install_awscli "$log" && [ -x /usr/bin/aws ] && version="$(stride_awscli_version /usr/bin/aws)"; then
        aws=/usr/bin/aws
        how="; installed now with apt-get install awscli"
      else
        how="apt-get install awscli failed (see $log)"
      fi
    fi
  fi
  if [ -n "$aws" ]; then
    export STRIDE_AWS_CLI="$aws"
    echo "test: aws CLI tests use $aws ($version)${how}"
  else
    unset STRIDE_AWS_CLI
    if stride_awscli_required; then
      echo "test: no working aws CLI: $how; the aws CLI tests will FAIL (CI or STRIDE_REQUIRE_AWSCLI is set)" >&2
    else
      echo "test: no working aws CLI: $how; the aws CLI tests will be skipped" >&2
    fi
  fi
  return 0
}

# Run rather than sourced: do it now.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then stride_ensure_awscli; fi
