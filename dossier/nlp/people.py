"""Given names as evidence for PERSON: a gazetteer from the ``names`` package (US Census 1990).

The small NER model misses or mistypes people named by a bare given name
("Thanks, Renee", "Karla" read as an ORG) and stops after the given name of a
full name ("Phillip" in "Phillip Allen"). A given name is strong evidence when
the tagger also reads the word as a proper noun and it is not a place name:

1. a model PERSON that is a given name extends over the proper nouns right
   after it ("Phillip" -> "Phillip Allen"), or joins a PERSON right after it
   (the model sometimes starts a second name at the surname);
2. a one-word model LOC/ORG that is a given name becomes PERSON ("Karla");
3. an unlabelled given name, tagged as a proper noun, becomes PERSON, with the
   proper nouns right after it ("Renee Ratcliff").

Given names that are also countries, first-level regions or cities of 15k+
people ("Austin", "Victoria", "Georgia") and month names ("May", "June") are
left out: there the word alone cannot tell person from place or date.
"""

from __future__ import annotations

import calendar
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

#: Words before a name that mark a person (UNER leaves them outside the name).
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "gen", "prof", "rep", "gov", "president",
          "minister", "sir", "dame", "lord", "lady", "rev", "col", "capt", "lt", "sgt", "adm",
          "doctor", "professor", "senator", "governor", "mayor", "pastor"}


def is_title(token: Token) -> bool:
    """A person title such as "Mr." or "President"."""
    return token.text.lower().rstrip(".") in TITLES


#: Census frequency (percent of people) a given name needs to be listed; rarer
#: entries of the census lists include ordinary words ("Man", "Spring", "China").
MIN_FREQUENCY = 0.005
#: Words that open an address or sign-off ("Thanks, Hank", "Dear Renee").
GREETINGS = {"hi", "hey", "hello", "dear", "thanks", "thank", "cheers", "regards", "love",
             "sincerely", "bye", "congratulations", "congrats", "welcome"}
#: Punctuation after a name that opens a sentence as an address ("Renee, ...").
ADDRESS_PUNCT = {",", ":", "!", "-", "--"}
#: Labels a one-word given name may be relabelled from.
RETYPE_FROM = {"ORG"}


@lru_cache(maxsize=1)
def given_names(min_frequency: float = MIN_FREQUENCY) -> frozenset[str]:
    """Male and female given names of the 1990 US Census, minus places and months."""
    from dossier.nlp.gazetteer import (
        RELABEL_CITY_POPULATION,
        city_names,
        country_names,
        region_names,
    )

    out: set[str] = set()
    for name in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(name).read_text(encoding="ascii")
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 2 and float(fields[1]) >= min_frequency:
                out.add(fields[0].title())
    places = country_names() | region_names() | city_names(RELABEL_CITY_POPULATION)
    months = {m for m in calendar.month_name if m} | {m for m in calendar.month_abbr if m}
    return frozenset(out - places - months)


def is_proper(token: Token) -> bool:
    """Tagged as a proper noun (NNP, NNPS) by the pipeline's tagger."""
    return token.tag_ in {"NNP", "NNPS"}


def _is_initial(token: Token) -> bool:
    """A single capital letter with or without a period ("E.", "J")."""
    text = token.text.rstrip(".")
    return len(text) == 1 and text.isupper()


def _glued_left(doc: Doc, i: int) -> bool:
    """A capitalised word or an initial ("E.", "J .", "Rose-") right before token ``i``."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.text == "." and i > 1:
        prev = doc[i - 2]
    capitalised_mark = prev.text[:1].isupper() and not prev.is_alpha
    return _proper_word(prev) or _is_initial(prev) or capitalised_mark


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence holding token ``i`` (the doc without a parser)."""
    if doc.has_annotation("SENT_START"):
        sent = doc[i].sent
        return sent.start, sent.end
    return 0, len(doc)


def in_address_frame(doc: Doc, start: int, end: int) -> bool:
    """A name used to address or sign: the whole sentence ("Renee Ratcliff"), opening it
    before a comma ("Renee, ..."), after a greeting ("Thanks, Hank") or after a title."""
    first, last = _sentence(doc, start)
    if all(tok.is_punct for tok in doc[first:start]) and all(tok.is_punct for tok in doc[end:last]):
        return True
    if start == first and end < last and doc[end].text in ADDRESS_PUNCT:
        return True
    prev = start - 1
    if prev > first and doc[prev].text == ",":
        prev -= 1
    return prev >= first and (doc[prev].lower_ in GREETINGS or is_title(doc[prev]))


def _proper_word(token: Token) -> bool:
    """A capitalised alphabetic word the tagger reads as a proper noun."""
    return token.is_alpha and token.text[:1].isupper() and token.tag_ in {"NNP", "NNPS"}


def _surname_end(doc: Doc, end: int, taken: set[int], limit: int = 3) -> int:
    """End of the proper nouns (at most ``limit``) right after a given name.

    A hyphen written without spaces joins two of them ("Strauss-Kahn").
    """
    stop, words = end, 0
    while stop < len(doc) and words < limit and stop not in taken:
        if _proper_word(doc[stop]):
            stop, words = stop + 1, words + 1
        elif (doc[stop].text == "-" and words and not doc[stop - 1].whitespace_
              and not doc[stop].whitespace_ and stop + 1 < len(doc)
              and stop + 1 not in taken and _proper_word(doc[stop + 1])):
            stop += 1
        else:
            break
    return stop


def _join_split_names(doc: Doc, ents: list[Span], names: frozenset[str]) -> list[Span]:
    """A one-word PERSON given name followed at once by another PERSON is one name."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.label_ == ent.label_ == "PERSON"
                and len(prev) == 1 and prev.text in names):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def person_spans(doc: Doc, ents: list[Span], names: frozenset[str]) -> list[Span]:
    """Apply the three given-name rules of the module docstring to ``ents``."""
    if not doc.has_annotation("TAG"):
        return ents
    ents = _join_split_names(doc, ents, names)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    out: list[Span] = []
    for ent in ents:
        first = ent[0]
        if ent.label_ == "PERSON" and len(ent) == 1 and first.text in names:
            end = _surname_end(doc, ent.end, taken)
            taken.update(range(ent.end, end))
            ent = Span(doc, ent.start, end, label="PERSON")
        elif ent.label_ in RETYPE_FROM and len(ent) == 1 and first.text in names \
                and _proper_word(first):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    for tok in doc:
        if tok.i in taken or tok.text not in names or not _proper_word(tok):
            continue
        if _glued_left(doc, tok.i):
            continue
        end = _surname_end(doc, tok.i + 1, taken)
        if in_address_frame(doc, tok.i, end):
            taken.update(range(tok.i, end))
            out.append(Span(doc, tok.i, end, label="PERSON"))
    return sorted(out, key=lambda s: s.start)
