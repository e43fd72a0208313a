"""The Python package, Spark and Dask against the command line on polnear-dev (84 news
articles). The set lives beside the repository (../shared/eval), never in it: the tests say so
and skip when it is absent, unless CLAIMEX_REQUIRE_SHARED is set."""

import json
import os
import subprocess

import pytest

from conftest import BINARY, ROOT, doc_kwargs
from test_spark_dask import _rows, dask_client, spark  # noqa: F401 (fixtures)

DEV = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"


@pytest.fixture(scope="module")
def dev_docs():
    if not DEV.exists():
        if os.environ.get("CLAIMEX_REQUIRE_SHARED"):
            pytest.fail(f"{DEV} is absent")
        pytest.skip(f"{DEV} is absent: these tests need ../shared beside the checkout")
    with open(DEV, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _cli(*args):
    out = subprocess.run([str(BINARY), *args], check=True, capture_output=True, text=True)
    return out.stdout


def test_extract_equals_the_cli_field_for_field(ex, dev_docs):
    want = [json.loads(line) for line in _cli("extract", str(DEV), "-q").splitlines()]
    got = []
    for d in dev_docs:
        got.extend(ex.extract(d["text"], **doc_kwargs(d)))
    assert len(want) > 1000
    assert got == want


def _plain(dev_docs):
    return [{"id": d["id"], "text": d["text"], "date": d.get("date")} for d in dev_docs]


def test_batch_csv_equals_the_cli_csv(ex, dev_docs, tmp_path):
    plain = _plain(dev_docs)
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in plain), encoding="utf-8")
    assert ex.csv_text(plain, threads=2) == _cli("extract", str(path), "--format", "csv", "-q")


def test_spark_and_dask_give_the_claims_of_the_cli(spark, dask_client, ex, dev_docs):  # noqa: F811
    import dask.dataframe as dd
    import pandas as pd
    from claimex import dask as cxd
    from claimex import spark as cxs

    plain = _plain(dev_docs)
    want = _rows(ex.extract_df(pd.DataFrame(plain)))
    assert len(want) > 1000
    sdf = spark.createDataFrame(
        [(d["id"], d["text"], d["date"]) for d in plain], "id string, text string, date string"
    ).repartition(2)
    got = sorted([str(v) for v in r] for r in cxs.extract(sdf, date_col="date").collect())
    assert got == want
    ddf = dd.from_pandas(pd.DataFrame(plain), npartitions=4)
    assert _rows(cxd.extract(ddf, date="date").compute()) == want
