"""Spark (local[2]) and Dask (LocalCluster, 2 worker processes) end to end: their rows are
extract_df's rows for the same documents."""

import importlib.util
import os
import shutil
import sys

import pytest

import claimex
from conftest import small_docs

REQUIRE_SPARK = bool(os.environ.get("CLAIMEX_REQUIRE_SPARK"))
HAVE_SPARK = importlib.util.find_spec("pyspark") is not None
HAVE_DASK = (
    importlib.util.find_spec("dask") is not None
    and importlib.util.find_spec("distributed") is not None
)


def _docs(docs):
    """A few corpus documents and our own, with dates."""
    picked = [dict(d) for d in docs if d["id"] in ("us-russia-talks.txt", "festival-returns.txt")]
    picked += [d for d in docs if d["id"].startswith("brief-")][:2]
    picked += small_docs()
    for d in picked:
        d.setdefault("date", None)
        d["date"] = d.get("date")
    return [{"id": d["id"], "text": d["text"], "date": d["date"]} for d in picked]


def _rows(frame):
    rows = frame.astype(str).values.tolist()
    return sorted(rows)


def _java_home():
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    java = shutil.which("java")
    if java:
        return os.path.dirname(os.path.dirname(os.path.realpath(java)))
    return None


@pytest.fixture(scope="module")
def spark():
    if not HAVE_SPARK and not REQUIRE_SPARK:
        pytest.skip("pyspark is not installed (set CLAIMEX_REQUIRE_SPARK=1 to make this fail)")
    from pyspark.sql import SparkSession

    home = _java_home()
    if home:
        os.environ["JAVA_HOME"] = home
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimex-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_extract_equals_extract_df(spark, ex, docs):
    import pandas as pd
    from claimex import spark as cx

    rows = _docs(docs)
    sdf = spark.createDataFrame(
        [(d["id"], d["text"], d["date"]) for d in rows], "id string, text string, date string"
    ).repartition(2)
    claims = cx.extract(sdf, text_col="text", id_col="id", date_col="date")
    assert claims.columns == claimex.csv_columns()
    types = dict(claims.dtypes)
    assert types["start"] == types["end"] == "bigint"
    assert all(
        types[c] == "string"
        for c in claimex.csv_columns()
        if c not in ("start", "end", "confidence")
    )
    got = sorted([str(v) for v in r] for r in claims.collect())
    want = ex.extract_df(pd.DataFrame(rows))
    assert len(want) > 10
    assert got == _rows(want)
    assert claims.rdd.getNumPartitions() == 2


def test_spark_without_id_and_with_errors(spark):
    from claimex import spark as cx

    sdf = spark.createDataFrame(
        [("“Yes,” said Ann Lee.",), (None,), ("“No,” said Bo Park.",)], "text string"
    )
    with pytest.raises(Exception, match="text must be a str"):
        cx.extract(sdf).collect()
    got = cx.extract(sdf, id_col=None, errors="ignore").collect()
    assert sorted(r["speaker_name"] for r in got) == ["Ann Lee", "Bo Park"]
    assert len({r["doc_id"] for r in got}) == 2


def test_spark_bad_rules_fail_on_the_driver(spark, tmp_path):
    from claimex import spark as cx

    (tmp_path / "attribution.txt").write_text("not a rule\n", encoding="utf-8")
    sdf = spark.createDataFrame([("x", "1")], "text string, id string")
    with pytest.raises(claimex.RuleError):
        cx.extract(sdf, rules=tmp_path)


@pytest.fixture(scope="module")
def dask_client():
    if not HAVE_DASK:
        pytest.skip("dask or distributed is not installed")
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_extract_equals_extract_df(dask_client, ex, docs):
    import dask.dataframe as dd
    import pandas as pd
    from claimex import dask as cx

    rows = _docs(docs)
    ddf = dd.from_pandas(pd.DataFrame(rows), npartitions=3)
    claims = cx.extract(ddf, text="text", id="id", date="date")
    assert list(claims.columns) == claimex.csv_columns()
    got = claims.compute()
    assert list(got.columns) == claimex.csv_columns()
    assert str(got["start"].dtype) == "int64"
    want = ex.extract_df(pd.DataFrame(rows))
    assert len(want) > 10
    assert _rows(got) == _rows(want)
    # the work ran in the worker processes
    pids = dask_client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()


def test_dask_index_ids(dask_client):
    import dask.dataframe as dd
    import pandas as pd
    from claimex import dask as cx

    frame = pd.DataFrame({"text": ["“Yes,” said Ann Lee.", "“No,” said Bo Park."] * 3})
    got = cx.extract(dd.from_pandas(frame, npartitions=2), id=None).compute()
    assert sorted(got["doc_id"]) == [str(i) for i in range(6)]


def test_spark_date_column_of_dates(spark, ex):
    import datetime

    from claimex import spark as cx

    text = "“We will win,” Mayor Ruth Okonkwo said on Monday."
    sdf = spark.createDataFrame(
        [("d1", text, datetime.date(2024, 5, 8))], "id string, text string, date date"
    )
    (row,) = cx.extract(sdf, date_col="date").collect()
    (want,) = ex.extract(text, id="d1", date="2024-05-08")
    assert row["dates"] == want["timexes"][0]["value"] == "2024-05-06"
    assert row["doc_date"] == "2024-05-08"
