"""Publication dates written as a line of the page: "Published: Oct. 23, 2022 10:15 BST".

Copied-out articles often lose their metadata but keep the line under the headline
that says when the piece went out. Such a line is page furniture (it is removed
from the body) and, when no header or container gave a date, the publication date.

Only a line that is *mostly* a date counts: "British Defence Intelligence Update
Ukraine 23 December 2024" is a related headline that happens to hold a date, and
the date a story is about is not the date it was published.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r")",
    re.IGNORECASE,
)
#: The words that may stand around the date on a dateline: a label, a time, a zone.
_LABEL = re.compile(
    r"(?i:(?:first)?published|last|updated|posted|modified|dated?|on|at|[ap]\.?m\.?)"
    r"|(?:\d{1,2}(?:[:.]\d{2}){1,2}(?i:[ap]\.?m\.?)?|\d{1,2}(?i:[ap]\.?m\.?))"
    r"|[A-Z]{2,5}(?:[+-]\d{1,2})?"
)
_SEPARATORS = re.compile(r"(?:[\s|,\u2013\u2014\u00b7\u2022/()]|(?<!\d)[:-]|[:-](?!\d))+")
MAX_WORDS = 14


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    if g["y3"]:
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        name = (g["m1"] or g["m2"]).lower()[:3]
        year, month, day = int(g["y1"] or g["y2"]), _MONTHS[name], int(g["d1"] or g["d2"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def dateline_date(line: str) -> str | None:
    """ISO date of a line that is only a publication date with its label, time and zone."""
    if len(line.split()) > MAX_WORDS:
        return None
    match = _DATE.search(line)
    if not match:
        return None
    rest = (line[: match.start()] + " " + line[match.end():]).strip()
    if not all(_LABEL.fullmatch(word) for word in _SEPARATORS.split(rest) if word):
        return None
    return _iso(match)
