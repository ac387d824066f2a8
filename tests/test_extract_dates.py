"""Date extraction: seed expectations, synthetic cases, and a TempEval-3 floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract.dates import extract_dates, infer_anchor

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
TEMPEVAL = SHARED / "datasets" / "dates" / "tempeval3-aquaint.jsonl"


def _values(text: str, anchor: str | None) -> dict[str, str]:
    return {d.span.text: d.value for d in extract_dates(text, anchor)}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The ministry said on Sunday that it had called.", "Sunday", "2022-10-23"),
        ("since the invasion on Feb. 24 and more", "Feb. 24", "2022-02-24"),
        ("as he sought to annexe four regions last month.", "last month", "2022-09"),
        ("Last week, Nato launched its exercise.", "Last week", "2022-W41"),
        ("his first call with Austin since May.", "May", "2022-05"),
        ("resolution to the nearly eight-month war", "nearly eight-month", "P8M"),
        ("a second call between the pair in three days", "three days", "P3D"),
        ("The vote will take place in three days.", "three days", "2022-10-26"),
        ("after Friday's call", "Friday's", "2022-10-21"),
        ("He will travel on Tuesday.", "Tuesday", "2022-10-25"),
        ("She said she would visit the town on Thursday.", "Thursday", "2022-10-27"),
        ("He said he had visited the town on Thursday.", "Thursday", "2022-10-20"),
        ("It happened on October 3, 2019 in Paris.", "October 3, 2019", "2019-10-03"),
        ("Two years ago the plant closed.", "Two years ago", "2020"),
        ("The paper appears daily.", "daily", "P1D"),
        ("at 10:35 a.m. the bomb went off", "10:35 a.m.", "2022-10-23T10:35"),
        ("in the 1990s", "the 1990s", "199X"),
    ],
)
def test_normalises_against_anchor(text: str, expr: str, value: str) -> None:
    assert _values(text, "2022-10-23").get(expr) == value


@pytest.mark.parametrize(
    "text",
    ["Czech Foreign Minister Jan Kavan said", "a 44-year-old man", "a second phone call",
     "You may go now or later", "the March for Life"],
)
def test_no_false_date(text: str) -> None:
    assert not [d for d in extract_dates(text, "2022-10-23") if d.type != "DATE"
                or d.value != "PRESENT_REF"]


def test_mentions_keep_anchor_and_reasoning() -> None:
    (d,) = extract_dates("on Sunday", "2022-10-23")
    assert d.anchor == "2022-10-23" and "weekday" in d.reasoning
    assert d.span.start == 3 and d.span.end == 9


def test_no_anchor_leaves_year_unknown() -> None:
    assert _values("on Oct. 23 he said", None)["Oct. 23"] == "XXXX-10-23"


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared absent")
def test_seed_000_anchor_inferred_from_weekday_and_date() -> None:
    text = (SEEDS / "000_6a320d281961e3e5.txt").read_text()
    anchor, why = infer_anchor(text)
    assert anchor == "2022-10-23", why
    values = _values(text, anchor)
    assert values["Feb. 24"] == "2022-02-24"
    assert values["Sunday, Oct.23"] == "2022-10-23"


@pytest.mark.skipif(not TEMPEVAL.exists(), reason="../shared absent")
def test_tempeval_floor() -> None:
    from dossier.eval.dates import evaluate

    s = evaluate(TEMPEVAL)
    assert s.relaxed_f1 > 0.88 and s.value_f1 > 0.72


def test_a_full_date_with_no_space_after_the_comma_keeps_its_year() -> None:
    # Some sites print "July 13,2009": without the year, an undated article guessed 2026.
    assert _values("on July 13,2009 at 10:50 AM", None) == {"July 13,2009": "2009-07-13"}


@pytest.mark.parametrize("text", ["featured on CBS This Morning and", "he told USA Today",
                                  "on NBC’s Today show"])
def test_a_paper_or_programme_named_today_is_not_a_date(text: str) -> None:
    assert _values(text, "2009-07-14") == {}


def test_a_sentence_opening_with_today_is_still_a_date() -> None:
    assert _values("He spoke on Monday. Today the council met.", "2009-07-14")["Today"] == (
        "2009-07-14")
