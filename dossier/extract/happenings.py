"""Happenings: the words that tell something happened, read from the tagger.

Events (``extract.events``) are few and exact: an actor, an act from a closed
table, a target. A news sentence tells more than that ("the crash that killed
two led to the driver's arrest"), and the dossier needs every one of those words
to say which outlets report each thing a fact tells. So this is deliberately
broad: every content verb but the light and saying ones, every common noun but
the ones that name times and people, and the few adjectives that tell an outcome
("dead", "injured"). Why not only eventive nouns: on ECB+ train, keeping only
nouns with an eventive suffix ("-tion", "-ment") cut the outlet counts the
details get right from 0.38 to 0.31; "quake", "deal" and "fire" have none.
"""

from __future__ import annotations

import re
from typing import Any

from dossier.extract.nominals import PERSON_NOUNS
from dossier.extract.roles import ORG_HEADS
from dossier.model import Happening, Span

#: Verbs that carry no happening of their own: auxiliaries and light verbs ("has
#: made", "took place"), and the saying verbs, which are the quotes' business.
LIGHT_VERBS = frozenset({
    "be", "have", "do", "get", "make", "take", "give", "go", "come", "put", "keep", "let",
    "seem", "become", "begin", "start", "continue", "try", "want", "need", "use", "include",
    "say", "tell", "add", "report", "state", "claim", "announce", "confirm", "note",
    "explain", "describe", "believe", "think", "know", "expect", "appear", "accord",
})
#: Adjectives that tell a happening's outcome: "two were dead", "the fatal crash".
EVENT_ADJECTIVES = frozenset({"dead", "fatal", "deadly", "injured", "wounded", "hurt",
                              "missing", "homeless", "unharmed"})
#: Nouns that name when, who or which body (a person's or a body's word), not what happened.
GENERIC_NOUNS = frozenset({
    "year", "night", "day", "morning", "afternoon", "evening", "week", "weekend", "today",
    "yesterday", "tonight", "hour", "minute", "month", "time", "man", "woman", "person",
    "people", "police", "officer", "official", "mother", "father", "sister", "brother",
    "family", "member", "boss", "director", "judge", "source", "team", "child", "son",
    "daughter", "wife", "husband", "spokesman", "spokeswoman", "spokesperson", "statement",
    "report", "news", "story", "article", "way", "thing", "part", "number", "lot",
}) | PERSON_NOUNS | frozenset(ORG_HEADS)


def find_happenings(doc: Any | None) -> list[Happening]:
    """Every content verb and common noun of a parsed ``Doc`` as a happening, but those
    inside a name or capitalised mid-sentence ("the Chargers"): a participant, not what
    it did. None without a ``Doc`` (the rules-only fallback cannot tell a verb from a
    name).

    A headline in title case ("Earthquake Levels Villages on Iranian Island") is where
    the tagger fails: it reads every capitalised word as a name. There a word counts as
    the article's body tags it where it writes it in lowercase ("the earthquake")."""
    if doc is None:
        return []
    body: dict[str, tuple[str, str]] = {}
    for t in doc:
        if t.text.islower() and not t.ent_type_:
            lemma = (t.lemma_ or t.text).lower()
            body.setdefault(t.text, (lemma, t.pos_))
            body.setdefault(lemma, (lemma, t.pos_))
    titled = _title_case_lines(doc.text)
    out = []
    for token in doc:
        headline = token.text[0].isupper() and _in(titled, token.idx)
        if headline:
            lemma, pos = _as_body_writes(token.text.lower(), body)
        elif token.ent_type_:
            continue
        else:
            lemma, pos = (token.lemma_ or token.text).lower(), token.pos_
        if not lemma.isalpha() or len(lemma) < 3:
            continue
        # "Chargers general manager ...": a capitalised word is a name unless it opens a
        # sentence and the article also writes it in lowercase ("Police said ...")
        if token.text[0].isupper() and not headline and not (
                token.is_sent_start and token.text.lower() in body):
            continue
        deed = pos == "VERB" and lemma not in LIGHT_VERBS or (
            pos == "ADJ" and lemma in EVENT_ADJECTIVES)
        if deed or pos == "NOUN" and lemma not in GENERIC_NOUNS:
            out.append(Happening(lemma, Span(token.idx, token.idx + len(token), token.text),
                                 deed))
    return out


def _as_body_writes(word: str, body: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """``(lemma, tag)`` of a headline word as the body writes it or its lemma: "Checks"
    is "check" where the body says "checked"; ``("", "")`` if the body never does."""
    for form in (word, word[:-1] if word.endswith("s") else "",
                 word[:-2] if word.endswith("es") else ""):
        if form in body:
            return body[form]
    return "", ""


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines written in title case (most words capitalised): a
    headline, whose capitals say nothing about names. Lines, not the parser's sentences,
    which run a headline into the lead below it."""
    out, start = [], 0
    for line in text.split("\n"):
        if is_title_case(line):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def is_title_case(line: str) -> bool:
    """Most of the line's longer words capitalised (a headline)."""
    words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)
