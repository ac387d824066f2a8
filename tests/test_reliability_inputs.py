"""Hostile inputs end to end, through ``dossier ingest``: for each bad input one
line names it, the rest of the batch is stored, the store keeps nothing from the
bad input but its rejection, and the command exits with status 1.

Big files are made at test time (a sparse file stands in for a 200 MB one).
"""

from __future__ import annotations

import gzip
import io
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import cli

GOOD = (
    "Negotiators met again on Monday in the capital city.\n\nThe minister said progress was made."
)

Maker = Callable[[Path], Path]


def _write(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _sparse(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 2**20)  # 200 MB, no disk used
    return path


def _over_limit(folder: Path) -> Path:
    path = folder / "big.txt"
    path.write_bytes(b"word " * 30_000)  # 150 kB against a 100 kB --max-bytes
    return path


def _gzip_bomb(folder: Path) -> Path:
    path = folder / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"\0" * (8 * 2**20), compresslevel=9))
    return path


def _symlink_loop(folder: Path) -> Path:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop)
    return loop / "self" / "self"


def _warc(body: bytes, length: bytes) -> bytes:
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
        + length
        + b"\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        + body
    )


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "aaaaaaaaaa">\n'
    b' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">\n]>'
    b'<rss version="2.0"><channel><item><title>&c;</title><description>&c;</description>'
    b"</item></channel></rss>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><item><description>&x;</description></item></channel></rss>'
)

#: name -> (maker, words the rejection line must contain). Each is refused whole.
REFUSED: dict[str, tuple[Maker, str]] = {
    "png": (_write("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "binary file"),
    "elf": (_write("tool.txt", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8), "binary"),
    "random bytes": (_write("noise.txt", os.urandom(4096) + b"\0" * 64), "binary"),
    "empty": (_write("empty.txt", b""), "empty file"),
    "blank": (_write("blank.txt", b" \n\t\r\n"), "empty file"),
    "sparse 200 MB": (_sparse, "file too large"),
    "over --max-bytes": (_over_limit, "file too large"),
    "gzip bomb": (_gzip_bomb, "decompresses to more than the 100000-byte limit"),
    "truncated gzip": (
        _write("cut.txt.gz", gzip.compress(GOOD.encode() * 50)[:-30]),
        "truncated gzip",
    ),
    "gzip of nothing": (_write("nothing.txt.gz", gzip.compress(b"   ")), "empty file"),
    "symlink loop": (_symlink_loop, "symlink loop"),
    "billion laughs": (_write("feed.rss", BILLION_LAUGHS), "XML bomb"),
    "external entity": (_write("xxe.rss", XXE), "XML bomb"),
    "utf-16 billion laughs": (
        _write("feed16.xml", BILLION_LAUGHS.decode().encode("utf-16")),
        "XML bomb",
    ),
    "nested JSON": (
        _write("deep.jsonl", b"[" * 60_000 + b"\n" + b'{"a":' * 6000 + b"\n"),
        "recursion depth",
    ),
    "malformed JSON only": (_write("bad.jsonl", b'{"text": "unterminated\n{"url": 3,\n'), "line"),
    "JSON without body": (_write("nobody.jsonl", b'{"title": "t"}\n{"text": 5}\n'), "text"),
    "truncated feed": (_write("cut.rss", b'<?xml version="1.0"?><rss><channel><title>C'), "feed"),
    "NUL-only text": (_write("nul.txt", b"\0" * 5000), "binary"),
}


def run_ingest(tmp_path: Path, bad: Path, *extra: str) -> tuple[int, str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "store.db"
    result = CliRunner().invoke(
        cli, ["ingest", "--no-link", "-q", "--db", str(db), *extra, str(bad), str(good)]
    )
    return result.exit_code, result.output, db


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def assert_only_good_stored(db: Path, tmp_path: Path) -> None:
    sources = rows(db, "SELECT json_extract(provenance, '$.source') FROM articles")
    assert sources == [(str(tmp_path / "good.txt"),)]
    assert rows(db, "SELECT name FROM inputs") == [(str(tmp_path / "good.txt"),)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_input_is_refused_by_name_and_batch_goes_on(tmp_path: Path, case: str) -> None:
    maker, words = REFUSED[case]
    bad = maker(tmp_path)
    code, output, db = run_ingest(tmp_path, bad, "--max-bytes", str(100_000))
    lines = [line for line in output.splitlines() if line.startswith("rejected: ")]
    assert code == 1 and lines, output
    assert all(str(tmp_path) in line for line in lines), output
    assert any(words.lower() in line.lower() for line in lines), output
    assert_only_good_stored(db, tmp_path)


def test_gzip_bomb_is_stopped_by_the_ratio_under_default_limits(tmp_path: Path) -> None:
    code, output, db = run_ingest(tmp_path, _gzip_bomb(tmp_path))
    assert code == 1 and "bomb.txt.gz: possible gzip bomb" in output
    assert_only_good_stored(db, tmp_path)


# ------------------------------------------------------------------ salvaged inputs

PROSE = "The council met on Monday to discuss the river budget and the new bridge."
PAGE = f"<html><head><title>Budget</title></head><body><article><p>{PROSE}</p>" + (
    "<p>The mayor said the bridge would open next spring after the long delays.</p>"
)
UTF8 = f"{PROSE}\nThe café owner said prices rose in the capital last week.\n".encode()
LATIN1 = "A naïve plan for the façade was dropped by the council on Tuesday.\n".encode("latin-1")


#: name -> (file name, bytes, words the stored text must contain, rejected or not).
SALVAGED: dict[str, tuple[str, bytes, str, bool]] = {
    "truncated HTML": ("cut.html", PAGE.encode(), "bridge would open", False),
    "NUL bytes in text": (
        "nul.txt",
        PROSE.encode().replace(b" ", b" \0", 3),
        "river budget",
        False,
    ),
    "invalid UTF-8": (
        "bad.txt",
        UTF8 + b"\xff\xfe\xc3(\x80 stray bytes in a line.\n",
        "café",
        False,
    ),
    "mixed encodings": ("mixed.txt", UTF8 + LATIN1, "naïve plan", False),
    "mojibake": ("moji.txt", f"{PROSE} The cafÃ© owner saidâ€™ so.".encode(), "café owner", False),
    "one bad JSONL line": (
        "mix.jsonl",
        b'{"text": "' + PROSE.encode() + b'"}\n{"text": broken\n',
        "river budget",
        True,
    ),
    "malformed URL in a record": (
        "badurl.jsonl",
        b'{"url": "http://[::1/broken:99999999", "text": "' + PROSE.encode() + b'"}\n',
        "river budget",
        False,
    ),
    "huge JSONL line": (
        "huge.jsonl",
        b'{"text": "' + PROSE.encode() + b'"}\n{"text": "' + b"x" * 11 * 2**20 + b'"}\n',
        "river budget",
        True,
    ),
}


@pytest.mark.parametrize("case", sorted(SALVAGED))
def test_damaged_input_keeps_what_is_readable_as_valid_text(tmp_path: Path, case: str) -> None:
    name, data, words, rejected = SALVAGED[case]
    bad = tmp_path / name
    bad.write_bytes(data)
    code, output, db = run_ingest(tmp_path, bad, "--max-bytes", str(12 * 2**20))
    texts = [t for (t,) in rows(db, "SELECT text FROM articles")]
    assert len(texts) == 2 and any(words in t for t in texts), (output, texts)
    assert all("\0" not in t for t in texts)
    assert code == (1 if rejected else 0), output
    if rejected:
        assert f"rejected: {bad} (line 2)" in output


def test_truncated_and_malicious_warc_records_cost_only_themselves(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n in range(3):
        page = f"{PAGE}<p>Page number {n} of the crawl.</p></article></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://x.example/{n}", "response", payload=io.BytesIO(page), http_headers=http
            )
        )
    data = buf.getvalue()
    hostile = data.replace(b"Content-Length: ", b"Content-Length: 99999999999999\r\nX-Old: ", 2)
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(hostile[:-40])  # and the last record cut short
    code, output, db = run_ingest(tmp_path, bad)
    assert code == 1 and f"rejected: {bad} (offset " in output, output
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert all("\0" not in t for (t,) in rows(db, "SELECT text FROM articles"))


@pytest.mark.parametrize(
    ("name", "html"),
    [
        ("deep.html", "<html><body>" + "<div>" * 50_000 + f"<p>{PROSE}</p>" + "</div>" * 50_000),
        ("deeper.html", "<html><body>" + "<div>" * 100_000 + f"<p>{PROSE}</p>"),
        ("unclosed.html", "<html><body>" + "<div><span>" * 30_000 + f"<p>{PROSE}"),
        ("oneline.html", "<html><body>" + f"<p>{PROSE}</p>" * 4000 + "</body></html>"),
    ],
)
def test_pathological_html_keeps_its_text(tmp_path: Path, name: str, html: str) -> None:
    """Nesting past the tree parser's depth limit used to leave the page "empty after
    cleaning"; its text is now stored (see ``dossier.clean.flat``)."""
    bad = tmp_path / name
    bad.write_text(html, encoding="utf-8")
    code, output, db = run_ingest(tmp_path, bad)
    stored = dict(rows(db, "SELECT json_extract(provenance, '$.source'), text FROM articles"))
    assert str(tmp_path / "good.txt") in stored
    assert PROSE in stored.get(str(bad), ""), output
    assert code == 0 and rows(db, "PRAGMA integrity_check") == [("ok",)]


# ------------------------------------------------------------------ time limits


def test_a_document_that_stalls_cleaning_is_dropped_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.jobs import ingest as ingest_module
    from dossier.jobs.ingest import IngestConfig, ingest
    from dossier.store import Store

    real_clean = ingest_module.clean

    def stalling_clean(doc, config, stats):  # noqa: ANN001, ANN202 - stands in for clean
        if "stall" in (doc.text or ""):
            while True:
                pass
        if "crash" in (doc.text or ""):
            raise RuntimeError("cleaner bug")
        return real_clean(doc, config, stats)

    monkeypatch.setattr(ingest_module, "clean", stalling_clean)
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in [("a.txt", GOOD), ("b.txt", "stall " + GOOD), ("c.txt", "crash " + GOOD)]:
        (docs / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        summary = ingest([str(docs)], store, IngestConfig(clean_seconds=0.5))
        reasons = {Path(r.source).name: r.reason for r in summary.rejected}
        assert reasons == {
            "b.txt": "cleaning stopped: stopped after the 0.5-second limit",
            "c.txt": "cleaning failed: RuntimeError: cleaner bug",
        }
        assert store.article_count() == 1


def test_a_store_that_is_not_a_database_ends_in_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier.cli import main

    db = tmp_path / "garbage.db"
    db.write_bytes(os.urandom(8192))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    argv = ["dossier", "ingest", "--no-link", "-q", "--db", str(db), str(tmp_path / "good.txt")]
    monkeypatch.setattr("sys.argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: D400 cannot open database") and "Traceback" not in err
