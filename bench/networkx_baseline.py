#!/usr/bin/env python3
"""The baseline a Python user would write: events JSONL -> networkx MultiDiGraph -> GraphML.

    bench/networkx_baseline.py EVENTS.jsonl OUT.graphml [--limit N]

Reads the events `chronokg extract` writes, adds one node per entity id (label, type) and one
edge per event (relation, date, evidence, ...), as `chronokg build` does, and writes GraphML with
networkx.write_graphml. Prints the seconds each step took as one JSON object.
"""
import argparse
import json
import sys
import time

import networkx as nx


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events")
    parser.add_argument("output")
    parser.add_argument("--limit", type=int, default=0, help="read at most this many events (0: all)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    graph = nx.MultiDiGraph()
    count = 0
    with open(args.events, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            e = json.loads(line)
            s, o = e["subject"], e["object"]
            graph.add_node(s["id"], label=s["label"], type=s["type"])
            graph.add_node(o["id"], label=o["label"], type=o["type"])
            graph.add_edge(s["id"], o["id"], relation=e["relation"], label=f'{e["relation"]} ({e["date"] or "?"})',
                           date=e["date"] or "", relation_text=e["relation_text"], polarity=e["polarity"],
                           modality=e["modality"], doc=e["doc"], evidence=e["evidence"],
                           confidence=float(e["confidence"]))
            count += 1
            if args.limit and count >= args.limit:
                break
    built = time.perf_counter()
    nx.write_graphml(graph, args.output)
    written = time.perf_counter()
    print(json.dumps({"networkx": nx.__version__, "events": count, "nodes": graph.number_of_nodes(),
                      "edges": graph.number_of_edges(), "read_build_s": round(built - start, 3),
                      "write_graphml_s": round(written - built, 3), "total_s": round(written - start, 3)}))


if __name__ == "__main__":
    main(sys.argv[1:])
