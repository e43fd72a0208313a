"""claimex on Dask: the claims of a Dask DataFrame's documents, as a Dask DataFrame.

    >>> import dask.dataframe as dd
    >>> from claimex import dask as cx
    >>> claims = cx.extract(dd.read_parquet("articles/"), text="text", id="id", date="date")
    >>> claims.compute()

Each partition goes through ``map_partitions`` to one :class:`claimex.Extractor` per worker
process (compiled once, cached at module level) and becomes a pandas frame of the quote CSV's
rows (:meth:`claimex.Extractor.extract_df`), typed as :func:`meta`.
"""

from __future__ import annotations

import os
from typing import Optional

import claimex

__all__ = ["extract", "meta"]

#: One Extractor per (rules, dct) in each worker process.
_EXTRACTORS: dict = {}


def _extractor(rules: Optional[str], dct: Optional[str]) -> claimex.Extractor:
    key = (rules, dct)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = claimex.Extractor(rules=rules, dct=dct)
    return ex


def meta():
    """The empty pandas frame of the claims' columns and dtypes: the quote CSV's columns
    (:func:`claimex.csv_columns`) in order, ``start``/``end`` int64, ``confidence`` float64
    (when the CSV has it), the rest strings."""
    import pandas as pd

    return claimex._csv_frame(pd, claimex._claimex.csv_header_text())


def _partition(part, text, id, date, rules, dct, threads, errors):
    """map_partitions' function: one partition of documents in, its claims out."""
    return _extractor(rules, dct).extract_df(part, text, id, date, threads=threads, errors=errors)


def extract(
    ddf,
    text: str = "text",
    id: Optional[str] = "id",
    date: Optional[str] = None,
    *,
    rules: Optional[str] = None,
    dct: Optional[str] = None,
    threads: Optional[int] = 1,
    errors: str = "raise",
):
    """The claims of ``ddf``'s documents as a Dask DataFrame with the columns of :func:`meta`.

    ``text``/``id``/``date`` name the columns (an ``id`` column that is absent or ``None``:
    the index labels are the ids, so give the frame a unique index). ``rules``/``dct`` as
    :class:`claimex.Extractor` (the rules directory must exist on every worker). ``threads``:
    threads per partition task (1 by default: Dask already runs tasks in parallel).
    ``errors``: ``"raise"`` or ``"ignore"`` (a document whose text is not a string has no
    rows).
    """
    if text not in ddf.columns:
        raise KeyError(f"no text column {text!r} in {list(ddf.columns)}")
    rules = None if rules is None else os.path.abspath(os.fspath(rules))
    claimex.Extractor(rules=rules, dct=dct)  # fail here, not on a worker, for bad rules or dct
    return ddf.map_partitions(
        _partition,
        text,
        id,
        date,
        rules,
        dct,
        threads,
        errors,
        meta=meta(),
    )
