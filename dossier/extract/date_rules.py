"""The date rules: a registry of ``(pattern, handler)`` pairs and their helpers.

Each handler turns one regex match into ``(type, TIMEX3 value, reasoning)`` or
None (not a time expression after all). ``dates.extract_dates`` runs them all and
keeps the longest non-overlapping matches.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.extract import timewords as tw
from dossier.model import DateType

_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_PART = r"(?:morning|afternoon|evening|night)"
_NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|several|few|a few|a couple of|couple of"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"
_MOD = r"(?:(?:" + "|".join(m.replace(" ", r"\s+") for m in tw.MODIFIERS) + r")\s+)?"


@dataclass(frozen=True)
class Ctx:
    """What a handler may look at: the anchor and the text around the match."""

    anchor: dt.date | None
    before: str
    after: str = ""


Value = tuple[DateType, str, str]
Handler = Callable[[re.Match[str], Ctx], Value | None]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str, flags: int = 0) -> Callable[[Handler], Handler]:
    """Register a handler for a pattern (word-bounded)."""

    def wrap(fn: Handler) -> Handler:
        _RULES.append((re.compile(r"(?<![\w-])" + pattern + r"(?![\w])", flags), fn))
        return fn

    return wrap


# ------------------------------------------------------------------ resolution helpers


def _ymd(d: dt.date) -> str:
    return d.isoformat()


def _month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return tw.MONTHS.get(w) or tw.MONTHS[w[:3]]


_FUTURE_RE = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in tw.FUTURE_CUES)
    + r")(?!\w)", re.I)


def _is_future(ctx: Ctx) -> bool:
    """Does the clause around the expression talk about the future ("will meet Tuesday")?"""
    before = re.split(r"[.!?\n;]", ctx.before)[-1][-60:]
    after = re.split(r"[.!?\n;]", ctx.after)[0][:40]
    return bool(_FUTURE_RE.search(before) or re.search(r"(?<!\w)will(?!\w)", after))


def _year_for(month: int, day: int, ctx: Ctx) -> tuple[int | None, str]:
    """Year of a month-day without one: the anchor's, unless that lands far off."""
    if ctx.anchor is None:
        return None, "no anchor: year unknown"
    a = ctx.anchor
    try:
        cand = dt.date(a.year, month, day)
    except ValueError:
        return a.year, "anchor year"
    if (cand - a).days > (120 if _is_future(ctx) else 60):
        return a.year - 1, "would be well after the anchor: previous year"
    if (a - cand).days > 300:
        return a.year + 1, "would be almost a year before the anchor: next year"
    return a.year, "anchor year"


def _weekday(wd: int, ctx: Ctx) -> tuple[dt.date | None, str]:
    if ctx.anchor is None:
        return None, "no anchor"
    delta = (ctx.anchor.weekday() - wd) % 7
    if _is_future(ctx) and delta:
        d = ctx.anchor + dt.timedelta(days=7 - delta)
        return d, "future cue nearby: next such weekday after the anchor"
    return ctx.anchor - dt.timedelta(days=delta), "most recent such weekday on or before anchor"


def _shift_month(d: dt.date, months: int) -> str:
    m = d.year * 12 + d.month - 1 + months
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _num(word: str) -> float | None:
    return tw.number_value(re.sub(r"\s+", " ", word.lower().replace(" of", "")))


def _unit(word: str) -> tuple[str, bool, int]:
    w = word.lower().rstrip("s")
    w = "century" if w.startswith("centur") else w
    return tw.UNITS[w]


def _duration(n: float | None, unit_word: str) -> str:
    letter, is_time, mult = _unit(unit_word)
    if n is None or n < 0:
        amount = "X"
    else:
        total = n * mult
        amount = str(int(total)) if total == int(total) else str(total)
    return ("PT" if is_time else "P") + amount + letter


def _part_suffix(word: str | None) -> str:
    """TempEval-3 mostly leaves the part of day out of the value; so do we."""
    return ""


# ------------------------------------------------------------------ rules: calendar dates


@rule(r"(\d{4})-(\d\d)-(\d\d)")
def _iso(m: re.Match[str], ctx: Ctx) -> Value | None:
    y, mo, d = (int(g) for g in m.groups())
    return ("DATE", m.group(0), "ISO date") if 1 <= mo <= 12 and 1 <= d <= 31 else None


# "July 13, 2009", "Jul 13 2009" and, as some sites print it, "July 13,2009".
@rule(r"(?:(" + _WD + r"),?\s+(?:the\s+)?)?(" + _MON + r")\s*(" + _DAY + r")(?:(?:,\s*|\s+)("
      + _YEAR + r"))?")
def _month_day(m: re.Match[str], ctx: Ctx) -> Value | None:
    month, day = _month_num(m.group(2)), int(re.sub(r"\D", "", m.group(3)))
    if m.group(4):
        return "DATE", f"{int(m.group(4)):04d}-{month:02d}-{day:02d}", "full date"
    year, why = _year_for(month, day, ctx)
    if year is None and m.group(1) is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", why
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", why
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", f"month-day without year: {why}"


@rule(r"(?:(" + _WD + r"),?\s+)?(?:the\s+)?(" + _DAY + r")\s+(?:of\s+)?(" + _MON
      + r")(?:,?\s+(" + _YEAR + r"))?")
def _day_month(m: re.Match[str], ctx: Ctx) -> Value | None:
    day, month = int(re.sub(r"\D", "", m.group(2))), _month_num(m.group(3))
    if m.group(4):
        return "DATE", f"{int(m.group(4)):04d}-{month:02d}-{day:02d}", "full date"
    year, why = _year_for(month, day, ctx)
    y = f"{year:04d}" if year else "XXXX"
    return "DATE", f"{y}-{month:02d}-{day:02d}", f"day-month without year: {why}"


@rule(r"(?:(early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?(" + _MON
      + r")(?:,?\s+(?:of\s+)?(" + _YEAR + r"))?")
def _month(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = m.group(2)
    if re.match(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", ctx.after):
        return None  # "March for Life"
    if not word.endswith(".") and word.lower() not in ("may", "june", "july") and len(word) <= 4:
        return None  # "Jan Kavan": an abbreviated month stands alone only with its dot
    if word.rstrip(".") == "May" and not m.group(3) and not m.group(1):
        nxt = ctx.before[-12:].lower()
        if not re.search(r"(since|in|of|until|by|from|early|late|last|next|this|mid)\s*$", nxt):
            return None  # "May" as a name or a verb
    month = _month_num(word)
    if m.group(3):
        return "DATE", f"{m.group(3)}-{month:02d}", "month and year"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", "no anchor: year unknown"
    year = ctx.anchor.year
    if month > ctx.anchor.month + (4 if _is_future(ctx) else 1):
        year -= 1
        why = "month after the anchor's: previous year"
    else:
        why = "anchor year"
    return "DATE", f"{year:04d}-{month:02d}", why


@rule(r"(?:(early|late|mid)[\s-]+)?(?:the\s+)?(" + _YEAR + r")(s)?")
def _year(m: re.Match[str], ctx: Ctx) -> Value | None:
    after_dollar = ctx.before.endswith("$")
    if after_dollar:
        return None
    if m.group(3):
        return "DATE", m.group(2)[:3] + "X", "decade"
    return "DATE", m.group(2), "year"


@rule(r"(" + _WD + r")(?:'s)?(?:\s+(" + _PART + r"))?")
def _weekday_rule(m: re.Match[str], ctx: Ctx) -> Value | None:
    d, why = _weekday(tw.WEEKDAYS[m.group(1).lower()], ctx)
    if d is None:
        return "DATE", f"XXXX-WXX-{tw.WEEKDAYS[m.group(1).lower()] + 1}", why
    return "DATE", _ymd(d) + _part_suffix(m.group(2)), why


@rule(r"(?:(last|this|next|coming|previous)\s+)(" + _WD + r")")
def _rel_weekday(m: re.Match[str], ctx: Ctx) -> Value | None:
    if ctx.anchor is None:
        return None
    wd = tw.WEEKDAYS[m.group(2).lower()]
    delta = (ctx.anchor.weekday() - wd) % 7
    if m.group(1).lower() in ("last", "previous"):
        d = ctx.anchor - dt.timedelta(days=delta or 7)
    else:
        d = ctx.anchor + dt.timedelta(days=(7 - delta) % 7 or 7)
    return "DATE", _ymd(d), f"'{m.group(1)}' weekday relative to anchor"


# ------------------------------------------------------------------ rules: deictic words

_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


#: A capitalised word just before, in the same sentence ("USA", "NBC's", "CBS").
_NAME_BEFORE = re.compile(r"[A-Z][\w&'’-]*\s+$")


def _in_a_name(m: re.Match[str], ctx: Ctx) -> bool:
    """A capitalised "Today" / "This Morning" after a capitalised word names a paper or a
    programme ("USA Today", "CBS This Morning"), not a day."""
    return m.group(0)[0].isupper() and bool(_NAME_BEFORE.search(ctx.before))


@rule(r"(today|tonight|yesterday|tomorrow)(?:\s+(" + _PART + r"))?", re.I)
def _deictic(m: re.Match[str], ctx: Ctx) -> Value | None:
    if _in_a_name(m, ctx):
        return None
    word = m.group(1).lower()
    if ctx.anchor is None:
        return "DATE", "PRESENT_REF" if word in ("today", "tonight") else "XXXX-XX-XX", "no anchor"
    d = ctx.anchor + dt.timedelta(days=_DEICTIC[word])
    part = _part_suffix(m.group(2)) or ("TNI" if word == "tonight" else "")
    return "DATE", _ymd(d) + part, f"'{word}' relative to anchor"


@rule(r"this\s+(" + _PART + r")", re.I)
def _this_part(m: re.Match[str], ctx: Ctx) -> Value | None:
    if ctx.anchor is None or _in_a_name(m, ctx):
        return None
    return "DATE", _ymd(ctx.anchor) + _part_suffix(m.group(1)), "part of the anchor day"


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "the future": "FUTURE_REF", "the past": "PAST_REF", "nowadays": "PRESENT_REF"}


@rule(r"(now|nowadays|currently|the\s+future|the\s+past)", re.I)
def _ref(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = re.sub(r"\s+", " ", m.group(1).lower())
    return "DATE", _REFS[word], "vague reference to present/past/future"


_REL_SHIFT = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1,
              "current": 0}


@rule(r"(?:(earlier|later)\s+)?(the\s+)?(last|previous|this|next|coming|current)\s+"
      r"(week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter)", re.I)
def _rel_period(m: re.Match[str], ctx: Ctx) -> Value | None:
    shift, unit = _REL_SHIFT[m.group(3).lower()], m.group(4).lower()
    a = ctx.anchor
    if a is None:
        return "DATE", "PAST_REF" if shift < 0 else "FUTURE_REF" if shift else "PRESENT_REF", \
            "no anchor"
    why = f"'{m.group(3)} {unit}' relative to anchor"
    if unit == "week":
        return "DATE", _week(a + dt.timedelta(weeks=shift)), why
    if unit == "weekend":
        return "DATE", _week(a + dt.timedelta(weeks=shift)) + "-WE", why
    if unit == "month":
        return "DATE", _shift_month(a, shift), why
    if unit == "year":
        return "DATE", f"{a.year + shift:04d}", why
    if unit == "decade":
        return "DATE", f"{(a.year + 10 * shift) // 10:03d}X", why
    if unit == "century":
        return "DATE", f"{(a.year + 100 * shift) // 100:02d}XX", why
    season = tw.SEASONS[unit]
    return "DATE", f"{a.year + shift:04d}-{season}", why


# ------------------------------------------------------------------ rules: durations


@rule(r"(?:the\s+)?(past|last|next|coming|previous|recent|first)\s+" + _MOD + r"(" + _NUM
      + r")?\s*(" + _UNIT + r")s?", re.I)
def _rel_duration(m: re.Match[str], ctx: Ctx) -> Value | None:
    if m.group(2) is None:
        if m.group(1).lower() in ("past", "recent"):
            return "DURATION", _duration(1 if m.group(0)[-1] != "s" else None, m.group(3)), \
                "'past' period"
        return None
    return "DURATION", _duration(_num(m.group(2)), m.group(3)), f"'{m.group(1)}' + length"


@rule(_MOD + r"(" + _NUM + r")[\s-]+(" + _UNIT + r")s?(?:'s?)?(?:\s+(ago|earlier|later|"
      r"before|from\s+now|old))?", re.I)
def _amount(m: re.Match[str], ctx: Ctx) -> Value | None:
    n, unit = _num(m.group(1)), m.group(2)
    tail = (m.group(3) or "").lower()
    if re.match(r"-?(old|olds)\b", ctx.after) or re.match(r"\s*-old", ctx.after):
        return None  # an age: "a 44-year-old"
    if m.group(1).lower() in ("a", "an") and not tail and re.match(r"\s+[a-z]", ctx.after) \
            and not re.search(r"(for|in|within|about|than|over)\s+$", ctx.before):
        return None  # "a second phone call", "a day trip"
    if n is None or tail in ("before", "old"):
        return None if n is None else ("DURATION", _duration(n, unit), "length of time")
    if tail in ("ago", "earlier", "later", "from now"):
        return _offset(n, unit, -1 if tail in ("ago", "earlier") else 1, ctx)
    in_before = re.search(r"\b(in|within)\s+$", ctx.before.lower())
    if in_before and _is_future(ctx) and ctx.anchor is not None:
        return _offset(n, unit, 1, ctx)
    return "DURATION", _duration(n, unit), "length of time"


def _offset(n: float, unit: str, sign: int, ctx: Ctx) -> Value:
    letter, is_time, mult = _unit(unit)
    a = ctx.anchor
    if a is None or n < 0:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "offset without anchor/amount"
    k = int(n * mult) * sign
    why = f"{'+' if sign > 0 else '-'}{abs(k)}{letter} from anchor"
    if letter == "D":
        return "DATE", _ymd(a + dt.timedelta(days=k)), why
    if letter == "W":
        return "DATE", _week(a + dt.timedelta(weeks=k)), why
    if letter == "M" and not is_time:
        return "DATE", _shift_month(a, k), why
    if letter == "Y":
        return "DATE", f"{a.year + k:04d}", why
    return "TIME", _ymd(a), why


# ------------------------------------------------------------------ rules: sets and times

_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
         "nightly": "P1D", "hourly": "PT1H"}


@rule(r"(daily|weekly|monthly|annually|yearly|nightly|hourly)", re.I)
def _set_word(m: re.Match[str], ctx: Ctx) -> Value | None:
    return "SET", _SETS[m.group(1).lower()], "frequency adverb"


@rule(r"(?:every|each)\s+(day|week|month|year|night|" + _WD + r")", re.I)
def _every(m: re.Match[str], ctx: Ctx) -> Value | None:
    w = m.group(1).lower()
    if w in tw.WEEKDAYS:
        return "SET", f"XXXX-WXX-{tw.WEEKDAYS[w] + 1}", "every weekday"
    return "SET", "P1D" if w == "night" else _duration(1, w), "every period"


@rule(r"(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\b\.?(?:\s+(?:[A-Z]{2,4}T))?(?:,?\s+(?:on\s+)?("
      + _WD + r"))?")
def _clock(m: re.Match[str], ctx: Ctx) -> Value | None:
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if h > 12 or mi > 59:
        return None
    h = h % 12 + (12 if m.group(3).lower() == "p" else 0)
    day, why = (_ymd(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"), "clock time on the anchor day"
    if m.group(4):
        d, why = _weekday(tw.WEEKDAYS[m.group(4).lower()], ctx)
        day = _ymd(d) if d else day
    return "DATE" if m.group(4) else "TIME", f"{day}T{h:02d}:{mi:02d}", why
