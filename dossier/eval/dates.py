"""Score date extraction on TempEval-3 (AQUAINT): span F1 and value F1.

Metrics follow ``../shared/datasets/README.md``: relaxed span F1 (any overlap,
one-to-one, greedy), strict span F1 (identical offsets), and value F1 = relaxed
span F1 x value accuracy over the relaxed matches. Systems are a registry so the
same scorer compares our rules with dateparser.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dossier.extract.dates import extract_dates

#: system name -> function(text, anchor) returning [(start, end, value)]
Predicted = list[tuple[int, int, str]]
System = Callable[[str, str], Predicted]
SYSTEMS: dict[str, System] = {}


def system(name: str) -> Callable[[System], System]:
    """Register a date system under ``name`` for ``dossier eval dates --system``."""

    def wrap(fn: System) -> System:
        SYSTEMS[name] = fn
        return fn

    return wrap


@system("rules")
def _rules(text: str, anchor: str) -> Predicted:
    return [(d.span.start, d.span.end, d.value) for d in extract_dates(text, anchor)]


def _dateparser_value(text: str, anchor: str) -> str | None:
    """dateparser's reading of one expression, formatted at its own granularity."""
    from dateparser.date import DateDataParser

    base = dt.datetime.fromisoformat(anchor)
    ddp = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True})
    data = ddp.get_date_data(text)
    if data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    return {"year": f"{d:%Y}", "month": f"{d:%Y-%m}", "week": f"{d:%G-W%V}",
            "time": f"{d:%Y-%m-%dT%H:%M}"}.get(period or "day", f"{d:%Y-%m-%d}")


@system("dateparser")
def _dateparser(text: str, anchor: str) -> Predicted:
    """dateparser.search.search_dates for both finding and normalising."""
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(anchor)
    found = search_dates(text, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    out: Predicted = []
    pos = 0
    for sub, _ in found:
        start = text.find(sub, pos)
        if start < 0:
            continue
        pos = start + len(sub)
        out.append((start, pos, _dateparser_value(sub, anchor) or ""))
    return out


@system("rules+dateparser")
def _hybrid(text: str, anchor: str) -> Predicted:
    """Our spans, dateparser's values where it gives one (ours otherwise)."""
    out: Predicted = []
    for d in extract_dates(text, anchor):
        value = d.value
        if d.type in ("DATE", "TIME") and value[:1].isdigit():
            value = _dateparser_value(d.span.text, anchor) or value
        out.append((d.span.start, d.span.end, value))
    return out


@dataclass
class DateScores:
    """The three TempEval-3 figures plus counts."""

    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    strict_f1: float
    value_accuracy: float
    value_f1: float
    gold: int
    predicted: int


def read_tempeval(path: str | Path) -> list[dict]:
    """The JSONL documents (``doc_id, dct, text, timexes``)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: Iterable[dict], predict: Callable[[str, str], Predicted]) -> DateScores:
    """Greedy one-to-one matching per document (largest overlap first)."""
    tp_relaxed = tp_strict = right_value = n_gold = n_pred = 0
    for doc in docs:
        gold = [(t["start"], t["end"], t["value"]) for t in doc["timexes"]]
        pred = predict(doc["text"], doc["dct"])
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        pairs = sorted(
            ((min(ge, pe) - max(gs, ps), gi, pi)
             for gi, (gs, ge, _) in enumerate(gold) for pi, (ps, pe, _) in enumerate(pred)
             if min(ge, pe) > max(gs, ps)), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            tp_relaxed += 1
            tp_strict += gold[gi][:2] == pred[pi][:2]
            right_value += gold[gi][2] == pred[pi][2]
    p, r, f = _f1(tp_relaxed, n_pred, n_gold)
    strict = _f1(tp_strict, n_pred, n_gold)[2]
    acc = right_value / tp_relaxed if tp_relaxed else 0.0
    return DateScores(p, r, f, strict, acc, f * acc, n_gold, n_pred)


def evaluate(path: str | Path, system_name: str = "rules") -> DateScores:
    """Score one registered system on the TempEval-3 file."""
    return score(read_tempeval(path), SYSTEMS[system_name])
