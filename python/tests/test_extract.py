"""The Python records are the command line's, field for field."""

import json
import pickle

import pytest

import claimex
from conftest import CORPUS, doc_kwargs, read_text


def test_extract_equals_cli_jsonl_for_every_text_file(ex, cli):
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    assert files
    for path in files:
        expected = cli("extract", path.name)
        got = ex.extract(read_text(path), id=path.name)
        assert got == expected, path.name
        assert got, f"{path.name} has no claims: a poor test document"


def test_extract_equals_cli_jsonl_for_json_lines(ex, cli):
    expected = cli("extract", "briefs.jsonl")
    got = []
    for line in read_text(CORPUS / "briefs.jsonl").splitlines():
        d = json.loads(line)
        got.extend(ex.extract(d["text"], **doc_kwargs(d)))
    assert got == expected
    assert all("meta" in r and "doc_date" in r for r in got)  # the library's new fields


def test_meta_and_doc_fields_reach_the_records(ex, cli, tmp_path):
    line = {
        "id": "m1",
        "text": "“Yes,” said Ann Lee.",
        "date": "2024-05-06",
        "title": "T",
        "url": "https://example.org/a",
        "outlet": "Gazette",
        "n": 3,
        "tags": ["a", "b"],
    }
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = cli("extract", str(path))
    assert ex.extract(line["text"], **doc_kwargs(line)) == expected
    assert ex.extract_batch([line])[0] == expected
    assert expected[0]["meta"] == {"outlet": "Gazette", "n": 3, "tags": ["a", "b"]}


def test_annotate_equals_cli(ex, cli):
    for name in ("us-russia-talks.txt", "briefs.jsonl"):
        expected = cli("annotate", name)
        if name.endswith(".txt"):
            got = [ex.annotate(read_text(CORPUS / name), id=name)]
        else:
            lines = read_text(CORPUS / name).splitlines()
            got = [ex.annotate(d["text"], **doc_kwargs(d)) for d in map(json.loads, lines)]
        assert got == expected


def test_dct_matches_cli(cli):
    ex = claimex.Extractor(dct="2022-01-10")
    expected = cli("extract", "--dct", "2022-01-10", "us-russia-talks.txt")
    assert (
        ex.extract(read_text(CORPUS / "us-russia-talks.txt"), id="us-russia-talks.txt") == expected
    )


def test_default_id_and_offsets(ex):
    text = "“We will win,” Mayor Ruth Okonkwo said on Monday."
    (rec,) = ex.extract(text, date="2024-05-06")
    assert rec["doc_id"] == "doc" and rec["id"] == "doc#1"
    for span in (rec["content"], rec["speaker"], rec["cue"]):
        assert text[span["start"] : span["end"]] == span["text"]
    assert rec["timexes"][0]["value"] == "2024-05-06"


def test_date_objects_and_bad_types(ex):
    import datetime

    text = "“We will win,” Mayor Ruth Okonkwo said on Monday."
    assert ex.extract(text, date=datetime.date(2024, 5, 6)) == ex.extract(text, date="2024-05-06")
    with pytest.raises(TypeError):
        ex.extract(b"bytes are not text")
    with pytest.raises(TypeError):
        ex.extract(None)
    with pytest.raises(TypeError):
        ex.extract("x", title=3)


def test_bad_rules_dir_raises_with_file_and_line(tmp_path):
    (tmp_path / "attribution.txt").write_text("foo bar baz\nnot | a | rule\n", encoding="utf-8")
    with pytest.raises(claimex.RuleError) as info:
        claimex.Extractor(rules=tmp_path)
    assert isinstance(info.value, ValueError)
    lines = str(info.value).splitlines()
    assert lines and all(line.startswith("attribution.txt:") for line in lines), lines
    assert lines[0].startswith("attribution.txt:1: ")


def test_missing_rules_dir_raises():
    with pytest.raises(claimex.RuleError, match="not a readable directory"):
        claimex.Extractor(rules="/nonexistent/claimex-rules")


def test_relative_rules_dir_pickles_as_absolute(tmp_path, monkeypatch):
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    ex = claimex.Extractor(rules=tmp_path.name)
    monkeypatch.chdir("/")
    assert repr(pickle.loads(pickle.dumps(ex))) == f"Extractor(rules={str(tmp_path)!r}, dct=None)"


def test_rules_dir_override_is_used(tmp_path, ex):
    (tmp_path / "README.md").write_text("not a rule file\n", encoding="utf-8")
    custom = claimex.Extractor(rules=str(tmp_path))
    text = read_text(CORPUS / "senate-rail-bill.txt")
    assert custom.extract(text) == ex.extract(text)


def test_bad_dct_raises():
    with pytest.raises(ValueError):
        claimex.Extractor(dct="next tuesday")


def test_pickle_round_trip(tmp_path):
    ex = claimex.Extractor(dct="2022-01-10")
    back = pickle.loads(pickle.dumps(ex))
    assert isinstance(back, claimex.Extractor) and repr(back) == repr(ex)
    text = read_text(CORPUS / "us-russia-talks.txt")
    assert back.extract(text) == ex.extract(text)
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    with_rules = pickle.loads(pickle.dumps(claimex.Extractor(rules=tmp_path)))
    assert repr(with_rules) == f"Extractor(rules={str(tmp_path)!r}, dct=None)"


def test_csv_text_equals_cli(ex, cli, docs):
    txt = [d for d in docs if d["id"].endswith(".txt")]
    expected = cli("extract", "--format", "csv", *[d["id"] for d in txt], parse=False)
    assert ex.csv_text(txt, threads=2) == expected


def test_extract_df_columns_are_the_csv_header(ex, cli, docs):
    import csv
    import io

    pd = pytest.importorskip("pandas")
    txt = [d for d in docs if d["id"].endswith(".txt")]
    frame = ex.extract_df(pd.DataFrame(txt))
    out = cli("extract", "--format", "csv", *[d["id"] for d in txt], parse=False)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert list(frame.columns) == rows[0] == claimex.csv_columns()
    assert len(frame) == len(rows) - 1 > 0
    assert str(frame["start"].dtype) == "int64" and str(frame["end"].dtype) == "int64"
    for got, want in zip(frame.astype(str).values.tolist(), rows[1:]):
        assert got == want


def test_extract_df_without_id_or_date_columns(ex):
    pd = pytest.importorskip("pandas")
    frame = ex.extract_df(pd.DataFrame({"text": ["“We will win,” Mayor Ruth Okonkwo said."]}))
    assert frame["doc_id"].tolist() == ["0"]
    empty = ex.extract_df(pd.DataFrame({"text": ["No quotes."]}))
    assert list(empty.columns) == claimex.csv_columns() and len(empty) == 0


def test_extract_arrow_is_the_library_batch(ex, docs):
    """The Arrow columns come from the library (C data interface): the CSV's columns typed,
    and timexes/entities as lists of structs equal to the JSON records'."""
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    table = ex.extract_arrow(pa.Table.from_pylist(docs))
    assert isinstance(table, pa.Table)
    assert table.schema == claimex.arrow_schema()
    names = table.schema.names
    csv_cols = claimex.csv_columns()
    assert names[: len(csv_cols)] == csv_cols  # the CSV's columns first, in order
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    frame = ex.extract_df(pd.DataFrame(docs))
    assert table.num_rows == len(frame) > 0
    rows = table.to_pylist()
    for row, want in zip(rows, frame.to_dict("records")):
        for c in csv_cols:
            v = row[c]
            got = "" if v is None else v
            if c == "confidence":
                assert got == pytest.approx(want[c]), c
            elif c in ("start", "end"):
                assert got == want[c], c
            else:
                assert str(got) == want[c], (c, got, want[c])
    records = [r for d in docs for r in ex.extract(d["text"], **doc_kwargs(d))]
    assert [r["id"] for r in records] == [row["claim_id"] for row in rows]
    for row, rec in zip(rows, records):
        timex_keys = ("start", "end", "text", "type", "value")
        assert row["timexes"] == [{k: t[k] for k in timex_keys} for t in rec["timexes"]]
        assert row["entities"] == rec["entities"]


def test_extract_arrow_batches_keep_and_errors(ex):
    pa = pytest.importorskip("pyarrow")
    data = pa.RecordBatch.from_pylist(
        [
            {"id": "a", "text": "“Yes,” said Ann Lee.", "outlet": "Gazette"},
            {"id": "b", "text": "No quote here.", "outlet": None},
            {"id": "c", "text": "“No,” said Bo Park on Monday.", "outlet": "Post"},
        ]
    )
    batch = ex.extract_arrow(data, keep=["outlet"])
    assert isinstance(batch, pa.RecordBatch)
    assert batch.schema == claimex.arrow_schema(["outlet"])
    assert batch.column("claim_id").to_pylist() == ["a#1", "c#1"]
    assert batch.column("outlet").to_pylist() == ["Gazette", "Post"]
    empty = ex.extract_arrow(pa.RecordBatch.from_pylist([{"text": "Nothing."}]))
    assert empty.num_rows == 0 and empty.schema == claimex.arrow_schema()
    bad = pa.Table.from_pylist([{"text": "“Yes,” said Ann Lee."}, {"text": None}])
    with pytest.raises(TypeError):
        ex.extract_arrow(bad)
    assert ex.extract_arrow(bad, errors="ignore").column("claim_id").to_pylist() == ["0#1"]


def test_extract_df_keep(ex):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["a"], "text": ["“Yes,” said Ann Lee."], "outlet": ["Gazette"]})
    got = ex.extract_df(frame, keep=["outlet"])
    assert (
        list(got.columns) == claimex.csv_columns(["outlet"]) == claimex.csv_columns() + ["outlet"]
    )
    assert got["outlet"].tolist() == ["Gazette"]


def test_repeated_ids_are_numbered_as_the_cli_does(ex, cli, tmp_path):
    lines = [
        {"id": "r", "text": "“Yes,” said Ann Lee."},
        {"id": "s", "text": "“No,” said Bo Park."},
        {"id": "r", "text": "“Maybe,” said Cy Dunn."},
        {"id": "r", "text": "“Later,” said Di Moss."},
    ]
    path = tmp_path / "rep.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    expected = cli("extract", str(path))
    assert [r["id"] for r in expected] == ["r#1", "s#1", "r~2#1", "r~3#1"]
    assert list(ex.iter_claims(lines, threads=2)) == expected
    pa = pytest.importorskip("pyarrow")
    table = ex.extract_arrow(pa.Table.from_pylist(lines))
    assert table.column("claim_id").to_pylist() == ["r#1", "s#1", "r~2#1", "r~3#1"]
