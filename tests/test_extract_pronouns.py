"""Pronoun resolution: agreement (gender, number, animacy), salience, binding, quotes."""

from __future__ import annotations

import pytest

from dossier.extract import gender
from dossier.extract.entities import find_entities
from dossier.extract.nominals import PLURAL, SINGULAR, noun_phrases
from tests.extract_helpers import pipeline

MODES = ["rules", pytest.param("model", marks=pytest.mark.skipif(
    pipeline() is None, reason="no trained pipeline in this checkout"))]


def _resolved(text: str, mode: str) -> dict[str, str]:
    """"pronoun@offset" -> name of the entity it was resolved to."""
    nlp = pipeline() if mode == "model" else None
    index = find_entities(text, nlp(text) if nlp is not None else None)
    return {f"{m.text}@{m.start}": index.get(m.key).name
            for m in index.mentions if m.kind == "pronoun"}


def _of(text: str, mode: str, pronoun: str, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(pronoun, start + 1)
    return _resolved(text, mode).get(f"{pronoun}@{start}")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("text", "pronoun", "who"), [
    # gender from the given name beats the subject preference
    ("Anna Schmidt met John Carter in Berlin on Monday. She said the talks went well.",
     "She", "Anna Schmidt"),
    ("Anna Schmidt met John Carter in Berlin on Monday. He said the talks went well.",
     "He", "John Carter"),
    # gender from honorifics
    ("Mr Lee and Ms Park signed the agreement in Seoul. She called it a good day.",
     "She", "Park"),
    # the subject of the sentence before, when both agree
    ("John Carter met Peter Novak in Prague on Monday. He said the talks went well.",
     "He", "John Carter"),
    # binding: "him" is not the subject of its own clause
    ("Peter Novak met John Carter in Prague. Carter thanked him for the invitation.",
     "him", "Peter Novak"),
    # a name inside the quotation is not the speaker
    ("Ben Wallace spoke to reporters on Sunday. “Vladimir Putin has failed,” he said.",
     "he", "Ben Wallace"),
])
def test_pronoun_goes_to_the_agreeing_person(text: str, pronoun: str, who: str,
                                             mode: str) -> None:
    assert _of(text, mode, pronoun) == who


def test_role_words_give_gender() -> None:
    text = "Kiri Tanaka, the actress, met Rohan Okafor in London. She thanked him for the film."
    assert _of(text, "rules", "She") == "Kiri Tanaka"
    assert _of(text, "rules", "him") == "Rohan Okafor"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("text", [
    "Anna Schmidt criticised the new plan on Tuesday. It was drafted in secret.",
    "John Carter read the report. It was long.",
])
def test_people_are_never_it(text: str, mode: str) -> None:
    assert "It" not in {k.split("@")[0] for k in _resolved(text, mode)}


@pytest.mark.parametrize("mode", MODES)
def test_it_goes_to_an_organisation(mode: str) -> None:
    text = "The Ministry of Defence rejected the claims. It said the figures were wrong."
    assert _of(text, mode, "It") == "Ministry of Defence"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("text", [
    "Anna Schmidt met the ministers in Paris. They said the deal was close.",
    "John Carter thanked the ministers. He said they had worked hard.",
])
def test_they_never_goes_to_one_person(text: str, mode: str) -> None:
    assert not {k for k in _resolved(text, mode) if k.lower().startswith("they")}


@pytest.mark.parametrize("mode", MODES)
def test_a_person_noun_takes_the_pronoun_from_a_named_man(mode: str) -> None:
    text = "John Carter sold the house to a woman from Leeds. She paid in cash."
    assert _of(text, mode, "She") is None


def test_a_gendered_pronoun_settles_an_unknown_gender() -> None:
    text = ("Kiri Tanaka met Rohan Okafor in London. She thanked everyone. Later Kiri Tanaka "
            "and Rohan Okafor spoke again, and he left early.")
    assert _of(text, "rules", "he", nth=text.count("he") - 1) == "Rohan Okafor"


@pytest.mark.parametrize("mode", MODES)
def test_quote_speaker_follows_the_pronoun(mode: str) -> None:
    from dossier.extract import extract_from_doc
    from dossier.model import Article

    text = ("Anna Schmidt met John Carter in Berlin on Monday. “We will act quickly,” she "
            "said after the meeting.")
    nlp = pipeline() if mode == "model" else None
    x = extract_from_doc(Article(id="t", text=text), nlp(text) if nlp is not None else None)
    assert [q.speaker_name for q in x.quotes] == ["Anna Schmidt"]


@pytest.mark.parametrize(("word", "want"), [
    ("Mr", "m"), ("Mrs.", "f"), ("Lady", "f"), ("Sir", "m"), ("Dr", None), ("President", None),
])
def test_honorifics(word: str, want: str | None) -> None:
    assert gender.of_honorific(word) == want


@pytest.mark.parametrize(("phrase", "want"), [
    ("UK chairwoman", "f"), ("the company's chairman", "m"), ("a mother of three", "f"),
    ("the king's daughter", "f"), ("defence secretary", None), ("actress", "f"),
])
def test_role_words(phrase: str, want: str | None) -> None:
    assert gender.of_phrase(phrase) == want


@pytest.mark.parametrize(("name", "want"), [
    ("Sergei Shoigu", "m"), ("Ursula von der Leyen", "f"), ("Shoigu", None),
    ("Democratic nominee Hillary Clinton", "f"),
])
def test_given_names(name: str, want: str | None) -> None:
    assert gender.of_given_name(name) == want


@pytest.mark.skipif(not gender.census_loaded(), reason="names package not installed")
@pytest.mark.parametrize(("name", "want"), [("Anna Schmidt", "f"), ("John Carter", "m")])
def test_census_given_names(name: str, want: str) -> None:
    assert gender.of_given_name(name) == want


def test_noun_phrases_without_a_parse() -> None:
    text = "The plan was drafted by the ministers, and spokesman John Carter read the report."
    found = {m.text: m.type for m in noun_phrases(text, None, [(text.index("John"),
                                                                  text.index(" read"))])}
    assert found["plan"] == SINGULAR and found["ministers"] == PLURAL
    assert "spokesman" not in found  # a title before a name is not another person


@pytest.mark.parametrize("mode", MODES)
def test_a_subject_pronoun_is_not_the_person_its_sentence_names_after_it(mode: str) -> None:
    text = ("Officer Brad Baehr met Vincent Jackson on Tuesday. Jackson was released later. "
            "He said he did not know Jackson's blood-alcohol level.")
    assert _of(text, mode, "He") != "Vincent Jackson"
    # past a comma the name may be the pronoun's own
    text = ("Vincent Jackson left the court on Monday. He said he would appeal, and "
            "Jackson's lawyer agreed.")
    assert _of(text, mode, "He") == "Vincent Jackson"
