# Sourced by run.sh, ab.sh and ab-go.sh: a JDK >= 21 found by itself, the benchmarks' build, and
# the arithmetic of alternating comparisons.
#
#   setup_jdk NAME   finds the newest JDK >= 21 (JAVA_HOME, java on PATH, /usr/lib/jvm, /usr/java,
#                    /opt, SDKMAN, ~/.jdks, macOS) and sets java, jdk_home and jvm_flags; exits with
#                    a message naming NAME when there is none
#   prepare_jar NAME BUILD ROOT
#                    sets jar to benchmarks/target/benchmarks.jar, building it first (Maven on that
#                    JDK) when BUILD is yes; exits with a message naming NAME when it is missing
#   jmh_fork JAR SHAPE IMPL LOG [JMH_ARG...]
#                    runs one JMH fork of one implementation of SHAPE (the alternating scripts'
#                    recipe: -wi 4 -w 1s -i 6 -r 1s) with the JVM flags of setup_jdk, output to LOG;
#                    with the core-to-core profiler when JAR has it (jars of older revisions do not)
#   core_to_core JAR prints the core-to-core round trip now, in ns (infra.CoreToCore)
#   median_of LOG    prints the median of the measured iterations of one JMH log
#   ratio_of X Y       prints X / Y with three decimals
#   median_ratio WHAT RATIO...
#                    prints "median WHAT over N rounds: M (min A, max B)"
#   quantiles_of LOG...
#                    prints "n=N p10 X p25 X p50 X p75 X p90 X" of the measured iterations of
#                    all LOGs pooled
#   states_of LOG... prints "FIGURE STATE" per measured iteration of the LOGs: STATE is the
#                    core-to-core band of the round trips measured before and after it (state_of)
#   state_of NS_BEFORE NS_AFTER
#                    prints the band both round trips fall in ("c2c<50ns", "c2c50-250ns",
#                    "c2c>250ns"), "mixed" when they differ, "unknown" when one is missing
#   by_state WHAT    reads "FIGURE STATE" lines and prints, per state, "WHAT STATE: n=N p10 X
#                    p50 X p90 X"
#   state_ratios A_LINES B_LINES
#                    prints "p50 A/B STATE: R" for each state that both by_state outputs have
java_feature() { # prints the feature version of the java executable $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
find_jdk() {
  local best='' best_v=0 c v
  for c in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null || true)" \
           /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java /opt/jdk*/bin/java \
           "$HOME"/.sdkman/candidates/java/*/bin/java "$HOME"/.jdks/*/bin/java \
           /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -n "$c" ] && [ -x "$c" ] && [ -x "$(dirname "$c")/javac" ] || continue
    v="$(java_feature "$c")"
    [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ] && { best="$c"; best_v="$v"; }
  done
  [ -n "$best" ] && echo "$best"
}

setup_jdk() {
  java="$(find_jdk || true)"
  if [ -z "$java" ]; then
    echo "$1: no JDK >= 21 found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /usr/java, /opt," >&2
    echo "        SDKMAN and ~/.jdks). Install one, e.g. Temurin 25, or set JAVA_HOME to it." >&2
    exit 1
  fi
  jdk_home="$(cd "$(dirname "$java")/.." && pwd)"
  echo "== JDK: $jdk_home ($("$java" -version 2>&1 | head -n 1))"
  jvm_flags=()
  if [ "$(java_feature "$java")" -ge 23 ]; then
    # JMH and JCTools use sun.misc.Unsafe: keep JDK 23+ from warning about it in every fork
    # (the forks inherit the host JVM's flags). Behaviour and speed are unchanged.
    jvm_flags+=(--sun-misc-unsafe-memory-access=allow)
  fi
}

prepare_jar() {
  jar="$3/benchmarks/target/benchmarks.jar"
  if [ "$2" = yes ]; then
    echo "== building: mvn -B -q package -pl benchmarks -am -DskipTests"
    # Maven itself runs on the JDK found above: the jar tool of an older JDK cannot read the
    # module descriptors that the toolchain's javac writes.
    (cd "$3" && JAVA_HOME="$jdk_home" MAVEN_OPTS="${MAVEN_OPTS:-}${jvm_flags[*]:+ ${jvm_flags[*]}}" \
       mvn -B -q package -pl benchmarks -am -DskipTests)
  fi
  [ -f "$jar" ] || { echo "$1: $jar is missing (build it, or drop --no-build)" >&2; exit 1; }
}

profiler=io.github.csp4j.benchmarks.infra.CoreToCoreProfiler

jmh_fork() {
  local fork_jar="$1" shape="$2" impl="$3" log="$4" prof=()
  shift 4
  # grep reads the whole listing (no -q): under pipefail a grep that stops early would fail the
  # pipeline by killing jar with SIGPIPE.
  if "$jdk_home/bin/jar" tf "$fork_jar" | grep "^${profiler//.//}\.class$" > /dev/null; then
    prof=(-prof "$profiler")
  fi
  "$java" ${jvm_flags[@]+"${jvm_flags[@]}"} -jar "$fork_jar" "^io\.github\.csp4j\.benchmarks\.$shape\." \
    -p impl="$impl" ${prof[@]+"${prof[@]}"} "$@" -f 1 -wi 4 -w 1s -i 6 -r 1s > "$log" 2>&1
}

core_to_core() {
  "$java" -cp "$1" io.github.csp4j.benchmarks.infra.CoreToCore
}

# Median of the measured iterations of one JMH log ("Iteration   N: 123.4 ns/op").
median_of() {
  grep -E '^Iteration +[0-9]+:' "$1" | awk '{print $3}' | sort -g \
    | awk '{v[NR]=$1} END {if (NR==0) exit 1; m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.1f", m}'
}

ratio_of() {
  awk -v x="$1" -v y="$2" 'BEGIN {printf "%.3f", x / y}'
}

median_ratio() {
  local what="$1"
  shift
  printf '%s\n' "$@" | sort -g \
    | awk -v what="$what" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "median %s over %d rounds: %.3f (min %.3f, max %.3f)\n", what, NR, m, v[1], v[NR]}'
}

quantiles_of() {
  cat "$@" | grep -E '^Iteration +[0-9]+:' | awk '{print $3}' | sort -g \
    | awk '{v[NR]=$1} END {if (NR==0) exit 1
        printf "n=%d", NR
        split("10 25 50 75 90", q, " ")
        for (i = 1; i <= 5; i++) { k = int((NR - 1) * q[i] / 100 + 1.5); printf " p%s %.1f", q[i], v[k] }
        printf "\n"}'
}

# The core-to-core bands: on the 2-vCPU AMD EPYC VMs the round trip sat at about 32 ns (sibling
# hyperthreads), 65-180 ns (cores that share a cache) or 380-550 ns (distant cores); see
# infra/CoreToCore.java.
state_of() {
  awk -v b="$1" -v a="$2" 'function band(x) { return x < 50 ? "c2c<50ns" : (x < 250 ? "c2c50-250ns" : "c2c>250ns") }
    BEGIN { if (b == "" || a == "" || b != b + 0 || a != a + 0) print "unknown"
            else if (band(b) == band(a)) print band(b); else print "mixed" }'
}

states_of() {
  cat "$@" | awk '
    function flush() { if (v != "") { printf "%s %s %s\n", v, (b == "" ? "x" : b), (a == "" ? "x" : a) } v = ""; a = ""; b = "" }
    /^Iteration +[0-9]+:/ { flush(); v = $3; next }
    /^ +c2c\.after:/ { a = $2; next }
    /^ +c2c\.before:/ { b = $2; next }
    /^(Result|# )/ { flush() }
    END { flush() }' | while read -r v b a; do
      [ "$b" = x ] && b=''
      [ "$a" = x ] && a=''
      echo "$v $(state_of "$b" "$a")"
    done
}

by_state() {
  LC_ALL=C sort -k2,2 -k1,1g | awk -v what="$1" '
    function emit() { if (n > 0) printf "%s %s: n=%d p10 %.1f p50 %.1f p90 %.1f\n", what, s, n, v[q(10)], v[q(50)], v[q(90)] }
    function q(p) { return int((n - 1) * p / 100 + 1.5) }
    $2 != s { emit(); s = $2; n = 0 }
    { v[++n] = $1 }
    END { emit() }'
}

state_ratios() {
  { printf '%s\n' "$1" | sed 's/^/A /'; printf '%s\n' "$2" | sed 's/^/B /'; } | awk '
    { for (i = 1; i <= NF; i++) if ($i == "p50") { state = $3; sub(/:$/, "", state); p50[$1, state] = $(i + 1); seen[state] = 1 } }
    END { for (s in seen) if ((("A", s) in p50) && (("B", s) in p50)) printf "p50 A/B %s: %.3f\n", s, p50["A", s] / p50["B", s] }' | LC_ALL=C sort
}
