# Sourced by ./ibra, ./run-tests and .ci/run: exports JAVA_HOME as a JDK >= 21.
# Order: $JAVA_HOME if it qualifies, then the newest qualifying JDK under /usr/lib/jvm.
# (Maven itself also finds one through the toolchains plugin, so ./mvnw works from any JDK >= 17.)

ibra_jdk_major() {
  local release="$1/release" v
  [[ -x "$1/bin/java" && -f "$release" ]] || { echo 0; return; }
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  echo "${v:-0}"
}

ibra_find_jdk() {
  local best="" best_major=0 dir major
  if [[ -n "${JAVA_HOME:-}" && $(ibra_jdk_major "$JAVA_HOME") -ge 21 ]]; then
    echo "$JAVA_HOME"; return 0
  fi
  for dir in /usr/lib/jvm/*; do
    [[ -L "$dir" ]] && continue
    major=$(ibra_jdk_major "$dir")
    if (( major >= 21 && major > best_major )); then best="$dir"; best_major=$major; fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

if ! JAVA_HOME=$(ibra_find_jdk); then
  echo "ibra: no JDK >= 21 found (looked at \$JAVA_HOME and /usr/lib/jvm/*); install one, e.g. a Temurin 21+ package" >&2
  exit 1
fi
export JAVA_HOME

# Maven 3.9's Guice warns about sun.misc.Unsafe on JDK >= 24; allow it quietly there.
if (( $(ibra_jdk_major "$JAVA_HOME") >= 24 )); then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
