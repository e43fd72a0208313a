"""claimex on Spark: the claims of a DataFrame's documents, as a DataFrame.

    >>> from claimex import spark as cx
    >>> claims = cx.extract(articles, text_col="text", id_col="id", date_col="date")
    >>> claims.groupBy("speaker_name").count().show()

It runs through ``DataFrame.mapInArrow`` (Spark >= 3.3): each Arrow batch of documents goes to one
:class:`claimex.Extractor` per Python worker process (compiled once, cached at module level) and
comes back as a batch of the quote CSV's rows with the schema :func:`schema`.
"""

from __future__ import annotations

import os
from typing import Iterator, Optional

import claimex

__all__ = ["extract", "schema"]

#: One Extractor per (rules, dct) in each worker process.
_EXTRACTORS: dict = {}

_ID = "__claimex_id"


def _extractor(rules: Optional[str], dct: Optional[str]) -> claimex.Extractor:
    key = (rules, dct)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = claimex.Extractor(rules=rules, dct=dct)
    return ex


def schema():
    """The Spark schema of the claims: the quote CSV's columns (:func:`claimex.csv_columns`) in
    order, ``start``/``end`` long, ``confidence`` double (when the CSV has it), the rest
    strings. A missing value (no speaker, no cue) is an empty string, as in the CSV."""
    from pyspark.sql import types as T

    def spark_type(column: str):
        if column in ("start", "end"):
            return T.LongType()
        if column == "confidence":
            return T.DoubleType()
        return T.StringType()

    return T.StructType([T.StructField(c, spark_type(c), True) for c in claimex.csv_columns()])


def _claims_of_batches(
    batches: Iterator,
    text_col: str,
    id_col: str,
    date_col: Optional[str],
    rules: Optional[str],
    dct: Optional[str],
    threads: Optional[int],
    errors: str,
) -> Iterator:
    """mapInArrow's function: Arrow batches of documents in, Arrow batches of claims out."""
    ex = _extractor(rules, dct)
    for batch in batches:
        texts = batch.column(text_col).to_pylist()
        ids = batch.column(id_col).to_pylist()
        dates = batch.column(date_col).to_pylist() if date_col else [None] * len(texts)
        docs = [{"text": t, "id": i, "date": d} for t, i, d in zip(texts, ids, dates)]
        csv = ex.csv_text(docs, threads, errors=errors)
        yield from claimex._csv_arrow(csv).to_batches()


def extract(
    df,
    text_col: str = "text",
    id_col: Optional[str] = "id",
    date_col: Optional[str] = None,
    *,
    rules: Optional[str] = None,
    dct: Optional[str] = None,
    threads: Optional[int] = 1,
    errors: str = "raise",
):
    """The claims of ``df``'s documents as a Spark DataFrame with the schema :func:`schema`.

    ``text_col``: the article texts; ``id_col``: the document ids (``None``, or a column that is
    absent: ``monotonically_increasing_id()``); ``date_col``: document dates (strings
    ``YYYY-MM-DD``/RFC 3339, or date/timestamp columns). ``rules``/``dct`` as
    :class:`claimex.Extractor` (the rules directory must exist on every worker). ``threads``:
    threads per Python worker (1 by default: Spark already runs one worker per core).
    ``errors``: ``"raise"`` (a document whose text is not a string, e.g. null, fails the task)
    or ``"ignore"`` (it has no rows).
    """
    from pyspark.sql import functions as F

    if errors not in ("raise", "ignore"):
        raise ValueError('errors must be "raise" or "ignore" on Spark')
    if text_col not in df.columns:
        raise KeyError(f"no text column {text_col!r} in {df.columns}")
    if date_col is not None and date_col not in df.columns:
        raise KeyError(f"no date column {date_col!r} in {df.columns}")
    if id_col is None or id_col not in df.columns:
        df = df.withColumn(_ID, F.monotonically_increasing_id().cast("string"))
        id_col = _ID
    else:
        df = df.withColumn(_ID, F.col(id_col).cast("string"))
        id_col = _ID
    columns = [text_col, id_col] + ([date_col] if date_col else [])
    df = df.select(*[F.col(c) for c in dict.fromkeys(columns)])
    rules = None if rules is None else os.path.abspath(os.fspath(rules))
    claimex.Extractor(rules=rules, dct=dct)  # fail here, not on a worker, for bad rules or dct

    def run(batches):
        return _claims_of_batches(batches, text_col, id_col, date_col, rules, dct, threads, errors)

    return df.mapInArrow(run, schema())
