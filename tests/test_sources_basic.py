"""The sources stage on well-formed inputs: text, HTML and JSONL files, folders, stdin."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from dossier.model import RawDocument, Rejected
from dossier.sources import (
    InputFile,
    SourceConfig,
    detect_format,
    iter_documents,
    iter_inputs,
    read_input,
    sha256_hex,
)

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SEEDS = Path(__file__).parents[1].parent / "shared" / "corpus" / "seeds"


def read_path(path: Path | str) -> list[object]:
    return [item for item in iter_documents([str(path)]) if not isinstance(item, InputFile)]


def test_text_file_passes_through_unchanged() -> None:
    (doc,) = read_path(FIXTURES / "article.txt")
    assert isinstance(doc, RawDocument)
    assert doc.text == (FIXTURES / "article.txt").read_text(encoding="utf-8")
    assert doc.provenance.format == "text"
    assert doc.provenance.record == ""
    assert doc.provenance.input_sha256 == sha256_hex((FIXTURES / "article.txt").read_bytes())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared seeds not present")
def test_seed_folder_reads_every_seed_in_sorted_order() -> None:
    docs = read_path(SEEDS)
    names = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert [d.provenance.source for d in docs] == names
    assert all(isinstance(d, RawDocument) and d.text for d in docs)


def test_html_page_is_passed_as_markup() -> None:
    (doc,) = read_path(FIXTURES / "page.html")
    assert doc.provenance.format == "html"
    assert doc.text is None
    assert "€40 million" in doc.html


def test_gzipped_html_keeps_original_bytes_and_hash(tmp_path: Path) -> None:
    raw = gzip.compress((FIXTURES / "page.html").read_bytes())
    path = tmp_path / "page.html.gz"
    path.write_bytes(raw)
    (inp,) = iter_inputs([str(path)])
    assert inp.sha256 == sha256_hex(raw)
    assert inp.original_bytes == raw
    assert inp.data == (FIXTURES / "page.html").read_bytes()
    (doc,) = read_input(inp)
    assert doc.provenance.format == "html" and doc.provenance.input_sha256 == sha256_hex(raw)


def test_jsonl_keeps_unknown_fields_and_rejects_bad_line_only() -> None:
    items = read_path(FIXTURES / "articles.jsonl")
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "RawDocument"]
    first, bad, third = items
    assert first.meta["section"] == "business"
    assert first.meta["url"] == "https://wire.example/a/1"
    assert first.text.startswith("Dock workers")
    assert first.provenance.record == "line 1"
    assert bad.record == "line 2" and bad.reason.startswith("line 2: malformed JSON")
    assert third.html and third.meta["tags"] == ["weather", "coast"]
    assert third.provenance.record == "line 3"


def test_stdin_is_read_as_one_input() -> None:
    data = (FIXTURES / "page.html").read_bytes()
    (inp,) = iter_inputs(["-"], SourceConfig(), stdin=io.BytesIO(data))
    assert inp.name == "<stdin>" and inp.data == data
    (doc,) = read_input(inp)
    assert doc.provenance.source == "<stdin>" and doc.html


def test_glob_expands_sorted_and_unmatched_glob_is_rejected() -> None:
    items = list(iter_inputs([str(FIXTURES / "*.txt"), str(FIXTURES / "*.nomatch")]))
    assert isinstance(items[0], InputFile) and items[0].name.endswith("article.txt")
    assert isinstance(items[-1], Rejected) and "no files match" in items[-1].reason


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "story.txt", "html"),
        (b'{"text": "a"}\n{"text": "b"}\n', "story.html", "jsonl"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "feed.html", "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "x.txt", "feed"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "crawl.txt", "warc"),
        (b" date 2022-10-23\nPlain words here.", "x.json", "text"),
        (gzip.compress(b"<html><body>hi</body></html>"), "x.bin", "html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.html", None),
        (b"", "empty.txt", None),
    ],
)
def test_format_is_detected_from_content_not_extension(
    data: bytes, name: str, expected: str | None
) -> None:
    assert detect_format(data, name) == expected


def test_forced_format_overrides_detection() -> None:
    inp = InputFile.from_bytes("page.html", b"<html><body><p>Words.</p></body></html>")
    (doc,) = read_input(inp, SourceConfig(), fmt="text")
    assert doc.provenance.format == "text" and doc.text.startswith("<html>")
    (empty,) = read_input(InputFile.from_bytes("e.txt", b"   "), SourceConfig(), fmt="text")
    assert isinstance(empty, Rejected) and empty.reason == "empty file"


def test_gzipped_stdin_is_decompressed_and_hashed_as_given() -> None:
    raw = gzip.compress(b"Plain words from a pipe.")
    (inp,) = iter_inputs(["-"], SourceConfig(), stdin=io.BytesIO(raw))
    assert inp.data == b"Plain words from a pipe." and inp.sha256 == sha256_hex(raw)


def test_folder_walk_is_recursive_sorted_and_reads_each_file_once(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "a/z.txt", "a/1.txt", "c.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"News in {rel}.")
    items = list(iter_inputs([str(tmp_path), str(tmp_path / "c.txt"), str(tmp_path / "*/*.txt")]))
    names = [Path(i.name).relative_to(tmp_path).as_posix() for i in items]
    assert names == ["a/1.txt", "a/z.txt", "b/2.txt", "c.txt"]


def test_names_give_a_file_the_name_to_record_instead_of_its_path(tmp_path: Path) -> None:
    """The HTTP upload's case: spooled to a temporary file, recorded as the client named it."""
    spooled = tmp_path / "spool" / "page.jsonl"
    spooled.parent.mkdir()
    spooled.write_text('{"text": "Dock workers met on Monday."}\n')
    missing = str(tmp_path / "gone.txt")
    other = FIXTURES / "article.txt"
    names = {str(spooled): "upload:page.jsonl", missing: "upload:gone.txt"}
    items = list(iter_inputs([str(spooled), missing, str(other)], names=names))
    assert [item.name if isinstance(item, InputFile) else item.source for item in items] == [
        "upload:page.jsonl", "upload:gone.txt", str(other)]
    (doc,) = read_input(items[0])
    assert doc.provenance.source == "upload:page.jsonl"
    assert doc.provenance.format == "jsonl"  # the given name's extension still hints
