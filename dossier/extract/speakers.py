"""From raw attributions to :class:`~dossier.model.Quote`: speaker spans resolved to
the article's entities ("he" -> Sergei Shoigu, "the ministry" -> Britain's Ministry
of Defence), readable speaker names, and speech acts.
"""

from __future__ import annotations

import re

from dossier.extract.entities import EntityIndex
from dossier.extract.mentions import Mention
from dossier.extract.nominals import PERSON_NOUNS
from dossier.extract.quotes import RawQuote
from dossier.extract.speech_acts import speech_act
from dossier.model import Entity, Quote, Span

_POSSESSIVE = {"his", "her", "its", "their"}


def head_entity(index: EntityIndex, text: str, start: int, end: int) -> Entity | None:
    """The entity a phrase is about: its first person/organisation mention that is not a
    possessor ("his ministry", "Britain's Ministry" -> the ministry), else any mention."""
    inside = [m for m in index.mentions if start <= m.start and m.end <= end + 1 and m.key]
    if not inside:
        m = index.at(start, end)
        return index.get(m.key) if m else None
    def rank(m: Mention) -> tuple[int, int, int, int]:
        possessor = m.text.lower() in _POSSESSIVE or bool(
            re.match(r"[’']s\b", text[m.end:m.end + 2]))
        ent = index.get(m.key)
        actor = ent is not None and (ent.type in ("PERSON", "ORG") or ent.is_actor)
        return (int(possessor), int(not actor), int(_titles_a_name(m, inside, text)), m.start)
    best = min(inside, key=rank)
    ent = index.get(best.key)
    if ent is not None and ent.type in ("GPE", "NORP") and best.kind == "name" and \
            re.match(r"(?:-\w+\s+|\s+[a-z]+)", text[best.end:best.end + 12]) and \
            not re.match(r"[’']s", text[best.end:best.end + 2]):
        return None  # "Russian-backed authorities", "Russian news outlets": a group
    return ent


#: Most title words between a body's name and a person's: "Highway Patrol Officer Brad
#: Baehr", "Navy spokesman Commander Nirad Sinha".
_TITLE_WORDS = 2


def _titles_a_name(m: Mention, inside: list[Mention], text: str) -> bool:
    """Whether a mention only qualifies the person named right after it: "Highway Patrol"
    in "Highway Patrol Officer Brad Baehr" (a tagger may call both people). What stands
    between must be title words: capitalised, or a person's noun ("spokesman")."""
    for other in inside:
        if other.start <= m.end or other.key == m.key or " " not in other.text.strip():
            continue
        between = text[m.end:other.start].split()
        if len(between) <= _TITLE_WORDS and all(
                w[:1].isupper() or w.lower() in PERSON_NOUNS for w in between):
            return True
    return False


def build_quotes(text: str, raws: list[RawQuote], index: EntityIndex) -> list[Quote]:
    """Resolve speakers and classify acts for every raw attribution."""
    out = []
    for q in raws:
        ent = head_entity(index, text, *q.speaker) if q.speaker else None
        span = Span(q.speaker[0], q.speaker[1], text[q.speaker[0]:q.speaker[1]]) \
            if q.speaker else None
        cue_text = text[q.cue[0]:q.cue[1]] if q.cue else ""
        content = Span(q.content[0], q.content[1], text[q.content[0]:q.content[1]])
        out.append(Quote(
            content=content,
            cue=Span(q.cue[0], q.cue[1], cue_text) if q.cue else None,
            speaker=ent.key if ent else None,
            speaker_span=span,
            kind=q.kind,
            act=speech_act(cue_text or q.cue_word, content.text),
            speaker_name=ent.name if ent else (span.text if span else None),
        ))
    return out
