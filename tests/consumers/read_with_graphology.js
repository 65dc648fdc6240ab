// Loads a chronokg GraphML or GEXF file with graphology, the library behind Gephi Lite, and
// prints what it found in the summary form read_with_networkx.py prints, one fact a line:
//   graph nodes=N edges=M
//   node "id" label="..." type="..."
//   edge "source" "target" relation="..." negated=false weight=1 evidence="..."
// Strings are JSON-quoted so line breaks and quotes show. Exit 1 when loading fails.
// Usage: node read_with_graphology.js graphml|gexf FILE
'use strict';
const fs = require('fs');
const {Graph} = require('graphology');

const [format, file] = process.argv.slice(2);
const parsers = {graphml: require('graphology-graphml'), gexf: require('graphology-gexf')};
if (!parsers[format] || !file) {
  console.error('usage: node read_with_graphology.js graphml|gexf FILE');
  process.exit(2);
}
// Gephi Lite starts from a plain Graph; the parsers make it a multigraph when they must.
const graph = parsers[format].parse(Graph, fs.readFileSync(file, 'utf8'));

const q = (value) => JSON.stringify(value === undefined ? null : value);
const lines = [];
graph.forEachNode((id, a) => lines.push(`node ${q(id)} label=${q(a.label)} type=${q(a.type)}`));
graph.forEachEdge((key, a, source, target) =>
  lines.push(`edge ${q(source)} ${q(target)} relation=${q(a.relation)} negated=${a.negated} weight=${Number(a.weight)} ` +
             `evidence=${q(a.evidence)}`));
lines.sort();
console.log(`graph nodes=${graph.order} edges=${graph.size}`);
for (const line of lines) console.log(line);
