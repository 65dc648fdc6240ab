#!/usr/bin/env bash
# Renders the graph of one example article to docs/example-graph.svg, the picture in the
# README: `chronokg build --collapse` writes DOT, Graphviz's dot lays it out. Run it after
# scripts/setup.sh (it uses build/chronokg; set CHRONOKG to use another binary) whenever the
# extractor's output on the example changes.
set -euo pipefail
cd "$(dirname "$0")/.."
chronokg=${CHRONOKG:-build/chronokg}
article=examples/articles/ex07_bis-rescinds-ai-diffusion-rule-ascend.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$chronokg" build "$article" --collapse -o "$work/graph.dot" 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
mkdir -p docs
dot -Tsvg "$work/graph.dot" -o "$work/graph.svg" 2>"$work/dot.log"
if [[ -s $work/dot.log ]]; then
  echo "render-example: dot complained:" >&2
  cat "$work/dot.log" >&2
  exit 1
fi
mv "$work/graph.svg" docs/example-graph.svg
echo "render-example: wrote docs/example-graph.svg from $article"
