"""Speakers: who says a clause, and with which speech act.

Extraction's quotes name a speaker where the parser found one; otherwise the
clause's own words decide: a cue verb ("refuted", "said") and the name, role or
body just before it ("Heydar Alishbandi, Governor of Qeshm island, said"), a
pronoun's antecedent, never a place ("in Dubai") or an owner ("Iran's"). No
speaker is better than a wrong one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.extract.quotes import ATTRIBUTIVE, PASSIVE_CUE, reports_no_words
from dossier.model import Extraction, Quote
from dossier.story import text as T
from dossier.story.places import is_place

if TYPE_CHECKING:
    from dossier.story.clauses import ArticleContext, Clause

#: Cue verbs -> speech act, used when extraction gives no quote for a clause.
CUES: dict[str, str] = {
    **dict.fromkeys(("claimed", "alleged", "accused", "insisted", "asserted"), "claim"),
    **dict.fromkeys(("claims", "alleges", "accuses", "insists"), "claim"),
    **dict.fromkeys(("refuted", "refutes", "refute"), "refuted"),
    **dict.fromkeys(("rejected", "rejects", "reject"), "rejected"),
    **dict.fromkeys(("denied", "denies", "deny"), "denied"),
    **dict.fromkeys(("dismissed", "dismisses"), "dismissed"),
    **dict.fromkeys(("disputed", "disputes", "rebuffed", "contradicted"), "disputed"),
    **dict.fromkeys(("confirmed", "confirms", "backed", "corroborated"), "backed"),
    **dict.fromkeys(("warned", "cautioned", "warns", "cautions"), "warn"),
    **dict.fromkeys(
        ("said", "says", "told", "stated", "added", "announced", "reaffirmed", "reiterated"),
        "state",
    ),
}
RESPONSE_ACTS = {"refuted", "rejected", "denied", "dismissed", "disputed", "backed"}
QUOTE_ACTS = {"claim": "claim", "accuse": "claim", "deny": "denied", "warn": "warn"}
_CUE_RE = re.compile(r"(?<![-\w])(" + "|".join(CUES) + r")\b")
_AUX = re.compile(r"(?:\s+(?:also|has|had|have|was|is|then|later|however|categorically|"
                  r"flatly|strongly|swiftly|has since|quickly))+$")
_NP = re.compile(r"(?:the|a|an)\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)$", re.IGNORECASE)
_PRIORITY = {"refuted": 5, "rejected": 5, "denied": 5, "dismissed": 5, "disputed": 5,
             "backed": 4, "claim": 3, "warn": 2, "state": 1}


def apply_cues(clause: Clause, ctx: ArticleContext) -> None:
    """Pick the strongest cue verb; its speaker is the name just before it, else the subject."""
    # "the alleged gunman" claims nothing; "X is accused of" names the accused, not an accuser
    text = clause.text
    cues = [m for m in _CUE_RE.finditer(text)
            if not ATTRIBUTIVE.search(text[max(0, m.start() - 12) : m.start()])
            and not PASSIVE_CUE.search(text[max(0, m.start() - 16) : m.start()])
            and not reports_no_words(text, (0, len(text)), m.span(), m.group(1))]
    if not cues:
        return
    best = max(cues, key=lambda m: _PRIORITY[CUES[m.group(1)]])
    act = CUES[best.group(1)]
    if clause.act not in (None, "state") and act not in RESPONSE_ACTS:
        return
    prev_end = max((m.end() for m in cues if m.start() < best.start()), default=0)
    quoted = clause.speaker if clause.act else None
    # Who refuted is the refute verb's subject, not whoever reports it ("the ministry
    # said that the Defense Secretary refuted"); claims keep the quote's speaker.
    speaker = None if act in RESPONSE_ACTS else quoted
    between = clause.text[prev_end : best.start()]
    if act in RESPONSE_ACTS and not _PRONOUN.search(_AUX.sub("", between.rstrip(" ,"))):
        speaker = _speaker_before(between, ctx, clause)
    if prev_end and not T.names(between):  # "X said that it rejected": X rejected
        speaker = speaker or _speaker_before(clause.text[: cues[0].start()], ctx, clause)
    speaker = speaker or _speaker_before(between, ctx, clause) or quoted
    if speaker or act not in ("claim", *RESPONSE_ACTS):
        clause.act, clause.speaker = act, speaker


#: Extraction actions that answer a claim: their source is the responder.
RESPONSE_ACTIONS = ("reject", "deny")


def event_responder(ex: Extraction, clause: Clause, ctx: ArticleContext) -> str | None:
    """The source of extraction's reject/deny event in this clause's sentence, resolved.

    Several such events in one sentence: the one whose source the clause names.
    """
    a, b = clause.span.start, clause.span.end
    names = []
    for event in ex.events:
        inside = event.sentence.start <= a < event.sentence.end or a <= event.sentence.start < b
        if inside and event.action in RESPONSE_ACTIONS and event.source:
            names.append(ctx.resolve(event.source_name or entity_name(ex, event.source)))
    named = [n for n in names if n and n.split()[-1] in clause.text]
    return (named or names or [None])[0]


def quote_speaker(quote: Quote, ex: Extraction | None, ctx: ArticleContext) -> str | None:
    """The quote's speaker: a resolved entity, or an unresolved phrase naming an agent.

    Unresolved speakers like "As Russia" or "The statement" are parser debris, and
    "Moscow"/"Russian" name a side, not a speaker: the text cues decide those clauses.
    """
    if quote.speaker:
        return ctx.resolve(quote.speaker_name or entity_name(ex, quote.speaker))
    name = quote.speaker_name
    return ctx.resolve(name) if name and _is_agent_phrase(role_key(name)) else None


def overlapping_quote(quotes: list[Quote], a: int, b: int) -> Quote | None:
    for q in quotes:
        cue = q.cue or q.content
        if a <= cue.start < b or a <= q.content.start < b:
            return q
    return None


def entity_name(ex: Extraction | None, key: str | None) -> str | None:
    if ex is None or key is None:
        return None
    for entity in ex.entities:
        if entity.key == key:
            return entity.normalized or entity.name
    return key


def _speaker_before(head: str, ctx: ArticleContext, clause: Clause) -> str | None:
    """Who speaks, from the words before the cue verb: a role, a name, or a pronoun's antecedent."""
    head = _AUX.sub("", head.rstrip(" ,")).rstrip(" ,")
    if _PRONOUN.search(head):
        before = clause.sentence[: clause.sentence.find(clause.text)] + head
        persons = [n for _, n in T.names(before) if ctx.is_person(n)]
        found = ctx.resolve(persons[-1]) if persons else ctx.last_speaker
        # "He said he didn't know Jackson's blood-alcohol level": whoever "he" is, he is
        # not the Jackson his own sentence names after him.
        at = clause.text.find(head)
        after = clause.text[at + len(head):] if at >= 0 else ""
        if found and re.search(rf"\b{re.escape(found.split()[-1])}\b", after):
            return None
        return found
    parts = [p.strip(" \"“”‘’'") for p in head.split(",")]
    body = _ORG_PHRASE.search(parts[-1])
    if body and (not body.group(2) or is_place(body.group(2))):
        # "..., Vancouver police said", "Iran's seismologic center said": not the place
        return ctx.resolve(body.group(1))
    noun = _NP.fullmatch(parts[-1])
    if len(parts) >= 2 and noun and _is_agent_phrase(noun.group(1)):
        return ctx.resolve(noun.group(1))  # "In his call with X, the Russian defence secretary"
    if len(parts) >= 2 and re.match(r"(?:who|whose|which)\b", parts[-1]):
        parts = parts[:-1]  # "Snider, who attended King's news conference, said": Snider
    if len(parts) >= 2 and _is_role_apposition(parts[-1]) and _ends_with_name(parts[-2]):
        parts = parts[:-1]  # "Heydar Alishbandi, Governor of Qeshm island, said"
    elif len(parts) >= 2 and parts[-1] and parts[-1][0].isupper():
        parts = parts[-1:]  # "his Russian equivalent, Sergei Shoigu, claimed"
    elif len(parts) >= 2 and _APPOSITION.match(parts[-1]) and _ends_with_name(parts[-2], True):
        parts = parts[:-1]  # "X, a top aide to Y, dismissed": the apposition names Y, not X
    elif len(parts) >= 2 and parts[-1] and not T.names(parts[-1]):
        subject = _SUBJECT.search(parts[-1])  # "..., killing one man, police said": police
        return ctx.resolve(subject.group(1)) if subject and _is_agent_phrase(
            subject.group(1)) else None
    else:
        noun = _NP.search(head)
        if noun and _is_agent_phrase(noun.group(1)):
            return ctx.resolve(noun.group(1))
    # Places and owners ("in Dubai", "released to People", "Iran's") never speak:
    # no speaker is better than a wrong one.
    found = T.agent_names(", ".join(parts))
    return ctx.resolve(found[-1][1]) if found else None


def _is_role_apposition(part: str) -> bool:
    words = part.split()
    return bool(words) and words[0].lower() in T.ROLE_WORDS


def _ends_with_name(text: str, agent: bool = False) -> bool:
    """Whether ``text`` ends with a name (with ``agent``, one that can be a subject)."""
    found = T.agent_names(text) if agent else T.names(text)
    return bool(found) and text.endswith(found[-1][1])


_APPOSITION = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)
_SUBJECT = re.compile(r"((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)$")
_PRONOUN = re.compile(r"(?:^|\s)(?:he|she|they|it)$", re.IGNORECASE)
#: Last words of a body that speaks as one ("Vancouver police", "the ministry").
ORG_WORDS = ("ministry", "authority", "council", "party", "union", "company", "police",
              "government", "inspectorate", "office", "service", "agency", "department", "bank",
              "court", "army", "military", "committee", "commission", "brigade", "hospital",
              "center", "centre", "institute", "survey", "media", "television")


#: A named body speaking: "Vancouver police", "Iran's seismologic center" (group 2: the
#: possessor, which speaks for its body unless it is a place: "White House's council").
_ORG_PHRASE = re.compile(
    r"((?:([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})[’']s\s+|(?:[A-Z][\w’'\-]*\s+){1,3})"
    r"(?:[a-z]+\s+){0,2}(?:" + "|".join(ORG_WORDS) + r"))$")



def _is_agent_phrase(phrase: str) -> bool:
    words = phrase.lower().split()
    return bool(words) and words[-1] in (*T.ROLE_WORDS, *ORG_WORDS)


def role_key(phrase: str) -> str:
    """A role without its determiners: "the defence secretary", "his defence secretary"."""
    words = [w for w in phrase.lower().split() if w not in _DETERMINERS]
    return " ".join(words)


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "to", "of"}
