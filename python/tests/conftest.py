"""Shared fixtures: the repository's corpus and the release binary of the command line."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
BINARY = ROOT / "target" / "release" / "claimex"


def read_text(path: pathlib.Path) -> str:
    """A text file exactly as the command line reads it (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def corpus_docs() -> list:
    """Every corpus document as a dict (text files: id = file name; JSON Lines: as given)."""
    docs = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt":
            docs.append({"id": path.name, "text": read_text(path)})
        elif path.suffix == ".jsonl":
            for line in read_text(path).splitlines():
                if line.strip():
                    docs.append(json.loads(line))
    return docs


FIELDS = ("text", "id", "date", "title", "url")


def doc_kwargs(d: dict) -> dict:
    """The keyword arguments of Extractor.extract for a document dict, read as the CLI reads a
    JSON Lines line: its other fields are its meta."""
    return {
        "id": d.get("id"),
        "date": d.get("date"),
        "title": d.get("title"),
        "url": d.get("url"),
        "meta": {k: v for k, v in d.items() if k not in FIELDS},
    }


@pytest.fixture(scope="session")
def cli():
    """Runs the release binary in the corpus directory; returns its stdout lines, parsed."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `cargo build --release` (scripts/test.sh does)")

    def run(*args: str, parse: bool = True):
        out = subprocess.run(
            [str(BINARY), *args],
            cwd=CORPUS,
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout
        if not parse:
            return out
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    return run


@pytest.fixture(scope="session")
def docs():
    return corpus_docs()


@pytest.fixture(scope="session")
def ex():
    import claimex

    return claimex.Extractor()


def small_docs():
    """A few documents of our own making, quick to run anywhere."""
    return [
        {
            "id": "a",
            "text": "“We will win,” Mayor Ruth Okonkwo said on Monday.",
            "date": "2024-05-06",
        },
        {"id": "b", "text": "The river is high. Officials said the bridge would close Tuesday."},
        {"id": "c", "text": "Nothing is quoted here."},
        {
            "id": "d",
            "text": "Senator Ann Lee told reporters that the bill “will pass this week.”",
            "date": "2023-02-01",
        },
    ]


os.environ.setdefault("PYTHONHASHSEED", "0")
