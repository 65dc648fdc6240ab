#!/usr/bin/env python3
"""chronokg's benchmark: one command, every number, with the baselines of the same run.

    bench/run.py [--size-mb 100] [--graph-events 1000000] [--build-dir build-bench] [--repeat 1]

Builds chronokg and bench/chronokg_bench (Release), writes a deterministic corpus with
bench/make_corpus.py (kept in bench/out/ for the next run), then measures:
  - `chronokg extract` and `chronokg build` over the corpus, on one thread and on every core:
    MB/s, sentences/s, events/s, wall and CPU seconds, peak memory (/usr/bin/time -v); the
    outputs of one thread and of every core are compared byte for byte;
  - `opencc -c t2s.json` over the same corpus (the script conversion alone), and chronokg's own
    script folding alone on the same articles (chronokg_bench fold);
  - graph build and each writer on N events (chronokg_bench graph), `chronokg build` of those
    N events to GraphML plus GEXF, and a networkx script doing the same to GraphML.
Also alias matching alone (chronokg_bench aliases): PhraseMatcher against Hyperscan when
libhyperscan-dev is installed. Prints each ratio and each target met or missed, and writes
everything to bench/out/results.json. Python 3 standard library, plus networkx for its baseline;
the Debian packages it needs are listed in bench/debian-packages.txt.
"""
import argparse
import hashlib
import importlib.util
import shutil
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(command, stdout_path=None):
    """Runs `command` under /usr/bin/time -v; returns wall and CPU seconds, peak RSS and output."""
    log("$ " + " ".join(shlex.quote(c) for c in command) + (f" > {os.path.relpath(stdout_path, ROOT)}" if stdout_path else ""))
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    # The writes of the steps before (gigabytes of graph files) are flushed first: left pending,
    # the disk writes them back during this command and bills it (the 1M-event build took 3.20 s
    # right after 2.5 GB of unsynced writes, 1.6-1.8 s on a quiet disk).
    os.sync()
    try:
        result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    finally:
        if stdout_path:
            stdout.close()
    report = result.stderr.decode("utf-8", "replace")
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}\n{report[-3000:]}")

    def field(name):
        m = re.search(re.escape(name) + r": (.*)", report)
        return m.group(1).strip()

    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    return {
        "command": " ".join(shlex.quote(c) for c in command) + (f" > {os.path.relpath(stdout_path, ROOT)}" if stdout_path else ""),
        "wall_s": wall,
        "cpu_s": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "peak_rss_mb": int(field("Maximum resident set size (kbytes)")) * 1024 / 1e6,  # MB, not MiB
        # A thread that sleeps and wakes often takes a core from the others (extract on two
        # threads lost a tenth of its CPU to this before the pool woke its reader less often).
        "context_switches": int(field("Voluntary context switches")) + int(field("Involuntary context switches")),
        # A page fault costs about 14 us in the benchmark's VM: a program that faults in 800 MB a
        # page of 4 KiB at a time spends seconds there (cli/huge_page_heap.hpp).
        "page_faults": int(field("Minor (reclaiming a frame) page faults")) + int(field("Major (requiring I/O) page faults")),
        "stdout": None if stdout_path else result.stdout.decode("utf-8"),
    }


def best_of(repeat, command, stdout_path=None, outputs=()):
    """The fastest of `repeat` runs. `outputs` (paths under ROOT) are removed before each run: replacing
    a file of a gigabyte makes the file system free its old blocks first (0.6 to 0.8 s measured here for
    the 1.2 GB of GraphML and GEXF of a million events), which is not the command's work."""
    def run():
        for path in outputs:
            if os.path.exists(os.path.join(ROOT, path)):
                os.remove(os.path.join(ROOT, path))
        return timed(command, stdout_path)
    runs = [run() for _ in range(repeat)]
    return min(runs, key=lambda r: r["wall_s"])


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def count_lines(path):
    with open(path, "rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=100, help="corpus size (default 100)")
    parser.add_argument("--graph-events", type=int, default=1_000_000, help="events for the graph steps (default 1M)")
    parser.add_argument("--networkx-events", type=int, default=0, help="events for networkx (default: --graph-events)")
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    parser.add_argument("--no-build", action="store_true", help="use the binaries already in --build-dir")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timed command; the fastest counts")
    args = parser.parse_args(argv)
    missing = [what for what, ok in (("/usr/bin/time (Debian: time)", os.path.exists("/usr/bin/time")),
                                     ("opencc (Debian: opencc)", shutil.which("opencc")),
                                     (f"networkx for {sys.executable} (Debian: python3-networkx)",
                                      importlib.util.find_spec("networkx"))) if not ok]
    if missing:
        raise SystemExit("bench/run.py needs " + ", ".join(missing) +
                         ": apt-get install $(sed 's/#.*//' bench/debian-packages.txt)")
    os.makedirs(OUT, exist_ok=True)
    all_cores = cores()

    if not args.no_build:
        subprocess.run(["cmake", "-S", ROOT, "-B", args.build_dir, "-DCMAKE_BUILD_TYPE=Release", "-DCHRONOKG_BUILD_BENCH=ON"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", args.build_dir, "--target", "chronokg_tool", "chronokg_bench", "-j", str(all_cores)],
                       check=True, stdout=subprocess.DEVNULL)
    chronokg = os.path.join(args.build_dir, "chronokg")
    bench = os.path.join(args.build_dir, "chronokg_bench")

    size = f"{args.size_mb:g}"
    corpus = os.path.join(OUT, f"corpus-{size}mb.jsonl")
    if not os.path.exists(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--size-mb", size, "-o", corpus], check=True)
    corpus_rel = os.path.relpath(corpus, ROOT)
    corpus_mb = os.path.getsize(corpus) / 1e6
    counts = json.loads(timed([bench, "corpus", corpus_rel])["stdout"])
    results = {"machine": {"cores": all_cores}, "corpus": dict(counts, path=corpus_rel, jsonl_mb=round(corpus_mb, 1),
                                                                sha256=digest(corpus))}

    def throughput(run, events):
        run.update({"mb_per_s": corpus_mb / run["wall_s"], "sentences_per_s": counts["sentences"] / run["wall_s"],
                    "events": events, "events_per_s": events / run["wall_s"]})
        return run

    # Extraction: one thread, then every core; the outputs must be the same bytes.
    extract = {}
    for threads in sorted({1, all_cores}):
        out = os.path.join(OUT, f"events.t{threads}.jsonl")
        run = best_of(args.repeat, [chronokg, "extract", "--threads", str(threads), corpus_rel], out)
        extract[threads] = throughput(run, count_lines(out))
        extract[threads]["sha256"] = digest(out)
    results["extract"] = {str(k): v for k, v in extract.items()}
    results["extract_identical_output"] = extract[1]["sha256"] == extract[all_cores]["sha256"]

    build = {}
    for threads in sorted({1, all_cores}):
        graph = os.path.join(OUT, f"corpus.t{threads}.graphml")
        run = best_of(args.repeat, [chronokg, "build", "--threads", str(threads), corpus_rel, "-o", os.path.relpath(graph, ROOT)],
                      outputs=[os.path.relpath(graph, ROOT)])
        build[threads] = throughput(run, extract[1]["events"])
        build[threads]["sha256"] = digest(graph)
    results["build"] = {str(k): v for k, v in build.items()}
    results["build_identical_output"] = build[1]["sha256"] == build[all_cores]["sha256"]

    # Baseline: the script conversion alone, as a Chinese pipeline does before extracting.
    converted = os.path.join(OUT, "corpus.t2s.jsonl")
    opencc = best_of(args.repeat, ["opencc", "-c", "t2s.json", "-i", corpus_rel, "-o", os.path.relpath(converted, ROOT)])
    opencc["mb_per_s"] = corpus_mb / opencc["wall_s"]
    results["opencc_t2s"] = opencc
    os.remove(converted)
    # chronokg's own script folding (Traditional to Simplified by a table built once from OpenCC's
    # data, NFKC, offsets kept), alone, on the same articles' text in memory: CPU time.
    fold = json.loads(timed([bench, "fold", corpus_rel])["stdout"])
    results["script_folding"] = fold

    # Graph steps on N events, in process (each writer apart), then as a user runs them.
    graph_dir = os.path.join(OUT, "graph")
    if os.path.isdir(graph_dir):  # as in best_of: each writer's time is its own, not the old file's removal
        for name in os.listdir(graph_dir):
            os.remove(os.path.join(graph_dir, name))
    steps = json.loads(timed([bench, "graph", os.path.relpath(os.path.join(OUT, "events.t1.jsonl"), ROOT), "--events",
                              str(args.graph_events), "--out", os.path.relpath(graph_dir, ROOT)])["stdout"])
    results["graph_steps"] = steps
    events_n = os.path.relpath(os.path.join(graph_dir, "events.jsonl"), ROOT)
    g = os.path.relpath(os.path.join(OUT, "events-n"), ROOT)
    results["build_events_graphml_gexf"] = best_of(args.repeat, [chronokg, "build", events_n, "-o", g + ".graphml", "-o", g + ".gexf"],
                                                   outputs=[g + ".graphml", g + ".gexf"])
    results["build_events_graphml"] = best_of(args.repeat, [chronokg, "build", events_n, "-o", g + ".graphml"],
                                              outputs=[g + ".graphml"])

    nx_events = args.networkx_events or args.graph_events
    nx_run = timed([sys.executable, os.path.join(HERE, "networkx_baseline.py"), events_n, g + ".networkx.graphml",
                    "--limit", str(nx_events)])
    nx_run.update(json.loads(nx_run.pop("stdout")))
    results["networkx_graphml"] = nx_run
    if nx_events < steps["events"]:
        # Compare like with like: chronokg on the same number of events.
        head = os.path.join(OUT, "events-nx.jsonl")
        with open(os.path.join(ROOT, events_n), "rb") as src, open(head, "wb") as dst:
            for i, line in enumerate(src):
                if i >= nx_events:
                    break
                dst.write(line)
        results["build_events_graphml_nx_size"] = best_of(args.repeat, [chronokg, "build", os.path.relpath(head, ROOT), "-o",
                                                                        g + ".nx-size.graphml"], outputs=[g + ".nx-size.graphml"])
        chronokg_nx = results["build_events_graphml_nx_size"]
    else:
        chronokg_nx = results["build_events_graphml"]

    # Dictionary matching alone: the pack's aliases over (the first 20 MB of) the corpus.
    aliases = json.loads(timed([bench, "aliases", corpus_rel, "--mb", "20"])["stdout"])
    results["alias_matching"] = aliases

    one, many = extract[1], extract[all_cores]
    results["ratios"] = {
        "extract_scaling": one["wall_s"] / many["wall_s"],
        "build_scaling": build[1]["wall_s"] / build[all_cores]["wall_s"],
        "extract_1_thread_vs_opencc": one["mb_per_s"] / opencc["mb_per_s"],
        "extract_all_cores_vs_opencc": many["mb_per_s"] / opencc["mb_per_s"],
        "script_folding_vs_opencc": fold["mb_per_s"] / opencc["mb_per_s"],
        "build_graphml_vs_networkx": nx_run["wall_s"] / chronokg_nx["wall_s"],
    }
    if nx_events >= steps["events"]:
        results["ratios"]["build_graphml_gexf_vs_networkx_graphml"] = (
            nx_run["wall_s"] / results["build_events_graphml_gexf"]["wall_s"])
    if "hyperscan" in aliases:
        results["ratios"]["hyperscan_vs_phrase_matcher_sentences"] = (
            aliases["hyperscan"]["sentence_mb_s"] / aliases["phrase_matcher"]["sentence_mb_s"])
    g2 = results["build_events_graphml_gexf"]
    results["targets"] = [
        ("extract >= 50 MB/s per core", one["mb_per_s"] >= 50, f"{one['mb_per_s']:.1f} MB/s on 1 thread"),
        (f"--threads {all_cores} >= 1.8x one thread", results["ratios"]["extract_scaling"] >= 1.8,
         f"{results['ratios']['extract_scaling']:.2f}x"),
        ("identical output on 1 and all cores", results["extract_identical_output"] and results["build_identical_output"],
         f"extract {results['extract_identical_output']}, build {results['build_identical_output']}"),
        ("extract >= 5x opencc t2s", results["ratios"]["extract_1_thread_vs_opencc"] >= 5,
         f"{results['ratios']['extract_1_thread_vs_opencc']:.2f}x on 1 thread, "
         f"{results['ratios']['extract_all_cores_vs_opencc']:.2f}x on {all_cores}"),
        (f"build {steps['events']} events to GraphML + GEXF < 3 s", g2["wall_s"] < 3, f"{g2['wall_s']:.2f} s"),
        ("... and < 1 GB peak", g2["peak_rss_mb"] < 1000, f"{g2['peak_rss_mb']:.0f} MB"),
        (">= 20x networkx (GraphML)", results["ratios"]["build_graphml_vs_networkx"] >= 20,
         f"{results['ratios']['build_graphml_vs_networkx']:.1f}x"),
    ]
    for run in list(results.values()):
        if isinstance(run, dict):
            run.pop("stdout", None)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)

    # The report.
    r = results
    print(f"corpus: {corpus_rel}, {corpus_mb:.1f} MB JSONL, {counts['articles']} articles, "
          f"{counts['sentences']} sentences; {all_cores} cores")
    print(f"{'':28} {'MB/s':>8} {'sent/s':>9} {'events/s':>9} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'ctx sw':>8} {'faults':>8}")
    for name, runs in (("extract", extract), ("build (GraphML)", build)):
        for threads, run in runs.items():
            print(f"{name + f' --threads {threads}':28} {run['mb_per_s']:8.1f} {run['sentences_per_s']:9.0f} "
                  f"{run['events_per_s']:9.0f} {run['wall_s']:7.2f} {run['cpu_s']:7.2f} {run['peak_rss_mb']:8.0f} "
                  f"{run['context_switches']:8d} {run['page_faults']:8d}")
    print(f"{'opencc -c t2s.json':28} {opencc['mb_per_s']:8.1f} {'':9} {'':9} {opencc['wall_s']:7.2f} "
          f"{opencc['cpu_s']:7.2f} {opencc['peak_rss_mb']:8.0f}")
    print(f"{'script folding alone':28} {fold['mb_per_s']:8.1f} {'':9} {'':9} {'':7} {fold['cpu_s']:7.2f}"
          "   (chronokg's Normalizer on the articles' text in memory)")
    print(f"extract output identical on 1 and {all_cores} threads: {r['extract_identical_output']}; "
          f"build: {r['build_identical_output']}")
    print(f"\ngraph steps on {steps['events']} events ({steps['vertices']} entities, {steps['edges']} edges), "
          f"peak {steps['peak_rss_mb']:.0f} MB:")
    print(f"{'':28} {'wall s':>7} {'events/s':>10} {'out MB':>8} {'out MB/s':>9}")
    rows = [("read events JSONL", steps["read_events_jsonl"]), ("build graph", steps["build_graph"]),
            ("write events JSONL", steps["write_events_jsonl"])] + [("write " + k, v) for k, v in steps["writers"].items()]
    for name, s in rows:
        print(f"{name:28} {s['wall_s']:7.2f} {s['events_per_s']:10.0f} {s['mb']:8.1f} {s['mb_per_s']:9.1f}")
    for key, label in (("build_events_graphml_gexf", "chronokg build -> GraphML + GEXF"),
                       ("build_events_graphml", "chronokg build -> GraphML")):
        print(f"{label:34} {r[key]['wall_s']:6.2f} s wall, {r[key]['peak_rss_mb']:6.0f} MB peak, "
              f"{r[key]['page_faults']} page faults")
    print(f"{'networkx ' + nx_run['networkx'] + ' -> GraphML':34} {nx_run['wall_s']:6.2f} s wall, "
          f"{nx_run['peak_rss_mb']:6.0f} MB peak ({nx_run['events']} events)")
    pm = aliases["phrase_matcher"]
    print(f"\nalias matching ({aliases['aliases']} aliases, {aliases['folded_mb']} MB, CPU MB/s): PhraseMatcher "
          f"{pm['sentence_mb_s']:.0f} a sentence at a time, {pm['document_mb_s']:.0f} a document at a time, "
          f"{pm['window_mb_s']:.0f} a document's sentences side by side", end="")
    if "hyperscan" in aliases:
        hs = aliases["hyperscan"]
        print(f"; Hyperscan {hs['sentence_mb_s']:.0f} / {hs['document_mb_s']:.0f} / {hs['window_mb_s']:.0f} "
              f"(same hits: {hs['same_hits']})")
    else:
        print(" (no Hyperscan: install libhyperscan-dev to compare)")
    print("\nratios:")
    for k, v in r["ratios"].items():
        print(f"  {k:40} {v:6.2f}x")
    print("\ntargets:")
    for name, met, value in r["targets"]:
        print(f"  {'met   ' if met else 'MISSED'} {name:42} {value}")
    print(f"\nevery command and number: {os.path.relpath(os.path.join(OUT, 'results.json'), ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
