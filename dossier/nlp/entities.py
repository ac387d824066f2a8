"""Entity repair after the statistical NER: edges, titles, organisations, given names.

The small NER model often gets a name's type right but its edges wrong, and
misses names whose type their shape or a gazetteer gives away. The
``dossier_entities`` component runs right after it, before the place
gazetteer (``dossier_places``), and applies, in order:

1. edges: trim to the capitalised core ("northeastern Kharkiv region" ->
   "Kharkiv"), drop punctuation at either end ("Holly -" -> "Holly"), keep
   name particles ("bin Laden", "al - Sadr"), stop at a line break; leading
   titles go too ("Mr. Shoigu" -> "Shoigu", the UNER convention) and a title
   before or at the start of a name makes it a PERSON;
2. organisation shapes (:mod:`dossier.nlp.orgs`): legal suffixes, head nouns,
   "Department of ...", acronyms in parentheses;
3. given names (:mod:`dossier.nlp.people`): full names after a given name,
   one-word ORG given names, names in address frames.

Every rule looks only at the entity, its neighbouring tokens and their tags,
so it works on one sentence as well as on a whole article. Each was kept only
if it raised entity F1 on held-out UNER EWT dev without hurting the news seeds
(see MODEL_CARD.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.nlp.orgs import org_spans
from dossier.nlp.people import given_names, is_title, person_spans

#: Lower-case particles inside names ("bin Laden", "al-Sadr", "van Gogh"), never trimmed.
PARTICLES = {"al", "el", "az", "ad", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "del",
             "della", "der", "den", "van", "von", "la", "le"}


def _is_lower(token: Token) -> bool:
    """A lower-case word ("northeastern", "region") that cannot start or end a name."""
    return token.is_alpha and token.is_lower and token.lower_ not in PARTICLES


#: Punctuation that may end a name: the period of an initial ("William L .") or a brand's "!".
NAME_FINAL_PUNCT = {".", "!"}


def _is_punct(token: Token, last: bool = False) -> bool:
    """A token without letters or digits ("-", ",", "("): not the edge of a name."""
    if last and token.text in NAME_FINAL_PUNCT:
        return False
    return not any(ch.isalnum() for ch in token.text)


@Language.factory("dossier_entities")
def make_entities(nlp: Language, name: str) -> EntityRepair:
    """spaCy factory; stateless rules."""
    return EntityRepair(nlp)


class EntityRepair:
    """Fix the edges (and, for titles, the type) of every model entity; given-name rules.

    The given-name list is saved with the model (``names.json``), so loading
    needs neither the ``names`` package nor the geonames tables.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.given: frozenset[str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.given is None:
            self.given = given_names()
        ents = org_spans(doc, [repaired(ent) for ent in doc.ents])
        doc.ents = person_spans(doc, ents, self.given)
        return doc

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        names = sorted(self.given if self.given is not None else given_names())
        (Path(path) / "names.json").write_text(json.dumps({"given": names}), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> EntityRepair:
        data = json.loads((Path(path) / "names.json").read_text(encoding="utf-8"))
        self.given = frozenset(data["given"])
        return self


def repaired(ent: Span) -> Span:
    """Trim one entity to its capitalised core; titles make it a PERSON.

    A name never runs over a line break: the entity ends at the first one.
    """
    doc, label = ent.doc, ent.label_
    start = ent.start
    end = next((t.i for t in ent[1:] if "\n" in t.text), ent.end)
    if any(tok.text[:1].isupper() for tok in ent):
        while start < end - 1 and (_is_lower(doc[start]) or is_title(doc[start])
                                   or _is_punct(doc[start])):
            label = "PERSON" if is_title(doc[start]) else label
            start += 1
        while end > start + 1 and (_is_lower(doc[end - 1]) or _is_punct(doc[end - 1], True)
                                   or doc[end - 1].text in PARTICLES):
            end -= 1
    if start > 0 and is_title(doc[start - 1]):
        label = "PERSON"
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    return Span(doc, start, end, label=label)
