"""Which of a clause's dates can be trusted to say when its fact happened.

Relative dates ("Saturday", "yesterday") are resolved against a publication date
that may be missing or belong to a later update, and "police said Saturday" dates
the report, not the event. Comparing such dates across outlets mostly finds
artefacts, so only *confident* dates take part in merging and contradictions: a
full day written out with its month ("Friday, March 14", "14 March 2025",
"2025-03-14"; without a publication date, with its year too), not attached to a
reporting verb.
"""

from __future__ import annotations

import re

from dossier.model import DateMention
from dossier.story.clauses import Clause

_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_EXPLICIT = re.compile(
    rf"\b{_MONTH}\s*\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    re.IGNORECASE,
)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: "said on Sunday", "announced late Friday": the date of the report, not of the fact.
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|added|confirmed)\s+(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)


def is_confident(mention: DateMention, text: str = "", start: int = 0,
                 published: str | None = None) -> bool:
    """A day-precise value written with its month, not the date of a reporting verb.

    ``text`` and ``start`` (the offset of ``text`` in the article) let the words
    before the mention be checked; without a ``published`` date, a day written
    without its year ("16th August") has a guessed year and is not confident.
    """
    if mention.type != "DATE" or not _DAY.match(mention.value):
        return False
    if not _EXPLICIT.search(mention.span.text):
        return False
    if not published and not re.search(r"\b\d{4}\b", mention.span.text):
        return False
    head = text[max(0, mention.span.start - start - 30) : max(0, mention.span.start - start)]
    return not _REPORTED.search(head)


def confident_dates(clause: Clause) -> list[DateMention]:
    """The clause's dates that may be compared with another outlet's."""
    return [d for d in clause.dates
            if is_confident(d, clause.text, clause.span.start, clause.published)]
