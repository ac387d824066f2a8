"""Vocabulary for time expressions: month, weekday, number and unit words.

Kept apart from the rules in ``dates.py`` so the patterns read as grammar and the
word lists can grow (another language, more spellings) without touching logic.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}

#: Parts of the day and their TIMEX3 suffixes.
DAYPARTS: dict[str, str] = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half": 0.5, "several": -1, "few": -1, "a few": -1, "many": -1,
    "couple": 2, "a couple of": 2,
}

#: unit word -> (TIMEX3 letter, is a time-of-day unit, multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
}

#: Words before a duration that TimeML keeps inside the expression.
MODIFIERS = (
    "nearly", "almost", "about", "around", "some", "roughly", "approximately",
    "more than", "less than", "at least", "at most", "over", "under", "up to", "just",
)

#: Words that, close before a bare weekday or month, point to the future.
FUTURE_CUES = (
    "will", "'ll", "next", "scheduled", "plans", "planned", "expected", "due",
    "is to", "are to", "until", "by", "upcoming", "coming",
    "would", "going to", "set to", "intends to", "aims to",
)


def number_value(word: str) -> float | None:
    """``"three"`` -> 3, ``"12"`` -> 12, ``"several"`` -> -1 (unknown), else None."""
    w = word.lower().replace(",", "").strip()
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if "-" in w:
        parts = [NUMBER_WORDS.get(p) for p in w.split("-")]
        if all(p is not None and p > 0 for p in parts):
            return float(sum(parts))  # type: ignore[arg-type]
    try:
        return float(w)
    except ValueError:
        return None
