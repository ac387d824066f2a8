"""Conversion of the shared treebanks / NER corpora into partially annotated Docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.vocab import Vocab

from dossier.nlp.conllu import Sentence, Word, gum_mentions, iob_spans, read_conllu
from dossier.nlp.convert import gum_entity_tags, treebank_docs

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"
needs_data = pytest.mark.skipif(not DATA.exists(), reason="../shared/datasets absent")


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "O", "I-MISC"], [(0, 2, "ORG"), (3, 4, "MISC")]),  # IOB1
        (["B-PER", "B-PER", "I-PER"], [(0, 1, "PER"), (1, 3, "PER")]),
        (["I-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    ],
)
def test_iob_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert iob_spans(tags) == spans


def _word(form: str, upos: str, head: int, entity: str = "") -> Word:
    misc = {"Entity": entity} if entity else {}
    return Word(form, form, upos, "_", "_", head, "dep", misc)


def test_gum_named_mentions_are_trimmed_and_nested_ones_dropped() -> None:
    sent = Sentence("s1", "d1", [
        _word("the", "DET", 3, "(1-organization-new-x-cf1-1-sgl-Durham_University"),
        _word("Durham", "PROPN", 3, "(2-place-new-x-cf2-1-sgl-Durham)"),
        _word("University", "PROPN", 0, "1)"),
        _word("hired", "VERB", 3),
        _word("Mr.", "PROPN", 6, "(3-person-new-x-cf3-1-sgl-Smith"),
        _word("Smith", "PROPN", 4, "3)"),
        _word("and", "CCONJ", 8),
        _word("her", "PRON", 4, "(3-person-giv-x-cf3-1-coref-Smith)"),
    ])
    assert [(m.start, m.end, m.etype) for m in gum_mentions(sent)] == [
        (1, 2, "place"), (0, 3, "organization"), (4, 6, "person"), (7, 8, "person")]
    assert gum_entity_tags(sent) == ["O", "B-ORG", "I-ORG", "O", "O", "B-PERSON", "O", "O"]


@needs_data
def test_ewt_multiword_tokens_keep_surface_spacing() -> None:
    path = DATA / "treebanks/ud-english-ewt/en_ewt-ud-dev.conllu"
    docs = list(treebank_docs(Vocab(), [path]))
    text = " ".join(doc.text for doc in docs)
    assert "don't" in text or "doesn't" in text
    assert "Thestaff" not in text and "n'ta " not in text
    assert all(doc.has_annotation("DEP") and not doc.has_annotation("ENT_IOB") for doc in docs)


@needs_data
def test_uner_merged_into_ewt_dev_gives_entities_and_trees() -> None:
    from dossier.nlp.convert import uner_tags

    uner = uner_tags(DATA / "ner/uner-english-ewt/en_ewt-ud-dev.iob2")
    path = DATA / "treebanks/ud-english-ewt/en_ewt-ud-dev.conllu"
    docs = list(treebank_docs(Vocab(), [path], uner=uner))
    both = [d for d in docs if d.has_annotation("ENT_IOB") and d.has_annotation("DEP")]
    assert len(both) > 0.9 * len(docs)
    labels = {e.label_ for d in both for e in d.ents}
    assert labels == {"PERSON", "ORG", "LOC"}


@needs_data
def test_gum_sentence_reader_counts_words() -> None:
    path = DATA / "treebanks/gum/GUM_bio_hadid.conllu"
    first = next(read_conllu(path))
    assert [w.form for w in first.words] == ["Zaha", "Hadid"]
    assert gum_entity_tags(first) == ["B-PERSON", "I-PERSON"]
