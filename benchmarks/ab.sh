#!/usr/bin/env bash
# Compares two implementations of one shape with alternating forks: A, B, A, B, ... one JMH fork
# each, so that a machine that drifts during the run (a 2-core VM does, by 10% and more within
# minutes) slows both sides alike. A single JMH run measures all forks of A before any fork of B,
# which lets drift pass for a difference.
#
#   benchmarks/ab.sh SHAPE IMPL_A IMPL_B [ROUNDS]     e.g. benchmarks/ab.sh Spawn csp4j virtual-thread 8
#
# SHAPE is a benchmark class name (see benchmarks/README.md), IMPL_A and IMPL_B values of its
# `impl` parameter; ROUNDS (default 6) is the number of A/B pairs. Each fork: 4 x 1 s warm-up,
# 6 x 1 s measured. Prints each fork's median, the ratio A/B per round, the median of those
# ratios and each side's quantiles over all its measured iterations, then the same quantiles and
# A/B by the core-to-core round trip measured before and after each iteration (infra/CoreToCore.java),
# and writes it all to benchmarks/target/results/ab-SHAPE.txt.
#
# Options (before SHAPE): --no-build (use the existing benchmarks/target/benchmarks.jar),
# -p NAME=VALUE (another JMH parameter, e.g. -p capacity=16; repeatable), -j JVM_ARG (appended
# to each fork's JVM arguments, e.g. -j -Djdk.virtualThreadScheduler.parallelism=1; repeatable).
#
#   benchmarks/ab.sh --commits REV_A REV_B SHAPE IMPL [ROUNDS]   e.g. --commits HEAD~1 HEAD SelectTwo csp4j
#
# compares one implementation at two git revisions instead: each revision's jar is built in a
# detached worktree under benchmarks/target/ab-rev/ (the working tree is left alone).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/results"

build=yes
params=()
revs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=no ;;
    -p) params+=(-p "$2"); shift ;;
    -j) params+=(-jvmArgsAppend "$2"); shift ;;
    --commits) revs=("$2" "$3"); shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
  shift
done
usage="usage: benchmarks/ab.sh [--no-build] [-p NAME=VALUE]... [-j JVM_ARG]... SHAPE IMPL_A IMPL_B [ROUNDS]
       benchmarks/ab.sh [-p NAME=VALUE]... [-j JVM_ARG]... --commits REV_A REV_B SHAPE IMPL [ROUNDS]"
if [ ${#revs[@]} -eq 2 ]; then
  [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
  shape="$1" a="$2" b="$2" rounds="${3:-6}"
else
  [ $# -ge 3 ] || { echo "$usage" >&2; exit 2; }
  shape="$1" a="$2" b="$3" rounds="${4:-6}"
fi
case "$rounds" in ''|*[!0-9]*|0) echo "ab.sh: ROUNDS must be a positive number, was '$rounds'" >&2; exit 2 ;; esac

# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
setup_jdk ab.sh
mkdir -p "$out"
if [ ${#revs[@]} -eq 2 ]; then
  # One jar per revision, each built in a detached worktree of its own.
  jars=()
  for rev in "${revs[@]}"; do
    sha="$(git -C "$root" rev-parse --verify --short "$rev^{commit}")" \
      || { echo "ab.sh: no such revision: $rev" >&2; exit 2; }
    tree="$here/target/ab-rev/$sha"
    [ -d "$tree" ] || git -C "$root" worktree add -q --detach "$tree" "$sha"
    prepare_jar ab.sh "$build" "$tree"
    jars+=("$jar")
  done
  jar_a="${jars[0]}" jar_b="${jars[1]}" label_a="$a@${revs[0]}" label_b="$b@${revs[1]}"
else
  prepare_jar ab.sh "$build" "$root"
  jar_a="$jar" jar_b="$jar" label_a="$a" label_b="$b"
fi

report="$out/ab-$shape.txt"
{
  echo "ab.sh $shape: A=$label_a B=$label_b, $rounds rounds of alternating forks (-wi 4 -w 1s -i 6 -r 1s) ${params[*]:-}"
  echo "JDK: $("$java" -version 2>&1 | head -n 1); $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "round  A median  B median  A/B"
} | tee "$report"
ratios=()
logs_a=()
logs_b=()
for r in $(seq 1 "$rounds"); do
  for side in A B; do
    if [ "$side" = A ]; then impl="$a" side_jar="$jar_a"; else impl="$b" side_jar="$jar_b"; fi
    log="$out/ab-$shape-$side-$r.log"
    if ! jmh_fork "$side_jar" "$shape" "$impl" "$log" ${params[@]+"${params[@]}"}; then
      echo "ab.sh: the $side fork ($impl) of round $r failed; see $log" >&2
      exit 1
    fi
  done
  logs_a+=("$out/ab-$shape-A-$r.log")
  logs_b+=("$out/ab-$shape-B-$r.log")
  ma="$(median_of "${logs_a[-1]}")"
  mb="$(median_of "${logs_b[-1]}")"
  ratio="$(ratio_of "$ma" "$mb")"
  ratios+=("$ratio")
  printf '%5d  %8s  %8s  %s\n' "$r" "$ma" "$mb" "$ratio" | tee -a "$report"
done
median_ratio "A/B" "${ratios[@]}" | tee -a "$report"
# On a machine whose forks jump between speed levels, a ratio of fork medians can read "no change"
# while one side is slower at every level: the pooled quantiles show each level.
{
  echo "A, every measured iteration: $(quantiles_of "${logs_a[@]}")"
  echo "B, every measured iteration: $(quantiles_of "${logs_b[@]}")"
} | tee -a "$report"
# The same by the core-to-core round trip measured before and after each iteration
# (infra/CoreToCore.java; forks of revisions without that probe read "unknown").
a_states="$(states_of "${logs_a[@]}" | by_state A)"
b_states="$(states_of "${logs_b[@]}" | by_state B)"
{
  echo "by core-to-core round trip before and after each iteration (\"mixed\": they differ):"
  printf '%s\n' "$a_states" "$b_states"
  state_ratios "$a_states" "$b_states"
} | tee -a "$report"
