"""Counts of people: how many died, were hurt, evacuated or arrested, read from a clause.

A count is a story-wide slot (one fire has one death toll), so a misread number
becomes a false contradiction. Numbers are therefore only taken when they count
people: "12 people were killed", "Twelve dead", "killed 612 people", "injured
more than 1,400,". Ages ("a 61-year-old was arrested", "dead at 95"), years,
clock times, calendar days, magnitudes, distances and things ("13 shots", "four
villages") are not counts of people.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUM_RE = re.compile(
    r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?:\s+(thousand|million|billion))?(?![\w])",
    re.IGNORECASE,
)
_APPROX = re.compile(r"(?:about|around|nearly|almost|some|roughly|approximately|up to)\s+$", re.I)
_LOWER_BOUND = re.compile(r"(?:at least|more than|over|at minimum)\s+$", re.I)

#: Count slots whose values must agree story-wide: a word near the number -> slot name.
COUNT_SLOTS = {
    "dead": ("killed", "dead", "died", "deaths", "bodies", "fatalities", "lives", "death",
             "killing"),
    "injured": ("injured", "hurt", "wounded", "treated", "hospitalised", "hospitalized",
                "injuring", "wounding"),
    "evacuated": ("evacuated", "displaced", "homeless", "fled"),
    "arrested": ("arrested", "detained"),
}
_SLOT_OF = {w: slot for slot, words in COUNT_SLOTS.items() for w in words}
#: Nouns for people: "12 bank workers", "three crew members".
PEOPLE = frozenset((
    "people", "persons", "person", "men", "man", "women", "woman", "children", "child", "kids",
    "workers", "residents", "civilians", "soldiers", "troops", "officers", "policemen", "police",
    "firefighters", "passengers", "crew", "crewmen", "members", "protesters", "demonstrators",
    "students", "climbers", "victims", "others", "tourists", "miners", "villagers", "employees",
    "patients", "suspects", "militants", "pirates", "fans", "inmates", "prisoners", "youths",
    "teenagers", "adults", "individuals", "rioters", "staff", "guests", "customers", "hostages",
))
#: Right after the number: a unit, a clock time, an age, an ordinal; not a head count.
_UNIT_AFTER = re.compile(
    r"^(?:\s*-\s*|\s+)?(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|"
    r"feet|foot|ft|metres?|meters?|miles?|km|kilomet\w+|percent|per\s+cent|strength|"
    r"magnitude|times|shots|bullets|rounds|points|yards|a\.\s?m|p\.\s?m|am|pm)\b"
    r"|^\s*[:%/]|^(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
#: Right before it: an age, a magnitude, money, a calendar day, "mother of 12".
_NOT_COUNT_BEFORE = re.compile(
    rf"(?:\baged?|\bat|\bmagnitude|\bno\.|(?:mother|father|parent)\s+of|"
    rf"\b(?:{_MONTH})[a-z]*\.?)\s*-?\s*$",
    re.IGNORECASE,
)
_STOP_SCAN = {"and", "or", "but", "while", "of"}
_AFTER_SLOT_OK = {",", ";", ".", "—", "–", "and", "on", "in", "when", "after", "during", "at",
                  "as", "for", "while", "including", "since", "with", "from", "by"}

Count = tuple[str, float, str]


def find_counts(text: str) -> list[Count]:
    """``(slot, value, qualifier)`` for each count of people in ``text``.

    The qualifier is ``"about"``, ``"at least"`` or ``""``. The slot word is
    looked for after the number ("12 people were killed"), then before it
    ("killed 612 people", "injured more than 1,400,").
    """
    out = []
    for m in _NUM_RE.finditer(text):
        value = _value(m.group(1), m.group(2))
        if value is None or _not_a_count(text, m, value):
            continue
        after = re.findall(r"[\w’']+|[,;.—–]", text[m.end() : m.end() + 60])
        before = re.findall(r"[\w’']+|[,;.—–]", text[max(0, m.start() - 50) : m.start()])
        slot = _slot_after(after) or _slot_before(list(reversed(before))[:4], after)
        if slot is None:
            continue
        head = text[max(0, m.start() - 20) : m.start()]
        qualifier = "about" if _APPROX.search(head) else ""
        qualifier = "at least" if _LOWER_BOUND.search(head) else qualifier
        out.append((slot, value, qualifier))
    return out


def _not_a_count(text: str, m: re.Match[str], value: float) -> bool:
    if _UNIT_AFTER.match(text[m.end() : m.end() + 16]):
        return True
    if _NOT_COUNT_BEFORE.search(text[max(0, m.start() - 16) : m.start()]):
        return True
    year = re.fullmatch(r"\d{4}", m.group(1)) and 1800 <= value <= 2100
    return bool(year) or value != int(value)


def _slot_after(tokens: list[str]) -> str | None:
    """"12 dead", "three bank workers were killed": people within three words, then a slot."""
    if tokens and tokens[0].lower() in _SLOT_OF:
        return _SLOT_OF[tokens[0].lower()]
    if not any(t.lower() in PEOPLE for t in tokens[:3]):
        return None
    return _scan(tokens[:6])


def _slot_before(tokens: list[str], after: list[str]) -> str | None:
    """"killed 612 people", "injured almost 50 and": the slot word, then the number."""
    slot = _scan(tokens)
    if slot is None:
        return None
    nxt = after[0].lower() if after else "."
    return slot if nxt in PEOPLE or nxt in _AFTER_SLOT_OK else None


def _scan(tokens: list[str]) -> str | None:
    for tok in tokens:
        low = tok.lower()
        if low in _STOP_SCAN or low in ",;.—–" or _NUM_RE.fullmatch(low):
            return None
        if low in _SLOT_OF:
            return _SLOT_OF[low]
    return None


def _value(word: str, scale: str | None) -> float | None:
    low = word.lower().replace(",", "")
    number = _NUMBER_WORDS.get(low)
    if number is None:
        try:
            number = float(low)  # type: ignore[assignment]
        except ValueError:
            return None
    return float(number) * _SCALE.get((scale or "").lower(), 1.0)
