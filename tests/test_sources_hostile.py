"""Bad and hostile inputs: each becomes a Rejected naming it, and the batch goes on."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from dossier.model import RawDocument, Rejected
from dossier.sources import READERS, InputFile, SourceConfig, iter_inputs, read_input
from dossier.sources import inputs as inputs_module

SMALL = SourceConfig(max_bytes=1 << 20)


def read_bytes(data: bytes, name: str = "input", config: SourceConfig = SMALL) -> list:
    return list(read_input(InputFile.from_bytes(name, data), config))


def only(items: list) -> RawDocument | Rejected:
    assert len(items) == 1, items
    return items[0]


def assert_clean(text: str) -> None:
    assert "\x00" not in text
    text.encode("utf-8")  # raises on lone surrogates


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF document"),
        (bytes(range(256)) * 16, "binary data"),
    ],
)
def test_binary_file_is_rejected_naming_its_kind(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(data)
    (inp,) = iter_inputs([str(path)])
    item = only(list(read_input(inp)))
    assert isinstance(item, Rejected) and item.source == str(path)
    assert f"binary file ({words})" in item.reason


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_file_is_rejected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and item.reason == "empty file"


def test_file_over_the_size_limit_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    (item,) = iter_inputs([str(path)], SourceConfig(max_bytes=1000))
    assert isinstance(item, Rejected) and "file too large" in item.reason


def test_missing_path_is_rejected_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Some news.")
    items = list(iter_inputs([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(items[0], Rejected) and "no such file" in items[0].reason
    assert isinstance(items[1], InputFile) and items[1].data == b"Some news."


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(inputs_module, "open", deny, raising=False)
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and "permission denied" in item.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_by_mode_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and "permission denied" in item.reason


def test_folder_walk_skips_hidden_and_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One.")
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "b.txt").write_text("Two.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "x").symlink_to(tmp_path / "y")
    (tmp_path / "y").symlink_to(tmp_path / "x")
    items = list(iter_inputs([str(tmp_path)]))
    files = [i.name for i in items if isinstance(i, InputFile)]
    assert files == [str(tmp_path / "a" / "one.txt"), str(tmp_path / "b.txt")]
    reasons = [i.reason for i in items if isinstance(i, Rejected)]
    assert any("symlink loop" in r for r in reasons)
    assert len(reasons) == 3  # the folder loop, and x and y each loop


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_rejected_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (item,) = iter_inputs([str(fifo)])
    assert isinstance(item, Rejected) and "not a regular file" in item.reason


# --------------------------------------------------------------------------- gzip


def test_truncated_gzip_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body>" + os.urandom(4000).hex().encode())[:-100])
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and "truncated gzip" in item.reason


def test_corrupt_gzip_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    raw = bytearray(gzip.compress(b"<html><body>hello there</body></html>" * 50))
    raw[20:40] = b"\xff" * 20
    path.write_bytes(bytes(raw))
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and "gzip" in item.reason


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (SourceConfig(), "possible gzip bomb"),
        (SourceConfig(max_bytes=2 << 20, max_ratio=1e9), "more than the 2097152-byte limit"),
    ],
)
def test_gzip_bomb_stops_at_the_bound(tmp_path: Path, config: SourceConfig, words: str) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"\0" * (40 << 20), compresslevel=9))
    assert path.stat().st_size < 100_000
    (item,) = iter_inputs([str(path)], config)
    assert isinstance(item, Rejected) and words in item.reason


def test_gzip_with_trailing_garbage_keeps_the_member_and_reports_the_bytes(
    tmp_path: Path,
) -> None:
    member = gzip.compress(b"Some words.")
    path = tmp_path / "a.txt.gz"
    path.write_bytes(member + b"garbage")
    report, kept = iter_inputs([str(path)])
    assert isinstance(report, Rejected) and "after the gzip stream" in report.reason
    assert f"bytes {len(member)}-{len(member) + 6}" in report.reason
    assert isinstance(kept, InputFile)
    (doc,) = read_input(kept)
    assert isinstance(doc, RawDocument) and doc.text == "Some words."


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Le café de la gare a fermé après l'été.".encode("latin-1"), "café de la gare"),
        ("Prices \u201crose\u201d, said Zoë — café owner.".encode("cp1252"), "\u201crose\u201d"),
        ("Новости дня: правительство объявило реформу.".encode("cp1251"), "правительство"),
        ("Hello from a UTF-16 file, café.".encode("utf-16"), "café"),
        ("No BOM here, plain words in UTF-16.".encode("utf-16-le"), "plain words"),
        (
            "Zoë said: ".encode() + b"\x93quoted\x94 and caf\xe9",
            "Zoë said: \u201cquoted\u201d and café",
        ),
        (b"Nul\x00 bytes\x00 stripped", "Nul bytes stripped"),
    ],
)
def test_text_decoding_recovers_the_words(data: bytes, expected: str) -> None:
    doc = only(read_bytes(data, "story.txt"))
    assert isinstance(doc, RawDocument), doc
    assert expected in doc.text
    assert_clean(doc.text)


def test_html_meta_charset_is_honoured() -> None:
    body = "<html><head><meta charset='windows-1251'></head><body>Москва сегодня</body></html>"
    doc = only(read_bytes(body.encode("cp1251"), "p.html"))
    assert "Москва" in doc.html and doc.meta["encoding"] == "cp1251"


# --------------------------------------------------------------------------- html


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body>" + b"<div>" * 200_000 + b"deep" + b"</div>" * 10,
        b"<html><head><title>Cut off</title></head><body><p>The council said on",
        b"<html><body><p>" + b"word " * 600_000 + b"</p></body></html>",
    ],
    ids=["deeply-nested", "truncated", "megabytes-on-one-line"],
)
def test_hostile_html_becomes_one_document(data: bytes) -> None:
    doc = only(read_bytes(data, "page.html", SourceConfig()))
    assert isinstance(doc, RawDocument) and doc.html and doc.provenance.format == "html"


# --------------------------------------------------------------------------- jsonl


def jsonl(*lines: object) -> bytes:
    return b"\n".join(x if isinstance(x, bytes) else json.dumps(x).encode() for x in lines)


GOOD = {"url": "https://x.example/1", "text": "A good line."}


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (b'{"text": "unterminated', "malformed JSON"),
        (b"[1, 2, 3]", "expected a JSON object, got list"),
        (b'{"title": "no body"}', "no non-empty 'text' or 'html' field"),
        (b'{"text": 42}', "field 'text' must be a string"),
        (b"[" * 100_000 + b"]" * 100_000, "malformed JSON"),
        (
            json.dumps(
                {
                    "text": "x",
                    "extra": [
                        [
                            [
                                [
                                    [
                                        [
                                            [
                                                [
                                                    [
                                                        [
                                                            [
                                                                [
                                                                    [
                                                                        [
                                                                            [
                                                                                [
                                                                                    [
                                                                                        [
                                                                                            [
                                                                                                [
                                                                                                    [
                                                                                                        [
                                                                                                            [
                                                                                                                [
                                                                                                                    [
                                                                                                                        [
                                                                                                                            [
                                                                                                                                [
                                                                                                                                    [
                                                                                                                                        [
                                                                                                                                            [
                                                                                                                                                [
                                                                                                                                                    [
                                                                                                                                                        [
                                                                                                                                                            [
                                                                                                                                                                [
                                                                                                                                                                    [
                                                                                                                                                                        [
                                                                                                                                                                            [
                                                                                                                                                                                [
                                                                                                                                                                                    [
                                                                                                                                                                                        [
                                                                                                                                                                                            [
                                                                                                                                                                                                [
                                                                                                                                                                                                    [
                                                                                                                                                                                                        [
                                                                                                                                                                                                            [
                                                                                                                                                                                                                [
                                                                                                                                                                                                                    [
                                                                                                                                                                                                                        [
                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                                                                1
                                                                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                ]
                                                                                                                                                                                                            ]
                                                                                                                                                                                                        ]
                                                                                                                                                                                                    ]
                                                                                                                                                                                                ]
                                                                                                                                                                                            ]
                                                                                                                                                                                        ]
                                                                                                                                                                                    ]
                                                                                                                                                                                ]
                                                                                                                                                                            ]
                                                                                                                                                                        ]
                                                                                                                                                                    ]
                                                                                                                                                                ]
                                                                                                                                                            ]
                                                                                                                                                        ]
                                                                                                                                                    ]
                                                                                                                                                ]
                                                                                                                                            ]
                                                                                                                                        ]
                                                                                                                                    ]
                                                                                                                                ]
                                                                                                                            ]
                                                                                                                        ]
                                                                                                                    ]
                                                                                                                ]
                                                                                                            ]
                                                                                                        ]
                                                                                                    ]
                                                                                                ]
                                                                                            ]
                                                                                        ]
                                                                                    ]
                                                                                ]
                                                                            ]
                                                                        ]
                                                                    ]
                                                                ]
                                                            ]
                                                        ]
                                                    ]
                                                ]
                                            ]
                                        ]
                                    ]
                                ]
                            ]
                        ]
                    ],
                }
            ).encode(),
            "nested deeper than 64",
        ),
        (b"\xff\xfe\x00garbage{", "malformed JSON"),
    ],
)
def test_bad_jsonl_line_is_rejected_alone(bad: bytes, words: str) -> None:
    items = read_bytes(jsonl(GOOD, bad, GOOD), "a.jsonl")
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "RawDocument"]
    assert items[1].record == "line 2" and items[1].reason.startswith("line 2: ")
    assert words in items[1].reason


def test_huge_jsonl_line_is_rejected_by_size() -> None:
    big = {"text": "x" * 5000}
    config = SourceConfig(max_line_bytes=1000)
    items = read_bytes(jsonl(GOOD, big, GOOD), "a.jsonl", config)
    assert "over the 1000-byte limit" in items[1].reason and isinstance(items[2], RawDocument)


def test_first_line_broken_still_reads_as_jsonl() -> None:
    items = read_bytes(jsonl(b"{oops", GOOD, GOOD), "feed.jsonl")
    assert [type(i).__name__ for i in items] == ["Rejected", "RawDocument", "RawDocument"]


def test_json_strings_with_nul_and_surrogates_are_cleaned() -> None:
    line = b'{"text": "a\\u0000b\\ud800c", "note": "\\udfff"}'
    doc = only(read_bytes(line, "a.jsonl"))
    assert doc.text == "ab\ufffdc" and doc.meta["note"] == "\ufffd"


def test_record_limit_stops_one_input() -> None:
    items = read_bytes(jsonl(*[GOOD] * 5), "a.jsonl", SourceConfig(max_records=3))
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 3 + ["Rejected"]
    assert "record limit" in items[-1].reason


def test_a_crashing_reader_becomes_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(inp: InputFile, config: SourceConfig):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setitem(READERS, "text", explode)
    item = only(read_bytes(b"plain words", "a.txt"))
    assert isinstance(item, Rejected) and "text reader failed: RuntimeError: boom" in item.reason


def test_pretty_printed_json_object_and_array_are_read() -> None:
    pretty = json.dumps(GOOD, indent=2).encode()
    (doc,) = read_bytes(pretty, "one.json")
    assert isinstance(doc, RawDocument) and doc.provenance.record == "item 1"
    docs = read_bytes(json.dumps([GOOD, GOOD], indent=2).encode(), "many.json")
    assert [d.provenance.record for d in docs] == ["item 1", "item 2"]


@pytest.mark.skipif(os.name != "posix", reason="byte file names are POSIX")
def test_undecodable_file_name_becomes_a_printable_name(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Some news.")
    (inp,) = iter_inputs([str(tmp_path)])
    assert isinstance(inp, InputFile) and inp.name.endswith("caf\ufffd.txt")
    inp.name.encode("utf-8")


def test_read_input_keeps_a_gzip_member_before_trailing_junk() -> None:
    data = gzip.compress(b"The harbour reopened on Monday.") + b"\x00junk\xff"
    report, doc = read_input(InputFile("feed.txt.gz", data, "0" * 64))
    assert isinstance(report, Rejected) and "non-gzip data after the gzip stream" in report.reason
    assert isinstance(doc, RawDocument) and "harbour reopened" in doc.text
