#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, starting from the checked-in seeds in fuzz/corpus/.
#
#   fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#
# BUILD_DIR was configured with clang and -DCHRONOKG_FUZZ=ON (see fuzz/README.md). New inputs
# go to a scratch corpus (the checked-in seeds are not touched unless you copy them in); an input
# that crashes, leaks, hangs or breaks an invariant is saved as fuzz/findings/<target>-crash-…
# and the script exits 1 after running the rest.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-10}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(normalizer segmenter document_reader rule_pack extractor event_json graphml_reader node_link_reader)
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/chronokg-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p fuzz/findings
failed=()
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  [[ -x $binary ]] || { echo "fuzz: $binary is missing (configure with clang and -DCHRONOKG_FUZZ=ON)"; exit 2; }
  mkdir -p "$scratch/$target"
  case $target in
    document_reader | rule_pack | event_json | node_link_reader) dict=(-dict=fuzz/dict/json.dict) ;;
    graphml_reader) dict=(-dict=fuzz/dict/xml.dict) ;;
    *) dict=() ;;
  esac
  # -rss_limit_mb: a leak or a runaway allocation is a finding too. -timeout: a hang is one. A
  # 512 KiB stack: recursion that deepens with the input (a parser descending once per nesting
  # level) overflows it within -max_len, where 8 MiB would need inputs of megabytes.
  if (ulimit -s 512 && exec "$binary" "$scratch/$target" "fuzz/corpus/$target" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="fuzz/findings/$target-") >"$scratch/$target.log" 2>&1; then
    echo "fuzz: $target: $(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$scratch/$target.log" | grep -o '[0-9]*$') runs, no finding"
  else
    echo "fuzz: $target: FINDING (input saved in fuzz/findings/)"
    tail -n 40 "$scratch/$target.log"
    failed+=("$target")
  fi
done
((${#failed[@]} == 0)) || { echo "fuzz: findings in ${failed[*]}"; exit 1; }
