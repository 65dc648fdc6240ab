#!/usr/bin/env bash
# The main job: set up, then turn the example articles into graph files in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
build/chronokg build examples/articles \
  -o out/graph.graphml -o out/graph.gexf -o out/graph.dot -o out/events.jsonl
echo
echo "Done. Open out/graph.gexf in Gephi (File > Open) and play its Timeline; render out/graph.dot with"
echo "  dot -Tsvg out/graph.dot -o out/graph.svg"
echo "and read the events, one JSON object a line, in out/events.jsonl."
