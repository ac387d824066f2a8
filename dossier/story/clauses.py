"""Clauses: the units the dossier builder matches across articles.

A clause is a piece of one sentence that states one thing. Each carries what
extraction (or, when extraction says nothing, the text itself) tells about it:
who speaks, with which speech act, which dates and counts it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dossier.extract.happenings import is_title_case
from dossier.model import Article, DateMention, Extraction, Quote, Span
from dossier.story import text as T
from dossier.story.actions import Action, find_action
from dossier.story.anchor import article_dates
from dossier.story.counts import find_counts
from dossier.story.details import FAMILIES, happening_keys, lowercase_words, plain_happenings
from dossier.story.places import is_place

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
_QUOTE_ACTS = {"claim": "claim", "accuse": "claim", "deny": "denied", "warn": "warn"}
_CUE_RE = re.compile(r"(?<![-\w])(" + "|".join(CUES) + r")\b")
_AUX = re.compile(r"(?:\s+(?:also|has|had|have|was|is|then|later|however|categorically|"
                  r"flatly|strongly|swiftly|has since|quickly))+$")
_NP = re.compile(r"(?:the|a|an)\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)$", re.IGNORECASE)


@dataclass
class Clause:
    """One clause of one article, with everything the matchers look at."""

    index: int
    article_id: str
    outlet: str
    source: str
    position: int
    span: Span
    sentence: str
    speaker: str | None = None
    act: str | None = None
    actor: str | None = None
    action: str | None = None
    target: str | None = None
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    numbers: list[tuple[str, float, str]] = field(default_factory=list)
    #: The deed the text itself names ("X scored ..."), whatever extraction says.
    deed: Action | None = None
    #: The article's publication date: what a year-less "March 14" is resolved against.
    published: str | None = None
    #: Set in another time than the story's own event (``background.mark_background``).
    background: bool = False
    #: The article's headline (its text's first line): states the core event, tersely.
    headline: bool = False
    #: The outlet the clause credits ("..., the Tribune reported"): whose report it is.
    credited: str | None = None
    #: What the clause's sentence tells happened: ``(key, word, deed)``, key shared by
    #: paraphrases ("slain", "killed", "dead": die), word in lemma form, deed when told
    #: as a verb (``story.details``).
    happenings: list[tuple[str, str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class ArticleContext:
    """Per-article lookups: its names by surname, its roles, its dates and quotes."""

    article: Article
    outlet: str
    source: str
    extraction: Extraction | None
    dates: list[DateMention]
    surnames: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    last_speaker: str | None = None

    def is_person(self, name: str) -> bool:
        return T.strip_honorific(name).split()[-1] in self.surnames

    def resolve(self, name: str | None) -> str | None:
        """Full name for "Mr Shoigu" or "the defence secretary" when the article gives it."""
        if not name:
            return None
        clean = T.unshout(T.strip_honorific(name), self.article.text)
        if not clean:
            return None
        role = self.roles.get(_role_key(clean))
        if role:
            return role
        return self.surnames.get(clean.split()[-1], clean)


def _role_key(phrase: str) -> str:
    words = [w for w in phrase.lower().split() if w not in _DETERMINERS]
    return " ".join(words)


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "to", "of"}
_HONORIFIC_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+([A-Z][\w’'\-]+)")


def article_context(
    article: Article, outlet: str, source: str, extraction: Extraction | None,
    year: int | None = None,
) -> ArticleContext:
    """Collect the names, roles and dates of one article once, for all its clauses;
    ``year`` is the story's (``anchor.story_year``), for an undated article's dates."""
    ctx = ArticleContext(article, outlet, source, extraction,
                         article_dates(article, extraction, year))
    text = article.text
    honored = set(_HONORIFIC_SURNAME.findall(text))
    persons = [n for _, n in T.names(text) if 2 <= len(n.split()) <= 3 and n.split()[-1] in honored]
    if extraction:
        people = [e for e in extraction.entities
                  if e.type == "PERSON" and T.names_a_person(e.name)]
        persons += [e.name for e in people]
        for entity in people:  # "The Defense Secretary" = Ben Wallace
            for role in entity.roles:
                ctx.roles.setdefault(_role_key(role), entity.name)
    for role, name in T.role_names(text):
        if not T.names_a_person(name):  # "principal advisor Hurricane Katrina"
            continue
        ctx.roles.setdefault(_role_key(role), name)
        persons.append(name)
    for name in sorted(set(persons), key=len):
        ctx.surnames[name.split()[-1]] = name
    return ctx


def article_clauses(ctx: ArticleContext, start_index: int) -> list[Clause]:
    """Every clause of one article, in reading order, numbered from ``start_index``."""
    text = ctx.article.text
    happenings = ctx.extraction.happenings if ctx.extraction else None
    lowercase = lowercase_words(text)
    out: list[Clause] = []
    inside, told_by, last_end = False, None, 0
    for s_start, s_end in T.sentences(text):
        sentence = text[s_start:s_end]
        if "\n\n" in text[last_end:s_start]:
            inside = False  # a paragraph whose quote runs on reopens it in the next
        quoted = inside or sentence.lstrip().startswith(('"', "“"))
        inside, last_end = T.quote_open_after(sentence, inside), s_end
        headline = s_start == 0 and _is_headline(sentence, ctx.article.title)
        if not (headline or _is_prose(sentence)):
            told_by = told_by if quoted else None  # '"Obviously we're disappointed.' runs on
            continue
        first = len(out)
        # what the whole sentence tells: "X was killed ..., and the driver was arrested"
        # tells the arrest in each of its clauses' facts (``story.details``)
        told = happening_keys(sentence, plain_happenings(sentence, s_start, lowercase)
                              if happenings is None else happenings, s_start, s_end)
        if happenings is not None and is_title_case(sentence):
            told += _headline_families(sentence, s_start, lowercase, told)
        for c_start, c_end in [(0, len(sentence))] if headline else T.clauses(sentence):
            a, b = s_start + c_start, s_start + c_end
            clause = Clause(
                index=start_index + len(out), article_id=ctx.article.id, outlet=ctx.outlet,
                source=ctx.source, position=len(out), span=Span(a, b, text[a:b]),
                sentence=sentence, published=ctx.article.published, headline=headline,
            )
            _annotate(clause, ctx)
            clause.happenings = told
            prev = out[-1] if out and out[-1].sentence is sentence else None
            if prev and clause.act and not clause.speaker and clause.text.startswith("and "):
                clause.speaker = prev.speaker  # "X refuted the claims and cautioned ...": X
            out.append(clause)
        told_by = _quote_runs_on(out[first:], quoted, told_by)
    return out


def _headline_families(sentence: str, offset: int, lowercase: frozenset[str],
                       told: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """A title-case headline's family words ("Woman Dead, Driver Charged") that the tagger
    missed: it reads every capital there as a name, and the body may say "killed" only."""
    have = {key for key, _, _ in told}
    found = happening_keys(sentence, plain_happenings(sentence, offset, lowercase), offset,
                           offset + len(sentence))
    return [t for t in found if t[0] in FAMILIES and t[0] not in have]


def _quote_runs_on(clauses: list[Clause], quoted: bool, told_by: str | None) -> str | None:
    """Give an unattributed quoted sentence the speaker of the sentence before it, as
    readers do ('"We are aware of it," Smith said. "We take it seriously."'), and return
    whom the next sentence's quote would be by: this one's speaker, if it said anything."""
    speakers = [c.speaker for c in clauses if c.speaker]
    if quoted and not speakers and told_by and not any(c.headline for c in clauses):
        for clause in clauses:
            clause.speaker, clause.act = told_by, clause.act or "state"
        return told_by
    return speakers[-1] if speakers else None


def _is_headline(line: str, title: str) -> bool:
    """The text opens with its headline (three words or more): "Jackson arrested on DUI
    charge" is no prose sentence, but it is what every outlet's lead restates."""
    return bool(title) and line.strip() == title.strip() and len(title.split()) >= 3


def _is_prose(sentence: str) -> bool:
    """Sentences, not leftovers: enough words, some lowercase, not a shouted call to action."""
    words = re.findall(r"[A-Za-z’']+", sentence)
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= 6 and lower >= 3 and "@" not in sentence


def _annotate(clause: Clause, ctx: ArticleContext) -> None:
    a, b = clause.span.start, clause.span.end
    clause.quotes = T.quotes_in(clause.text)
    clause.numbers = find_counts(clause.text)
    clause.dates = [d for d in ctx.dates if a <= d.span.start < b and d.type == "DATE"]
    ex = ctx.extraction
    quote = _overlapping_quote(ex.quotes, a, b) if ex else None
    speaker = _quote_speaker(quote, ex, ctx) if quote is not None else None
    if quote is not None and speaker:
        clause.speaker, clause.act = speaker, _QUOTE_ACTS.get(quote.act, "state")
    for event in ex.events if ex else []:
        if event.sentence.start <= a < event.sentence.end or a <= event.sentence.start < b:
            clause.actor = ctx.resolve(event.source_name or _entity_name(ex, event.source))
            clause.action, clause.target = event.action, event.target_name or event.target
            break
    deed = find_action(clause.text)
    if deed is not None:
        clause.deed = replace(deed, agent=ctx.resolve(deed.agent))
    if deed is not None and clause.action in (None, "statement"):
        clause.action = deed.name  # extraction saw no deed here: the verb table's
        clause.actor = clause.actor or ctx.resolve(deed.agent)
        clause.target = clause.target or deed.object
    _apply_cues(clause, ctx)
    if clause.act in RESPONSE_ACTS and ex is not None:
        clause.speaker = _event_responder(ex, clause, ctx) or clause.speaker
    dismissive = _DISMISSIVE.search(clause.text) and re.search(r"\b(?:called|as)\b", clause.text)
    if dismissive and clause.act in (None, "state"):
        clause.act = "rejected"
    if clause.speaker:
        ctx.last_speaker = clause.speaker


_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+$", re.I)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
_DISMISSIVE = re.compile(r"\b(?:smear|absurd\w*|nonsense|baseless|lies?)\b", re.I)
_PRIORITY = {"refuted": 5, "rejected": 5, "denied": 5, "dismissed": 5, "disputed": 5,
             "backed": 4, "claim": 3, "warn": 2, "state": 1}


def _apply_cues(clause: Clause, ctx: ArticleContext) -> None:
    """Pick the strongest cue verb; its speaker is the name just before it, else the subject."""
    # "the alleged gunman" claims nothing; "X is accused of" names the accused, not an accuser
    cues = [m for m in _CUE_RE.finditer(clause.text)
            if not _ATTRIBUTIVE.search(clause.text[max(0, m.start() - 12) : m.start()])
            and not _PASSIVE.search(clause.text[max(0, m.start() - 16) : m.start()])]
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


def _event_responder(ex: Extraction, clause: Clause, ctx: ArticleContext) -> str | None:
    """The source of extraction's reject/deny event in this clause's sentence, resolved.

    Several such events in one sentence: the one whose source the clause names.
    """
    a, b = clause.span.start, clause.span.end
    names = []
    for event in ex.events:
        inside = event.sentence.start <= a < event.sentence.end or a <= event.sentence.start < b
        if inside and event.action in RESPONSE_ACTIONS and event.source:
            names.append(ctx.resolve(event.source_name or _entity_name(ex, event.source)))
    named = [n for n in names if n and n.split()[-1] in clause.text]
    return (named or names or [None])[0]


def _quote_speaker(quote: Quote, ex: Extraction | None, ctx: ArticleContext) -> str | None:
    """The quote's speaker: a resolved entity, or an unresolved phrase naming an agent.

    Unresolved speakers like "As Russia" or "The statement" are parser debris, and
    "Moscow"/"Russian" name a side, not a speaker: the text cues decide those clauses.
    """
    if quote.speaker:
        return ctx.resolve(quote.speaker_name or _entity_name(ex, quote.speaker))
    name = quote.speaker_name
    return ctx.resolve(name) if name and _is_agent_phrase(_role_key(name)) else None


def _overlapping_quote(quotes: list[Quote], a: int, b: int) -> Quote | None:
    for q in quotes:
        cue = q.cue or q.content
        if a <= cue.start < b or a <= q.content.start < b:
            return q
    return None


def _entity_name(ex: Extraction | None, key: str | None) -> str | None:
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
