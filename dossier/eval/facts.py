"""Facts against cross-document event coreference (ECB+ mentions): the dossier end to end.

The number beside every fact ("reported by 6 outlets") is only as good as the
grouping behind it: sentences of different articles telling one happening must
land in one fact, and sentences telling different things must not. ECB+ marks,
for a subset of each article's sentences, every event mention and the
cross-document instance it refers to, so it gives that judgement directly:

- **items** are the annotated sentences (ECB+ sentences are the lines of ``text``);
- a **gold link** joins two items of different articles of one gold event that
  hold mentions (``ACTION_*`` / ``NEG_ACTION_*``) of the same instance;
- a **system link** joins two items of different articles that are evidence of
  one fact of the dossier built for that event (stories are the gold events, so
  clustering errors do not count);
- pairwise precision, recall and F1 over those links, summed over events;
- two baselines on the same items: the same head word of a gold event mention
  (it reads the gold mentions, so it is an optimistic anchor) and sentence
  TF-IDF cosine at a fixed threshold;
- **outlet-count accuracy**: for each instance that two or more articles report,
  the fact holding most of its items must list exactly those articles' outlets; a
  fact's details (``story.details``: which of its outlets tell each happening word)
  are candidates too, as the dossier shows each with its own count;
- the CoNLL-2012 scores (``dossier.eval.coref``) of the mention clustering the
  dossier induces: a gold event mention's cluster is the fact whose evidence
  covers it (else one holding its sentence, else a singleton).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from dossier.eval.coref import Clusters, conll_f1, score_documents
from dossier.model import Article, Dossier
from dossier.story.similarity import stem

#: Mention types that are events (the rest are participants, times and places).
EVENT_TYPES = ("ACTION_", "NEG_ACTION_")
#: Cosine at which the TF-IDF baseline links two sentences: fixed, the best F1 on ECB+
#: train of 0.1 to 0.5 (train 0.1: P 0.858 R 0.524; 0.2: P 0.894 R 0.242), never dev.
TFIDF_THRESHOLD = 0.1
_SKIP_HEAD = frozenset({"to", "be", "is", "was", "were", "been", "has", "have", "had", "will",
                        "would", "a", "an", "the", "of", "up", "out", "off", "in", "into",
                        "herself", "himself", "themselves", "itself", "not"})

Item = tuple[str, int]  # (article id, sentence number)
Link = tuple[Item, Item]


@dataclass(frozen=True)
class Mention:
    """One annotated event mention: where it is and which instance it refers to."""

    id: str
    item: Item
    start: int
    end: int
    text: str
    chain: str | None


@dataclass
class Event:
    """One gold event (the story): its articles, items, event mentions, sentence spans."""

    event_id: str
    split: str
    articles: list[Article] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: Article id -> ``(start, end)`` of each line (ECB+ sentence) of its text.
    lines: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def sentence_text(self, item: Item) -> str:
        article = next(a for a in self.articles if a.id == item[0])
        start, end = self.lines[item[0]][item[1]]
        return article.text[start:end]


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line: ECB+ writes one sentence per line."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def read_events(
    articles_path: Path, mentions_path: Path, split: str | None = None,
    outlet: Callable[[dict], str] | None = None,
) -> list[Event]:
    """Gold events of ECB+ with their annotated sentences and event mentions.

    ``outlet`` maps a dataset row to the article's outlet (default: the URL's host,
    else the article id: ECB+ leaves most sources empty, and then each article is
    its own outlet).
    """
    rows = {}
    with articles_path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows[row["id"]] = row
    events: dict[str, Event] = {}
    with mentions_path.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            row = rows.get(doc["id"])
            if row is None or (split and doc.get("split") != split):
                continue
            event = events.setdefault(doc["event_id"], Event(doc["event_id"], doc["split"]))
            event.articles.append(_article(row, outlet))
            event.lines[row["id"]] = line_spans(row["text"])
            annotated = set(doc["annotated_sentences"])
            event.items.extend((row["id"], s) for s in sorted(annotated))
            for m in doc["mentions"]:
                if m["sentence"] in annotated and m["type"].startswith(EVENT_TYPES):
                    event.mentions.append(Mention(
                        f"{row['id']}:{m['m']}", (row["id"], m["sentence"]), m["start"],
                        m["end"], m["text"], m["chain"]))
    return list(events.values())


def _article(row: dict, outlet: Callable[[dict], str] | None) -> Article:
    from dossier.eval.dossier import row_outlet

    return Article(id=row["id"], text=row["text"], title=row.get("title") or "",
                   url=row.get("source"), outlet=(outlet or row_outlet)(row),
                   published=row.get("date"))


def gold_links(event: Event) -> set[Link]:
    """Item pairs of different articles holding mentions of one instance."""
    by_chain: dict[str, set[Item]] = defaultdict(set)
    for m in event.mentions:
        if m.chain:
            by_chain[m.chain].add(m.item)
    return _cross_pairs(by_chain.values())


def _cross_pairs(groups: Iterable[Iterable[Item]]) -> set[Link]:
    out: set[Link] = set()
    for group in groups:
        for a, b in combinations(sorted(set(group)), 2):
            if a[0] != b[0]:
                out.add((a, b))
    return out


def fact_items(event: Event, dossier: Dossier, details: bool = False) -> dict[str, set[Item]]:
    """Fact id -> the items (annotated sentences) its evidence lies in; with ``details``,
    each fact's details too (``f3:0`` -> the items of the evidence telling it)."""
    wanted = set(event.items)
    out: dict[str, set[Item]] = {}
    for fact in dossier.facts:
        items: list[Item | None] = []
        for ev in fact.evidence:
            item = None if ev.span is None else (
                ev.article_id, _line_of(event.lines[ev.article_id], ev.span.start))
            items.append(item if item in wanted else None)
        out[fact.id] = {i for i in items if i is not None}
        for n, detail in enumerate(fact.details if details else []):
            out[detail_id(fact.id, n)] = {
                i for i in (items[k] for k in detail.evidence) if i is not None}
    return out


def detail_id(fact_id: str, number: int) -> str:
    """The id a fact's detail goes by among candidates: ``f3:0`` is f3's first detail."""
    return f"{fact_id}:{number}"


def _line_of(spans: list[tuple[int, int]], offset: int) -> int:
    for number, (start, end) in enumerate(spans):
        if start <= offset <= end:
            return number
    return len(spans) - 1


def system_links(event: Event, dossier: Dossier) -> set[Link]:
    return _cross_pairs(fact_items(event, dossier).values())


def head_word_groups(event: Event) -> dict[str, set[Item]]:
    """Head word (crude stem) of a gold event mention -> the items holding one. An item
    with mentions of several heads is in several groups, as no partition can be."""
    by_head: dict[str, set[Item]] = defaultdict(set)
    for m in event.mentions:
        by_head[head_word(m.text)].add(m.item)
    return by_head


def head_word_links(event: Event) -> set[Link]:
    """Baseline: items sharing the head word of a gold event mention."""
    return _cross_pairs(head_word_groups(event).values())


def head_word(text: str) -> str:
    """The first content word of a mention, stemmed ("checked herself into" -> "check")."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _SKIP_HEAD]
    return stem(words[0]) if words else text.lower()


def tfidf_links(event: Event, threshold: float = TFIDF_THRESHOLD) -> set[Link]:
    """Baseline: items whose sentence TF-IDF cosine (fitted per event) reaches the threshold."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    items = event.items
    texts = [event.sentence_text(i) for i in items]
    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform(texts)
    except ValueError:  # no words at all
        return set()
    sims = (matrix @ matrix.T).tocoo()
    out = set()
    for i, j, value in zip(sims.row, sims.col, sims.data, strict=True):
        a, b = items[i], items[j]
        if i < j and a[0] != b[0] and value >= threshold:
            out.add((a, b) if a < b else (b, a))
    return out


@dataclass
class LinkScore:
    """Pairwise counts, summed over events before dividing."""

    true: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set[Link], gold: set[Link]) -> None:
        self.true += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def outlet_checks(event: Event, dossier: Dossier) -> tuple[int, int, int]:
    """``(instances in two or more articles, exact on the fact's items, exact on all its
    evidence)``: the fact (or fact detail) holding most of an instance's items must list
    exactly the outlets of the articles reporting it. The first count reads only the
    evidence in annotated sentences (all gold can judge); the second all of it."""
    reported: dict[str, set[str]] = {}
    for fact in dossier.facts:
        reported[fact.id] = set(fact.reported_by)
        for n, detail in enumerate(fact.details):
            reported[detail_id(fact.id, n)] = set(detail.reported_by)
    return _outlet_checks(event, fact_items(event, dossier, details=True), reported.get)


def group_outlet_checks(event: Event, groups: dict[str, set[Item]]) -> tuple[int, int]:
    """``(instances in two or more articles, exact)`` for groups of items that are not a
    dossier's facts (a baseline's), judged on their items as the first count above."""
    total, exact, _ = _outlet_checks(event, dict(groups), None)
    return total, exact


def _outlet_checks(event: Event, items_of: dict[str, set[Item]],
                   reported_by: Callable[[str], set[str] | None] | None) -> tuple[int, int, int]:
    outlet = {a.id: a.outlet for a in event.articles}
    by_chain: dict[str, set[Item]] = defaultdict(set)
    for m in event.mentions:
        if m.chain:
            by_chain[m.chain].add(m.item)
    order = {key: i for i, key in enumerate(items_of)}
    total = on_items = on_all = 0
    for items in by_chain.values():
        articles = {a for a, _ in items}
        if len(articles) < 2:
            continue
        total += 1
        # most of its items; of groups holding as many, the one with fewest other items
        best = max(items_of, default=None, key=lambda f: (
            len(items_of[f] & items), -len(items_of[f] - items), -order[f]))
        if best is None or not items_of[best] & items:
            continue
        want = {outlet[a] for a in articles}
        on_items += {outlet[a] for a, _ in items_of[best]} == want
        on_all += reported_by is not None and reported_by(best) == want
    return total, on_items, on_all


def mention_clusters(event: Event, dossier: Dossier) -> tuple[Clusters, Clusters]:
    """``(gold, system)`` clusterings of the event's chained gold event mentions."""
    mentions = [m for m in event.mentions if m.chain]
    gold: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        gold[m.chain].add(m.id)  # type: ignore[index]
    covering: dict[tuple[str, int], list[str]] = defaultdict(list)
    spans = []
    for fact in dossier.facts:
        for ev in fact.evidence:
            if ev.span is not None:
                spans.append((ev.article_id, ev.span.start, ev.span.end, fact.id))
                covering[(ev.article_id, _line_of(event.lines[ev.article_id], ev.span.start))
                         ].append(fact.id)
    system: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        article = m.item[0]
        inside = [f for a, s, e, f in spans if a == article and s <= m.start < e]
        chosen = (inside or covering.get(m.item) or [f"single:{m.id}"])[0]
        system[chosen].add(m.id)
    return list(gold.values()), list(system.values())


@dataclass
class FactScores:
    """One row of the table: a system's link scores, outlet counts and coreference."""

    name: str
    links: LinkScore
    instances: int = 0
    outlets_exact: int = 0
    outlets_exact_all: int = 0
    coref: dict[str, float] = field(default_factory=dict)
    events: int = 0
    seconds: float = 0.0


def score_dossiers(events: list[Event], dossiers: dict[str, Dossier], name: str) -> FactScores:
    """Links, outlet counts and mention-clustering scores of one dossier per event."""
    scores = FactScores(name, LinkScore(), events=len(events))
    pairs = []
    for event in events:
        dossier = dossiers[event.event_id]
        scores.links.add(system_links(event, dossier), gold_links(event))
        total, exact, exact_all = outlet_checks(event, dossier)
        scores.instances += total
        scores.outlets_exact += exact
        scores.outlets_exact_all += exact_all
        pairs.append(mention_clusters(event, dossier))
    totals = score_documents(pairs)
    scores.coref = {k: v.f1 for k, v in totals.items()} | {"conll": conll_f1(totals)}
    return scores


def score_baseline(events: list[Event], links: Callable[[Event], set[Link]], name: str,
                   groups: Callable[[Event], dict[str, set[Item]]] | None = None) -> FactScores:
    """Links of a baseline; with ``groups``, its outlet counts too (on items)."""
    scores = FactScores(name, LinkScore(), events=len(events))
    for event in events:
        scores.links.add(links(event), gold_links(event))
        if groups is not None:
            total, exact = group_outlet_checks(event, groups(event))
            scores.instances += total
            scores.outlets_exact += exact
    return scores


def evaluate(
    articles_path: Path, mentions_path: Path, split: str | None = None,
    extract: Iterable[bool] = (False, True), limit: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[FactScores]:
    """The whole table: the dossier without and with extraction, then both baselines."""
    import time

    from dossier.eval.dossier import event_dossier

    events = read_events(articles_path, mentions_path, split)[:limit]
    rows = []
    for with_extraction in extract:
        start = time.perf_counter()
        dossiers = {e.event_id: event_dossier(e.event_id, e.articles, with_extraction)
                    for e in events}
        row = score_dossiers(events, dossiers,
                             "dossier, extraction" if with_extraction else "dossier, words only")
        row.seconds = time.perf_counter() - start
        rows.append(row)
        if progress:
            progress(f"{row.name}: {row.seconds:.0f} s")
    rows.append(score_baseline(events, head_word_links, "baseline: gold-mention head word",
                               head_word_groups))
    rows.append(score_baseline(events, tfidf_links,
                               f"baseline: sentence TF-IDF cosine >= {TFIDF_THRESHOLD}"))
    return rows


def instance_counts(events: list[Event]) -> Counter[int]:
    """How many instances are reported by N articles (for the README of a run)."""
    out: Counter[int] = Counter()
    for event in events:
        by_chain: dict[str, set[str]] = defaultdict(set)
        for m in event.mentions:
            if m.chain:
                by_chain[m.chain].add(m.item[0])
        out.update(len(v) for v in by_chain.values())
    return out
