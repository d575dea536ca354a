# Sourced by ./stride and .ci/run. Sets STRIDE_JAVA_HOME to a JDK >= 21 (and STRIDE_JAVA_MAJOR to its
# version), or explains and exits.
# Order: $JAVA_HOME, then `java` on PATH, then the usual JDK folders.
stride_java_major() { # prints the major version of the java binary given, or nothing
  # The JDK's release file first: running `java -version` costs ~80 ms per candidate, on every launch.
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\)[."].*/\1/p; s/^JAVA_VERSION="\([0-9]*\)"$/\1/p' "$release" | head -n 1
  else
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -n 1
  fi
}
stride_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(stride_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then STRIDE_JAVA_HOME="$c"; STRIDE_JAVA_MAJOR="$major"; return 0; fi
  done
  echo "stride: no JDK 21 or newer found (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
  echo "stride: install one (e.g. Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}
