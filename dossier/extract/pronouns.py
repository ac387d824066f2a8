"""Third-person pronouns resolved to the article's entities, by agreement and salience.

In the spirit of Lappin and Leass (1994): an entity mentioned in the current sentence
or the three before it earns salience factors there (being mentioned; being a subject,
object or indirect object; not being tucked in a possessive; not being in a
prepositional phrase), each factor once per sentence, halved per sentence back; its
last mention playing the pronoun's own role (subject for subject) adds a parallelism
bonus, and mentions before the window a small topic term (the person an article is
about). Before salience, hard constraints: number (*they* is never one person), gender
(*she* is not Mr Wallace; see :mod:`dossier.extract.gender`), animacy (people are never
*it*; places take *it* only as actors), binding (in "Wallace thanked him", *him* is not
Wallace), and quotation (in "“Putin has failed,” he said", *he* is not Putin).

Common nouns compete too (:mod:`dossier.extract.nominals`): a pronoun that goes to "the
plan" or "a woman" is left unresolved rather than handed to the nearest entity.
Resolved pronouns join their entity and add salience for the next ones, and a gendered
pronoun settles the gender of a person the text had not gendered. Grammatical roles
come from the parse when there is one, else from word order and prepositions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dossier.extract import gender
from dossier.extract.mentions import Mention
from dossier.extract.nominals import PERSON_TYPES, PLURAL, SINGULAR, noun_phrases
from dossier.extract.segment import quote_regions
from dossier.model import Entity, Span

if TYPE_CHECKING:
    from dossier.extract.entities import EntityIndex


@dataclass(frozen=True)
class Pronoun:
    """What a pronoun form says about its antecedent, and its own grammatical role."""

    number: str  # "sg" or "pl"
    gender: str | None  # "m", "f", "n" (it) or None (they)
    role: str  # "subj", "obj", "poss", "refl", or "" (decided in context)


PRONOUNS: dict[str, Pronoun] = {
    "he": Pronoun("sg", "m", "subj"), "him": Pronoun("sg", "m", "obj"),
    "his": Pronoun("sg", "m", "poss"), "himself": Pronoun("sg", "m", "refl"),
    "she": Pronoun("sg", "f", "subj"), "her": Pronoun("sg", "f", ""),
    "hers": Pronoun("sg", "f", "poss"), "herself": Pronoun("sg", "f", "refl"),
    "it": Pronoun("sg", "n", ""), "its": Pronoun("sg", "n", "poss"),
    "itself": Pronoun("sg", "n", "refl"),
    "they": Pronoun("pl", None, "subj"), "them": Pronoun("pl", None, "obj"),
    "their": Pronoun("pl", None, "poss"), "theirs": Pronoun("pl", None, "poss"),
    "themselves": Pronoun("pl", None, "refl"),
}
#: Lower case or capitalised only: "IT" and "US" in capitals are not pronouns.
_PRONOUN_RE = re.compile(r"\b(?:" + "|".join(
    f"{w}|{w.capitalize()}" for w in sorted(PRONOUNS, key=len, reverse=True)) + r")\b")

#: Entity types each kind of pronoun may take (places also take "it" where they act, see
#: ``ACTING_PLACES``). "they" takes none: on GUM it went to the right organisation 13
#: times in 100 (its referents are groups the extractor does not make entities of:
#: "the couple", "online agencies"), so it only competes, never attaches.
TAKES: dict[str, frozenset[str]] = {
    "m": frozenset({"PERSON"}), "f": frozenset({"PERSON"}), "n": frozenset({"ORG"}),
    "pl": frozenset(),
}
#: Lappin-Leass salience factors: recency (any mention in the sentence), then by role.
RECENCY = 100
FACTORS: dict[str, int] = {"subj": 80, "obj": 50, "iobj": 40, "head": 80, "nonadv": 50}
#: Factors each role earns: "head" = not embedded in a possessive, "nonadv" = not in an
#: adverbial (prepositional) phrase.
ROLE_FACTORS: dict[str, tuple[str, ...]] = {
    "subj": ("subj", "head", "nonadv"), "obj": ("obj", "head", "nonadv"),
    "iobj": ("iobj", "head", "nonadv"), "obl": ("head",), "poss": ("nonadv",),
    "refl": ("head", "nonadv"), "other": ("head", "nonadv"),
}
PARALLEL = 35  # the candidate's last mention has the pronoun's role
WINDOW = 3  # sentences back
#: Beyond the window an entity still counts as the article's topic: TOPIC per earlier
#: mention, at most TOPIC_CAP mentions (any of 5..20 per mention helped GUM in both
#: halves; 10 is used).
TOPIC = 10
TOPIC_CAP = 10
_DEP_ROLE = {"nsubj": "subj", "nsubj:pass": "subj", "nsubj:outer": "subj", "csubj": "subj",
             "expl": "other", "obj": "obj", "iobj": "iobj", "nmod:poss": "poss",
             "obl": "obl", "obl:agent": "obl", "obl:unmarked": "obl", "nmod": "obl"}
_PREP = (r"in|on|at|of|with|by|for|from|to|into|onto|about|against|under|over|after|before|"
         r"between|during|through|without|among|toward|towards|like|than|via|upon|within")
_AFTER_PREP = re.compile(r"\b(?:" + _PREP + r")\s+(?:the\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:“”\"()—–]|\b(?:and|but|or|that|who|whom|which|when|while|"
                           r"because|if|although|said|says|as|after|before|since)\b", re.I)
_NOT_NOUN = re.compile(r"\s+(?:a|an|the|that|this|to|and|or|but|in|on|at|of|with|by|for|"
                       r"from|into|about|as|if|when|was|is|had|has|would|will|could|"
                       r"should|might|must|did|does|not|back|up|out|off|down|over)\b", re.I)


class Context:
    """Roles of mentions in one article: from the parse when given, else from text."""

    def __init__(self, text: str, doc: Any | None) -> None:
        self.text, self.doc = text, doc
        self.quotes = quote_regions(text)
        self._quote_starts = [s for s, _ in self.quotes]

    def quote_of(self, pos: int) -> int:
        """Index of the quotation holding ``pos``, or -1."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i if i >= 0 and pos < self.quotes[i][1] else -1

    def token(self, m: Mention) -> Any | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def role(self, m: Mention, sent_start: int) -> str:
        """subj, obj, iobj, obl, poss or other."""
        tok = self.token(m)
        if tok is not None:
            dep = tok.dep_
            while dep in ("conj", "appos", "flat", "compound") and tok.head.i != tok.i:
                tok, dep = tok.head, tok.head.dep_
            return _DEP_ROLE.get(dep, "other")
        return self._rule_role(m, sent_start)

    def _rule_role(self, m: Mention, sent_start: int) -> str:
        text = self.text
        if re.match(r"[’']s\b", text[m.end:m.end + 2]):
            return "poss"
        if _AFTER_PREP.search(text[max(sent_start, m.start - 30):m.start]):
            return "obl"
        after = text[m.end:m.end + 120]
        app = re.match(r",[^,.;]{2,100},", after)  # "Ben Wallace, the defence secretary, said"
        after = after[app.end():] if app else after
        if re.match(r"\s+(?!(?:" + _PREP + r"|and|or|but|that|who|which)\b)[a-z]", after):
            return "subj"
        return "obj"

    def pronoun_role(self, p: Pronoun, start: int, end: int) -> str:
        """The pronoun's role: its form, or for "her"/"it" the parse or the next word."""
        if p.role:
            return p.role
        tok = self.token(Mention(start, end, "", ""))
        if tok is not None:
            return _DEP_ROLE.get(tok.dep_, "other")
        if p.gender == "f":  # "her plan" (possessive) vs "gave her the keys" (object)
            nxt = self.text[end:end + 14]
            return "poss" if re.match(r"\s+[a-z]", nxt) and not _NOT_NOUN.match(nxt) \
                else "obj"
        prev = self.text[max(0, start - 30):start]
        return "obj" if _AFTER_PREP.search(prev) or re.search(r"[a-z]\s+$", prev) else "subj"

    def expletive(self, start: int, end: int) -> bool:
        """"it" that stands for nothing ("it is raining", "it was clear that")."""
        tok = self.token(Mention(start, end, "", ""))
        return tok is not None and tok.dep_ == "expl"

    def binds(self, cand: Mention, start: int, end: int) -> bool:
        """True when ``cand`` is the subject of the clause in which the (object) pronoun
        at ``[start, end)`` sits: "Wallace thanked him" (not Wallace)."""
        c, p = self.token(cand), self.token(Mention(start, end, "", ""))
        if c is not None and p is not None:
            return c.dep_.startswith("nsubj") and c.head.i == p.head.i
        between = self.text[cand.end:start]
        return len(between) < 60 and not _CLAUSE_BREAK.search(between)


@dataclass
class _Cand:
    mention: Mention
    sent: int
    role: str
    quote: int = -1  # the quotation it sits in, or -1


def resolve_pronouns(text: str, index: EntityIndex, sents: list[tuple[int, int]],
                     doc: Any | None = None) -> None:
    """Attach every resolvable third-person pronoun to its entity (in place): the
    pronoun becomes a ``"pronoun"`` mention of the entity in ``index`` and a span in
    the entity's ``mentions``."""
    if not sents:
        return
    ctx = Context(text, doc)
    starts = [s for s, _ in sents]
    sent_of = lambda pos: max(0, bisect.bisect_right(starts, pos) - 1)  # noqa: E731
    genders = {e.key: person_gender(text, e, index) for e in index.entities
               if e.type == "PERSON"}
    mentions = [m for m in index.mentions if m.key]
    mentions += noun_phrases(text, doc, [(m.start, m.end) for m in mentions])
    cands = [_Cand(m, sent_of(m.start), ctx.role(m, starts[sent_of(m.start)]),
                   ctx.quote_of(m.start)) for m in sorted(mentions, key=lambda m: m.start)]
    for pm in _PRONOUN_RE.finditer(text):
        form = PRONOUNS[pm.group(0).lower()]
        if form.gender == "n" and ctx.expletive(pm.start(), pm.end()):
            continue
        cur = sent_of(pm.start())
        role = ctx.pronoun_role(form, pm.start(), pm.end())
        key = _best(index, ctx, cands, genders, form, role, cur, pm.start(), pm.end())
        if key is None:
            continue
        number = PLURAL if form.number == "pl" else SINGULAR if form.gender == "n" \
            else PERSON_TYPES[form.gender]
        new = Mention(pm.start(), pm.end(), pm.group(0), number, "pronoun", key=key)
        bisect.insort(cands, _Cand(new, cur, role, ctx.quote_of(new.start)),
                      key=lambda c: c.mention.start)
        ent = index.get(key)
        if ent is None:  # a common noun won: "the plan ... it"
            continue
        if form.gender in ("m", "f") and genders.get(ent.key) is None:
            genders[ent.key] = form.gender
        new.type = ent.type
        index.mentions.append(new)
        ent.mentions.append(Span(new.start, new.end, new.text))


def _agrees(index: EntityIndex, m: Mention, form: Pronoun,
            genders: dict[str, str | None]) -> bool:
    if m.key.startswith("~"):  # a common noun phrase, or a pronoun that went to one
        if form.gender in ("m", "f"):
            return m.type in (PERSON_TYPES[form.gender], PERSON_TYPES[None])
        return m.type == (PLURAL if form.number == "pl" else SINGULAR)
    ent = index.get(m.key)
    if ent is None:
        return False
    if form.gender == "n":
        return ent.type in TAKES["n"] or ent.type in ACTING_PLACES or ent.is_actor
    if ent.type not in TAKES[form.gender or form.number]:
        return False
    g = genders.get(ent.key)
    return g is None or g == form.gender


#: Place types that take "it" where the mention acts (is a subject): "Ukraine said it".
ACTING_PLACES = frozenset({"GPE", "LOC"})


def _can_be_it(index: EntityIndex, c: _Cand) -> bool:
    ent = index.get(c.mention.key)
    return ent is None or ent.type not in ACTING_PLACES or ent.is_actor or c.role == "subj"


def _best(index: EntityIndex, ctx: Context, cands: list[_Cand], genders: dict[str, str | None],
          form: Pronoun, role: str, cur: int, start: int, end: int) -> str | None:
    """Key of the most salient agreeing class (an entity, or a ``~`` common noun)
    mentioned before ``start``. Per sentence of the window a class earns each salience
    factor once, however often it is named there (so a name repeated five times does
    not drown the subject of this sentence), halved per sentence back; then parallelism
    and the topic term (mentions before the window)."""
    factors: dict[str, dict[int, set[str]]] = {}
    last: dict[str, _Cand] = {}
    seen: dict[str, int] = {}
    bound = _named_after(ctx, cands, cur, end) if role == "subj" else set()
    quote = ctx.quote_of(start)
    for c in cands:
        m = c.mention
        if m.start >= start:
            break
        if m.end > start or not _agrees(index, m, form, genders) \
                or form.gender == "n" and not _can_be_it(index, c):
            continue
        if c.sent < cur - WINDOW:
            seen[m.key] = seen.get(m.key, 0) + (not m.key.startswith("~"))
            continue
        if c.quote >= 0 and c.quote != quote and c.sent == cur:
            continue  # "“Putin has failed,” he said": not Putin
        if c.sent == cur and role == "obj" and ctx.binds(m, start, end):
            bound.add(m.key)
            continue
        factors.setdefault(m.key, {}).setdefault(c.sent, set()).update(
            ROLE_FACTORS.get(c.role, ROLE_FACTORS["other"]))
        last[m.key] = c
    score = {key: sum((RECENCY + sum(FACTORS[f] for f in fs)) * 0.5 ** (cur - sent)
                      for sent, fs in by_sent.items()) + PARALLEL * (last[key].role == role)
             for key, by_sent in factors.items()}
    for key, n in seen.items():
        if n:
            score[key] = score.get(key, 0.0) + TOPIC * min(n, TOPIC_CAP)
    live = [k for k in score if k not in bound]
    if not live:
        return None
    return max(live, key=lambda k: (score[k], last[k].mention.start if k in last else -1))


def _named_after(ctx: Context, cands: list[_Cand], cur: int, end: int) -> set[str]:
    """Entities a subject pronoun cannot be: those named after it in its own sentence
    with no comma between ("He said he didn't know Jackson's blood-alcohol level": he is
    not Jackson). "When he arrived, Jackson said" keeps Jackson, past the comma."""
    out = set()
    for c in cands:
        m = c.mention
        if m.start < end or c.sent != cur:
            continue
        if "," in ctx.text[end:m.start] or c.quote != ctx.quote_of(end):
            break
        if m.kind == "name" and m.key and not m.key.startswith("~"):
            out.add(m.key)
    return out


_KIN_BEFORE = re.compile(r"\b(?:his|her|their|whose)\s+(?:\w+\s+)?(\w+)\s*,?\s*$", re.I)
_APPOSITION = re.compile(r",\s+(?:a|an|the|his|her|their)\s+([^,.;()“”]{2,80}?)(?=,|\.|;|$)")


def person_gender(text: str, ent: Entity, index: EntityIndex) -> str | None:
    """"m", "f" or None: honorifics first, then role and kin words, then the given name."""
    names = [m for m in index.mentions if m.key == ent.key and m.kind == "name"]
    for m in names:
        word = re.search(r"(\w+)\.?\s+$", text[max(0, m.start - 14):m.start])
        g = word and gender.of_honorific(word.group(1))
        if g:
            return g
    phrases = list(ent.roles)
    phrases += [m.text for m in index.mentions if m.key == ent.key and m.kind == "description"]
    for m in names:
        app = _APPOSITION.match(text[m.end:m.end + 100])
        kin = _KIN_BEFORE.search(text[max(0, m.start - 40):m.start])
        phrases += [app.group(1)] if app else []
        phrases += [kin.group(1)] if kin else []
    for phrase in phrases:
        g = gender.of_phrase(phrase)
        if g:
            return g
    for name in [ent.name, *(m.text for m in names)]:
        g = gender.of_given_name(name)
        if g:
            return g
    return None
