"""Organisation shapes the small NER model misses or mistypes.

Organisations are the weakest type of the statistical model: its training data
hold few of the companies, agencies and institutions that news and web text
name. Their names often carry the type on their face, which these rules read:

1. a legal suffix after a name joins it ("Google, Inc.", "Enron Corp.") and
   makes it ORG;
2. an entity whose last word is an organisation head noun ("Georgetown
   University", "Labour Party", "J.M. Huber Corporation") is an ORG;
3. a head noun followed by "of" and a proper name is an ORG with that name
   and the model entity that ends at or holds the head ("U.S. Department of
   Housing and Urban Development", "University of Houston"), replacing the
   pieces the model found;
4. an acronym in parentheses right after an ORG is an ORG too ("World
   Conservation Union (IUCN)"); after a place it is usually something else
   (the agency of a dateline: "TEHRAN (AFP)").

Head nouns are those every NER guideline (OntoNotes, CoNLL, UNER) types as
organisations; words that also name places or buildings ("Center", "House",
"Bank", "Park") are left to the model.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dossier.nlp.people import is_proper

#: Legal-form suffixes of company names (lower case, with and without the period).
LEGAL_SUFFIXES = {"inc", "inc.", "corp", "corp.", "corporation", "co.", "ltd", "ltd.", "llc",
                  "l.l.c.", "plc", "gmbh", "ag", "llp", "l.p.", "incorporated", "pvt", "pvt."}
#: Last words that make a capitalised name an organisation.
ORG_HEADS = LEGAL_SUFFIXES | {
    "university", "college", "institute", "academy", "league", "party", "association", "club",
    "society", "foundation", "federation", "committee", "commission", "council", "agency",
    "ministry", "department", "bureau", "corps", "airlines", "airways", "company",
    "organization", "organisation",
}
#: Head nouns that open an organisation name with "of" ("Ministry of Defence").
ORG_OF_HEADS = {"university", "college", "institute", "academy", "league", "association",
                "society", "federation", "committee", "commission", "council", "agency",
                "ministry", "department", "bureau", "board", "school", "army", "bank"}
#: Lower-case words allowed inside a name after "of" ("Housing and Urban Development").
NAME_JOINERS = {"and", "&", "of", "for", "the"}


def _cap(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def org_spans(doc: Doc, ents: list[Span]) -> list[Span]:
    """Apply the organisation rules of the module docstring to ``ents``."""
    ents = [_with_suffix(doc, ent) for ent in ents]
    ents = [Span(doc, e.start, e.end, label="ORG")
            if e.label_ != "ORG" and len(e) > 1 and e[-1].lower_ in ORG_HEADS else e
            for e in ents]
    for span in _of_names(doc, ents):
        inside = [e for e in ents if e.start < span.end and span.start < e.end]
        if all(span.start <= e.start and e.end <= span.end for e in inside):
            ents = [e for e in ents if e not in inside] + [span]
    return _acronyms(doc, sorted(filter_spans(ents), key=lambda s: s.start))


def _with_suffix(doc: Doc, ent: Span) -> Span:
    """Extend over ", Inc." / "Corp." right after the entity; the result is an ORG."""
    end = ent.end
    if end < len(doc) and doc[end].text == "," and end + 1 < len(doc):
        end += 1
    if end < len(doc) and doc[end].lower_ in LEGAL_SUFFIXES and _cap(doc[end]):
        return Span(doc, ent.start, end + 1, label="ORG")
    return ent


def _of_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Head of Name" organisation spans, with the model entity that ends at or holds the head."""
    tagged = doc.has_annotation("TAG")
    out: list[Span] = []
    for tok in doc:
        i = tok.i
        if not (tok.lower_ in ORG_OF_HEADS and _cap(tok) and i + 2 < len(doc)
                and doc[i + 1].lower_ == "of" and _cap(doc[i + 2])):
            continue
        end = i + 3
        while end < len(doc):
            if _cap(doc[end]) and (not tagged or is_proper(doc[end])):
                end += 1
            elif (doc[end].lower_ in NAME_JOINERS and end + 1 < len(doc)
                  and _cap(doc[end + 1])):
                end += 2
            else:
                break
        start = next((e.start for e in ents if e.start < i < e.end or e.end == i), i)
        if not out or start >= out[-1].end:
            out.append(Span(doc, start, end, label="ORG"))
    return out


def _acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Organisation (ACRONYM)": the acronym is an ORG too."""
    by_start = {e.start: e for e in ents}
    out = list(ents)
    for ent in ents:
        i = ent.end
        if ent.label_ != "ORG":
            continue
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            acro = doc[i + 1]
            if acro.is_upper and acro.is_alpha and 2 <= len(acro) <= 8:
                old = by_start.get(acro.i)
                if old is not None and old.end == acro.i + 1:
                    out.remove(old)
                elif any(e.start <= acro.i < e.end for e in out):
                    continue
                out.append(Span(doc, acro.i, acro.i + 1, label="ORG"))
    return sorted(out, key=lambda s: s.start)
