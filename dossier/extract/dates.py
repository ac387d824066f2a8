"""Time expressions: find them and normalise them TIMEX3-style against an anchor.

The anchor is the article's publication date; when that is missing,
:func:`infer_anchor` takes it from dates the text itself states. Every
:class:`~dossier.model.DateMention` keeps the anchor and one line of reasoning so
a reader can check why "Sunday" became ``2022-10-23``.

The rules are a registry of ``(pattern, handler)`` pairs (``_RULES``); all are
run, and overlapping matches are resolved longest-first. We measured dateparser
against these rules on TempEval-3 (``dossier eval dates --system ...``): the rules
win clearly on spans and values, so dateparser is kept only as an optional
comparison (see ``dossier/eval/dates.py``).
"""

from __future__ import annotations

import datetime as dt
import re

from dossier.extract import timewords as tw
from dossier.extract.date_rules import _DAY, _MON, _RULES, _WD, Ctx, Value, _month_num
from dossier.model import DateMention, Span

# ------------------------------------------------------------------ public API


def parse_anchor(anchor: str | None) -> dt.date | None:
    """``"2022-10-23T09:00"`` -> date; anything unparsable -> None."""
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def extract_dates(text: str, anchor: str | None) -> list[DateMention]:
    """Every time expression in ``text``, normalised against ``anchor`` (ISO date)."""
    a = parse_anchor(anchor)
    found: list[tuple[int, int, Value]] = []
    for pattern, handler in _RULES:
        for m in pattern.finditer(text):
            ctx = Ctx(a, text[max(0, m.start() - 80) : m.start()], text[m.end() : m.end() + 120])
            value = handler(m, ctx)
            if value is not None:
                found.append((m.start(), m.end(), value))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for start, end, (kind, value, why) in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(DateMention(Span(start, end, text[start:end]), kind, value,
                               a.isoformat() if a else None, why))
    out.sort(key=lambda d: d.span.start)
    return out


def infer_anchor(text: str, ref_year: int | None = None) -> tuple[str | None, str]:
    """An anchor date from the text itself, with the reason, when no publication date.

    A weekday stated with a month-day ("Sunday, Oct. 23") fixes the year up to a
    few candidates; we take the one nearest to any full date the text states,
    else to ``ref_year`` (the story's, when the caller knows it), else nearest to
    (not after) today. Failing that, the latest full date stated.
    """
    full = [d for d in extract_dates(text, None) if re.fullmatch(r"\d{4}-\d\d-\d\d", d.value)]
    years = [int(d.value[:4]) for d in full]
    ref = max(years) if years else ref_year or dt.date.today().year
    for m in re.finditer(r"(" + _WD + r"),?\s+(?:the\s+)?(" + _MON + r")\s*(" + _DAY + r")\b",
                         text):
        wd = tw.WEEKDAYS[m.group(1).lower()]
        month, day = _month_num(m.group(2)), int(re.sub(r"\D", "", m.group(3)))
        cands = [y for y in range(ref - 15, ref + 1)
                 if _valid(y, month, day) and dt.date(y, month, day).weekday() == wd]
        if cands:
            y = min(cands, key=lambda c: abs(c - ref))
            return (dt.date(y, month, day).isoformat(),
                    f"'{m.group(0)}' falls on that weekday in {y}, nearest to {ref}")
    if full:
        return max(d.value for d in full), "latest full date stated in the text"
    return None, "no date stated in the text"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True
