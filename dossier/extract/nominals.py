"""Common-noun phrases that compete with entities for "it" and "they".

Most *it*s in news are "the plan", "the deal", "the war"; most *they*s are "the
protesters", "officials". The extractor does not make entities of these, but a
resolver that only looks at entities would hand their pronouns to the nearest
organisation. So each noun phrase becomes a pseudo-mention (key ``"~"`` + its
head word, so "the plan ... the plan" is one class) that may win the salience
contest; a pronoun that goes to one is left unresolved. Heads come from the parse
when there is one, else from determiner + head patterns.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from dossier.extract.gender import ROLE_WORDS
from dossier.extract.mentions import Mention
from dossier.extract.roles import ROLE_HEADS

#: Mention.type of a pseudo-mention: a thing (singular, plural) or one person (he, she,
#: either).
SINGULAR, PLURAL = "NP:sg", "NP:pl"
PERSON_TYPES = {"m": "NP:m", "f": "NP:f", None: "NP:person"}
#: Common nouns for one person, beyond the gendered and role words.
_PERSON_NOUNS = """
    person individual citizen resident student pupil teacher doctor nurse officer soldier
    victim suspect worker employee patient player author writer poet artist composer
    painter singer musician friend colleague partner spouse owner driver pilot farmer
    lawyer attorney witness defendant plaintiff customer visitor tourist child baby kid
    parent sibling relative cousin scientist researcher scholar journalist activist
    politician candidate voter member founder priest minister boss manager
"""
PERSON_NOUNS = frozenset(_PERSON_NOUNS.split()) | frozenset(ROLE_HEADS)
_ROLE_DEPS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "nmod:poss", "conj"}
_FUNCTION = (r"of|in|on|at|with|by|for|from|to|into|about|against|over|after|before|during|"
             r"is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|said|"
             r"says|and|or|but|that|which|who|whom|as|than")
_NP = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|"
                 r"[Hh]is|"
                 r"[Hh]er|[Oo]ur|[Mm]y|[Yy]our)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][a-z-]{2,})"
                 r"(?=\s*[,.;:!?)”\"]|\s+(?:" + _FUNCTION + r")\b)")
#: Between a title noun and the name it heads: nothing, or capitalised words ("General").
_TITLE_GAP = re.compile(r"^\s*(?:[A-Z][\w.-]*\s+){0,3}$")
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ics|news)$")


def noun_phrases(text: str, doc: Any | None, taken: list[tuple[int, int]]) -> list[Mention]:
    """Pseudo-mentions of common-noun phrases outside the spans in ``taken`` (names).

    A person noun right before a name is its title ("presidential nominee Hillary
    Clinton", "spokesman Josh Earnest"), not another person: it is left out. (Definite
    descriptions, "the former first lady", often point back at a named person too, but
    leaving them out cost more on GUM than it gained on news, so they stay.)"""
    found = _from_parse(doc) if doc is not None else _from_text(text)
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    out = []
    for m in found:
        if any(s < m.end and m.start < e for s, e in taken):
            continue
        if m.type in PERSON_TYPES.values():
            i = bisect.bisect_left(starts, m.end)
            if i < len(starts) and _TITLE_GAP.match(text[m.end:starts[i]]):
                continue
        out.append(m)
    return out


def _from_parse(doc: Any) -> list[Mention]:
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ not in _ROLE_DEPS:
            continue
        number = tok.morph.get("Number")
        lemma = (tok.lemma_ or tok.text).lower()
        kind = PLURAL if number == ["Plur"] else _singular(lemma)
        if kind in PERSON_TYPES.values() and not any(
                c.dep_ in ("det", "nmod:poss") for c in tok.children):
            continue  # "while secretary of state", "as president": a role, not a person
        out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, kind, "nominal",
                           key="~" + lemma))
    return out


def _from_text(text: str) -> list[Mention]:
    out = []
    for m in _NP.finditer(text):
        head = m.group("head").lower()
        plural = head.endswith("s") and not _NOT_PLURAL.search(head)
        lemma = head[:-1] if plural else head
        kind = PLURAL if plural else _singular(lemma)
        out.append(Mention(m.start("head"), m.end("head"), m.group("head"), kind,
                           "nominal", key="~" + lemma))
    return out


def _singular(lemma: str) -> str:
    """A thing, or a person of known or unknown gender ("the woman", "the teacher")."""
    if lemma in ROLE_WORDS:
        return PERSON_TYPES[ROLE_WORDS[lemma]]
    return PERSON_TYPES[None] if lemma in PERSON_NOUNS else SINGULAR
