"""RSS and Atom feeds: entries with content or summary, and hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import RawDocument, Rejected
from dossier.sources import InputFile, read_input

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def read_file(name: str) -> list[RawDocument | Rejected]:
    path = FIXTURES / name
    return list(read_input(InputFile.from_bytes(str(path), path.read_bytes())))


def test_rss_entries_use_full_content_then_summary() -> None:
    full, summary, empty = read_file("news.rss")
    assert full.provenance.format == "feed" and full.provenance.record == "entry 1"
    assert "resumed on Tuesday" in full.html and "teaser" not in full.html
    assert full.meta["outlet"] == "Harbour Times"
    assert full.meta["author"] == "Mira Olsen"
    assert full.meta["date"] == "2024-03-12T08:30:00Z"
    assert full.meta["summary_only"] is False
    assert summary.meta["summary_only"] is True and "north quay" in summary.html
    assert isinstance(empty, Rejected) and empty.reason == "entry 3: no content or summary"


def test_atom_entries_keep_url_and_plain_text_content() -> None:
    html_entry, text_entry = read_file("news.atom")
    assert html_entry.meta["url"] == "https://courier.example/bridge"
    assert html_entry.meta["outlet"] == "Valley Courier"
    assert "<p>The river bridge" in html_entry.html
    assert text_entry.text == "Road works on the valley road end on Friday."
    assert text_entry.html is None


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title>
<item><title>x</title><description>&lol3;</description></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><description>&xxe;</description></item></channel></rss>"""


@pytest.mark.parametrize(
    "data", [BILLION_LAUGHS, EXTERNAL_ENTITY, BILLION_LAUGHS.decode().encode("utf-16")]
)
def test_entity_declarations_are_refused(data: bytes) -> None:
    (item,) = read_input(InputFile.from_bytes("bomb.rss", data))
    assert isinstance(item, Rejected)
    assert "refused as a possible XML bomb" in item.reason


def test_broken_feed_without_entries_is_rejected_with_reason() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut'
    (item,) = read_input(InputFile.from_bytes("cut.rss", data))
    assert isinstance(item, Rejected) and item.reason.startswith("feed has no entries")


def test_truncated_feed_keeps_the_entries_before_the_cut() -> None:
    data = (FIXTURES / "news.rss").read_bytes()
    cut = data[: data.index(b"<title>Fish market")]
    items = list(read_input(InputFile.from_bytes("cut.rss", cut)))
    assert isinstance(items[0], RawDocument) and "ferry" in items[0].html
