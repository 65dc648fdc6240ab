#!/usr/bin/env bash
# Set up, then run the whole test suite (CTest over the Catch2 tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
