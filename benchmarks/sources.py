"""Throughput of the sources stage: documents per second for each reader.

Inputs are synthetic and built in memory (about 4 KB of text per article), so
the figures measure reading and decoding, not the disk. WARC is measured both
plain and gzipped (bounded gunzip included), as Common Crawl ships it.

    PYTHONPATH=. python benchmarks/sources.py [--docs 2000]
"""

from __future__ import annotations

import argparse
import io
import json
import time
from collections.abc import Callable

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.model import RawDocument
from dossier.sources import InputFile, SourceConfig, make_inputs, read_input

PARAGRAPH = (
    "The council said on Tuesday that the new flood barrier would cost €40 million, "
    "and opposition members warned that the budget could rise before work begins. "
)


def article(i: int) -> str:
    return f"Story {i}. " + PARAGRAPH * 25


def html_page(i: int) -> str:
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(25))
    return f"<!DOCTYPE html><html><head><title>Story {i}</title></head><body>{body}</body></html>"


def warc_bytes(n: int, gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(n):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = io.BytesIO(html_page(i).encode())
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=payload, http_headers=headers
            )
        )
    return buf.getvalue()


def cases(n: int) -> dict[str, Callable[[], list[InputFile]]]:
    config = SourceConfig(max_bytes=1 << 30)
    jsonl = "\n".join(
        json.dumps({"url": f"https://x.example/{i}", "text": article(i)}) for i in range(n)
    ).encode()
    plain_warc, gz_warc = warc_bytes(n, False), warc_bytes(n, True)
    return {
        "text (one file per doc)": lambda: [
            InputFile.from_bytes(f"{i}.txt", article(i).encode()) for i in range(n)
        ],
        "text, cp1252 (charset detection)": lambda: [
            InputFile.from_bytes(f"{i}.txt", article(i).replace("€", "é").encode("cp1252"))
            for i in range(n)
        ],
        "html (one file per doc)": lambda: [
            InputFile.from_bytes(f"{i}.html", html_page(i).encode()) for i in range(n)
        ],
        "jsonl (one file)": lambda: [InputFile.from_bytes("a.jsonl", jsonl)],
        "warc (one file)": lambda: [InputFile.from_bytes("a.warc", plain_warc)],
        "warc.gz (gunzip + read)": lambda: make_inputs("a.warc.gz", gz_warc, config),
    }


def measure(build: Callable[[], list[InputFile]]) -> tuple[int, float]:
    config = SourceConfig(max_bytes=1 << 30)
    start = time.perf_counter()
    docs = sum(isinstance(item, RawDocument) for inp in build() for item in read_input(inp, config))
    return docs, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents per format")
    args = parser.parse_args()
    print(f"{'format':34} {'docs':>6} {'seconds':>8} {'docs/s':>9}")
    for name, build in cases(args.docs).items():
        docs, seconds = measure(build)
        print(f"{name:34} {docs:6d} {seconds:8.2f} {docs / seconds:9.0f}")


if __name__ == "__main__":
    main()
