"""Loads a chronokg GraphML, GEXF or node-link JSON file with networkx and prints what it
found, one fact a line (the form read_with_graphology.js prints):
    graph nodes=N edges=M
    node "id" label="..." type="..."
    edge "source" "target" relation="..." negated=false weight=1 evidence="..."
and, for GEXF, the time data Gephi's Timeline plays:
    time node "id" start=... end=...
    time edge "source" "target" spells=[[start, end], ...]
Strings are JSON-quoted so line breaks and quotes show.

Works with networkx 3 (this machine's python3) and Debian 12's python3-networkx 2.8, which
cannot read GEXF 1.3 (the GEXF is then read with xml.etree, and the schema validation in the
C++ test stands in for networkx) and whose node_link_graph() has no `edges=` argument.
Usage: python3 read_with_networkx.py graphml|gexf|json FILE
"""
import inspect
import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx


def q(value):
    return json.dumps(value, ensure_ascii=False)


def boolean(value):
    if isinstance(value, str):  # networkx reads booleans, but a str would be a bug to show
        return "str:" + value
    return "true" if value else "false"


def number(value):
    return format(float(value), "g")


def read_gexf_with_etree(path):
    """The same graph networkx 3 would give, from the XML, for networkx < 3."""
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(path).getroot()
    graph = nx.MultiDiGraph()
    titles = {}
    for attributes in root.iterfind("g:graph/g:attributes", ns):
        for a in attributes.iterfind("g:attribute", ns):
            titles[(attributes.get("class"), a.get("id"))] = (a.get("title"), a.get("type"))

    def values(element, cls):
        data = {}
        for v in element.iterfind("g:attvalues/g:attvalue", ns):
            title, kind = titles[(cls, v.get("for"))]
            text = v.get("value")
            data[title] = {"boolean": lambda t: t == "true", "integer": int, "double": float}.get(kind, str)(text)
        return data

    for node in root.iterfind("g:graph/g:nodes/g:node", ns):
        data = values(node, "node")
        data["label"] = node.get("label")
        if node.get("start"):
            data["start"], data["end"] = node.get("start"), node.get("end")
        graph.add_node(node.get("id"), **data)
    for edge in root.iterfind("g:graph/g:edges/g:edge", ns):
        data = values(edge, "edge")
        data["weight"] = float(edge.get("weight", "1"))
        spells = [(s.get("start"), s.get("end")) for s in edge.iterfind("g:spells/g:spell", ns)]
        if spells:
            data["spells"] = spells
        graph.add_edge(edge.get("source"), edge.get("target"), key=edge.get("id"), **data)
    return graph


def load(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if fmt == "gexf":
        if int(nx.__version__.split(".")[0]) < 3:
            print(f"networkx {nx.__version__} cannot read GEXF 1.3: read with xml.etree", file=sys.stderr)
            return read_gexf_with_etree(path)
        return nx.read_gexf(path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if "edges" in inspect.signature(nx.node_link_graph).parameters:
        return nx.node_link_graph(data, edges="links")
    return nx.node_link_graph(data)


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    graph = load(fmt, path)
    if not graph.is_directed():
        raise SystemExit("the graph is not directed")
    lines = []
    for node, a in graph.nodes(data=True):
        lines.append(f"node {q(node)} label={q(a.get('label'))} type={q(a.get('type'))}")
        if fmt == "gexf" and "start" in a:
            lines.append(f"time node {q(node)} start={a['start']} end={a['end']}")
    for source, target, a in graph.edges(data=True):
        lines.append(f"edge {q(source)} {q(target)} relation={q(a.get('relation'))} "
                     f"negated={boolean(a.get('negated'))} weight={number(a.get('weight', 1))} "
                     f"evidence={q(a.get('evidence'))}")
        if fmt == "gexf" and "spells" in a:
            spells = [[start, end] for start, end in a["spells"]]
            lines.append(f"time edge {q(source)} {q(target)} spells={q(spells)}")
    print(f"graph nodes={graph.number_of_nodes()} edges={graph.number_of_edges()}")
    for line in sorted(lines):
        print(line)


main()
