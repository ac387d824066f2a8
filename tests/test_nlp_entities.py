"""Entity repair rules (dossier_entities): edges, given names, organisation shapes, NORP words.

Rule tests build Docs by hand (words, tags, model entities) so each rule is
checked on its own; a few tests run the shipped pipeline on whole sentences.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from dossier.nlp import load
from dossier.nlp.entities import repaired
from dossier.nlp.gazetteer import demonyms
from dossier.nlp.orgs import org_spans
from dossier.nlp.people import given_names, in_address_frame, person_spans

VOCAB = spacy.blank("en").vocab


def make(text: str, ents: list[tuple[int, int, str]], tags: str | None = None) -> Doc:
    """A Doc from space-separated words, model entities (start, end, label) and PTB tags."""
    words = text.split(" ")
    doc = Doc(VOCAB, words=words, tags=tags.split(" ") if tags else None)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def spans(ents: list[Span]) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in ents}


@pytest.mark.parametrize(("text", "ent", "expected"), [
    ("look to bin Laden now", (2, 4, "PERSON"), ("bin Laden", "PERSON")),
    ("Holly - the owner", (0, 2, "PERSON"), ("Holly", "PERSON")),
    ("in northeastern Kharkiv region", (1, 4, "LOC"), ("Kharkiv", "LOC")),
    ("said Mr. Shoigu today", (1, 3, "ORG"), ("Shoigu", "PERSON")),
    ("Colonel William L .", (1, 4, "PERSON"), ("William L .", "PERSON")),
    ("Comeaux Jr. \n Department", (0, 4, "PERSON"), ("Comeaux Jr.", "PERSON")),
])
def test_repaired_edges(text: str, ent: tuple[int, int, str], expected: tuple[str, str]) -> None:
    doc = make(text, [ent])
    fixed = repaired(doc.ents[0])
    assert (fixed.text, fixed.label_) == expected


def test_given_names_leave_out_places_and_months() -> None:
    names = given_names()
    assert {"Renee", "Phillip", "Karla"} <= names
    assert not {"Austin", "Victoria", "May", "June", "Georgia"} & names


@pytest.mark.parametrize(("text", "tags", "ents", "expected"), [
    ("Phillip Allen", "NNP NNP", [(0, 1, "PERSON")], ("Phillip Allen", "PERSON")),
    ("The owner Karla is fun", "DT NN NNP VBZ JJ", [(2, 3, "ORG")], ("Karla", "PERSON")),
    ("Renee , please call", "NNP , UH VB", [], ("Renee", "PERSON")),
    ("Thanks , Renee Ratcliff", "NNS , NNP NNP", [], ("Renee Ratcliff", "PERSON")),
])
def test_given_name_rules(text: str, tags: str, ents: list, expected: tuple[str, str]) -> None:
    doc = make(text, ents, tags)
    assert expected in spans(person_spans(doc, list(doc.ents), given_names()))


def test_hyphenated_surname_joins_only_without_spaces() -> None:
    words, tags = ["by", "Dominique", "Strauss", "-", "Kahn"], ["IN", "NNP", "NNP", "HYPH", "NNP"]
    for spaces, expected in (([True, True, False, False, False], "Dominique Strauss-Kahn"),
                             ([True, True, True, True, False], "Dominique Strauss")):
        doc = Doc(VOCAB, words=words, spaces=spaces, tags=tags)
        doc.ents = [Span(doc, 1, 2, label="PERSON")]
        assert [e.text for e in person_spans(doc, list(doc.ents), given_names())] == [expected]


@pytest.mark.parametrize(("text", "tags"), [
    ("I met Renee at the fair", "PRP VBD NNP IN DT NN"),  # a bare name outside an address frame
    ("Making my Oscar picks", "VBG PRP$ NNP NNS"),
    ("endorsing T . W . Shannon", "VBG NNP . NNP . NNP"),  # initials before the name
])
def test_given_name_not_added_without_frame(text: str, tags: str) -> None:
    doc = make(text, [], tags)
    assert person_spans(doc, [], given_names()) == []


def test_address_frame_whole_sentence() -> None:
    doc = make("Renee Ratcliff", [])
    assert in_address_frame(doc, 0, 2)
    assert not in_address_frame(make("I met Renee there", []), 2, 3)


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("to Google , Inc. of", [(1, 2, "ORG")], ("Google , Inc.", "ORG")),
    ("at Georgetown University ;", [(1, 3, "LOC")], ("Georgetown University", "ORG")),
    ("the U.S. Department of Housing and Urban Development said",
     [(1, 2, "GPE"), (3, 5, "ORG")], ("U.S. Department of Housing and Urban Development", "ORG")),
    ("World Conservation Union ( IUCN ) said", [(0, 3, "ORG")], ("IUCN", "ORG")),
])
def test_org_shapes(text: str, ents: list, expected: tuple[str, str]) -> None:
    doc = make(text, ents)
    assert expected in spans(org_spans(doc, list(doc.ents)))


def test_acronym_after_place_is_left_alone() -> None:
    doc = make("TEHRAN ( AFP ) -", [(0, 1, "GPE"), (2, 3, "ORG")])
    assert ("AFP", "ORG") in spans(org_spans(doc, list(doc.ents)))


def test_norp_words_and_plurals() -> None:
    words = demonyms()
    assert {"Israelis", "Iraqis", "Jews", "Muslims", "Russians", "French"} <= words
    assert not {"Frenchs", "Swisss", "Jewishs"} & words


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.mark.parametrize(("text", "expected"), [
    ("Phillip Allen will call you tomorrow.", ("Phillip Allen", "PERSON")),
    ("She is a professor at Georgetown University in Washington.",
     ("Georgetown University", "ORG")),
    ("The deal was signed by Enron Corp. on Monday.", ("Enron Corp.", "ORG")),
    ("Many Israelis and Palestinians marched.", ("Israelis", "NORP")),
])
def test_shipped_pipeline_applies_rules(nlp, text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e.text, e.label_) for e in nlp(text).ents}
