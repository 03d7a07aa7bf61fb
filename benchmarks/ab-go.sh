#!/usr/bin/env bash
# Compares one csp4j implementation of a shape with Go's version of the same shape, alternating:
# one JMH fork, three `go test -bench` runs, one JMH fork, ... so that a machine that drifts during
# the run slows both sides alike. A full pass (run.sh) runs Go once, after every JMH shape, and
# Go's figure for a shape moved by 1.5x between passes on the same kind of machine.
#
#   benchmarks/ab-go.sh [--no-build] [-p NAME=VALUE]... SHAPE IMPL GO_BENCH [ROUNDS]
#   e.g. benchmarks/ab-go.sh -p capacity=0 SelectTwo csp4j-spsc 'SelectTwo/capacity=0' 6
#
# SHAPE and IMPL as for ab.sh; GO_BENCH is the Go benchmark's name below benchmarks/go, with its
# sub-benchmark if any (matched exactly, level by level); ROUNDS (default 6) pairs of one JMH
# fork (4 x 1 s warm-up, 6 x 1 s measured; the median of the 6 is its figure) and three Go runs
# (-benchtime=1s -count=1 each; the median of the 3 is its figure). Prints each round's two
# figures and csp4j/Go (below 1: csp4j faster), the median ratio and csp4j's quantiles over all
# its measured iterations; then both sides' figures sorted by the core-to-core round trip
# measured before and after each iteration and each Go run (infra/CoreToCore.java), and csp4j/Go
# per band. Writes all of it to benchmarks/target/results/ab-go-SHAPE.txt. Needs Go on the PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/results"

build=yes
params=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=no ;;
    -p) params+=(-p "$2"); shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
  shift
done
[ $# -ge 3 ] || { echo "usage: benchmarks/ab-go.sh [--no-build] [-p NAME=VALUE]... SHAPE IMPL GO_BENCH [ROUNDS]" >&2; exit 2; }
shape="$1" impl="$2" go_bench="$3" rounds="${4:-6}"
case "$rounds" in ''|*[!0-9]*|0) echo "ab-go.sh: ROUNDS must be a positive number, was '$rounds'" >&2; exit 2 ;; esac
command -v go >/dev/null 2>&1 || { echo "ab-go.sh: no Go toolchain on the PATH (Debian: apt-get install golang-go)" >&2; exit 2; }

# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
setup_jdk ab-go.sh
mkdir -p "$out"
prepare_jar ab-go.sh "$build" "$root"

# go test -bench takes a regex per level of the name: anchor each level so that the name matches exactly.
go_regex="$(printf '%s' "$go_bench" | awk -F/ '{for (i = 1; i <= NF; i++) printf "%s^%s$", (i > 1 ? "/" : ""), (i == 1 ? "Benchmark" $i : $i)}')"

report="$out/ab-go-$shape.txt"
{
  echo "ab-go.sh $shape: csp4j=$impl ${params[*]:-}, Go=$go_bench; $rounds rounds (JMH -wi 4 -w 1s -i 6 -r 1s; go test -benchtime=1s -count=1, 3 times)"
  echo "JDK: $("$java" -version 2>&1 | head -n 1); $(go version); $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "round  csp4j      Go  csp4j/Go"
} | tee "$report"
ratios=()
logs=()
go_states="$out/ab-go-$shape-go-states.txt"
: > "$go_states"
for r in $(seq 1 "$rounds"); do
  log="$out/ab-go-$shape-csp4j-$r.log"
  logs+=("$log")
  if ! jmh_fork "$jar" "$shape" "$impl" "$log" ${params[@]+"${params[@]}"}; then
    echo "ab-go.sh: the JMH fork of round $r failed; see $log" >&2
    exit 1
  fi
  mc="$(median_of "$log")"
  # Go's figure per element (the shapes report ns/elem beside ns/op), as JMH's is: three runs of
  # 1 s, each between two core-to-core measurements, like the fork's iterations; the median of
  # the three is the round's figure.
  glog="$out/ab-go-$shape-go-$r.log"
  : > "$glog"
  before="$(core_to_core "$jar")"
  runs=()
  for k in 1 2 3; do
    if ! (cd "$here/go" && go test -run '^$' -bench "$go_regex" -benchtime=1s -count=1) >> "$glog" 2>&1; then
      echo "ab-go.sh: the Go run of round $r failed; see $glog" >&2
      exit 1
    fi
    after="$(core_to_core "$jar")"
    g="$(awk '/^Benchmark/ {for (i = 3; i < NF; i++) if ($(i + 1) == "ns/elem") f = $i} END {print f}' "$glog")"
    [ -n "$g" ] || { echo "ab-go.sh: no Go benchmark matched '$go_bench'; see $glog" >&2; exit 1; }
    runs+=("$g")
    echo "$g $(state_of "$before" "$after")" >> "$go_states"
    echo "c2c.before $before c2c.after $after" >> "$glog"
    before="$after"
  done
  mg="$(printf '%s\n' "${runs[@]}" | sort -g | sed -n 2p)"
  ratio="$(ratio_of "$mc" "$mg")"
  ratios+=("$ratio")
  printf '%5d  %6s  %6s  %s\n' "$r" "$mc" "$mg" "$ratio" | tee -a "$report"
done
median_ratio "csp4j/Go" "${ratios[@]}" | tee -a "$report"
echo "csp4j, every measured iteration: $(quantiles_of "${logs[@]}")" | tee -a "$report"
# The figures by the core-to-core round trip measured around each (infra/CoreToCore.java): on a
# VM whose two vCPUs move between near and distant cores, csp4j's hand-offs between carriers
# follow that distance and a ratio of medians mixes the bands.
c_states="$(states_of "${logs[@]}" | by_state csp4j)"
g_states="$(by_state Go < "$go_states")"
{
  echo "by core-to-core round trip before and after each iteration or run (\"mixed\": they differ):"
  printf '%s\n' "$c_states" "$g_states"
  state_ratios "$c_states" "$g_states" | sed 's#A/B#csp4j/Go#'
} | tee -a "$report"
