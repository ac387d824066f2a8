"""Actions: what a clause says happened, who did it and to what, read from the text.

Extraction's events carry the action when it has parsed the article; this table
is the fallback that keeps two things working without it: telling a fact with a
doer and a deed from background colour (ranking), and noticing that two outlets
name different doers of the same deed (the "who did it" contradiction). It is a
small table of the verbs news events are told with, kept deliberately literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.story import text as T
from dossier.story.similarity import terms

#: Action class -> verb forms. Order matters: the first class whose verb occurs wins.
ACTIONS: dict[str, str] = {
    "shoot": r"opened\s+fire|fired\s+(?:at|on|shots)|shot(?!\s+dead)",
    "kill": r"killed|murdered|slain|shot\s+dead|stabbed\s+to\s+death|gunned\s+down|strangled",
    "stab": r"stabbed",
    "arrest": r"arrested|detained|apprehended|took\s+\w+\s+into\s+custody",
    "charge": r"charged|indicted",
    "sentence": r"sentenced|convicted|found\s+guilty",
    "die": r"died|passed\s+away",
    "resign": r"resigned|stepped\s+down",
    "fire": r"fired|sacked|ousted",
    "appoint": r"hired|appointed|nominated|tapped",
    "sign": r"signed|re-signed",
    "acquire": r"acquired|bought|purchased|took\s+over",
    "win": r"won|beat|defeated|edged|routed|knocked\s+out|retained",
    "lose": r"lost\s+to",
    "score": r"scored",
    "pass": r"threw\s+for|passed\s+for",
    "rush": r"rushed\s+for",
    "release": r"released|launched|unveiled",
    "enter": r"checked\s+(?:\w+self\s+|themselves\s+)?into|entered",
    "strike": r"struck|rocked|jolted|hit",
    "destroy": r"destroyed|damaged|burned|gutted|razed|devastated",
    "rescue": r"rescued|evacuated",
    "attack": r"attacked|bombed|hijacked|seized|raided|robbed",
    "urge": r"urged",
    "announce": r"announced",
}
_TRIGGERS = [(name, re.compile(rf"\b(?:{verbs})\b", re.I)) for name, verbs in ACTIONS.items()]
_AUX = r"(?:(?:has|have|had|was|were|is|are|been|be|will|would|also|reportedly|allegedly|" \
       r"then|later|fatally|apparently|officially|finally)\s+){0,3}"
_NAME = T.NAME_RE.pattern
#: The doer named right before the verb: "Jonas Ekberg (, 23,) has scored".
_ACTIVE = re.compile(rf"({_NAME})(?:\s*,[^.;]{{1,160}},)?\s+{_AUX}$")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_BY = re.compile(rf"^(?:\s+[^,.;]{{0,30}}?)?\s+by\s+(?:the\s+)?({_NAME})")
_OBJECT = re.compile(
    r"^\s+(?:(?:at|on|in|into|to|for|against|with|over)\s+)?"
    rf"(?:(?:the|a|an|his|her|its|their)\s+)?({_NAME}|[\w\-]+(?:\s+[\w\-]+){{0,2}})")
#: Doers too generic to contradict anyone: "police arrested" vs "FBI agents arrested".
GENERIC_AGENTS = {
    "police", "officials", "authorities", "investigators", "officers", "witnesses", "troopers",
    "deputies", "prosecutors", "reports", "sources", "he", "she", "they", "it", "we", "i",
}


@dataclass(frozen=True)
class Action:
    """One deed in a clause: its class, the doer and what it was done to (names when given)."""

    name: str
    agent: str | None
    object: str | None
    passive: bool = False

    @property
    def object_terms(self) -> frozenset[str]:
        return frozenset(terms(self.object or ""))


def find_action(clause: str) -> Action | None:
    """The clause's first tabled deed, with its doer (active subject or "by" agent)."""
    found = [(m.start(), name, m) for name, pattern in _TRIGGERS
             for m in [pattern.search(clause)] if m]
    if not found:
        return None
    _, name, match = min(found, key=lambda f: f[0])
    head, tail = clause[: match.start()], clause[match.end() :]
    before = _ACTIVE.search(head)
    if _PASSIVE.search(head):
        by = _BY.match(tail)
        subject = _last_name(head)
        return Action(name, _clean(by.group(1)) if by else None, subject, passive=True)
    obj = _OBJECT.match(tail)
    agent = _clean(before.group(1)) if before else None
    return Action(name, agent, obj.group(1) if obj else None)


def _last_name(text: str) -> str | None:
    found = T.names(text)
    return found[-1][1] if found else None


def _clean(name: str) -> str | None:
    name = T.strip_honorific(name)
    first = name.split()[0].lower() if name else ""
    dateline = " " in name and name.isupper()  # "PORT LISKEN, April 8 (Wire) - ..."
    return name if name and first not in T.SENTENCE_STARTERS and not dateline else None


def is_named_agent(name: str | None) -> bool:
    """A proper doer worth contradicting: capitalised, not a generic group or pronoun."""
    return bool(name) and name[0].isupper() and name.lower() not in GENERIC_AGENTS  # type: ignore[index]
