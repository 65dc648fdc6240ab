#!/usr/bin/env bash
# The whole test suite: the one command CI runs (.ci/run). Stages, in this order so that a plain
# failure shows within minutes:
#   release      install what is missing, build Release in build/, run every test (CTest)
#   reliability  the hostile-input tests too slow for every run (a 200 MB one-line article),
#                on that Release build
#   sanitizers   build with AddressSanitizer and UndefinedBehaviorSanitizer in build-sanitize/
#                and run every test again
#   fuzz         build the libFuzzer targets with clang in build-fuzz/ and run each for
#                CHRONOKG_FUZZ_SECONDS (default 15) from the seeds in fuzz/corpus/
# `scripts/test.sh STAGE...` runs only those stages (release is needed by reliability). Each
# stage's time is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
stages=("$@")
((${#stages[@]})) || stages=(release reliability sanitizers fuzz)

times=()  # "stage N s" for each stage done
current=""  # the stage running, and when it started
started=0
report() {
  ((${#times[@]} == 0)) || printf 'test: %s\n' "${times[@]}"
  [[ ! -f tests/consumers/npm-unavailable.txt ]] ||
    echo "test: the graphology consumer tests were SKIPPED: $(cat tests/consumers/npm-unavailable.txt)"
  [[ -z $current ]] || echo "test: $current FAILED after $((SECONDS - started)) s"
}
trap report EXIT
stage() {
  current=$1
  started=$SECONDS
  echo "test: == $current"
  "$current"
  times+=("$current $((SECONDS - started)) s")
  current=""
}

release() {
  scripts/setup.sh
  ctest --test-dir build --output-on-failure -j"$jobs"
}

reliability() {
  build/tests/chronokg_tests "[slow]"
}

sanitizers() {
  # -O1: a quicker build and clearer reports than -O2, fast enough to run the suite. Assertions on.
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g1" \
    -DCHRONOKG_SANITIZE=ON >/dev/null
  cmake --build build-sanitize -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs"
}

fuzz() {
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g1" \
    -DCHRONOKG_FUZZ=ON -DCHRONOKG_BUILD_TESTS=OFF -DCHRONOKG_INSTALL=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzz_targets
  fuzz/run.sh build-fuzz "${CHRONOKG_FUZZ_SECONDS:-15}"
}

for name in "${stages[@]}"; do
  case $name in
    release | reliability | sanitizers | fuzz) stage "$name" ;;
    *) echo "test: unknown stage $name (release, reliability, sanitizers, fuzz)" >&2; exit 2 ;;
  esac
done
