#!/usr/bin/env python3
"""Wall-clock figures of the Python package beside the CLI on polnear-train's texts (a benchmark,
not a test; run with the .venv-test interpreter after scripts/test.sh):

    .venv-test/bin/python scripts/bench_python.py [--spark] [--batch] [--best N]

Prints: the CLI (`extract -j 1`, Parquet), `extract_arrow` on one thread, `extract_batch` on one
and two threads, and with --spark `claimex.spark.extract` in local[2], each in MB of text per
second, best of three (of N with --best N; extract_batch's one- and two-thread runs alternate,
and the median ratio of the pairs is printed too). --batch: only the `extract_batch` figures. Needs
../shared/corpus/polnear-train.jsonl (not in the repository).
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "corpus" / "polnear-train.jsonl"
BINARY = ROOT / "target" / "release" / "claimex"


def runs():
    """The number of runs of each figure: 3, or N with --best N."""
    return int(sys.argv[sys.argv.index("--best") + 1]) if "--best" in sys.argv else 3


def best(f, n=None):
    if n is None:
        n = runs()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    if not TRAIN.exists():
        sys.exit(f"{TRAIN} is absent: this benchmark needs ../shared beside the checkout")
    import claimex

    docs = []
    with open(TRAIN, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append({"id": d["id"], "text": d["text"], "date": d.get("date")})
    mb = sum(len(d["text"].encode()) for d in docs) / 1e6
    ex = claimex.Extractor()
    print(f"{len(docs)} documents, {mb:.2f} MB of text")
    if "--batch" not in sys.argv:
        cli_and_arrow(docs, mb, ex)
    # one and two threads in turn, so that a slow spell of the machine (its cores are shared
    # with other virtual machines) hits both alike; the best of each, and the median of the
    # ratios of the pairs
    pairs = [
        (best(lambda: ex.extract_batch(docs, threads=1), 1), best(lambda: ex.extract_batch(docs, threads=2), 1))
        for _ in range(runs())
    ]
    batch1 = min(p[0] for p in pairs)
    batch2 = min(p[1] for p in pairs)
    ratios = sorted(one / two for one, two in pairs)
    median = ratios[len(ratios) // 2] if len(ratios) % 2 else sum(ratios[len(ratios) // 2 - 1 : len(ratios) // 2 + 1]) / 2
    print(f"  extract_batch, 1 thread      {mb / batch1:6.2f} MB/s")
    print(f"  extract_batch, 2 threads     {mb / batch2:6.2f} MB/s  ({batch1 / batch2:.2f}x one thread)")
    print(f"  2 threads / 1 thread, {len(pairs)} pairs in turn: median {median:.2f}, " + ", ".join(f"{r:.2f}" for r in ratios))
    if "--spark" in sys.argv:
        spark_figure(docs, mb)


def cli_and_arrow(docs, mb, ex):
    """The CLI's figure and extract_arrow's."""
    import pyarrow as pa

    table = pa.Table.from_pylist(docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "texts.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(d) + "\n" for d in docs)
        out = os.path.join(tmp, "claims.parquet")
        cli = best(lambda: subprocess.run([str(BINARY), "extract", path, "-j", "1", "-q", "-o", out], check=True))
    arrow1 = best(lambda: ex.extract_arrow(table, threads=1))
    print(f"  CLI extract -j 1 (Parquet)   {mb / cli:6.2f} MB/s  ({cli:.2f} s)")
    print(f"  extract_arrow, 1 thread      {mb / arrow1:6.2f} MB/s  ({arrow1 / cli:.2f}x the CLI's time)")


def spark_figure(docs, mb):
    """claimex.spark.extract in local[2]."""
    from pyspark.sql import SparkSession

    # the workers run this interpreter, which has claimex installed
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    from claimex import spark as cx

    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    sdf = spark.createDataFrame([(d["id"], d["text"], d["date"]) for d in docs], "id string, text string, date string").repartition(2).cache()
    sdf.count()
    t = best(lambda: cx.extract(sdf, date_col="date").count(), n=2)
    print(f"  Spark local[2]               {mb / t:6.2f} MB/s")
    spark.stop()


if __name__ == "__main__":
    main()
