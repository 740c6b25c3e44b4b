#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/, built with -DINVITEKIT_FUZZ=ON) for SECONDS each, one
# after the other, and stops at the first that finds a crash, a leak, undefined behaviour or an
# input slower than 10 s. It prints each target's executions.
#
# usage: scripts/fuzz.sh BUILD_DIR OUT_DIR SECONDS [NAME...]   (NAME: json_text, validate, …; default: all)
#
# A target NAME is BUILD_DIR/tests/fuzz/NAME_fuzz, seeded from BUILD_DIR/tests/fuzz/seeds/NAME/.
# What it learns is kept for the next run in OUT_DIR/corpus/NAME/; an input that fails it is
# written to OUT_DIR/crashes/NAME/, and its whole output to OUT_DIR/NAME.log.
set -euo pipefail
if (($# < 3)); then sed -n '5p' "$0" >&2; exit 2; fi
build=$1 out=$2 seconds=$3
shift 3
names=("$@")
if ((${#names[@]} == 0)); then
  for binary in "$build"/tests/fuzz/*_fuzz; do names+=("$(basename "$binary" _fuzz)"); done
fi

export UBSAN_OPTIONS=print_stacktrace=1
for name in "${names[@]}"; do
  corpus=$out/corpus/$name crashes=$out/crashes/$name log=$out/$name.log
  mkdir -p "$corpus" "$crashes"
  echo "fuzz: $name for ${seconds}s"
  if ! "$build/tests/fuzz/${name}_fuzz" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$corpus" "$build/tests/fuzz/seeds/$name" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $name failed; the input is in $crashes/ (see HACKING.md, Fuzzing)" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log" | sed "s/^/  /"
done
