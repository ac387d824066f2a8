"""Actor-action events on the seed articles (the expectations of issue 5)."""

from __future__ import annotations

import pytest

from dossier.extract.event_classes import ACT_ACTIONS, ACTION_CLASSES
from tests.extract_helpers import SEEDS, pipeline, seed_extraction

MODES = ["rules", pytest.param("model", marks=pytest.mark.skipif(
    pipeline() is None, reason="no trained pipeline in this checkout"))]
pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared absent")


def _has(x, source, action, target=None, date=None, obj=None, source_contains=None) -> bool:
    for e in x.events:
        if e.action != action:
            continue
        if source is not None and e.source_name != source:
            continue
        if source_contains and source_contains not in (e.source_name or ""):
            continue
        if target is not None and e.target_name not in (
                (target,) if isinstance(target, str) else target):
            continue
        if date is not None and e.date != date:
            continue
        if obj is not None and obj not in (e.object or "") and obj != e.target_name:
            continue
        return True
    return False


@pytest.mark.parametrize("mode", MODES)
def test_seed_000_events(mode: str) -> None:
    x = seed_extraction("000", mode)
    assert _has(x, "Sergei Shoigu", "consult", "Ben Wallace", date="2022-10-23")
    assert _has(x, "Sergei Shoigu", "accuse", ("United Kingdom", "the West"))
    assert _has(x, "Ben Wallace", "reject", ("Sergei Shoigu", "Russia"))


@pytest.mark.parametrize("mode", MODES)
def test_seed_002_events(mode: str) -> None:
    x = seed_extraction("002", mode)
    assert _has(x, "Sergei Shoigu", "consult", "Sebastien Lecornu", date="2022-10-23")
    assert _has(x, "White House national security council", "reject", "Sergei Shoigu") or \
        _has(x, None, "reject", "Sergei Shoigu", source_contains="national security council")
    assert _has(x, "Mykhailo Podolyak", "reject", "Sergei Shoigu")
    assert _has(x, "Vladimir Putin", "threaten", obj="nuclear weapons")
    assert _has(x, "Nato", "exhibit_force", date="2022-W41", obj="nuclear deterrence exercise")
    assert _has(x, None, "evacuate", obj="residents", source_contains="Russian-backed authorities")
    assert _has(x, "Ben Wallace", "consult", "Sergei Shoigu")


@pytest.mark.parametrize("mode", MODES)
def test_event_keys_and_evidence(mode: str) -> None:
    x = seed_extraction("002", mode)
    keys = {e.key: e.name for e in x.entities}
    for ev in x.events:
        assert ev.source is None or keys[ev.source] == ev.source_name
        assert ev.target is None or keys[ev.target] == ev.target_name
        text = seed_extraction("002", mode)
        assert ev.sentence.text.strip() and ev.sentence.end > ev.sentence.start
        del text


def test_action_table_is_data() -> None:
    names = {c.name for c in ACTION_CLASSES}
    assert {"consult", "reject", "accuse", "threaten", "warn", "assist", "attack", "mobilise",
            "evacuate", "appeal"} <= names
    assert {a for a, _ in ACT_ACTIONS.values()} - names <= {"statement"}
    assert all(c.target in ("next", "with", "owner", "content", "none", "object")
               for c in ACTION_CLASSES)
