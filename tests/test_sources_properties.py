"""Property tests: whatever the bytes, readers return documents or rejections, never raise,
and every string they emit is valid UTF-8 without NUL characters."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.model import RawDocument, Rejected
from dossier.sources import InputFile, SourceConfig, decode_bytes, read_input
from dossier.sources.gzipped import GzipError, gunzip_bounded

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
CONFIG = SourceConfig(max_bytes=1 << 20, max_records=50)
#: DOSSIER_FUZZ_EXAMPLES=5000 runs a long fuzzing session by hand; the suite keeps it short.
SETTINGS = settings(
    max_examples=int(os.environ.get("DOSSIER_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _warc() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = io.BytesIO(f"<html><body><p>Page {i} café</p></body></html>".encode())
        writer.write_record(
            writer.create_warc_record(
                f"https://x.example/{i}", "response", payload=body, http_headers=headers
            )
        )
    return buf.getvalue()


SAMPLES = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.is_file()] + [_warc()]
PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b"<rss version='2.0'>",
    b"<feed>",
    b"{",
    b"<html>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b"\x1f\x8b",
]


def assert_clean(value: Any) -> None:
    if isinstance(value, str):
        assert "\x00" not in value
        value.encode("utf-8")
    elif isinstance(value, dict):
        for key, item in value.items():
            assert_clean(key)
            assert_clean(item)
    elif isinstance(value, list):
        for item in value:
            assert_clean(item)


def check(data: bytes, name: str) -> None:
    items = list(read_input(InputFile.from_bytes(name, data), CONFIG))
    for item in items:
        assert isinstance(item, RawDocument | Rejected)
        if isinstance(item, Rejected):
            assert item.source == name and item.reason
            # the read_input guard turns crashes into "reader failed": a bug, not bad input
            assert "reader failed" not in item.reason, item.reason
            assert "cannot read input" not in item.reason, item.reason
            assert_clean(item.reason)
        else:
            assert item.text or item.html
            assert_clean([item.text or "", item.html or "", item.meta, item.provenance.record])


NAMES = st.sampled_from(["a.txt", "b.html", "c.jsonl", "d.warc", "e.rss", "f.atom", "<stdin>"])


@SETTINGS
@given(data=st.binary(max_size=2000), prefix=st.sampled_from(PREFIXES), name=NAMES)
def test_arbitrary_bytes_never_raise(data: bytes, prefix: bytes, name: str) -> None:
    check(prefix + data, name)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "truncate", "flip"]))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=50))
        elif action == "truncate":
            del data[at:]
        elif data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
    return bytes(data)


@SETTINGS
@given(data=mutated(), name=NAMES, zipped=st.booleans())
def test_mutated_real_inputs_never_raise(data: bytes, name: str, zipped: bool) -> None:
    check(gzip.compress(data) if zipped else data, name)


@SETTINGS
@given(
    data=st.binary(max_size=3000),
    declared=st.sampled_from([None, "utf-8", "latin-1", "shift_jis", "bogus", "utf-16"]),
)
def test_decode_always_yields_clean_text(data: bytes, declared: str | None) -> None:
    assert_clean(decode_bytes(data, declared).text)


@SETTINGS
@given(data=st.binary(max_size=3000), cut=st.integers(0, 3000))
def test_bounded_gunzip_roundtrips_or_raises_its_own_error(data: bytes, cut: int) -> None:
    packed = gzip.compress(data)
    assert gunzip_bounded(packed, 1 << 20, 200.0, 1 << 20) == data
    with contextlib.suppress(GzipError):
        gunzip_bounded(packed[:cut], 1 << 20, 200.0, 1 << 20)


def test_read_input_scrubs_whatever_a_reader_leaves_in_metadata(monkeypatch) -> None:
    """The funnel, not each reader, is what promises clean strings to later stages."""
    from dossier.model import Provenance
    from dossier.sources import read as read_module

    def careless(inp: InputFile, config: SourceConfig):
        yield RawDocument(
            provenance=Provenance(inp.name, "text", inp.sha256, record="line\x001"),
            text="body\x00 text \udcff",
            meta={"date": "2\x000", "tags": ["a\x00b", {"k\x00": "v\x00"}], "n": 3},
        )

    monkeypatch.setitem(read_module.READERS, "text", careless)
    (doc,) = read_input(InputFile.from_bytes("a.txt", b"anything at all"), CONFIG)
    assert doc.meta == {"date": "20", "tags": ["ab", {"k": "v"}], "n": 3}
    assert doc.text == "body text \ufffd" and doc.provenance.record == "line1"
