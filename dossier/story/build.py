"""``build_dossier``: one story's articles and extractions in, one Dossier out (pure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from scipy import sparse

from dossier.model import (
    Article,
    CanonicalEntity,
    Dossier,
    DossierArticle,
    Extraction,
    Fact,
    Story,
)
from dossier.story.anchor import article_dates, story_year
from dossier.story.background import Frame, mark_background
from dossier.story.clauses import ArticleContext, Clause, article_clauses, article_context
from dossier.story.contradictions import find_contradictions
from dossier.story.core import gather_core
from dossier.story.corroboration import credited_key, detect_copies, outlet_names, source_keys
from dossier.story.facts import boost, group, make_fact
from dossier.story.merge import merge_groups
from dossier.story.people import (
    StoryRoles,
    canonical_name,
    common_words,
    key_people,
    lowercase_words,
    resolve_role,
    story_aliases,
    story_roles,
)
from dossier.story.rank import rank_facts
from dossier.story.responses import claim_threads
from dossier.story.similarity import similar_pairs, vectorize
from dossier.story.summary import summarize
from dossier.story.timeline import timeline

DOSSIER_SCHEMA_VERSION = "1.0"
#: Lowest cosine worth keeping as a candidate link (matching and copy detection).
CANDIDATE_THRESHOLD = 0.2


def build_dossier(
    story: Story,
    articles: list[Article],
    extractions: dict[str, Extraction],
    duplicates: dict[str, str | None] | None = None,
    entities: list[CanonicalEntity] | None = None,
) -> Dossier:
    """Build the dossier of ``story`` from its articles (those not in the story are ignored).

    ``duplicates`` maps article id -> the article it copies (the linker's output);
    without it, syndicated copies are found from near-identical clauses.
    ``entities`` are the linker's canonical entities, used to name speakers.
    """
    m = prepare(story, articles, extractions, duplicates, entities)
    groups, has_core = gather_core(merge_groups(m.groups, m.clauses, m.pairs, m.matrix),
                                   m.clauses)
    facts, members = _facts(groups, m.clauses, m.matrix, m.keys, m.copies, has_core)
    chosen, copies, keys = m.articles, m.copies, m.keys
    published = [a.published for a in chosen if a.published]
    return Dossier(
        schema_version=DOSSIER_SCHEMA_VERSION,
        story_id=story.id,
        title=story.title or central_title(chosen),
        first_date=story.first_date or min(published, default=None),
        last_date=story.last_date or max(published, default=None),
        outlets=sorted({m.outlets[a.id] for a in chosen}),
        articles=[
            DossierArticle(a.id, m.outlets[a.id], a.title, a.url, a.published, copies.get(a.id))
            for a in chosen
        ],
        facts=facts,
        claims=claim_threads(facts),
        exclusive=_exclusive(facts),
        contradictions=find_contradictions(m.clauses, facts, members, keys),
        timeline=timeline(facts),
        summary=summarize(facts),
        people=key_people(m.contexts, entities, m.lowercase),
    )


@dataclass
class Matching:
    """A story's clauses ready to merge: scored pairs, first-pass groups, sources."""

    articles: list[Article]
    contexts: list[ArticleContext]
    clauses: list[Clause]
    matrix: sparse.csr_matrix
    #: Clause pairs worth comparing, with boosted scores (``facts.boost``).
    pairs: list[tuple[float, int, int]]
    #: First-pass groups (``facts.group``), before ``merge.merge_groups``.
    groups: list[list[int]]
    copies: dict[str, str | None]
    keys: dict[str, str]
    #: Article id -> its outlet's display name, one spelling per outlet.
    outlets: dict[str, str]
    #: Every word the story's articles write in lowercase (``people.lowercase_words``).
    lowercase: set[str]


def prepare(
    story: Story,
    articles: list[Article],
    extractions: dict[str, Extraction],
    duplicates: dict[str, str | None] | None = None,
    entities: list[CanonicalEntity] | None = None,
) -> Matching:
    """Clauses of the story's articles, named, dated, scored and grouped once (first pass)."""
    wanted = set(story.article_ids) or {a.id for a in articles}
    chosen = sorted(
        (a for a in articles if a.id in wanted), key=lambda a: (a.published or "", a.id))
    order = {a.id: i for i, a in enumerate(chosen)}
    year = story_year(chosen, _stated_dates(chosen, extractions))
    outlets = outlet_names(chosen)
    contexts = [article_context(a, outlets[a.id], outlets[a.id], extractions.get(a.id), year)
                for a in chosen]
    clauses: list[Clause] = []
    for ctx in contexts:
        clauses.extend(article_clauses(ctx, len(clauses)))
    _name_people(clauses, story_roles(contexts), entities)
    lowercase = lowercase_words(contexts)
    _alias_people(clauses, contexts, lowercase)
    published = [a.published for a in chosen if a.published]
    mark_background(clauses, Frame.of(
        [story.first_date, story.last_date] if story.first_date else published,
        [a.text for a in chosen]))
    matrix = vectorize([c.text for c in clauses])
    articles_of = [c.article_id for c in clauses]
    pairs = similar_pairs(matrix, [str(c.index) for c in clauses], CANDIDATE_THRESHOLD)
    across = [p for p in pairs if articles_of[p[1]] != articles_of[p[2]]]
    copies = dict(duplicates) if duplicates is not None else detect_copies(
        across, articles_of, order)
    scored = boost(pairs, clauses)
    keys = source_keys(chosen, copies)
    for clause in clauses:
        clause.credited = credited_key(clause.text, keys)
    return Matching(chosen, contexts, clauses, matrix, scored, group(clauses, scored, matrix),
                    copies, keys, outlets, lowercase)


def _stated_dates(articles: list[Article], extractions: dict[str, Extraction]
                  ) -> dict[str, list]:
    """Each article's dates as extracted, for ``story_year`` to read the years written out;
    only asked of undated stories, where publication dates cannot say the year."""
    if any(a.published for a in articles):
        return {}
    out = {}
    for a in articles:
        extraction = extractions.get(a.id)
        out[a.id] = list(extraction.dates) if extraction else article_dates(a, None, None)
    return out


def _name_people(
    clauses: list[Clause], roles: StoryRoles, entities: list[CanonicalEntity] | None
) -> None:
    """Speakers and doers under one name story-wide: offices resolved, linker's names used."""
    for clause in clauses:
        for attr in ("speaker", "actor"):
            name = getattr(clause, attr)
            if name:
                setattr(clause, attr, canonical_name(resolve_role(name, roles), entities))


def _alias_people(clauses: list[Clause], contexts: list[ArticleContext],
                  lowercase: set[str]) -> None:
    """One label per person in every fact, as in the key people ("Chargers WR Jackson"
    and "Jackson" are Vincent Jackson); none for a lone capitalised word the story also
    writes in lowercase ("Agent says Sixers to sign ...": an agent, not a name)."""
    names = [n for ctx in contexts for n in ctx.surnames.values()]
    names += [n for c in clauses for n in (c.speaker, c.actor) if n]
    cited = Counter(names)  # most cited first: a misspelling takes the common spelling
    aliases = story_aliases(sorted(cited, key=lambda n: (-cited[n], n)), lowercase)
    for clause in clauses:
        for attr in ("speaker", "actor"):
            name = getattr(clause, attr)
            if name in aliases:
                setattr(clause, attr, aliases[name])
            elif name and common_words(name, lowercase):
                setattr(clause, attr, None)  # "Agent says", "Driver Charged": headline words


def _facts(groups, clauses, matrix, keys, copies, has_core):  # type: ignore[no-untyped-def]
    """Facts worth reading, numbered f1.. in rank order (``rank.rank_facts``); their clauses.
    With ``has_core`` the first group is the core event: a happening, whoever reports it."""
    built = []
    for n, indices in enumerate(groups):
        members = [clauses[i] for i in sorted(indices)]
        built.append((make_fact(members, matrix, keys, copies, happening=has_core and n == 0),
                      members))
    built = rank_facts(built, clauses, matrix)
    facts: list[Fact] = []
    by_id = {}
    for number, (fact, members) in enumerate(built, 1):
        fact.id = f"f{number}"
        facts.append(fact)
        by_id[fact.id] = members
    return facts, by_id


def central_title(articles: list[Article]) -> str:
    """The headline sharing most words with the others (the first article's may be a dateline)."""
    titles = [a.title for a in articles if a.title and len(a.title.split()) >= 3]
    if len(titles) < 3:
        return titles[0] if titles else (articles[0].title if articles else "")
    matrix = vectorize(titles)
    shared = (matrix @ matrix.T).toarray().sum(axis=1) - matrix.multiply(matrix).sum(axis=1).A1
    return titles[int(shared.argmax())]


def _exclusive(facts: list[Fact]) -> dict[str, list[str]]:
    """Outlet -> ids of the facts only that outlet reports."""
    out: dict[str, list[str]] = {}
    for fact in facts:
        if len(fact.outlets) == 1:
            out.setdefault(fact.outlets[0], []).append(fact.id)
    return dict(sorted(out.items()))
