#!/usr/bin/env python3
"""Extraction as a map step on a Dask cluster, graph building as the reduce step.

    examples/dask/run.py [--size-mb 20] [--shards 8] [--chronokg build-bench/chronokg] [--out DIR]

Starts a local Dask cluster (a scheduler and two worker processes, on loopback), splits a JSONL
corpus into shards, runs `chronokg extract` on each shard on the workers (the map), merges the
event files with `chronokg build` (the reduce), builds the same graph on this machine alone from
the whole corpus, and checks that the two GraphML and GEXF files are the same bytes. Exits 1 if
they differ. The corpus is bench/make_corpus.py's (written into examples/dask/out/ when missing).

Needs Dask's distributed scheduler: Debian's python3-distributed (for /usr/bin/python3, which
this script switches to when the python3 it was started with lacks it). Without it, exit 1, or
77 with --skip-without-dask (CTest's "skipped": the test suite runs this on a 1 MB corpus).
"""
import argparse
import glob
import hashlib
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

try:
    from dask.distributed import Client, LocalCluster
    DASK_MISSING = False
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__)] + sys.argv[1:])
    DASK_MISSING = True


def extract_shard(chronokg, shard, output):
    """The map step, run on a worker: one shard of articles in, its events out (written whole)."""
    result = subprocess.run([chronokg, "extract", "--threads", "1", shard, "-o", output], capture_output=True, text=True)
    return output, result.returncode, result.stderr


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def split(corpus, shards, folder):
    """Contiguous runs of lines, so the shards in order are the corpus in order."""
    with open(corpus, "rb") as f:
        lines = f.readlines()
    paths = []
    for i in range(shards):
        path = os.path.join(folder, f"shard-{i:04d}.jsonl")
        with open(path, "wb") as out:
            out.writelines(lines[i * len(lines) // shards:(i + 1) * len(lines) // shards])
        paths.append(path)
    return paths


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=20, help="corpus size when it has to be made (default 20)")
    parser.add_argument("--corpus", help="a JSONL corpus whose articles carry an \"id\" (default: made by bench/make_corpus.py)")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chronokg", help="the chronokg binary (default: build-bench/chronokg, else build/chronokg)")
    parser.add_argument("--out", default=os.path.join(HERE, "out"), help="where the corpus, shards and graphs go "
                        "(default examples/dask/out)")
    parser.add_argument("--skip-without-dask", action="store_true", help="exit 77 (skipped) when Dask is missing")
    args = parser.parse_args(argv)
    if DASK_MISSING:
        print("examples/dask/run.py needs dask.distributed (Debian: apt-get install python3-distributed)",
              file=sys.stderr)
        return 77 if args.skip_without_dask else 1

    chronokg = args.chronokg or next((p for p in (os.path.join(ROOT, "build-bench", "chronokg"),
                                                  os.path.join(ROOT, "build", "chronokg")) if os.path.exists(p)), None)
    if not chronokg:
        raise SystemExit("no chronokg binary: build it first (scripts/setup.sh) or pass --chronokg")
    chronokg = os.path.abspath(chronokg)
    out = os.path.abspath(args.out)
    shard_dir = os.path.join(out, "shards")
    os.makedirs(shard_dir, exist_ok=True)
    for old in glob.glob(os.path.join(shard_dir, "*")):
        os.remove(old)
    corpus = args.corpus or os.path.join(out, f"corpus-{args.size_mb:g}mb.jsonl")
    if not os.path.exists(corpus):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"), "--size-mb", f"{args.size_mb:g}",
                        "-o", corpus], check=True)
    shards = split(corpus, args.shards, shard_dir)

    # The cluster: a scheduler and worker processes talking TCP on loopback, as on real machines.
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        print(f"dask: scheduler {cluster.scheduler_address}, {len(client.scheduler_info()['workers'])} workers")
        start = time.perf_counter()
        futures = client.map(extract_shard, [chronokg] * len(shards), shards,
                             [s[:-len(".jsonl")] + ".events.jsonl" for s in shards], pure=False)
        results = client.gather(futures)
        mapped = time.perf_counter()
    for output, code, err in results:
        if code != 0:
            raise SystemExit(f"extract failed on {output}:\n{err}")
    events = [output for output, _, _ in results]
    distributed_graph = [os.path.join(out, "dask.graphml"), os.path.join(out, "dask.gexf")]
    subprocess.run([chronokg, "build", *events, "-o", distributed_graph[0], "-o", distributed_graph[1]], check=True,
                   stderr=subprocess.DEVNULL)
    reduced = time.perf_counter()

    single_graph = [os.path.join(out, "single.graphml"), os.path.join(out, "single.gexf")]
    subprocess.run([chronokg, "build", corpus, "-o", single_graph[0], "-o", single_graph[1]], check=True,
                   stderr=subprocess.DEVNULL)
    single = time.perf_counter()

    print(f"map: chronokg extract on {len(shards)} shards, {args.workers} workers: {mapped - start:.2f} s")
    print(f"reduce: chronokg build of {len(events)} event files: {reduced - mapped:.2f} s")
    print(f"one machine: chronokg build of the whole corpus: {single - reduced:.2f} s")
    same = True
    for d, s in zip(distributed_graph, single_graph):
        equal = sha256(d) == sha256(s)
        same = same and equal
        print(f"{os.path.relpath(d, ROOT)} {'==' if equal else '!='} {os.path.relpath(s, ROOT)} "
              f"({os.path.getsize(d)} bytes)")
    # The Spark recipe's map step (README.md): the same `sh -c` guard `RDD.pipe` would run, fed
    # the first shard on stdin, must print what `extract` wrote for it; an empty partition nothing.
    guard = ("IFS= read -r first || exit 0; "
             "{ printf '%s\\n' \"$first\"; cat; } | \"$CHRONOKG\" extract --threads 1 -")
    env = dict(os.environ, CHRONOKG=chronokg)
    with open(shards[0], "rb") as shard:
        piped = subprocess.run(["sh", "-c", guard], stdin=shard, capture_output=True, env=env)
    with open(events[0], "rb") as written:
        pipe_same = piped.returncode == 0 and piped.stdout == written.read()
    empty = subprocess.run(["sh", "-c", guard], input=b"", capture_output=True, env=env)
    empty_ok = empty.returncode == 0 and empty.stdout == b""
    print(f"Spark pipe guard: first shard {'same events' if pipe_same else 'DIFFERENT events'}, "
          f"empty partition {'no output, exit 0' if empty_ok else 'FAILED'}")
    return 0 if same and pipe_same and empty_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
