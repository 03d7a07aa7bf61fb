#!/usr/bin/env bash
# Builds the benchmarks, runs them (JMH, plus the Go reference when a Go toolchain is present) and
# writes benchmarks/RESULTS.md and benchmarks/results.png. See benchmarks/README.md.
#
#   benchmarks/run.sh            quick pass (the default): the main shapes, about 10 minutes on 2 cores
#   benchmarks/run.sh --full     every shape and every peer, 3 forks: about 70 minutes on 2 cores
#   benchmarks/run.sh --smoke    one short iteration per benchmark (a few minutes): checks the pipeline;
#                                its RESULTS.md says it is not a result
#
# Options:
#   --shapes REGEX   only the shapes (benchmark class names) matching REGEX, e.g. 'BufferedSpsc|SelectTwo'
#   --no-go          skip the Go reference even when Go is installed
#   --no-build       use the existing benchmarks/target/benchmarks.jar
#   --note TEXT      a note at the top of RESULTS.md
#   --report-only    rewrite RESULTS.md and results.png from the last pass's raw results (e.g. after
#                    editing ANALYSIS.md), without building or running anything
#   -- ARGS...       extra JMH arguments, appended to every JMH run (e.g. -- -jvmArgsAppend -Xmx8g)
#
# Needs Maven and a JDK >= 21 (found by itself: JAVA_HOME, java on PATH, /usr/lib/jvm, SDKMAN, ...);
# Go is optional. Raw results and logs go to benchmarks/target/results/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/results"

mode=quick
shape_filter=''
run_go=yes
build=yes
report_only=no
note=''
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --smoke) mode=smoke ;;
    --shapes) shape_filter="$2"; shift ;;
    --no-go) run_go=no ;;
    --no-build) build=no ;;
    --report-only) report_only=yes; build=no ;;
    --note) note="$2"; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# ------------------------------------------------------------------ a JDK >= 21
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
setup_jdk run.sh

# ------------------------------------------------------------------ build
prepare_jar run.sh "$build" "$root"

# Writes RESULTS.md and results.png from the JSON results in $out, the Go output and ANALYSIS.md;
# the arguments (title, note, meta) are kept in $out/report.args for --report-only.
report() {
  local jsons=() f
  for f in "$out"/*.json; do [ -s "$f" ] && jsons+=("$f"); done
  if [ ${#jsons[@]} -eq 0 ]; then
    echo "run.sh: no JMH results to report" >&2
    exit 1
  fi
  printf '%s\0' "$@" > "$out/report.args"
  "$java" -Djava.awt.headless=true -cp "$jar" io.github.csp4j.benchmarks.report.ResultsReport \
    --md "$here/RESULTS.md" --png "$here/results.png" --go "$out/go-bench.txt" \
    --analysis "$here/ANALYSIS.md" "$@" "${jsons[@]}"
  echo "== done: benchmarks/RESULTS.md, benchmarks/results.png (raw: benchmarks/target/results/)"
}
if [ "$report_only" = yes ]; then
  [ -s "$out/report.args" ] || { echo "run.sh: no earlier pass in $out to report again" >&2; exit 1; }
  mapfile -d '' report_args < "$out/report.args"
  report "${report_args[@]}"
  exit 0
fi

# ------------------------------------------------------------------ what to run
# One JMH invocation per shape, so that csp4j and all its peers in a shape share one run.
# Quick: the main shapes with the main peers (a few peers and shapes only in --full), 3 x 2 s of
# warm-up (shorter misleads on virtual threads) and 5 x 1 s measured.
# Full: every shape and every peer, 3 forks, 3 x 2 s warm-up, 5 x 2 s measured.
case "$mode" in
  quick)
    jmh_opts=(-f 1 -wi 3 -w 2s -i 5 -r 1s)
    go_opts=(-benchtime=1s -count=3)
    title='csp4j benchmark results: quick pass'
    shapes=(
      'RendezvousHandoff -p impl=csp4j,csp4j-spsc,jox,SynchronousQueue,Exchanger,spin-slot'
      'PingPong -p impl=csp4j,csp4j-spsc,jox,SynchronousQueue,Exchanger,spin-slot'
      'BufferedSpsc -p capacity=16,1024 -p impl=csp4j,csp4j-spsc,jox,ArrayBlockingQueue,jctools-spsc'
      'BufferedMpmc -p impl=csp4j,jox,ArrayBlockingQueue,jctools-mpmc'
      'Unbounded -p impl=csp4j,csp4j-spsc,jox,LinkedTransferQueue,jctools-spsc'
      'SelectTwo'
      'Spawn'
      'ParallelMap -p impl=csp4j,ExecutorService'
    ) ;;
  full)
    jmh_opts=(-f 3 -wi 3 -w 2s -i 5 -r 2s)
    go_opts=(-benchtime=2s -count=5)
    title='csp4j benchmark results: full pass'
    shapes=(RendezvousHandoff PingPong BufferedSpsc BufferedMpmc Unbounded SelectTwo ChainRendezvous
            ChainBuffered ParallelPairs Spawn MillionParked ParallelMap) ;;
  smoke)
    jmh_opts=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
    go_opts=(-benchtime=200ms -count=1)
    title='csp4j benchmark results: SMOKE RUN (not results)'
    note="SMOKE RUN, not results: one short iteration per benchmark (\`run.sh --smoke\`), probably on a busy machine. It only shows that the pipeline works; every number below will be replaced by a real pass (\`benchmarks/run.sh\`).${note:+ $note}"
    shapes=(RendezvousHandoff PingPong BufferedSpsc BufferedMpmc Unbounded SelectTwo ChainRendezvous
            ChainBuffered ParallelPairs Spawn MillionParked ParallelMap) ;;
esac

selected=()
for s in "${shapes[@]}"; do
  name="${s%% *}"
  if [ -z "$shape_filter" ] || [[ "$name" =~ ^($shape_filter)$ ]]; then
    selected+=("$s")
  fi
done
[ ${#selected[@]} -gt 0 ] || { echo "run.sh: no shape matches '$shape_filter'" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out"
failed=()
go_names=()
for s in "${selected[@]}"; do
  read -r -a words <<< "$s"
  name="${words[0]}"
  params=("${words[@]:1}")
  go_names+=("$name")
  echo "== JMH: $name ${params[*]:-}"
  # -prof gc: gc.alloc.rate.norm, bytes allocated per element. The profiler from lib/common.sh:
  # the core-to-core round trip around each iteration. -to: a hung implementation fails its
  # benchmark instead of stalling the pass.
  if ! "$java" ${jvm_flags[@]+"${jvm_flags[@]}"} -jar "$jar" "^io\.github\.csp4j\.benchmarks\.$name\." "${jmh_opts[@]}" ${params[@]+"${params[@]}"} \
        -prof gc -prof "$profiler" -to 3min -rf json -rff "$out/$name.json" ${extra[@]+"${extra[@]}"} 2>&1 | tee "$out/$name.log"; then
    failed+=("$name")
  fi
  if grep -q '^<failure>' "$out/$name.log" || [ ! -s "$out/$name.json" ]; then
    failed+=("$name")
  fi
done

# ------------------------------------------------------------------ Go reference
meta=(--meta "Command=benchmarks/run.sh --$mode${shape_filter:+ --shapes '$shape_filter'}")
go_file="$out/go-bench.txt"
if [ "$run_go" = no ]; then
  echo "== Go reference skipped (--no-go)"
elif command -v go >/dev/null 2>&1; then
  regex="^Benchmark($(IFS='|'; echo "${go_names[*]}"))\$"
  echo "== Go: go test -run '^\$' -bench '$regex' ${go_opts[*]}"
  if (cd "$here/go" && go test -run '^$' -bench "$regex" "${go_opts[@]}") 2>&1 | tee "$go_file"; then
    meta+=(--meta "Go=$(go version | sed 's/^go version //'), GOMAXPROCS default; \`go test -bench '$regex' ${go_opts[*]}\`")
  else
    failed+=(go)
  fi
else
  echo "== Go not found, skipping Go reference"
fi

# ------------------------------------------------------------------ report
if [ ${#failed[@]} -gt 0 ]; then
  list="$(printf '%s\n' "${failed[@]}" | sort -u | tr '\n' ' ')"
  echo "== WARNING: failures in: $list(see $out/*.log)" >&2
  note="${note:+$note }Failures in: $list(their rows are missing; see benchmarks/target/results/*.log)."
fi
report --title "$title" ${note:+--note "$note"} "${meta[@]}"
[ ${#failed[@]} -eq 0 ]
