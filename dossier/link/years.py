"""Which year an article reports on, and how strongly two year profiles disagree.

When publication dates are missing (ECB+ gives none, many feeds drop them) the
text's own dates are the only time signal. Two look-alike events (two rehab
stays, two Qeshm earthquakes) are usually years apart, so a firm year clash is
strong evidence against one story. A gap of one year is weak evidence: on the
ECB+ *train* topics same-event articles straddle a new year or report a
follow-up the next year, and bare years ("the 2009 season") point a year ahead
or back. So a clash grows with the gap and is full from ``gap`` years on
(``LinkConfig.year_gap``, chosen on the train topics). Bare years ("his 2006
season") are history as often as news, so they weigh less than full dates
("Jan 5, 2011", a dateline, a URL's /2011/01/).
"""

from __future__ import annotations

import re

from dossier.model import Article, Extraction

_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-4]\d)(?![\d])")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|novem)[a-z]*\.?"
_Y = r"(19[5-9]\d|20[0-4]\d)(?!\d)"
#: Full dates: "Jan 5, 2011", "5 January 2011", "January 5th 2011", "11 / 27 / 2005",
#: "2011-01-05", "/2011/01/" in a URL. A bare year ("his 2006 season") is often history.
_DATE_YEARS = re.compile(
    rf"(?i)\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*[,-]?\s*{_Y}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*{_Y}"
    rf"|\b\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_Y}"
    rf"|(?<!\d){_Y}\s*[-/]\s*\d{{1,2}}\s*[-/]"
)
#: A normalised date with a day ("2011-01-05"); a year or a month ("2011-01") is bare.
_FULL_VALUE = re.compile(r"^(\d{4})-\d{2}-\d{2}")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BARE_VALUE = re.compile(r"^(\d{4})(?:-\d{2})?$")


def reference_year(article: Article, extraction: Extraction | None = None) -> int | None:
    """The year the article reports on (see ``year_evidence``)."""
    return year_evidence(article, extraction)[0]


def year_evidence(
    article: Article, extraction: Extraction | None = None
) -> tuple[int | None, bool]:
    """The year the article reports on and whether it is firm (a date, not a bare year).

    The publication year when known, else the latest full date the text (or
    its URL) gives: news reports recent events, and it is what keeps two
    look-alike events years apart from merging. Bare years count only when no
    full date is given, and are not firm: "his 2006 season" is background.
    Extraction's dates are used when given, with the same split (a value with a
    day is a full date, a year or month alone is bare: "a DUI in June 2006" is
    history), together with the dates the title and URL give, which extraction
    does not read.
    """
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4]), True
    full: list[int] = []
    bare: list[int] = []
    if extraction is not None:
        # Only years the text writes: without a publication date to anchor them,
        # "Tuesday, December 9" or "today" resolve against the clock, not the news.
        for d in (d for d in extraction.dates if _WRITTEN_YEAR.search(d.span.text)):
            if m := _FULL_VALUE.match(d.value):
                full.append(int(m.group(1)))
            elif m := _BARE_VALUE.match(d.value):
                bare.append(int(m.group(1)))
    text = f"{article.url or ''} {article.title} {article.text}"
    full += [int(next(y for y in m.groups() if y)) for m in _DATE_YEARS.finditer(text)]
    if full:
        return max(full), True
    bare += [int(y) for y in _YEAR.findall(text)]
    return (max(bare), False) if bare else (None, False)


def year_weight(firm: bool, bare_weight: float) -> float:
    """How much one article's year counts: 1 for a date, ``bare_weight`` for a bare year."""
    return 1.0 if firm else bare_weight


def year_clash(year: int | None, years: dict[int, float], gap: int) -> float:
    """Share of a story's year evidence away from ``year``, each weighed by how far."""
    if year is None or not years:
        return 0.0
    total = sum(years.values())
    far = sum(w * _apart(y, year, gap) for y, w in years.items())
    return far / total if total else 0.0


def profile_clash(a: dict[int, float], b: dict[int, float], gap: int) -> float:
    """Share of pairs of year evidence (one from each story) apart, weighed by how far."""
    total = sum(a.values()) * sum(b.values())
    if not total:
        return 0.0
    far = sum(wa * wb * _apart(ya, yb, gap) for ya, wa in a.items() for yb, wb in b.items())
    return far / total


def _apart(a: int, b: int, gap: int) -> float:
    """How far apart two years are, as a share of ``gap`` (1 from ``gap`` years on)."""
    return min(1.0, abs(a - b) / gap)
