"""Charset guessing for legacy single-byte text (issue 16, item 2)."""

from __future__ import annotations

import pytest

from dossier.sources.decode import decode_bytes

CASES = [
    (
        "The mayor said \u201cwe will rebuild\u201d \u2014 costing \u00a3200 or \u20ac300.\n",
        "cp1252",
    ),
    ("\u201cWe will rebuild,\u201d he said \u2013 the \u20ac300 plan.\n", "cp1252"),
    ("Le président a déclaré que l'été sera chaud à Paris.\n", "latin-1"),
    ("Die Stra\u00dfe in M\u00fcnchen wurde f\u00fcr \u00c4rzte gesperrt.\n", "latin-1"),
    (
        "Ministr \u0159ekl, \u017ee vl\u00e1da schv\u00e1lila rozpo\u010det na "
        "p\u0159\u00ed\u0161t\u00ed rok a \u010desk\u00e9 ob\u010dany to pot\u011b\u0161\u00ed.\n",
        "cp1250",
    ),
    ("Zażółć gęślą jaźń. Rząd przyjął budżet.\n", "cp1250"),
    ("Новости дня: правительство объявило реформу бюджета.\n", "cp1251"),
]


@pytest.mark.parametrize(("text", "codec"), CASES)
def test_legacy_single_byte_text_decodes_to_its_own_characters(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)).text == text


def test_windows_1252_quotes_are_named_cp1252() -> None:
    data = "He said \u201cwe will rebuild\u201d \u2014 \u00a3200.".encode("cp1252")
    assert decode_bytes(data).encoding == "cp1252"
