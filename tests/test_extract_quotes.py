"""Quotes and claims: spans, speakers, speech acts, the PolNeAR scorer and its floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.eval.quotes import Attribution, Pred, match, parse_ann
from dossier.extract.quotes import find_quotes
from dossier.extract.speech_acts import speech_act
from tests.extract_helpers import SEEDS, seed_extraction

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "quotes" / "polnear"


def _one(text: str):
    qs = [q for q in find_quotes(text) if q.cue_word not in ("refuted",)]
    assert qs, text
    q = qs[0]
    speaker = text[q.speaker[0]:q.speaker[1]] if q.speaker else None
    return text[q.content[0]:q.content[1]], speaker, q.kind


@pytest.mark.parametrize(("text", "content", "speaker", "kind"), [
    ("“We will not back down,” Mr Wallace said on Sunday.", "“We will not back down,”",
     "Mr Wallace", "direct"),
    ("“We will not back down,” said Defence Secretary Ben Wallace.", "“We will not back down,”",
     "Defence Secretary Ben Wallace", "direct"),
    ("The minister said that the talks had failed.", "that the talks had failed.",
     "The minister", "indirect"),
    ("The talks failed, according to two officials.", "The talks failed",
     "two officials", "according_to"),
    ("Mr Shoigu claimed that Kyiv was planning a “dirty bomb”.",
     "that Kyiv was planning a “dirty bomb”.", "Mr Shoigu", "mixed"),
    ("Wallace has refuted claims from Moscow that Kyiv plans an attack.",
     "that Kyiv plans an attack.", "Moscow", "indirect"),
])
def test_attribution_shapes(text: str, content: str, speaker: str, kind: str) -> None:
    assert _one(text) == (content, speaker, kind)


@pytest.mark.parametrize(("text", "speaker"), [
    # active: the subject does accuse
    ("Prosecutors charged that Subryan had been drinking for hours.", "Prosecutors"),
    ("Russia accused Ukraine of preparing a dirty bomb.", "Russia"),
])
def test_an_active_accusation_is_its_subject_s(text: str, speaker) -> None:
    qs = [q for q in find_quotes(text) if q.cue_word in ("charged", "accused")]
    assert qs, text
    q = qs[0]
    assert (text[q.speaker[0]:q.speaker[1]] if q.speaker else None) == speaker


@pytest.mark.parametrize("text", [
    # a charge laid: the subject is the accused, and nobody's words are reported
    "Subryan was charged with vehicular manslaughter and leaving the scene.",
    "Jones is accused of taking bribes from two contractors in the city.",
    "Anthony Reld was also charged Friday with three counts of vehicular homicide.",
    "He has been charged with manslaughter and drunken driving.",
    "Detroit Office Shooter Charged With Murder, Attempted Murder",
    "Woman Killed In Queens Hit-And-Run, Driver Charged",
    "Driver Charged In Fatal Queens Hit & Run",
    # an adjective
    "His accused killer, Eric Kirk, made a brief appearance in court on Monday.",
    "The league notified the school of nine alleged rules violations on Monday.",
])
def test_a_charge_laid_or_an_accused_person_is_no_quote(text: str) -> None:
    from dossier.extract import extract
    from dossier.model import Article

    assert not [q for q in find_quotes(text) if q.cue_word in ("charged", "accused", "alleged")]
    assert not [e for e in extract(Article(id="a", text=text)).events if e.action == "accuse"]


def test_quote_continues_after_speaker() -> None:
    text = ("Some context.\n“The first half of it,” he said. “And the second half, which "
            "carries on.”\n")
    (q,) = find_quotes(text)
    assert text[q.content[0]:q.content[1]].endswith("carries on.”")
    assert text[q.speaker[0]:q.speaker[1]] == "he"


@pytest.mark.parametrize(("cue", "content", "act"), [
    ("said", "it was raining", "state"), ("refuted", "", "deny"), ("dismissed", "", "deny"),
    ("claimed", "that Ukraine was planning to escalate", "accuse"),
    ("claimed", "it is red", "claim"),
    ("warned", "", "warn"), ("accused", "", "accuse"), ("reaffirmed", "", "reaffirm"),
    ("urged", "", "appeal"), ("called for", "", "appeal"), ("pledged", "", "promise"),
    ("said", "why did they do it?", "question"), ("according to", "", "state"),
])
def test_speech_acts(cue: str, content: str, act: str) -> None:
    assert speech_act(cue, content) == act


def test_scorer_matches_half_coverage_one_to_one() -> None:
    gold = [Attribution([(0, 10)]), Attribution([(20, 30)])]
    preds = [Pred((0, 6), None, False), Pred((0, 4), None, False), Pred((18, 40), None, False)]
    assert sorted(match(preds, gold)) == [(0, 0), (2, 1)]


def test_brat_discontinuous_spans() -> None:
    text = "“A,” he said. “B.”"
    ann = ("T1\tSource 5 7\the\nT2\tCue 8 12\tsaid\nT3\tContent 0 4;14 18\tx\n"
           "T4\tAttribution 8 12\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (a,) = parse_ann(text, ann)
    assert a.content == [(0, 4), (14, 18)] and a.source == [(5, 7)] and a.direct


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared absent")
def test_seed_quotes_resolve_speakers() -> None:
    x = seed_extraction("002", "rules")
    by_cue = {}
    for q in x.quotes:
        by_cue.setdefault(q.cue.text if q.cue else "", q)
    assert by_cue["dismissed"].speaker_name == "Mykhailo Podolyak"
    assert by_cue["dismissed"].act == "deny"
    assert by_cue["claimed"].speaker_name == "Sergei Shoigu"  # "the Russian defence secretary"
    assert by_cue["claimed"].act == "accuse"
    assert by_cue["reiterated"].speaker_name == "Ben Wallace"  # "He"
    assert by_cue["according to"].speaker_name == "Ministry of Defence"  # "the defence ministry"
    keys = {e.key for e in x.entities}
    assert all(q.speaker in keys for q in x.quotes if q.speaker)


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared absent")
def test_polnear_dev_floor() -> None:
    from dossier.eval.quotes import SYSTEMS, read_split, score

    docs = read_split(POLNEAR, "dev")
    s = score(docs, SYSTEMS["rules"])
    base = score(docs, SYSTEMS["baseline"])
    assert s.all.f1 > 0.72 and s.direct.f1 > 0.85 and s.speaker_accuracy > 0.8
    assert s.all.f1 > base.all.f1 + 0.3


@pytest.mark.parametrize(("text", "cue", "quoted"), [
    # a passive cue verb reports nobody's words
    ("EMS crews rushed her to the hospital, where she was later pronounced dead.", None, False),
    ("The new stadium was announced in 2019 and opened last spring.", None, False),
    # unless what follows reports some ("is said to", "was told that")
    ("The minister was told that the talks had failed.", None, True),
    # and a progressive is no passive: the subject speaks
    ("The senator is warning voters that the bill would raise their taxes.", None, True),
    # "claimed" meaning took, not said
    ("The standings have claimed another coach, with Dana Merritt fired on Monday.",
     "claimed", False),
    ("The quake claimed the lives of 40 people in the valley.", "claimed", False),
    ("The home side claimed victory in the final minute.", "claimed", False),
    ("Shoigu claimed Kyiv was planning a provocation.", "claimed", True),
    ("The rebels claimed responsibility for the attack.", "claimed", True),
    # "responded" meaning went there, not answered
    ("Police responded to the crash on the corner of 117th Street at 7 p.m.", "responded", False),
    ("Officers responded to a report of shots fired near the school.", "responded", False),
    ("He responded that the talks had failed.", "responded", True),
    ("The minister responded to the criticism by saying the plan was sound.", "responded", True),
])
def test_a_cue_that_tells_a_deed_reports_no_words(text: str, cue: str | None,
                                                  quoted: bool) -> None:
    found = [q for q in find_quotes(text) if cue is None or q.cue_word == cue]
    assert bool(found) is quoted, found


def test_a_body_before_a_persons_title_and_name_only_qualifies_that_person():
    from dossier.extract.mentions import Mention
    from dossier.extract.speakers import _titles_a_name

    # a tagger may call "Highway Patrol" a person too: the speaker is the one it qualifies
    text = "An officer stopped him, said Highway Patrol Officer Dana Merritt."
    body = Mention(text.index("Highway"), text.index(" Officer"), "Highway Patrol", "PERSON",
                   key="e1")
    person = Mention(text.index("Dana"), text.index("."), "Dana Merritt", "PERSON", key="e2")
    assert _titles_a_name(body, [body, person], text)
    assert not _titles_a_name(person, [body, person], text)
    # two people in a row with a verb between are two people, not a title
    text = "Lee Park met Dana Merritt."
    lee = Mention(0, 8, "Lee Park", "PERSON", key="e1")
    dana = Mention(text.index("Dana"), text.index("."), "Dana Merritt", "PERSON", key="e2")
    assert not _titles_a_name(lee, [lee, dana], text)
