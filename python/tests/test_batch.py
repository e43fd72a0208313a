"""Batches: input order at any thread count, the GIL released, errors as records, fork safety."""

import multiprocessing
import os
import threading
import time

import pytest

import claimex
from claimex import _claimex
from conftest import doc_kwargs, small_docs


def test_batch_equals_one_by_one_in_input_order(ex, docs):
    one_by_one = [ex.extract(d["text"], **doc_kwargs(d)) for d in docs]
    for threads in (None, 1, 2, 3, 8):
        assert ex.extract_batch(docs, threads=threads) == one_by_one, threads
    # many more documents than a chunk, from a generator, shuffled ids
    many = [dict(d, id=f"{i}-{d['id']}") for i, d in enumerate(docs * 40)]
    got = ex.extract_batch((d for d in many), threads=2)
    assert [r[0]["doc_id"] if r else None for r in got] == [
        d["id"] if o else None for d, o in zip(many, one_by_one * 40)
    ]


def test_batch_chunking(ex, monkeypatch):
    monkeypatch.setattr(claimex, "CHUNK", 3)
    docs = small_docs() * 5
    flat = list(ex.iter_claims(docs, threads=2))
    assert flat == [c for r in ex.extract_batch(docs, threads=1) for c in r]
    assert len(ex.extract_batch(docs)) == len(docs)


def test_batch_of_strs_and_default_ids(ex):
    got = ex.extract_batch(["No quote.", "“Yes,” said Ann Lee."], threads=2)
    assert got[0] == [] and got[1][0]["doc_id"] == "1"


def test_annotate_batch(ex, docs):
    got = ex.annotate_batch(docs, threads=2)
    assert [a["id"] for a in got] == [d["id"] for d in docs]
    assert got[0] == ex.annotate(docs[0]["text"], **doc_kwargs(docs[0]))


def test_a_stream_dropped_half_way(ex):
    """Leaving a batch half-way (a generator closed, an error raised) stops its threads; the
    next batch is not held up and its results are its own."""
    docs = [("“Yes,” said Ann Lee.", str(i), None, None, None, None, 0) for i in range(64)]
    stream = ex._core.render_stream("claims", docs, 2)
    assert len(stream) == 64
    assert next(stream)[0]
    del stream
    it = ex.iter_claims(["“Yes,” said Ann Lee."] * 64, threads=2)
    assert next(it)["doc_id"] == "0"
    it.close()
    got = ex.extract_batch(["“No,” said Bo Li.", "“Yes,” said Ann Lee."], threads=8)
    assert [r[0]["speaker"]["name"] for r in got] == ["Bo Li", "Ann Lee"]


def test_threads_zero_is_refused(ex):
    with pytest.raises(ValueError):
        ex.extract_batch(["a", "b"], threads=0)


def test_error_records_and_raise(ex):
    items = ["“Yes,” said Ann Lee.", 42, {"id": "n", "text": None}, {"text": "Fine."}, None]
    got = ex.extract_batch(items)
    assert len(got) == 5
    assert got[0][0]["doc_id"] == "0" and got[3] == []
    for pos, rec in ((1, got[1]), (2, got[2]), (4, got[4])):
        assert isinstance(rec, dict) and "error" in rec and "id" in rec, rec
        assert rec["source"] == f"input:{pos}"
    assert got[2]["id"] == "n" and got[2]["doc_id"] == "n"
    assert "must be a str" in got[2]["error"]
    with pytest.raises(TypeError):
        ex.extract_batch(items, errors="raise")
    assert ex.extract_batch(items, errors="ignore") == [got[0], got[3]]
    with pytest.raises(ValueError):
        ex.extract_batch(items, errors="bogus")
    with pytest.raises(TypeError):
        ex.extract_batch("a str is one document, not a batch")


def test_a_panic_is_an_error_not_a_crash(ex):
    core = ex._core
    out = list(core.render_stream("_panic", [("t", "x", None, None, None, None, 0)] * 3, 2))
    assert [ok for ok, _ in out] == [False] * 3
    assert all("internal error: a panic asked for by the tests" in msg for _, msg in out)
    with pytest.raises(claimex.DocumentError):
        core.render("_panic", "t", "x")
    # the interpreter and the pool are still fine
    assert ex.extract_batch(["“Yes,” said Ann Lee."] * 4, threads=2)[3][0]["kind"] == "direct"


def test_gil_is_released_during_a_batch(ex):
    """A Python thread keeps running while a long batch runs (it could not if the batch held
    the GIL): the ticker must tick while render_stream renders."""
    doc = ("“We will win,” Mayor Ruth Okonkwo said on Monday. " * 200).strip()
    docs = [(doc, str(i), None, None, None, None, 0) for i in range(400)]
    inside = threading.Event()
    done = threading.Event()
    ticks_inside = []

    def ticker():
        inside.wait()
        while not done.is_set():
            ticks_inside.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    inside.set()
    start = time.perf_counter()
    list(ex._core.render_stream("claims", docs, 1))
    end = time.perf_counter()
    done.set()
    t.join()
    during = [x for x in ticks_inside if start < x < end]
    # with the GIL held the ticker would get at most the switch interval's worth of ticks
    assert end - start > 0.05, "batch too short to tell; make the document longer"
    assert len(during) >= 5, (len(during), end - start)


def _child_batch(conn):
    import claimex as c

    ex = c.Extractor()
    got = ex.extract_batch(["“Yes,” said Ann Lee."] * 8, threads=2)
    conn.send((os.getpid(), c._claimex._pool_pid(), [r[0]["kind"] for r in got]))
    conn.close()


def test_fork_after_a_batch_runs_in_the_child(ex):
    ex.extract_batch(["“Yes,” said Ann Lee."] * 8, threads=2)
    assert _claimex._pool_pid() == os.getpid()
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    p = ctx.Process(target=_child_batch, args=(child,))
    p.start()
    if not parent.poll(60):
        p.kill()
        p.join()
        pytest.fail("the child's batch hung: a pool from before the fork was reused")
    pid, pool_pid, kinds = parent.recv()
    p.join(10)
    assert p.exitcode == 0
    assert pool_pid == pid != os.getpid()
    assert kinds == ["direct"] * 8
    # the parent's pool still works
    assert ex.extract_batch(["“Yes,” said Ann Lee."] * 4, threads=2)[0][0]["kind"] == "direct"


def test_os_fork_with_inherited_extractor(ex):
    ex.extract_batch(["“Yes,” said Ann Lee."] * 8, threads=2)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the inherited Extractor and a new pool
        try:
            got = ex.extract_batch(["“Yes,” said Ann Lee."] * 6, threads=2)
            ok = len(got) == 6 and _claimex._pool_pid() == os.getpid()
            os.write(w, b"ok" if ok else b"bad")
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.time() + 60
    while True:
        wpid, status = os.waitpid(pid, os.WNOHANG)
        if wpid:
            break
        if time.time() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the forked child's batch hung")
        time.sleep(0.02)
    assert os.read(r, 10) == b"ok"
    os.close(r)


def test_batches_pause_the_collector_and_restore_it(ex, docs):
    import gc

    import sys

    collections = []

    def watch(phase, info):
        # collections while a batch makes records (one may run just after a batch, when the
        # allocations counted during the pause come due)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_name != "_batch":
            frame = frame.f_back
        if phase == "start" and frame is not None:
            collections.append(info["generation"])

    gc.callbacks.append(watch)
    try:
        # without the pause, building this many records runs the collector (the check can fail)
        list(ex._outcomes("claims", docs * 20, 1, "record", parsed=True))
        assert collections, "building the records ran no collection: the check below proves nothing"
        collections.clear()
        assert gc.isenabled()
        ex.extract_batch(docs * 20, threads=2)
        ex.annotate_batch(docs * 5, threads=1)
        assert not collections, "the collector runs while records are built"
    finally:
        gc.callbacks.remove(watch)
    assert gc.isenabled(), "the collector is back on after a batch"
    gc.disable()
    try:
        ex.extract_batch(docs)
        assert not gc.isenabled(), "a collector the caller turned off stays off"
    finally:
        gc.enable()
    # a failing batch turns it back on too
    with pytest.raises(TypeError):
        ex.extract_batch([3], errors="raise")
    assert gc.isenabled()
