"""claimex: who said what, to whom, when -- quotes, reported speech and speakers from news text.

The records are the command line's, field for field: the Rust renderers write them and this
module only parses their JSON (or CSV), so a field the library adds appears here unchanged.

    >>> import claimex
    >>> ex = claimex.Extractor(dct="2024-05-01")
    >>> recs = ex.extract("“We will win,” Mayor Ruth Okonkwo said on Monday.", id="d1")
    >>> recs[0]["speaker"]["name"], recs[0]["kind"]
    ('Ruth Okonkwo', 'direct')

Ids: a document given without an id is ``"doc"`` in :meth:`Extractor.extract` and
:meth:`Extractor.annotate`, and its 0-based position in the input (``"0"``, ``"1"``, ...) in the
batch functions.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from . import _claimex
from ._claimex import DocumentError, RuleError

__all__ = [
    "DocumentError",
    "Extractor",
    "arrow_schema",
    "csv_arrow_schema",
    "RuleError",
    "csv_columns",
]

#: Documents handed to Rust at once by the batch functions (bounds the memory of a long
#: iterable; the threads of a batch render a chunk's documents one at a time, in input order).
CHUNK = 2048

_ERRORS = ("record", "raise", "ignore")


def csv_columns(keep: Optional[list] = None) -> list[str]:
    """The quote CSV's columns, in order (the header row of ``claimex extract --format csv``),
    then the ``keep`` columns (as ``--keep``)."""
    import csv

    header = _claimex.csv_header_text(list(keep or []))
    return next(csv.reader(io.StringIO(header)))


def _date_text(date: Any) -> Optional[str]:
    """A document date as text: ``str``, ``None``, or anything with ``isoformat()``."""
    if date is None or isinstance(date, str):
        return date
    if _is_missing(date):
        return None
    if hasattr(date, "isoformat"):
        return date.isoformat()
    if isinstance(date, (int, float)) and not isinstance(date, bool):
        return str(date)  # epoch seconds or milliseconds, as a JSON Lines number
    raise TypeError(f"date must be a str, a date, a number or None, not {type(date).__name__}")


def _is_missing(value: Any) -> bool:
    """``None`` or a float NaN / pandas NA (missing cells of a data frame)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT, pd.NA raise or are unequal to themselves
    except (TypeError, ValueError):
        return True


#: The dict keys that a document's fields are read from; the others are its ``meta``.
_FIELDS = ("text", "id", "date", "title", "url")


def _meta_text(meta: Any) -> Optional[str]:
    """``meta`` as the JSON object text the library copies into claim records: a dict is
    dumped (values that JSON has no type for as their ``str``), a str is taken as JSON text."""
    if meta is None or isinstance(meta, str):
        return meta
    if isinstance(meta, dict):
        return json.dumps(meta, ensure_ascii=False, default=str)
    raise TypeError(f"meta must be a dict, a JSON str or None, not {type(meta).__name__}")


def _opt_text(value: Any, name: str) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if _is_missing(value):
        return None
    raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")


class _BadDoc(Exception):
    """A document that cannot be handed to Rust (wrong types); becomes an error record."""

    def __init__(self, doc_id: str, exc: Exception):
        super().__init__(str(exc))
        self.doc_id = doc_id
        self.exc = exc


def _prepare(item: Any, position: int) -> tuple:
    """One batch item (a str or a dict with text/id/date/title/url) as Rust's tuple. A dict's
    other keys are its ``meta``, as the other fields of a JSON Lines line are the CLI's."""
    if isinstance(item, dict):
        raw_id = item.get("id")
        doc_id = str(position) if _is_missing(raw_id) else str(raw_id)
        try:
            text = item.get("text")
            if not isinstance(text, str):
                raise TypeError(f"text must be a str, not {type(text).__name__}")
            meta = _meta_text({k: v for k, v in item.items() if k not in _FIELDS})
            return (
                text,
                doc_id,
                _date_text(item.get("date")),
                _opt_text(item.get("title"), "title"),
                _opt_text(item.get("url"), "url"),
                meta,
                0,
            )
        except TypeError as e:
            raise _BadDoc(doc_id, e) from None
    if isinstance(item, str):
        return (item, str(position), None, None, None, None, 0)
    raise _BadDoc(
        str(position),
        TypeError(f"a document must be a str or a dict, not {type(item).__name__}"),
    )


class _Repeats:
    """Numbers the documents of one call that repeat an id, in input order, as the CLI does in
    a run: the K-th document with an id (K from 2) gets claim ids ``ID~K#N``."""

    def __init__(self):
        self.seen: dict = {}

    def number(self, t: tuple) -> tuple:
        k = self.seen.get(t[1], 0)
        self.seen[t[1]] = k + 1
        return t if k == 0 else t[:6] + (k,)


def _error_record(doc_id: str, position: int, message: str) -> dict:
    """The error record of one failed document (the CLI's fields, ``source`` = position)."""
    return {"doc_id": doc_id, "id": doc_id, "source": f"input:{position}", "error": message}


@contextlib.contextmanager
def _gc_paused():
    """Python's cyclic garbage collector paused while a batch's records are parsed.

    Parsing builds one dict per record and each allocation of one counts toward the next
    collection; with many records alive, the collections that follow go through all of them
    again and again (about a quarter of ``extract_batch``'s time on one thread over
    polnear-train, and all of it on the thread that holds the interpreter, so it is the part
    that does not run in parallel). The records hold no reference cycles, so nothing is
    lost; the collector is turned back on afterwards unless it was off before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {_ERRORS}, not {errors!r}")


class Extractor:
    """Compiled rules plus a default document date; reusable, thread-safe and picklable.

    ``rules``: a directory whose rule files replace the embedded defaults of the same name
    (``None``: the defaults). A rule file that does not compile raises :class:`RuleError`
    (a ``ValueError``) whose message has one ``file:line: reason`` line per error.
    ``dct``: the document date (``YYYY-MM-DD``) of documents that carry none.
    """

    def __init__(self, rules: Optional[str] = None, dct: Optional[str] = None):
        # absolute, so that a pickled Extractor finds the same directory in a worker
        self._rules = None if rules is None else os.path.abspath(os.fspath(rules))
        self._dct = _date_text(dct)
        self._core = _claimex.Extractor(self._rules, self._dct)

    def __reduce__(self):
        return (Extractor, (self._rules, self._dct))

    def __repr__(self) -> str:
        return f"Extractor(rules={self._rules!r}, dct={self._dct!r})"

    # one document -------------------------------------------------------------------------

    def _render(self, fmt: str, text, id, date, title, url, meta) -> str:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        doc_id = "doc" if id is None else str(id)
        return self._core.render(
            fmt,
            text,
            doc_id,
            _date_text(date),
            _opt_text(title, "title"),
            _opt_text(url, "url"),
            _meta_text(meta),
        )

    def extract(
        self, text: str, *, id=None, date=None, title=None, url=None, meta=None
    ) -> list[dict]:
        """The claim records of one document (``claimex extract``'s JSON Lines, parsed).

        ``date``: the document's date (``YYYY-MM-DD``, RFC 3339, a ``datetime.date``, epoch
        seconds); ``title``/``url`` are copied to the records; ``meta``: a dict (or JSON object
        text) of the document's other fields, copied as the records' ``meta``."""
        return _claimex.loads(self._render("claims", text, id, date, title, url, meta))

    def annotate(self, text: str, *, id=None, date=None, title=None, url=None, meta=None) -> dict:
        """The annotation object of one document (``claimex annotate``'s line, parsed)."""
        return _claimex.loads(self._render("annotation", text, id, date, title, url, meta))

    # batches ------------------------------------------------------------------------------

    def _batch(
        self, fmt: str, docs: Iterable, threads, errors: str, keep=(), parsed=False
    ) -> Iterator[tuple]:
        """Yields ``(position, doc_id, ok, output_or_error)`` per document, in input order; the
        output is text, or with ``parsed`` the Python value of the JSON (made in Rust: the
        interpreter's share of a batch is the part that does not run in parallel)."""
        _check_errors(errors)
        if isinstance(docs, (str, dict)):
            raise TypeError("docs must be an iterable of documents (wrap one in a list)")
        chunk: list = []
        bad: dict = {}
        ids: list = []
        position = 0

        def flush(start: int):
            # rendered while this loop consumes them: the interpreter's work on one document
            # runs beside the pipeline's on the next ones
            it = (
                self._core.render_stream(fmt, chunk, threads, list(keep), parsed)
                if chunk
                else iter(())
            )
            for k, doc_id in enumerate(ids):
                p = start + k
                if p in bad:
                    yield (p, doc_id, False, bad[p])
                else:
                    ok, out = next(it)
                    yield (p, doc_id, ok, out)

        start = 0
        repeats = _Repeats()
        for item in docs:
            try:
                t = repeats.number(_prepare(item, position))
                chunk.append(t)
                ids.append(t[1])
            except _BadDoc as b:
                if errors == "raise":
                    raise b.exc from None
                bad[position] = str(b.exc)
                ids.append(b.doc_id)
            position += 1
            if len(ids) >= CHUNK:
                yield from flush(start)
                chunk, bad, ids, start = [], {}, [], position
        yield from flush(start)

    def _outcomes(self, fmt: str, docs, threads, errors, keep=(), parsed=False):
        for p, doc_id, ok, out in self._batch(fmt, docs, threads, errors, keep, parsed):
            if ok:
                yield True, out
            elif errors == "raise":
                raise DocumentError(f"document {doc_id!r} (input {p}): {out}")
            elif errors == "record":
                yield False, _error_record(doc_id, p, out)

    def extract_batch(
        self, docs: Iterable, threads: Optional[int] = None, *, errors: str = "record"
    ) -> list:
        """The claim records of many documents, on ``threads`` threads (all cores for None)
        with the interpreter released; one entry per document, in input order: its list of
        claim records, or for a document that failed its error record (a dict with
        ``doc_id``/``id``, ``source`` = ``input:<position>`` and ``error``).

        ``threads`` counts the threads that run the pipeline, the calling thread included: it
        takes the documents' output in input order and turns it into Python objects (holding
        the interpreter) while the ``threads - 1`` others render the next documents, and it
        renders one itself when the next output is not ready. So a call keeps at most
        ``threads`` cores busy; one thread renders a chunk (:data:`CHUNK`), then converts it.

        ``docs``: strs, or dicts with ``text`` and optional ``id``, ``date``, ``title``, ``url``.
        ``errors``: ``"record"`` (default), ``"raise"`` (raise ``TypeError`` for a document of a
        wrong type, :class:`DocumentError` for one that failed) or ``"ignore"`` (drop it).
        """
        with _gc_paused():
            return [out for _, out in self._outcomes("claims", docs, threads, errors, parsed=True)]

    def iter_claims(
        self, docs: Iterable, threads: Optional[int] = None, *, errors: str = "record"
    ) -> Iterator[dict]:
        """Every claim record of many documents, flat, as a stream (at most :data:`CHUNK`
        documents held at once); with ``errors="record"`` an error record stands where a
        failed document's claims would be."""
        for ok, out in self._outcomes("claims", docs, threads, errors, parsed=True):
            if ok:
                yield from out
            else:
                yield out

    def annotate_batch(
        self, docs: Iterable, threads: Optional[int] = None, *, errors: str = "record"
    ) -> list:
        """The annotation objects of many documents (as :meth:`extract_batch`)."""
        with _gc_paused():
            return [
                out for _, out in self._outcomes("annotation", docs, threads, errors, parsed=True)
            ]

    def csv_text(
        self,
        docs: Iterable,
        threads: Optional[int] = None,
        *,
        keep: Optional[list] = None,
        errors: str = "raise",
    ) -> str:
        """The quote CSV of many documents with its header (``claimex extract --format csv``).
        ``keep``: fields of the documents' ``meta`` (a dict's other keys) as columns of their
        own, after the fixed ones (as ``--keep``). ``errors``: ``"raise"`` (default) or
        ``"ignore"`` (a failed document has no rows)."""
        if errors == "record":
            raise ValueError('the CSV has no place for error records: use "raise" or "ignore"')
        keep = list(keep or [])
        parts = [_claimex.csv_header_text(keep)]
        outcomes = self._outcomes("csv", docs, threads, errors, keep)
        parts.extend(out for ok, out in outcomes if ok)
        return "".join(parts)

    # data frames --------------------------------------------------------------------------

    def extract_df(
        self,
        df,
        text: str = "text",
        id: Optional[str] = "id",
        date: Optional[str] = "date",
        *,
        title: Optional[str] = None,
        url: Optional[str] = None,
        keep: Optional[list] = None,
        threads: Optional[int] = None,
        errors: str = "raise",
    ):
        """The claims of a pandas DataFrame's documents as a DataFrame with the CSV's columns
        (:func:`csv_columns`, in order): ``start``/``end`` int64, ``confidence`` float64,
        every other column a string (empty when absent, as in the CSV). ``text``/``id``/
        ``date``/``title``/``url`` name the columns to read; an ``id`` or ``date`` column that
        is absent is not used (ids are then the frame's index labels). ``keep``: input columns
        copied into columns of their own (as ``--keep``). ``errors``: ``"raise"`` or
        ``"ignore"``. A pyarrow Table is read too."""
        import pandas as pd

        keep = list(keep or [])
        docs = _frame_docs(df, text, id, date, title, url, keep)
        return _csv_frame(pd, self.csv_text(docs, threads, keep=keep, errors=errors))

    def extract_arrow(
        self,
        data,
        text: str = "text",
        id: Optional[str] = "id",
        date: Optional[str] = "date",
        *,
        title: Optional[str] = None,
        url: Optional[str] = None,
        keep: Optional[list] = None,
        threads: Optional[int] = None,
        errors: str = "raise",
    ):
        """The claims of a ``pyarrow.Table`` or ``RecordBatch`` (or a pandas DataFrame) in the
        library's Arrow columns (those of ``claimex extract --format parquet``: the CSV's
        columns typed, nulls for absent values, ``doc_date`` a date, ``timexes`` and
        ``entities`` lists of structs; :func:`arrow_schema`), built in Rust and handed over
        through the Arrow C data interface. A ``RecordBatch`` gives a ``RecordBatch``, anything
        else a ``pyarrow.Table``. ``keep``: input columns copied into columns of their own (as
        ``--keep``). Columns as :meth:`extract_df`; ``errors``: ``"raise"`` or ``"ignore"``."""
        import pyarrow as pa

        if errors not in ("raise", "ignore"):
            raise ValueError('errors must be "raise" or "ignore" for Arrow output')
        keep = list(keep or [])
        one_batch = isinstance(data, pa.RecordBatch)
        docs = _frame_docs(data, text, id, date, title, url, keep)
        batches = []
        chunk: list = []
        ids: list = []

        def flush():
            if not chunk:
                return
            batch, failed = self._core.arrow_batch(chunk, threads, keep)
            if failed and errors == "raise":
                k, message = failed[0]
                raise DocumentError(f"document {ids[k]!r}: {message}")
            batches.append(batch)

        repeats = _Repeats()
        for position, item in enumerate(docs):
            try:
                t = repeats.number(_prepare(item, position))
            except _BadDoc as b:
                if errors == "raise":
                    raise b.exc from None
                continue
            chunk.append(t)
            ids.append(t[1])
            if len(chunk) >= CHUNK and not one_batch:
                flush()
                chunk, ids = [], []
        flush()
        schema = arrow_schema(keep)
        if one_batch:
            return batches[0] if batches else schema.empty_table().to_batches()[0]
        return pa.Table.from_batches(batches, schema=schema)


def arrow_schema(keep: Optional[list] = None):
    """The ``pyarrow.Schema`` of :meth:`Extractor.extract_arrow`: the library's Arrow columns
    (read from the library, not written down here), then the ``keep`` columns."""
    return _claimex.arrow_schema(list(keep or []))


def csv_arrow_schema():
    """The ``pyarrow`` schema of the CSV's columns (:func:`csv_columns`): strings,
    ``start``/``end`` int64, ``confidence`` float64 (Spark's schema, see ``claimex.spark``)."""
    import pyarrow as pa

    return pa.schema([(c, _arrow_type(pa, c)) for c in csv_columns()])


def _arrow_type(pa, column: str):
    if column in ("start", "end"):
        return pa.int64()
    if column == "confidence":
        return pa.float64()
    return pa.string()


def _frame_docs(df, text, id, date, title, url, keep=()) -> Iterator[dict]:
    """The documents (dicts) of the rows of a pandas DataFrame or a pyarrow Table/RecordBatch;
    the ``keep`` columns become fields of the document's ``meta``. Without an id column, ids
    are a DataFrame's index labels, or the row positions."""
    names = list(df.schema.names) if hasattr(df, "schema") else list(df.columns)
    if text not in names:
        raise KeyError(f"no text column {text!r} in {names}")
    for k in keep:
        if k not in names:
            raise KeyError(f"no column {k!r} to keep in {names}")

    def col(name):
        if name is None or name not in names:
            return None
        c = df.column(name) if hasattr(df, "schema") else df[name]
        return c.to_pylist() if hasattr(c, "to_pylist") else c.tolist()

    texts, ids, dates, titles, urls = col(text), col(id), col(date), col(title), col(url)
    kept = [(k, col(k)) for k in keep]
    if ids is None and hasattr(df, "index"):
        ids = [str(label) for label in df.index]
    for i, t in enumerate(texts):
        doc = {k: v[i] for k, v in kept}
        doc.update(
            text=t,
            id=None if ids is None else ids[i],
            date=None if dates is None else dates[i],
            title=None if titles is None else titles[i],
            url=None if urls is None else urls[i],
        )
        yield doc


def _csv_arrow(csv: str):
    """The ``pyarrow.Table`` of a quote CSV text (header included), typed as
    :func:`csv_arrow_schema`."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    schema = csv_arrow_schema()
    table = pacsv.read_csv(
        pa.py_buffer(csv.encode("utf-8")),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={f.name: f.type for f in schema},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    return table.select(schema.names).cast(schema)


def _csv_frame(pd, csv: str):
    """The frame of a quote CSV text (header included), typed as :func:`csv_arrow_schema`."""
    frame = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    for c in frame.columns:
        if c in ("start", "end"):
            frame[c] = frame[c].astype("int64")
        elif c == "confidence":
            frame[c] = frame[c].astype("float64")
    return frame
