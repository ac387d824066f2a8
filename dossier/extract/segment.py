"""Sentences and quotation regions from plain text, with no language model.

Attribution needs units that never cut a quotation in two: a three-sentence
quote followed by "he said" is one claim. So we find quotation regions first
(curly quotes pair up; straight quotes toggle; an unclosed quote ends with its
paragraph, as news style reopens it in the next) and split sentences only
outside them.
"""

from __future__ import annotations

import re

OPEN_Q = "“‘"
CLOSE_Q = "”’"
_ABBREV = {
    "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "st", "jr", "sr", "gen", "lt", "col", "sgt",
    "capt", "prof", "inc", "co", "corp", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
    "oct", "nov", "dec", "no", "mt", "ft", "rev", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g",
    "i.e", "pres", "supt", "adm", "cmdr", "messrs",
}
_BOUNDARY = re.compile(r"[.!?]+(?:[”\"’)]|'')*\s+(?=(?:[“\"‘(]|''|``)?[A-Z0-9])")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as ``(start, end)``."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]


def quote_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation, marks included, within paragraphs."""
    out = []
    for ps, pe in paragraphs(text):
        start = None
        for m in _MARK.finditer(text, ps, pe):
            mark = m.group(0)
            if start is None and mark in ("“", '"', "``", "''") and not _is_apostrophes(text, m):
                start = m.start()
            elif start is not None and mark in ("”", '"', "''"):
                out.append((start, m.end()))
                start = None
        if start is not None:
            out.append((start, pe))
    return out


_MARK = re.compile(r"“|”|\"|``|''")


def _is_apostrophes(text: str, m: re.Match[str]) -> bool:
    """``''`` after a letter closes a word (rare) rather than opening a quote."""
    return m.group(0) == "''" and m.start() > 0 and text[m.start() - 1].isalnum()


def _is_abbrev(text: str, dot: int) -> bool:
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def units(text: str, regions: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentences, never split inside a quotation region."""
    regions = quote_regions(text) if regions is None else regions
    inside = [False] * (len(text) + 1)
    for s, e in regions:
        for i in range(s + 1, e - 1):
            inside[i] = True
    out = []
    for ps, pe in paragraphs(text):
        start = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            if inside[m.start()] or (text[m.start()] == "." and _is_abbrev(text, m.start())):
                continue
            end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
            out.append((start, end))
            start = m.end()
        if start < pe:
            out.append((start, pe))
    return [(s, e) for s, e in out if text[s:e].strip()]
