"""Clauses: the units the dossier builder matches across articles.

A clause is a piece of one sentence that states one thing. Each carries what
extraction (or, when extraction says nothing, the text itself) tells about it:
who speaks, with which speech act (``story.speakers``), which dates, counts and
happenings it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dossier.extract.happenings import is_title_case
from dossier.model import Article, DateMention, Extraction, Span
from dossier.story import text as T
from dossier.story.actions import Action, find_action
from dossier.story.anchor import article_dates
from dossier.story.counts import find_counts
from dossier.story.details import FAMILIES, happening_keys, lowercase_in, plain_happenings
from dossier.story.speakers import (
    QUOTE_ACTS,
    RESPONSE_ACTS,
    apply_cues,
    entity_name,
    event_responder,
    overlapping_quote,
    quote_speaker,
    role_key,
)


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
        role = self.roles.get(role_key(clean))
        if role:
            return role
        return self.surnames.get(clean.split()[-1], clean)


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
        persons += [T.bare_name(e.name) for e in people]
        for entity in people:  # "The Defense Secretary" = Ben Wallace
            for role in entity.roles:
                ctx.roles.setdefault(role_key(role), T.bare_name(entity.name))
    for role, name in T.role_names(text):
        if not T.names_a_person(name):  # "principal advisor Hurricane Katrina"
            continue
        ctx.roles.setdefault(role_key(role), T.bare_name(name))
        persons.append(T.bare_name(name))
    for name in sorted(set(persons), key=lambda n: (len(n), n)):  # the same every run
        ctx.surnames[name.split()[-1]] = name
    return ctx


def article_clauses(ctx: ArticleContext, start_index: int) -> list[Clause]:
    """Every clause of one article, in reading order, numbered from ``start_index``."""
    text = ctx.article.text
    happenings = ctx.extraction.happenings if ctx.extraction else None
    lowercase = lowercase_in(text)
    out: list[Clause] = []
    inside, told_by, last_end = False, None, 0
    head = headline_start(text, ctx.article.title)
    for s_start, s_end in T.sentences(text):
        sentence = text[s_start:s_end]
        if "\n\n" in text[last_end:s_start]:
            inside = False  # a paragraph whose quote runs on reopens it in the next
        quoted = inside or sentence.lstrip().startswith(('"', "“"))
        inside, last_end = T.quote_open_after(sentence, inside), s_end
        headline = s_start == head
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


def headline_start(text: str, title: str) -> int | None:
    """Where the article's headline line starts, if it has one: "Jackson arrested on DUI
    charge" is no prose sentence, but it is what every outlet's lead restates.

    The text opens with its title, unless that first line tells nothing (``_junk_title``:
    "Friday, June 7,2013", "APR 28", a site's name): then the headline is the last line
    that tells something before the first prose sentence ("THE WHITE HOUSE", "Office of
    the Press Secretary", "FOR IMMEDIATE RELEASE July 13,2009", then the headline, then
    prose). A text opening with prose, or with a line other than its title, has none.
    """
    first = text.split("\n", 1)[0]
    if title and first.strip() == title.strip() and not _junk_title(title):
        return 0
    if not _junk_title(first):
        return None  # the text opens with prose or a line of its own: no headline found
    found, start = None, 0
    for line in text.split("\n")[:_HEADLINE_LINES]:
        if _is_prose(line):
            break
        if start > 0 and not _junk_title(line):
            found = start
        start += len(line) + 1
    return found


def _junk_title(line: str) -> bool:
    """A first line that tells nothing: a date or time, under three words, or a short
    shouted name ("THE WHITE HOUSE")."""
    words = line.split()
    return len(words) < 3 or bool(_DATE_LINE.search(line)) or (
        line.isupper() and len(words) <= 4)


#: Lines before the first prose sentence that may hold a headline after a junk title.
_HEADLINE_LINES = 6
#: A date or time line ("Tuesday, May 24,2005", "Updated 4:08 p. m. ET", "APR 28").
_DATE_LINE = re.compile(r"\b(?:1[89]|20)\d\d\b|\d{1,2}:\d\d|\b(?:jan|feb|mar|apr|may|jun|jul|"
                        r"aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.IGNORECASE)


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
    quote = overlapping_quote(ex.quotes, a, b) if ex else None
    speaker = quote_speaker(quote, ex, ctx) if quote is not None else None
    if quote is not None and speaker:
        clause.speaker, clause.act = speaker, QUOTE_ACTS.get(quote.act, "state")
    for event in ex.events if ex else []:
        if event.sentence.start <= a < event.sentence.end or a <= event.sentence.start < b:
            clause.actor = ctx.resolve(event.source_name or entity_name(ex, event.source))
            clause.action, clause.target = event.action, event.target_name or event.target
            break
    deed = find_action(clause.text)
    if deed is not None:
        clause.deed = replace(deed, agent=ctx.resolve(deed.agent))
    if deed is not None and clause.action in (None, "statement"):
        clause.action = deed.name  # extraction saw no deed here: the verb table's
        clause.actor = clause.actor or ctx.resolve(deed.agent)
        clause.target = clause.target or deed.object
    apply_cues(clause, ctx)
    if clause.act in RESPONSE_ACTS and ex is not None:
        clause.speaker = event_responder(ex, clause, ctx) or clause.speaker
    dismissive = _DISMISSIVE.search(clause.text) and re.search(r"\b(?:called|as)\b", clause.text)
    if dismissive and clause.act in (None, "state"):
        clause.act = "rejected"
    if clause.speaker:
        ctx.last_speaker = clause.speaker


_DISMISSIVE = re.compile(r"\b(?:smear|absurd\w*|nonsense|baseless|lies?)\b", re.I)
