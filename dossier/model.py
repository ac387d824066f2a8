"""The plain data objects that flow between dossier's stages.

Data moves one way: ``sources -> clean -> extract -> link -> story``. Each stage
takes these objects and returns new ones; none of them knows about SQLite, HTTP
or the terminal. Keeping every shape in this one module is what lets a stage run
in-process or on a Dask worker (everything here pickles) and what lets the store
persist any stage's output without importing the stage itself.

Dates are ISO strings (``YYYY-MM-DD``) rather than ``datetime.date`` so that the
objects round-trip through JSON, Parquet and SQLite unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# --------------------------------------------------------------------------- sources

Format = Literal["text", "html", "jsonl", "warc", "feed"]


@dataclass(frozen=True)
class Provenance:
    """Where one document came from, precisely enough to find its bytes again.

    ``input_sha256`` names the original input (file, stdin) whose bytes the store
    keeps; ``record`` locates the document inside it (``"line 12"``, ``"offset 4096"``,
    ``"entry 3"``) for container formats and is empty for one-document files.
    """

    source: str
    format: Format
    input_sha256: str
    record: str = ""
    fetched_at: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """One document as a reader found it, before any cleaning.

    ``text`` holds decoded plain text for text-like inputs; ``html`` holds markup
    for pages. ``meta`` carries what the container said about the document (URL,
    title, date, outlet, author, and for JSONL every unknown field verbatim).
    """

    provenance: Provenance
    text: str | None = None
    html: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejected:
    """An input (or one record of it) that could not become an article, and why."""

    source: str
    reason: str
    record: str = ""


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True)
class RemovedText:
    """A line or block the cleaner took out of the body, with the rule that did it."""

    text: str
    reason: str


@dataclass
class Article:
    """A cleaned article: body text plus the metadata recovered for it.

    ``id`` derives from the normalised URL when there is one, else from the
    clean text, so re-ingesting the same input yields the same id. ``version``
    counts distinct texts seen under one id (a URL whose page changed).
    """

    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    removed: list[RemovedText] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    provenance: Provenance | None = None
    text_sha256: str = ""
    version: int = 1
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- extract

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER"]


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into ``Article.text`` and the text there."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One entity inside one article: every mention of it, grouped.

    ``key`` is local to the article (``"e3"``). ``name`` is the fullest proper
    name seen; ``normalized`` the canonical form for places and organisations
    ("United Kingdom" for "the UK" and "Britain"). ``is_actor`` marks places used
    as governments ("Moscow said").
    """

    key: str
    name: str
    type: EntityType
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    normalized: str | None = None
    is_actor: bool = False


DateType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class DateMention:
    """A time expression normalised TIMEX3-style (``2022-10-23``, ``2022-09``, ``P8M``)."""

    span: Span
    type: DateType
    value: str
    anchor: str | None = None
    reasoning: str = ""


SpeechAct = Literal[
    "state", "claim", "deny", "warn", "accuse", "reaffirm", "appeal", "promise", "question"
]
QuoteKind = Literal["direct", "indirect", "mixed", "according_to"]


@dataclass(frozen=True)
class Quote:
    """Something someone said or claimed, with who said it and how."""

    content: Span
    cue: Span | None
    speaker: str | None
    speaker_span: Span | None
    kind: QuoteKind
    act: SpeechAct = "state"
    speaker_name: str | None = None


@dataclass(frozen=True)
class Event:
    """An actor-action-target triple in the spirit of CAMEO, with its evidence."""

    source: str | None
    action: str
    target: str | None
    sentence: Span
    date: str | None = None
    place: str | None = None
    negated: bool = False
    source_name: str | None = None
    target_name: str | None = None
    object: str | None = None


@dataclass(frozen=True)
class Happening:
    """A word that tells something happened ("arrested", "crash"): its lemma and where.

    Cruder than an :class:`Event` (no actor, no target) and far more of them: what lets
    the dossier say which outlets report each thing a fact's sentences tell.
    """

    word: str
    span: Span
    #: Told as a deed, a verb or a state a deed leaves ("arrested", "dead"), not as a
    #: noun ("the arrest", "the crash").
    deed: bool = True


@dataclass
class Extraction:
    """Everything extraction found in one article, tagged with the extractor version."""

    article_id: str
    version: str
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    happenings: list[Happening] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- link


@dataclass
class StoryAssignment:
    """Where the linker put one article: its story and, if a copy, its original."""

    article_id: str
    story_id: str
    duplicate_of: str | None = None


@dataclass
class Story:
    """A cluster of articles about one event."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    title: str = ""
    first_date: str | None = None
    last_date: str | None = None
    outlets: list[str] = field(default_factory=list)


@dataclass
class CanonicalEntity:
    """One real-world entity behind mentions across many articles."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- story

FactKind = Literal["event", "claim", "response", "statement"]


@dataclass(frozen=True)
class Evidence:
    """One article's wording of a fact: the clause that matched and its whole sentence.

    ``span`` gives the clause's offsets in ``Article.text`` so a reader can jump to it;
    ``independent_of`` names the original when the article is a syndicated copy.
    """

    article_id: str
    outlet: str
    text: str
    sentence: str
    span: Span | None = None
    independent_of: str | None = None


@dataclass
class Detail:
    """One thing a fact's sentences tell, and who tells it: "arrested" in 11 of its outlets.

    A fact's sentences are one matched telling, but a long sentence tells several things
    (the crash, the arrest, the charge), and not every outlet tells them all. ``evidence``
    indexes the fact's evidence list.
    """

    word: str
    outlets: list[str] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)
    #: Most of its tellings are a verb or a tabled deed: a deed ("fired", "arrested"),
    #: not a participant or a setting ("coach", "season"); what reports show.
    deed: bool = False


@dataclass
class Fact:
    """Something the story's articles report, merged across articles that say the same.

    ``outlets`` are the independent outlets backing it (copies and repeats count once);
    ``reported_by`` every outlet that printed it, copies included; ``details`` which of
    them tell each of the things its sentences tell.
    """

    id: str
    kind: FactKind
    text: str
    evidence: list[Evidence] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    actor: str | None = None
    action: str | None = None
    target: str | None = None
    speaker: str | None = None
    act: str | None = None
    date: str | None = None
    date_text: str | None = None
    numbers: dict[str, float] = field(default_factory=dict)
    details: list[Detail] = field(default_factory=list)

    @property
    def corroboration(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True)
class Response:
    """A fact that answers a claim: who answered, how (refuted, rejected, backed) and where."""

    fact_id: str
    responder: str | None
    act: str
    text: str
    outlets: tuple[str, ...] = ()


@dataclass
class ClaimThread:
    """A claim with its speaker and every response linked to it; ``status`` sums them up."""

    claim_fact_id: str
    speaker: str | None
    text: str
    responses: list[Response] = field(default_factory=list)
    status: str = "unanswered"


@dataclass(frozen=True)
class SlotValue:
    """One side of a contradiction: the value, the outlets and the sentence that give it."""

    value: str
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]
    sentence: str


@dataclass
class Contradiction:
    """The same slot (a date, a count, who did it, quoted wording) with different values."""

    slot: str
    subject: str
    values: list[SlotValue] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TimelineEntry:
    """A dated fact: the normalised date, the expression it came from, and the fact."""

    date: str
    expression: str
    fact_id: str
    text: str
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyPerson:
    """A person the story is about, with the roles outlets give them."""

    name: str
    roles: tuple[str, ...] = ()
    articles: int = 0
    mentions: int = 0


@dataclass(frozen=True)
class DossierArticle:
    """An article as the dossier lists it: enough to cite it."""

    id: str
    outlet: str
    title: str = ""
    url: str | None = None
    published: str | None = None
    duplicate_of: str | None = None


@dataclass
class Dossier:
    """Everything known about one story: facts, who backs them, claims, conflicts, timeline."""

    schema_version: str
    story_id: str
    title: str
    first_date: str | None
    last_date: str | None
    outlets: list[str] = field(default_factory=list)
    articles: list[DossierArticle] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    claims: list[ClaimThread] = field(default_factory=list)
    exclusive: dict[str, list[str]] = field(default_factory=dict)
    contradictions: list[Contradiction] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    people: list[KeyPerson] = field(default_factory=list)

    def fact(self, fact_id: str) -> Fact:
        return next(f for f in self.facts if f.id == fact_id)

    def matrix(self) -> list[tuple[str, list[bool]]]:
        """Facts x outlets: for each fact id, whether each of ``outlets`` reports it."""
        return [(f.id, [o in f.reported_by for o in self.outlets]) for f in self.facts]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- reliability


@dataclass
class ExtractionFailure:
    """An article extraction gave up on: an error, or ``D301`` when it ran past the
    per-document time limit of ``seconds``. ``message`` is the full error line."""

    article_id: str
    article_version: int
    extractor_version: str
    code: str
    message: str
    seconds: float | None = None
    failed_at: str = ""
