"""The shipped English pipeline on real text: seeds, treebank samples, news tokenisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.nlp import MODEL_DIR, load

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
needs_shared = pytest.mark.skipif(not SEEDS, reason="../shared/corpus/seeds absent")
PLACE = {"GPE", "LOC"}


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.fixture(scope="module")
def seed_ents(nlp) -> set[tuple[str, str]]:
    docs = nlp.pipe(path.read_text(encoding="utf-8") for path in SEEDS)
    return {(ent.text, ent.label_) for doc in docs for ent in doc.ents}


def test_load_is_cached_per_process(nlp) -> None:
    assert load() is nlp
    assert load(disable=["parser"]) is load(disable=("parser",))
    assert "parser" not in load(disable=["parser"]).pipe_names


def test_shipped_model_is_small_and_has_a_card() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024
    assert (MODEL_DIR / "MODEL_CARD.md").exists()


def test_pipeline_components(nlp) -> None:
    for name in ("tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner",
                 "dossier_entities", "dossier_places", "dossier_credits"):
        assert name in nlp.pipe_names


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("on Sunday, Oct.23, Russian", ["on", "Sunday", ",", "Oct.", "23", ",", "Russian"]),
        ("“planning actions,” he", ["“", "planning", "actions", ",", "”", "he"]),
        ("Follow @Kyivpost_official.", ["Follow", "@Kyivpost_official", "."]),
        ("said—without evidence—that", ["said", "—", "without", "evidence", "—", "that"]),
        ("the 2022–2023 season", ["the", "2022", "–", "2023", "season"]),
    ],
)
def test_news_tokenizer(nlp, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_sentences_tags_lemmas(nlp) -> None:
    doc = nlp("The ministers were meeting in Paris. They discussed the talks on Monday.")
    assert len(list(doc.sents)) == 2
    words = {t.text: t for t in doc}
    assert words["were"].lemma_ == "be" and words["ministers"].lemma_ == "minister"
    assert words["Paris"].pos_ == "PROPN"
    assert words["discussed"].dep_ == "ROOT"


def test_progressive_verb_is_tagged_verb(nlp) -> None:
    doc = nlp("The ministers were meeting in Paris.")
    assert {t.text: t for t in doc}["meeting"].pos_ == "VERB"


@needs_shared
@pytest.mark.parametrize("name", [
    "Ben Wallace", "Sergei Shoigu", "Lloyd Austin",
    "Sebastien Lecornu",
    "Vladimir Putin",
    "Volodymyr Zelensky", "Mykhailo Podolyak", "Dimitar Dilkoff",
])
def test_seed_people_found_with_full_name(seed_ents, name: str) -> None:
    assert (name, "PERSON") in seed_ents


@needs_shared
@pytest.mark.parametrize("place", [
    "Ukraine", "Russia", "Moscow", "Kyiv", "Kharkiv", "Kherson", "Bakhmut", "France",
    "Turkey", "Belgium",
])
def test_seed_places_found(seed_ents, place: str) -> None:
    assert any(text == place and label in PLACE for text, label in seed_ents)


def test_gazetteer_does_not_turn_person_into_city(nlp) -> None:
    doc = nlp("Mr. Austin met the minister. Lloyd Austin later flew to Kherson.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Austin", "GPE") not in labels
    assert ("Kherson", "GPE") in labels


@pytest.mark.parametrize("text", [
    "Firefighters at work (Anneliese Vorbach/AFP via Getty Images)",
    "Photo by Anneliese Vorbach.",
])
def test_credit_lines_name_the_photographer(nlp, text: str) -> None:
    assert ("Anneliese Vorbach", "PERSON") in {(e.text, e.label_) for e in nlp(text).ents}


def test_city_after_place_preposition_is_not_a_person(nlp) -> None:
    doc = nlp("Troops withdrew from Kherson and Moscow said nothing.")
    assert ("Kherson", "GPE") in {(e.text, e.label_) for e in doc.ents}


def test_demonyms_are_norp(nlp) -> None:
    doc = nlp("Ukrainian forces pushed back, and the Russians withdrew.")
    assert {e.text for e in doc.ents if e.label_ == "NORP"} >= {"Ukrainian", "Russians"}


@needs_shared
def test_upos_on_ewt_test_sample(nlp) -> None:
    from dossier.eval.pipeline import score_parse

    scores = score_parse(nlp, SHARED / "datasets/treebanks/ud-english-ewt/en_ewt-ud-test.conllu",
                         limit=200)
    assert scores.upos > 0.9
    assert scores.las > 0.6
