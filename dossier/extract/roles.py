"""Roles, affiliations and descriptions: "UK defence secretary Ben Wallace",
"Mykhailo Podolyak, a top aide to ...", "his Russian equivalent, Sergei Shoigu",
and later "the Russian defence secretary", "the ministry", which must be resolved
back to an entity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.extract import places
from dossier.extract.mentions import Mention
from dossier.model import Entity

if TYPE_CHECKING:
    from dossier.extract.entities import EntityIndex

ROLE_HEADS = (
    "secretary", "minister", "president", "counterpart", "equivalent", "aide", "adviser",
    "advisor", "spokesman", "spokeswoman", "spokesperson", "chief", "head", "leader",
    "director", "ambassador", "general", "commander", "official", "chancellor", "governor",
    "mayor", "senator", "envoy", "diplomat", "king", "queen", "premier", "chairman", "chair",
    "nominee", "candidate", "prosecutor", "judge", "ceo", "founder", "analyst", "correspondent",
    "reporter", "editor", "professor", "economist", "lawmaker", "congressman", "congresswoman",
)
#: Words that end an office after its head: "head coach", "general manager".
_HEAD_TAILS = ("coach", "manager", "officer", "executive", "attorney", "counsel")
ORG_HEADS = ("ministry", "council", "department", "government", "agency", "embassy", "army",
             "military", "alliance", "office", "campaign", "administration", "committee")
#: Words an organisation's description uses for names that do not contain them.
ORG_HINTS = {"alliance": ("nato", "alliance"), "ministry": ("ministry", "mod"),
             "government": ("government", "kremlin", "white house", "downing street")}
_ROLE = r"(?:" + "|".join(ROLE_HEADS) + r")"
_ROLE_RE = re.compile(r"\b" + _ROLE + r"s?\b", re.I)
_BOUNDARY_WORDS = (r"(?:[\n,;:(“”\"—–]|\b(?:with|by|and|that|from|for|said|says|told|in|on|"
                   r"as|after|before|between|to)\b)")
_BOUNDARY = re.compile(_BOUNDARY_WORDS + r"(?!.*" + _BOUNDARY_WORDS + r")", re.S)
_DET = re.compile(r"^(?:the|a|an|his|her|their|its|our)\s+", re.I)
_DESC = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+((?:[\w’'-]+\s+){0,3}?)((?i:" + _ROLE + r"|"
    + "|".join(ORG_HEADS) + r"))\b(?:\s+(?i:" + "|".join(_HEAD_TAILS) + r")\b)?"
    r"(?!\s+(?:of\s+)?[A-Z])")
_POSS_ORG = re.compile(
    r"((?:the\s+)?[A-Z][\w]+(?:\s+[A-Z]\w+)*)[’']s\s+((?:[a-z]+\s+){0,3}(?:" + "|".join(ORG_HEADS)
    + r"))\b")


#: Words no office holds, at which a role candidate ends: verbs and clause openers.
#: Before a name the office is what follows the last of them ("President Obama had asked
#: the CNN medical correspondent Dr. Sanjay Gupta"); elsewhere they make a phrase a piece
#: of a sentence ("is the fourth head coach since").
CLAUSE_WORDS = frozenset({
    "is", "was", "are", "were", "be", "been", "being", "has", "had", "have", "will", "would",
    "can", "could", "may", "might", "shall", "should", "must", "do", "does", "did", "when",
    "who", "whom", "whose", "which", "where", "since", "maybe", "also", "said", "says",
    "asked", "told", "name", "names", "knows", "announces", "nominates", "hires", "fires",
})
#: "-ed" / "-ing" words that do belong in an office: "retired general", "acting president".
OFFICE_PARTICIPLES = frozenset({
    "retired", "elected", "designated", "appointed", "disgraced", "embattled", "newly-elected",
    "acting", "outgoing", "incoming", "managing", "leading", "ruling", "governing",
    "presiding", "reigning", "serving", "sitting", "founding", "visiting", "coaching",
    "ranking", "united", "assistant",
})
#: A title or initial between an office and the name it belongs to: "spokesman Const.",
#: "general manager A. J. Smith", "correspondent Dr. Sanjay Gupta".
_TITLE = re.compile(r"(?:[A-Z]\.|(?:Dr|Const|Sgt|Insp|Capt|Lt|Col|Rev|Mr|Mrs|Ms)\.?|Doctor|"
                    r"Constable|Inspector|Sergeant|Sister|Father)")
#: Words an office does not end on: "chair of the", "executive director of".
_DANGLING = frozenset({"the", "a", "an", "of", "to", "and", "or", "our", "his", "her", "their",
                       "its", "-", "--", "’", "'"})
#: A plural office is several people's ("worked under head coaches ..."), no one's role.
_PLURAL_HEADS = frozenset(h + ("es" if h.endswith(("ch", "sh")) else "s") for h in (
    *ROLE_HEADS, *_HEAD_TAILS))
#: An ordinal counts holders ("the fourth head coach since ..."): no one's office.
_ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"\d+(?:st|nd|rd|th))\b", re.I)


def breaks_office(word: str) -> bool:
    """A clause word or a verb form (not an office participle): no office holds it."""
    w = word.lower().strip(".,;:!?\"“”()")
    return w in CLAUSE_WORDS or (len(w) > 4 and w.endswith(("ed", "ing"))
                                 and w not in OFFICE_PARTICIPLES)


def office(phrase: str) -> str | None:
    """``phrase`` as an office ("the UK’s defence secretary" -> "UK defence secretary"), or
    None where it is a piece of a sentence, names no role, ends mid-phrase, counts holders,
    or is what an office is of ("policies of President")."""
    words = clean_role(phrase).split()
    while words and _TITLE.fullmatch(words[-1]):
        words.pop()
    while words and words[0].lower() in _DANGLING:
        words.pop(0)
    if not words or words[-1].lower() in _DANGLING or any(breaks_office(w) for w in words):
        return None
    text = " ".join(words)
    lower = text.lower().split()
    if not _ROLE_RE.search(text) or _ORDINAL.search(text) or lower[-1] in _PLURAL_HEADS:
        return None
    if "of" in lower and any(_ROLE_RE.fullmatch(w) for w in lower[lower.index("of") + 1:]):
        return None
    return text


def _office_before(before: str) -> str | None:
    """The office written just before a name ("UK defence secretary Ben Wallace"): the
    words after the last boundary, clause word or verb."""
    cut = _BOUNDARY.search(before)
    pre = (before[cut.end():] if cut else before).split("\n")[-1]
    if pre.rstrip().endswith(","):
        return None
    words = pre.split()
    for i in range(len(words) - 1, -1, -1):
        if breaks_office(words[i]):
            words = words[i + 1:]
            break
    found = office(" ".join(words))
    lower = found.lower().split() if found else []
    if lower and "of" not in lower and not _ROLE_RE.search(lower[-1]) and (
            lower[-1] not in _HEAD_TAILS):
        return None  # "President Obama" before "Nominates Regina Benjamin": Obama's office
    return found


def clean_role(phrase: str) -> str:
    """"The UK’s defence secretary" -> "UK defence secretary"."""
    phrase = _DET.sub("", phrase.strip(" ,"))
    return re.sub(r"[’']s\b", "", re.sub(r"\s+", " ", phrase)).strip()


def _affiliations(phrase: str) -> list[str]:
    out = []
    for w in re.findall(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w’'-]*)*", phrase):
        c = places.country(re.sub(r"[’']s$", "", w))
        if c and c not in out:
            out.append(c)
    return out


def find_roles(text: str, mentions: list[Mention]) -> tuple[list[str], list[str]]:
    """Roles and affiliations stated next to any of one person's name mentions."""
    found: list[str | None] = []
    for m in mentions:
        if m.kind != "name":
            continue
        before = text[max(0, m.start - 90):m.start]
        after = text[m.end:m.end + 140]
        found.append(_office_before(before))
        app = re.match(r",\s+((?:a|an|the|his|her)\s+[^,.;()“”]{3,110}?)(?=,|\.|;|$)", after)
        then_name = app and re.match(r",\s*(?:[A-Z][\w’'-]+\s+){1,3}", after[app.end():])
        if app and not then_name:
            found.append(office(app.group(1)))
        lead = re.search(r"(?:^|[\s(])((?:his|her|their|the|a|an)\s+[^,.;“”]{2,60}?" + _ROLE
                         + r"s?)\s*,\s*$", before, re.I)
        if lead:
            found.append(office(lead.group(1)))
        poss = re.search(r"([A-Z][\w.]+(?:\s+[A-Z]\w+)*)[’']s\s+$", before)
        if poss and places.country(poss.group(1)):
            found.append(poss.group(1) + " official")
    roles = [r for r in dict.fromkeys(found) if r and len(r) < 120]
    affs = [a for r in roles for a in _affiliations(r)]
    return roles, list(dict.fromkeys(affs))


def find_descriptions(text: str, names: list[Mention]) -> list[Mention]:
    """Definite descriptions of people and organisations not already part of a name."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in names if m.type in ("PERSON", "ORG", "OTHER")]
    for m in _POSS_ORG.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), "ORG", "description:new"))
        taken.append((m.start(), m.end()))
    for m in _DESC.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        head = m.group(2).lower()
        kind = "ORG" if head in ORG_HEADS else "PERSON"
        out.append(Mention(m.start(), m.end(), m.group(0), kind, "description"))
    return out


def _same_head(desc: str, role: str) -> bool:
    norm = lambda s: s.lower().replace("defense", "defence")  # noqa: E731
    head = _ROLE_RE.findall(norm(desc))
    return bool(head) and head[-1].rstrip("s") in norm(role)


def describe(d: Mention, index: EntityIndex, sents: list[tuple[int, int]]) -> Entity | None:
    """The entity a description refers to, or a new one for "Moscow's defence ministry"."""
    if d.kind == "description:new":
        ent = Entity(f"e{len(index.entities) + 1}", re.sub(r"[’']s\b", "", d.text), "ORG")
        ent.normalized = ent.name
        owner = re.match(r"(?:the\s+)?(.+?)[’']s", d.text)
        if owner:
            c = places.country(owner.group(1)) or places.capital_of(owner.group(1))
            ent.affiliations = [c] if c else [owner.group(1)]
        index.entities.append(ent)
        d.kind = "description"
        return ent
    earlier = [m for m in sorted(index.mentions, key=lambda m: -m.start)
               if m.start < d.start and m.key and m.kind == "name"]
    if d.type == "ORG":
        head = _DESC.match(d.text).group(2).lower()
        names = ORG_HINTS.get(head, (head,))
        for m in earlier:
            ent = index.get(m.key)
            if ent and ent.type == "ORG" and any(n in ent.name.lower() for n in names):
                return ent
        return None
    ent, matched = _person_for(d, index, earlier)
    if ent is not None:
        role = office(d.text)
        # the office is the person's only where something matched it to them (a role,
        # a nationality): "the judge" resolved to the nearest name is a guess for the
        # mention, never a fact about that person
        if role and matched and role not in ent.roles and not re.match(
                r"(?:his|her|their)\b", d.text, re.I):
            ent.roles.append(role)
        for a in _affiliations(d.text):
            if a not in ent.affiliations:
                ent.affiliations.append(a)
    return ent


_RELATIONAL = {"counterpart", "equivalent", "official", "aide", "adviser", "advisor"}


def _conflicts(head: str, roles: list[str]) -> bool:
    """A person already holding a different office is not "the president"."""
    heads = {h.lower().rstrip("s") for r in roles for h in _ROLE_RE.findall(r)} - _RELATIONAL
    return bool(heads) and head not in heads and head not in _RELATIONAL


def _person_for(d: Mention, index: EntityIndex, earlier: list[Mention]
                ) -> tuple[Entity | None, bool]:
    """A role match among people already mentioned; else the nearest role-less person
    of a compatible nationality (earlier first, then the next one named). The flag says
    whether a role or a stated nationality matched, not mere nearness."""
    nat = _affiliations(d.text)
    ranked: list[Entity] = []
    for m in earlier:
        e = index.get(m.key)
        if e is not None and e.type == "PERSON" and all(e is not r for r in ranked):
            ranked.append(e)
    fits = [e for e in ranked if any(_same_head(d.text, r) for r in e.roles)
            and (not nat or set(nat) & set(e.affiliations))]
    if fits:
        return fits[0], True
    head = _ROLE_RE.findall(d.text.lower())[-1].rstrip("s")
    same_nation = [e for e in ranked[:4] if nat and set(nat) & set(e.affiliations)
                   and not _conflicts(head, e.roles)]
    if same_nation:
        return same_nation[0], True
    compatible = [e for e in ranked[:3] if not e.roles and
                  (not nat or not e.affiliations or set(nat) & set(e.affiliations))]
    if compatible:  # "the Russian president": a nationality that does not clash is a match
        return compatible[0], bool(nat)
    later = sorted((m for m in index.mentions if m.start > d.end and m.key and m.kind == "name"),
                   key=lambda m: m.start)
    for m in later[:6]:
        e = index.get(m.key)
        if e and e.type == "PERSON" and (not nat or not e.affiliations
                                         or set(nat) & set(e.affiliations)):
            return e, False
    return None, False
