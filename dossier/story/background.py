"""Background: clauses about another time than the story's own event.

Reports of one earthquake recall the last one ("The last major quake to hit
southern Iran was in February ... It killed 612 people"), reports of a rehab
stay recall the star's past ("Three years ago, Reid ..."). Many outlets repeat
such background, so it is well corroborated, but it is not the story: its
counts belong to another incident (a false count contradiction), it should not
merge with the story's own deeds ("killed 10" is not "killed 612"), and it
ranks below what happened now. A clause is background when it

- names a past year other than the story's ("in 2003", "since 1990"),
- gives a date well before the story's first day (with a known date span),
- carries a marker of another time ("last major", "previous", "years ago",
  "two years after", "in February" without a day), or
- opens with "It"/"They"/"That" right after a background clause (the pronoun
  carries the earlier incident on: "It killed 612 people").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from dossier.story.clauses import Clause

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_NUMBER = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"fifteen|twenty|thirty|forty|fifty|several|many|some|few|\d+)")
#: Words that set a clause in another time than the story's, whatever the dates say.
MARKERS = re.compile(
    r"\b(?:last|previous|prior)\s+(?:major|big|deadly|large|strong|serious|similar|such|"
    r"significant|powerful|time|comparable)\b"
    r"|\bpreviously\b|\bin the past\b|\b(?:last|previous|earlier this)\s+year\b"
    r"|\bthe year before\b|\b(?:years|decades|months)\s+ago\b|\blast\s+month\b"
    rf"|\b{_NUMBER}\s+(?:years?|decades?)\s+(?:after|before|earlier|later)\b"
    rf"|\b(?:in|last|since)\s+(?-i:{_MONTHS})\b(?!\s+\d)",
    re.IGNORECASE,
)
#: A year, not "2000 people" or "$2000"; after a comma too ("April 21,2004": a thousands
#: group has three digits, so ",2004" is no part of a number).
_YEAR = re.compile(r"(?<![\d.$£€-])(1[89]\d\d|20\d\d)(?![\d/])(?!\s+(?:people|persons|"
                   r"residents|houses|homes|dead|killed|injured)\b)")
_MONTH_WORD = re.compile(rf"(?:in|last|since)\s+({_MONTHS})", re.IGNORECASE)
#: A clause opening with one of these carries on the clause before it ("It killed 612"),
#: unless it reports ("It said the company ...": "it" is the statement).
_CARRY_ON = re.compile(r"^[\"“]?(?:it|they|that|this|these|those)\s+(?!said|says|told|added|"
                       r"stated|reported|announced)", re.IGNORECASE)
#: Relative clauses and leading subordinate phrases: their time is not the clause's
#: ("Reid, who starred in 1999's American Pie, has entered rehab").
_ASIDES = (
    re.compile(r",\s*(?:who|whom|whose|which|where|when)\b[^,;]*(?:,|$)"),
    re.compile(r"\b(?:where|who|whom|whose|which|that)\s+[^;.]*?\b(?:previously|in the past)\b"),
    re.compile(r"^(?:After|Following|Since|Before|Like|Unlike)\b[^,]*,"),
)
#: A date this many days before the story's first day is another incident's.
FAR_DAYS = 45


class Frame:
    """The story's own time: its years and months, and its first day when known."""

    def __init__(self, years: set[int], months: set[int], first: date | None) -> None:
        self.years, self.months, self.first = years, months, first

    @classmethod
    def of(cls, published: Iterable[str | None], texts: Iterable[str]) -> Frame:
        """From publication dates; without any, from the latest year two articles mention."""
        days = sorted(d for d in (_day(p) for p in published) if d)
        if days:
            years = {d.year for d in days}
            months = {d.month for d in days} | {(days[0] - timedelta(days=20)).month}
            return cls(years, months, days[0])
        seen: Counter[int] = Counter()
        texts = list(texts)
        for text in texts:
            seen.update(named_years(text))
        recurring = [y for y, n in seen.items() if n >= min(2, len(texts))]
        # the year most articles name (their datelines), the latest of equals: a trial
        # two years on names its own year in fewer articles than the event's
        return cls({max(recurring, key=lambda y: (seen[y], y))} if recurring else set(),
                   set(), None)

    def is_other_time(self, clause: Clause) -> bool:
        """Whether ``clause`` itself (not its neighbours) is set in another time."""
        text = clause.text
        for aside in _ASIDES:
            text = aside.sub(" ", text)
        if self.years:
            past = [y for y in named_years(text) if y < min(self.years)]
            if past:
                return True
        for match in MARKERS.finditer(text):
            month = _MONTH_WORD.fullmatch(match.group(0))
            if not month or _month_number(month.group(1)) not in self.months:
                return True
        if self.first is not None:
            limit = self.first - timedelta(days=FAR_DAYS)
            return any(end < limit for end in (_end(d.value) for d in clause.dates) if end)
        return False


def named_years(text: str) -> set[int]:
    """The years a text names ("in 2003", "April 21,2004"), not counts ("2000 people")."""
    return {int(y) for y in _YEAR.findall(text)}


def mark_background(clauses: list[Clause], frame: Frame) -> None:
    """Set ``Clause.background`` on every clause about another time than ``frame``'s."""
    prev: Clause | None = None
    for clause in clauses:
        carried = prev is not None and prev.background and (
            (prev.sentence is clause.sentence and clause.text[:1].islower())
            or (prev.article_id == clause.article_id and bool(_CARRY_ON.match(clause.text))))
        clause.background = carried or frame.is_other_time(clause)
        prev = clause


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _end(value: str) -> date | None:
    """Last day of a normalised date value: "2003", "2005-02" or "2005-02-13"."""
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return date.fromisoformat(value) if len(parts) == 3 else None
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return [m.lower() for m in _MONTHS.split("|")].index(name.lower()) + 1
