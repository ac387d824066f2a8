"""Name mentions in an article: from the pipeline's NER when there is one, else from
capitalisation, typed with the place tables and a few strong cues (titles, ORG words).

The pipeline is still young (its NER calls "Sebastien Lecornu" an ORG now and
then), so a mention's type here is a vote: a title ("Mr") makes a person, a
country name a place, "Ministry"/"Council" an organisation; the model decides the
rest. With no model at all the same rules run on capitalised word sequences,
which is weaker (sentence-initial words, headlines) but keeps extraction working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dossier.extract import places

TITLE = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Sir|Dame|Lord|Lady|Rev|Col|Capt|Lt|Sgt|Adm|"
    r"President|Prime Minister|Chancellor|King|Queen|Pope|Senator|Governor|Mayor)\.?\s+$")
_WORD = r"(?:[A-Z][\w-]*(?:[’'](?!s\b)\w+)?|[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.?)"
_NAME = re.compile(r"(?<![\w’'])" + _WORD + r"(?:(?:[ \t]+(?:of|for|de|du|van|von|bin|al)){0,2}"
                   r"[ \t]+" + _WORD + r")*")
_ROLE_PREFIX = re.compile(
    r"^(.*\b(?:Secretary|Minister|President|Chancellor|Ambassador|General|Director|Chief|"
    r"Spokesman|Spokeswoman|Senator|Governor|Mayor)(?:\s+of(?:\s+the)?\s+[A-Z]\w+)?)\s+"
    r"(?=[A-Z])")
ORG_WORDS = re.compile(
    r"\b(?:Ministry|Department|Council|House|Nato|NATO|Union|Agency|Party|Committee|Office|"
    r"Pentagon|Kremlin|Reuters|AFP|AP|Post|Times|Bank|Institute|University|Company|Inc|Corp|"
    r"Group|Forces|Army|Navy|Court|Senate|Congress|Parliament|Government|Commission|"
    r"Organi[sz]ation|Association|League|News|Telegraph|Independent|Guardian|BBC|CNN|Fed|"
    r"Foundation|Campaign|Alliance|Command|Service|Intelligence|Police|Assembly|UN|EU|Images|"
    r"Press|Media|Network|Airlines|Club|Institution|Daily|Wire|Herald|Tribune|Gazette|Journal|"
    r"Courier|Ledger|Chronicle|Industries|Holdings|Technologies|Motors|Pharmaceuticals|"
    r"Chemicals|Polymers|Enterprises)\b")
STOP = {
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "however", "following",
    "alongside", "as", "after", "before", "since", "when", "while", "if", "this", "that",
    "these", "those", "his", "her", "their", "its", "our", "my", "he", "she", "they", "we",
    "it", "i", "you", "last", "next", "some", "many", "more", "most", "also", "then", "there",
    "here", "what", "who", "why", "how", "where", "join", "follow", "sign", "read", "please",
    "additional", "thanks", "get", "yes", "no", "not", "so", "all", "one", "two", "three",
    "during", "with", "without", "about", "according", "despite", "although", "though",
    "meanwhile", "still", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "dr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "oct", "nov", "dec", "sept", "aug", "local", "top",
    "from", "by", "to", "of", "up", "out", "into", "over", "under", "now", "just", "even",
}
LOC_WORDS = re.compile(r"\b(?:River|Sea|Ocean|Lake|Mountains?|Valley|Gulf|Bay|Island|Peninsula|"
                       r"Strait|Desert|Region|Oblast|Province)\b")
TIME_WORDS = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|"
                        r"March|April|May|June|July|August|September|October|November|December|"
                        r"Christmas|Easter)$")
ROLE_TAIL = re.compile(r"\b(?:Secretary|Minister|President|Chancellor|Spokesman|Spokeswoman|"
                       r"Ambassador|General|Director|Chief)$")
_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC",
           "NORP": "NORP", "FAC": "LOC"}


@dataclass
class Mention:
    """One mention: a name, a description ("the Russian defence secretary") or a pronoun."""

    start: int
    end: int
    text: str
    type: str
    kind: str = "name"
    titled: bool = False
    key: str | None = None


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding whitespace, leading stop words ("The", "In") and a trailing
    possessive from a span (a model's entity can end on a paragraph break)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while True:
        m = re.match(r"([\w’'.]+)\s+", text[s:e])
        if m and m.group(1).lower().rstrip(".") in STOP and s + m.end() < e:
            s += m.end()
        else:
            break
    m = re.search(r"(?:[’']s?|-(?:backed|led|based|born|speaking|controlled|occupied|held|"
                  r"run|style|era|made))$", text[s:e])
    if m:
        e = s + m.start()
    return s, e


def _type_of(text: str, span: str, start: int, label: str | None) -> tuple[str, bool]:
    titled = bool(TITLE.search(text[max(0, start - 20):start]))
    if titled:
        return "PERSON", True
    if places.country(span):
        return ("NORP" if places.is_demonym(span) else "GPE"), False
    if places.capital_of(span):
        return "GPE", False
    if LOC_WORDS.search(span):
        return "LOC", False
    if ORG_WORDS.search(span):
        return "ORG", False
    if label in _LABELS:
        return _LABELS[label], False
    words = span.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return "PERSON", False
    return "OTHER", False


def name_mentions(text: str, doc: Any | None = None) -> list[Mention]:
    """Typed name mentions, longest first where NER and capitalisation disagree."""
    spans: list[tuple[int, int, str | None]] = []
    if doc is not None:
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents
                 if e.label_ in _LABELS]
    for m in _NAME.finditer(text):
        s, e = _strip(text, m.start(), m.end())
        role = _ROLE_PREFIX.match(text[s:e])
        if role:  # "U.S. Secretary of Defense Lloyd Austin": the person is the tail
            s += role.end()
        word = text[s:e]
        if e <= s or word.lower().rstrip(".") in STOP or word.isupper() and len(word) > 4:
            continue
        inside = [sp for sp in spans if sp[0] < e and s < sp[1]]
        if not inside:
            if _sentence_initial(text, s) and " " not in word and not places.country(word) \
                    and doc is not None:
                continue  # a capitalised first word the model did not call a name
            spans.append((s, e, None))
        elif ORG_WORDS.search(word) and all(s <= a and b <= e for a, b, _ in inside):
            spans = [sp for sp in spans if sp not in inside] + [(s, e, "ORG")]
    out = []
    for s, e, label in sorted(spans):
        s, e = _strip(text, s, e)
        if e - s < 2 or TIME_WORDS.match(text[s:e]) or ROLE_TAIL.search(text[s:e]):
            continue  # weekdays are dates; "Defense Secretary" is a description
        kind, titled = _type_of(text, text[s:e], s, label)
        out.append(Mention(s, e, text[s:e], kind, "name", titled))
    _persons_by_context(text, out)
    return out


_APPOSITIVE_ROLE = re.compile(
    r"^,\s+(?:a|an|the|his|her)\s+[^,.;]{0,60}?\b(?:secretary|minister|president|aide|adviser|"
    r"spokes\w+|chief|leader|director|ambassador|general|commander|official|governor|mayor|"
    r"senator|envoy|diplomat|chairman|analyst|professor)\b", re.I)


def _persons_by_context(text: str, out: list[Mention]) -> None:
    """"Sebastien Lecornu" tagged ORG, but "Mr Lecornu" elsewhere or ", the French defence
    minister" right after: the person reading wins."""
    surnames = {m.text for m in out if m.type == "PERSON" and " " not in m.text}
    for m in out:
        words = m.text.split()
        if m.type in ("ORG", "LOC", "OTHER") and 2 <= len(words) <= 3 and \
                not ORG_WORDS.search(m.text) and not LOC_WORDS.search(m.text) and \
                (words[-1] in surnames or _APPOSITIVE_ROLE.match(text[m.end:m.end + 90])):
            m.type = "PERSON"


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or bool(re.search(r"(?:[.!?][”\"]?\s+|\n\s*|[“\"])$", before))
