"""Per-line features and the rules that call a line boilerplate on its own.

A line is judged first by what it is (length, sentence punctuation, function
words, capitalisation) and what it says (sign-up, cookie, share, credit
language from ``patterns``). Each rule is a named predicate in ``LINE_RULES``;
the first that fires gives the reason recorded in ``Article.removed``. Rules
that depend on neighbours or on the corpus live in ``dossier.clean.text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.clean import patterns as P

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LineFeatures:
    """What the rules need to know about one line, computed once."""

    text: str
    n_words: int
    n_chars: int
    ends_sentence: bool
    stop_ratio: float
    title_ratio: float
    upper_ratio: float
    n_sentences: int

    @property
    def is_prose(self) -> bool:
        """Reads like running text: enough words, sentence-final, function words."""
        return self.n_words >= 8 and self.ends_sentence and self.title_ratio < 0.6

    @property
    def is_headline_like(self) -> bool:
        """Short, no sentence end, mostly capitalised words: a title or a link."""
        return (
            3 <= self.n_words <= 25
            and not self.ends_sentence
            and (self.title_ratio >= 0.6 or self.upper_ratio >= 0.8)
        )


def features(line: str) -> LineFeatures:
    """Compute ``LineFeatures`` for one stripped line."""
    words = WORD.findall(line)
    alpha = [w for w in words if w[0].isalpha()]
    content = [w for w in alpha if w.lower() not in P.TITLE_SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    upper = sum(1 for w in alpha if w.isupper() and len(w) > 1)
    stops = sum(1 for w in alpha if w.lower() in P.STOPWORDS)
    return LineFeatures(
        text=line,
        n_words=len(words),
        n_chars=len(line),
        ends_sentence=bool(P.SENTENCE_END.search(line)),
        stop_ratio=stops / len(alpha) if alpha else 0.0,
        title_ratio=capitalised / len(content) if content else 0.0,
        upper_ratio=upper / len(alpha) if alpha else 0.0,
        n_sentences=len(re.findall(r"[.!?\u2026][\"'\u201d\u2019)]*(?:\s|$)", line)),
    )


# ------------------------------------------------------------------ rules


def _newsletter(f: LineFeatures) -> bool:
    hits = {m.group(0).lower() for m in P.NEWSLETTER_CUES.finditer(f.text)}
    prose = f.is_prose and f.stop_ratio >= 0.3
    if len(hits) >= (3 if prose else 2) and (f.n_words <= 80 or len(hits) >= 4):
        return True
    return bool(hits) and f.n_words <= 12 and not prose


def _cookie(f: LineFeatures) -> bool:
    return f.n_words <= 80 and bool(P.COOKIE.search(f.text))


def _related_section(f: LineFeatures) -> bool:
    return f.n_words <= 10 and bool(P.RELATED_SECTION.match(f.text))


def _call_to_action(f: LineFeatures) -> bool:
    return f.n_words <= 30 and bool(P.CALL_TO_ACTION.search(f.text))


def _social(f: LineFeatures) -> bool:
    if f.n_words <= 30 and P.SOCIAL_INVITE.search(f.text):
        return True
    if P.SHARE_BAR.match(f.text) and f.n_words >= 1:
        return True
    if f.n_words <= 20 and P.SOCIAL_PRESENCE.search(f.text):
        return True
    return (
        f.n_words <= 12
        and bool(P.SOCIAL_HANDLE.search(f.text))
        and not re.search(r"\b(?:said|says|wrote|posted|tweeted)\b", f.text, re.I)
    )


def _credit(f: LineFeatures) -> bool:
    if f.n_words <= 30 and P.CREDIT.search(f.text):
        return True
    return f.n_words <= 40 and bool(P.CREDIT_ORIGIN.search(f.text))


def _caption(f: LineFeatures) -> bool:
    if f.n_words <= 80 and P.CAPTION_TRAILING_CREDIT.search(f.text):
        return True
    if f.n_words <= 40 and P.CAPTION_LABEL.search(f.text):
        return True
    return f.n_words <= 60 and bool(P.CAPTION_VIA.search(f.text))


def _copyright(f: LineFeatures) -> bool:
    if P.ALL_RIGHTS.search(f.text) and f.n_words <= 40:
        return True
    return f.n_words <= 20 and bool(P.COPYRIGHT.search(f.text))


def _no_words(f: LineFeatures) -> bool:
    return f.n_words == 0


#: Ordered (reason, predicate): the first predicate that holds names the removal.
LINE_RULES: list[tuple[str, Callable[[LineFeatures], bool]]] = [
    ("no_words", _no_words),
    ("newsletter", _newsletter),
    ("cookie", _cookie),
    ("credit", _credit),
    ("caption", _caption),
    ("related_section", _related_section),
    ("call_to_action", _call_to_action),
    ("social", _social),
    ("copyright", _copyright),
]


def line_reason(f: LineFeatures) -> str | None:
    """The name of the first line rule that calls ``f`` boilerplate, or None."""
    for reason, rule in LINE_RULES:
        if rule(f):
            return reason
    return None
