"""The boilerplate memory: an outlet's own repeated lines go, shared wire copy stays."""

from __future__ import annotations

from dossier.clean import CleanConfig, LineStats, clean, document_lines
from dossier.model import Provenance, RawDocument

WIRE = "The minister resigned on Tuesday after a week of protests in the capital."
PROMO = "Download the Daily Example app for breaking news alerts on your phone."


PLACES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Hanoi", "Quito", "Accra", "Perth", "Riga", "Cork"]


def doc(i: int, url: str | None, *lines: str) -> RawDocument:
    """Own opening and closing sentences (digits would not tell them apart), then ``lines``."""
    place = PLACES[i]
    text = "\n".join([f"Reporters in {place} open this report with a sentence of its own.",
                      *lines, f"The {place} desk closes the story with its own final words."])
    meta = {"url": url} if url else {}
    return RawDocument(text=text, meta=meta, provenance=Provenance(f"{i}.txt", "text", "0" * 64))


def memory(docs: list[RawDocument]) -> LineStats:
    stats = LineStats()
    for d in docs:
        stats.observe(*document_lines(d, CleanConfig()))
    return stats


def test_a_line_several_outlets_share_is_news():
    docs = [doc(i, f"https://www.{site}/story/{i}", WIRE)
            for i, site in enumerate(["alpha.com", "beta.co.uk", "gamma.com.au", "alpha.com"])]
    stats = memory(docs)
    assert stats.outlets_with(WIRE) == 3
    for d in docs:
        assert WIRE in clean(d, CleanConfig(), stats).text


def test_a_line_without_outlets_is_news():
    docs = [doc(i, None, WIRE) for i in range(4)]  # ECB+-like: no outlet, no URL
    stats = memory(docs)
    for d in docs:
        article = clean(d, CleanConfig(), stats)
        assert WIRE in article.text
        assert not [r for r in article.removed if r.reason == "recurring_line"]


def test_one_outlets_repeated_line_is_boilerplate():
    firsts = [WIRE] + [f"A fresh fact from {place} arrives." for place in PLACES[1:4]]
    docs = [doc(i, f"https://m.daily-example.com/{i}", first, PROMO)
            for i, first in enumerate(firsts)]
    docs.append(doc(9, "https://other.org/9", WIRE))
    stats = memory(docs)
    article = clean(docs[0], CleanConfig(), stats)
    assert PROMO not in article.text
    assert ("recurring_line", PROMO) in {(r.reason, r.text) for r in article.removed}
    assert WIRE in article.text


def test_merged_and_reloaded_memories_agree():
    docs = [doc(i, f"https://{s}/{i}", WIRE) for i, s in enumerate(["a.com", "b.com"])]
    docs += [doc(5, None, WIRE)]
    whole, parts = memory(docs), LineStats()
    for d in docs:
        parts.merge(memory([d]))
    reloaded = LineStats.from_rows(whole.to_rows())
    assert whole.outlets_with(WIRE) == parts.outlets_with(WIRE) == reloaded.outlets_with(WIRE) == 3
