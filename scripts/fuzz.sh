#!/usr/bin/env bash
# Fuzzes the HTTP API's request-body parsers with libFuzzer (clang, ASan + UBSan) for SECONDS
# (default 60). Builds into build-fuzz/; runs on a copy of fuzz/corpus/ in a temp dir, so the
# repository is never written. Exits non-zero on a finding and prints the input that caused it
# (kept under build-fuzz/findings/).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi

scripts/install-deps.sh
target=fuzz_request_bodies
build_dir=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHB_FUZZ=ON -DHB_BUILD_TESTS=OFF -DHB_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j2 --target "$target"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r fuzz/corpus/request_bodies "$work/corpus"
findings="$PWD/$build_dir/findings"
mkdir -p "$findings"
before=$(ls -A "$findings")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_LOGGING_RULES='*.debug=false'
status=0
"$build_dir/bin/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -dict=fuzz/request_bodies.dict -artifact_prefix="$findings/" -print_final_stats=1 \
  "$work/corpus" 2>"$work/log" || status=$?
# libFuzzer reports progress on stderr: keep the summary, all of it on a finding.
if [ "$status" -ne 0 ]; then
  cat "$work/log" >&2
  echo "fuzz: $target failed (exit $status)" >&2
  for f in "$findings"/*; do
    [ -e "$f" ] || continue
    grep -qxF "$(basename "$f")" <<<"$before" || echo "fuzz: crashing input: $f" >&2
  done
  exit 1
fi
grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/log" || true
echo "fuzz: $target ran ${seconds}s without a finding"
