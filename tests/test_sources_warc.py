"""WARC reading: Common Crawl style archives, and broken, truncated or hostile records."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.model import RawDocument, Rejected
from dossier.sources import InputFile, SourceConfig, iter_inputs, read_input

PAGE = (
    "<html><head><title>{0}</title></head><body><p>Story {0}: café prices rose.</p></body></html>"
)


def build_warc(pages: list[tuple[str, str, bytes]], gz: bool = True) -> bytes:
    """A WARC with a warcinfo, then a request+response per (url, status, body)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
    for url, status, body in pages:
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        kind = "text/html; charset=utf-8" if body.lstrip().startswith(b"<") else "image/png"
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-11T10:00:00Z"},
        )
        writer.write_record(record)
    return buf.getvalue()


def three_pages() -> list[tuple[str, str, bytes]]:
    return [(f"https://news.example/{i}", "200 OK", PAGE.format(i).encode()) for i in range(3)]


def read_bytes(data: bytes, name: str = "crawl.warc") -> list[RawDocument | Rejected]:
    return list(read_input(InputFile.from_bytes(name, data)))


def test_warc_gz_file_yields_a_document_per_html_response(tmp_path: Path) -> None:
    path = tmp_path / "CC-NEWS-20240311.warc.gz"
    path.write_bytes(
        build_warc(three_pages() + [("https://news.example/x.png", "200 OK", b"\x89PNG")])
    )
    (inp,) = iter_inputs([str(path)])
    docs = list(read_input(inp))
    assert [d.meta["url"] for d in docs] == [f"https://news.example/{i}" for i in range(3)]
    first = docs[0]
    assert first.provenance.format == "warc"
    assert first.provenance.fetched_at == "2024-03-11T10:00:00Z"
    assert first.provenance.record.startswith("offset ")
    assert "café" in first.html and first.meta["http_status"] == "200"


def test_error_status_is_rejected_by_offset() -> None:
    pages = three_pages()
    pages[1] = ("https://news.example/gone", "404 Not Found", b"<html><body>gone</body></html>")
    items = read_bytes(build_warc(pages, gz=False))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "RawDocument"]
    assert "HTTP status 404" in items[1].reason and items[1].record.startswith("offset ")


def test_broken_record_header_costs_only_that_record() -> None:
    data = build_warc(three_pages(), gz=False)
    second = data.index(b"WARC/1.0", data.index(b"https://news.example/1") - 400)
    broken = data[:second] + b"XXXX/9.9\r\nnot a header" + data[second + 8 :]
    items = read_bytes(broken)
    urls = [i.meta["url"] for i in items if isinstance(i, RawDocument)]
    assert "https://news.example/0" in urls and "https://news.example/2" in urls
    assert any(isinstance(i, Rejected) and "broken WARC record" in i.reason for i in items)


def test_truncated_last_record_is_rejected_not_half_read() -> None:
    data = build_warc(three_pages(), gz=False)
    items = read_bytes(data[:-40])
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejected"]
    assert "truncated record" in items[2].reason


def test_truncated_warc_gz_keeps_its_complete_records(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(build_warc(three_pages())[:-25])
    rejected, inp = iter_inputs([str(path)])
    assert isinstance(rejected, Rejected) and rejected.source == str(path)
    assert "truncated gzip" in rejected.reason and "complete gzip members" in rejected.reason
    docs = list(read_input(inp))
    assert [d.meta["url"] for d in docs] == ["https://news.example/0", "https://news.example/1"]


def test_malicious_content_length_does_not_escape() -> None:
    data = build_warc(three_pages(), gz=False)
    for bad in (b"Content-Length: -999", b"Content-Length: 99999999999999", b"Content-Length: x"):
        hostile = data.replace(b"Content-Length: ", bad + b"\r\nX-Old: ", 2)
        items = read_bytes(hostile)
        assert any(isinstance(i, Rejected) and i.record.startswith("offset ") for i in items)


def gzip_encoded_response(body: bytes) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/z",
            "response",
            payload=io.BytesIO(gzip.compress(body)),
            http_headers=headers,
        )
    )
    return buf.getvalue()


def test_gzip_encoded_body_inflating_past_the_limit_is_rejected() -> None:
    data = gzip_encoded_response(b"<html><body>" + b"a" * 200_000 + b"</body></html>")
    assert len(data) < 10_000
    inp = InputFile.from_bytes("bomb.warc", data)
    (item,) = read_input(inp, SourceConfig(max_bytes=10_000))
    assert isinstance(item, Rejected) and "over the 10000-byte limit" in item.reason


def test_gzip_encoded_http_body_is_decoded() -> None:
    (doc,) = read_bytes(gzip_encoded_response(PAGE.format("zipped").encode()))
    assert isinstance(doc, RawDocument) and "Story zipped" in doc.html


def _kinds(items: list) -> list[str]:
    return [type(i).__name__ for i in items]


def test_header_less_first_record_is_reported_and_the_rest_read() -> None:
    lost = b"WARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
    items = read_bytes(lost + build_warc(three_pages(), gz=False))
    assert _kinds(items) == ["Rejected", "RawDocument", "RawDocument", "RawDocument"]
    assert items[0].record == f"bytes 0-{len(lost) - 1}"
    assert "no WARC record header" in items[0].reason


def test_record_after_an_oversize_content_length_is_kept() -> None:
    data = build_warc(three_pages(), gz=False)
    second = data.index(b"https://news.example/0")
    second = data.index(b"WARC/1.0", second - 400)  # the request before response 0
    response = data.index(b"WARC-Type: response", second)
    length = data.index(b"Content-Length: ", response)
    end = data.index(b"\r\n", length)
    bad = data[:length] + b"Content-Length: 99999999" + data[end:]
    items = read_bytes(bad)
    urls = [i.meta["url"] for i in items if isinstance(i, RawDocument)]
    assert urls == ["https://news.example/1", "https://news.example/2"]
    (report,) = [i for i in items if isinstance(i, Rejected)]
    assert "Content-Length 99999999 runs into the next record" in report.reason
    assert "skipped bytes" in report.reason


def test_broken_record_reports_the_bytes_it_skips() -> None:
    data = build_warc(three_pages(), gz=False)
    second = data.index(b"WARC/1.0", data.index(b"https://news.example/1") - 400)
    broken = data[:second] + b"XXXX/9.9\r\nnot a header" + data[second + 8 :]
    reports = [i for i in read_bytes(broken) if isinstance(i, Rejected)]
    assert reports and all("skipped bytes" in r.reason for r in reports)
