"""Checks that the four claim outputs of one run agree, as pandas, DuckDB and pyarrow read them.

Usage: check_formats.py DIR   (DIR holds claims.jsonl, claims.csv, claims.csv.gz, claims.parquet)
"""
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

# Fields every format has, as (CSV/Parquet column, JSON path).
SHARED = [
    ("doc_id", ("doc_id",)),
    ("claim_id", ("id",)),
    ("kind", ("kind",)),
    ("speaker", ("speaker", "text")),
    ("speaker_name", ("speaker", "name")),
    ("speaker_title", ("speaker", "title")),
    ("speaker_type", ("speaker", "type")),
    ("speaker_affiliation", ("speaker", "affiliation")),
    ("cue", ("cue", "text")),
    ("cue_lemma", ("cue", "lemma")),
    ("addressee", ("addressee", "text")),
    ("content", ("content", "text")),
    ("start", ("content", "start")),
    ("end", ("content", "end")),
    ("confidence", ("confidence",)),
    ("rule", ("rule",)),
    ("doc_date", ("doc_date",)),
    ("title", ("title",)),
    ("url", ("url",)),
]


def norm(v):
    """One spelling per value: absent, NaN and the empty string are None; numbers as text."""
    if v is None or (not isinstance(v, (list, dict, str)) and pd.isna(v)):
        return None
    if hasattr(v, "isoformat"):
        v = v.isoformat()[:10]
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    v = str(v)
    return v or None


def from_json(path):
    return from_records(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())


def from_records(records):
    rows = []
    for c in records:
        row = {}
        for col, keys in SHARED:
            v = c
            for k in keys:
                v = v.get(k) if isinstance(v, dict) else None
            row[col] = norm(v)
        rows.append(row)
    return rows


def from_frame(df):
    return [{col: norm(r[col]) for col, _ in SHARED} for r in df.to_dict("records")]


def main():
    d = Path(sys.argv[1])
    want = from_json(d / "claims.jsonl")
    strings = {col: str for col, _ in SHARED}
    readers = {
        "pandas read_json": lambda: from_records(
            pd.read_json(d / "claims.jsonl", lines=True, dtype=False, precise_float=True).to_dict("records")),
        "pandas read_csv": lambda: from_frame(pd.read_csv(d / "claims.csv", dtype=strings, keep_default_na=False)),
        "pandas read_csv .gz": lambda: from_frame(pd.read_csv(d / "claims.csv.gz", dtype=strings, keep_default_na=False)),
        "duckdb read_csv_auto": lambda: from_frame(
            duckdb.sql(f"select * from read_csv_auto('{d / 'claims.csv'}')").df()),
        "duckdb read_csv_auto .gz": lambda: from_frame(
            duckdb.sql(f"select * from read_csv_auto('{d / 'claims.csv.gz'}')").df()),
        "pyarrow parquet": lambda: from_frame(pq.read_table(d / "claims.parquet").to_pandas()),
        "duckdb read_parquet": lambda: from_frame(
            duckdb.sql(f"select * from read_parquet('{d / 'claims.parquet'}')").df()),
    }
    bad = 0
    for name, read in readers.items():
        got = read()
        if len(got) != len(want):
            print(f"{name}: {len(got)} rows, JSON Lines has {len(want)}")
            bad += 1
            continue
        diffs = [(i, col, w[col], g[col]) for i, (w, g) in enumerate(zip(want, got))
                 for col, _ in SHARED if w[col] != g[col]]
        if diffs:
            bad += 1
            print(f"{name}: {len(diffs)} values differ, first: {diffs[:3]}")
        else:
            print(f"{name}: {len(got)} rows, {len(SHARED)} fields agree")
    plain = pd.read_csv(d / "claims.csv")  # no options, as a new user types it
    if len(plain) != len(want) or list(plain.columns[:11]) != [c for c, _ in SHARED[:1]] + [
            "claim_id", "kind", "speaker", "speaker_name", "speaker_title", "cue", "content",
            "start", "end", "dates"]:
        print(f"plain pandas.read_csv: {len(plain)} rows, columns {list(plain.columns[:11])}")
        bad += 1
    table = pq.read_table(d / "claims.parquet")
    types = {f.name: str(f.type) for f in table.schema}
    for col, t in [("start", "int64"), ("confidence", "double"), ("doc_date", "date32[day]")]:
        if types.get(col) != t:
            print(f"parquet: {col} is {types.get(col)}, want {t}")
            bad += 1
    if not want:
        print("no claims: the corpus gave nothing to compare")
        bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
