"""Well-known outlets get their proper names, however the text or URL names them."""

from __future__ import annotations

import pytest

from dossier.clean import clean
from dossier.clean.outlet_names import KNOWN_OUTLETS, known_outlet
from dossier.clean.outlets import outlet_from_lines, outlet_from_url, split_handle
from dossier.model import Provenance, RawDocument


@pytest.mark.parametrize(
    ("handle", "name"),
    [
        ("@nytimes", "The New York Times"),
        ("NYTimes", "The New York Times"),
        ("washingtonpost", "The Washington Post"),
        ("AJEnglish", "Al Jazeera"),
        ("france24_en", "France 24"),
        ("Reuters", "Reuters"),
        ("AP", "Associated Press"),
        ("Kyivpost_official", "Kyiv Post"),  # known after its suffix is cut
        ("BBCWorld", "BBC World"),  # unknown handles are still split into words
        ("dailyledger", "Dailyledger"),
    ],
)
def test_handles(handle: str, name: str) -> None:
    assert split_handle(handle) == name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.nytimes.com/2024/05/01/world/europe/x.html", "The New York Times"),
        ("https://edition.cnn.com/2024/05/01/x", "CNN"),
        ("https://www.bbc.co.uk/news/world-1", "BBC News"),
        ("https://amp.theguardian.com/world/2024/x", "The Guardian"),
        ("https://news.sky.com/story/x", "Sky News"),
        ("https://www.pravda.com.ua/eng/news/x", "Ukrainska Pravda"),
        ("https://ledger.example/a", "ledger.example"),  # unknown: the host is the key
        ("https://notnytimes.com/x", "notnytimes.com"),  # only whole domain labels match
        ("http://[::1/broken", None),
    ],
)
def test_urls(url: str, name: str | None) -> None:
    assert outlet_from_url(url) == name


def test_a_handle_in_boilerplate_names_the_outlet_and_agrees_with_its_url() -> None:
    text = ("Officials said the bridge would reopen in June after repairs.\n\n"
            "The council confirmed the budget on Tuesday evening.\n\nFollow @nytimes on X")
    assert outlet_from_lines(["Follow @nytimes on X"]) == "The New York Times"
    doc = RawDocument(Provenance("a.txt", "text", "0" * 64), text=text)
    page = RawDocument(Provenance("b.jsonl", "jsonl", "0" * 64), text=text.rsplit("\n\n", 1)[0],
                       meta={"url": "https://www.nytimes.com/2024/bridge.html"})
    assert clean(doc).outlet == clean(page).outlet == "The New York Times"


def test_every_key_is_normalised_and_names_one_outlet() -> None:
    keys = [key for keys in KNOWN_OUTLETS.values() for key in keys]
    assert len(keys) == len(set(keys))
    assert all(key == key.lower().strip() and not key.startswith(("@", "www.")) for key in keys)
    assert all(known_outlet(key) for key in keys)
