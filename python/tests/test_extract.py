"""The Python records are the command line's, field for field."""

import json
import pickle

import pytest

import claimex
from conftest import CORPUS, read_text


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
        got.extend(
            ex.extract(d["text"], id=d["id"], date=d.get("date"), title=d.get("title"), url=d.get("url"))
        )
    assert got == expected


def test_annotate_equals_cli(ex, cli):
    for name in ("us-russia-talks.txt", "briefs.jsonl"):
        expected = cli("annotate", name)
        if name.endswith(".txt"):
            got = [ex.annotate(read_text(CORPUS / name), id=name)]
        else:
            got = [ex.annotate(**_kw(json.loads(line))) for line in read_text(CORPUS / name).splitlines()]
        assert got == expected


def _kw(d):
    return {"text": d["text"], "id": d["id"], "date": d.get("date"), "title": d.get("title"), "url": d.get("url")}


def test_dct_matches_cli(cli):
    ex = claimex.Extractor(dct="2022-01-10")
    expected = cli("extract", "--dct", "2022-01-10", "us-russia-talks.txt")
    assert ex.extract(read_text(CORPUS / "us-russia-talks.txt"), id="us-russia-talks.txt") == expected


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


def test_extract_arrow(ex, docs):
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    txt = [d for d in docs if d["id"].endswith(".txt")]
    table = ex.extract_arrow(pa.Table.from_pylist(txt))
    assert table.schema.names == claimex.csv_columns()
    assert table.schema.field("start").type == pa.int64()
    frame = ex.extract_df(pd.DataFrame(txt))
    assert table.to_pandas().astype(str).values.tolist() == frame.astype(str).values.tolist()
    batch = ex.extract_arrow(pa.RecordBatch.from_pylist(txt[:2]))
    assert batch.num_rows == len(ex.extract_df(pd.DataFrame(txt[:2])))
