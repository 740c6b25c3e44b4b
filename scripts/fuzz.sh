#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/, built with -DINVITEKIT_FUZZ=ON) for SECONDS each, as
# many at once as there are cores (FUZZ_JOBS to change it: each target is one process on one core,
# so running them side by side gives each the same executions in less wall time), and fails if any
# finds a crash, a leak, undefined behaviour or an input slower than 10 s. It prints each target's
# executions.
#
# usage: scripts/fuzz.sh BUILD_DIR OUT_DIR SECONDS [NAME...]   (NAME: json_text, validate, …; default: all)
#
# A target NAME is BUILD_DIR/tests/fuzz/NAME_fuzz, seeded from BUILD_DIR/tests/fuzz/seeds/NAME/.
# What it learns is kept for the next run in OUT_DIR/corpus/NAME/; an input that fails it is
# written to OUT_DIR/crashes/NAME/, and its whole output to OUT_DIR/NAME.log.
set -euo pipefail
if (($# < 3)); then sed -n 's/^# usage: /usage: /p' "$0" >&2; exit 2; fi
build=$1 out=$2 seconds=$3
shift 3
names=("$@")
if ((${#names[@]} == 0)); then
  for binary in "$build"/tests/fuzz/*_fuzz; do names+=("$(basename "$binary" _fuzz)"); done
fi

jobs=${FUZZ_JOBS:-$(nproc)}

export UBSAN_OPTIONS=print_stacktrace=1
# One target, its whole output in its log; its report goes to stdout in one piece when it ends, so
# reports of targets running side by side do not interleave.
run_target() {
  local name=$1
  local corpus=$out/corpus/$name crashes=$out/crashes/$name log=$out/$name.log
  mkdir -p "$corpus" "$crashes"
  if ! "$build/tests/fuzz/${name}_fuzz" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$corpus" "$build/tests/fuzz/seeds/$name" >"$log" 2>&1; then
    { tail -n 60 "$log"; echo "fuzz: $name failed; the input is in $crashes/ (see HACKING.md, Fuzzing)"; } >&2
    return 1
  fi
  local report
  report=$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | sed "s/^/  /")
  printf 'fuzz: %s for %ss\n%s\n' "$name" "$seconds" "$report"  # one write
}

failed=0
running=0
for name in "${names[@]}"; do
  if ((running >= jobs)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
  run_target "$name" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
