"""Score entity extraction and cross-article linking against GUM's entity annotation.

Within-document coreference (``Entity.mentions`` grouping) is scored with the
CoNLL-2012 metrics (MUC, B3, CEAF-e, CoNLL F1 = their mean; see
:mod:`dossier.eval.coref`) and mention detection P/R/F1:

- Gold: GUM mentions typed person, place or organization, chained by GUM's
  entity id; singletons included (GUM annotates them, the extractor outputs
  them). Pronouns, descriptions ("the school") and names all count.
- System: every mention span of an extracted entity typed PERSON, ORG, GPE,
  LOC or NORP (for one GUM type: the types standing for it). Entities typed
  OTHER are untyped guesses: their mentions count only where they hit a gold
  mention.
- Matching is by syntactic head: a system span covers some GUM tokens; its head
  is the covered token highest in GUM's gold tree; it matches the gold mention
  with that head (the best-overlapping one if several). GUM spans hold whole
  noun phrases ("the school of Dr. William Glennie, in Dulwich") while the
  extractor marks names, so exact spans would measure bracketing, not
  coreference. Each gold mention matches at most one system mention; a second
  one with the same head is a false mention.
- A system mention whose head is a gold mention of another GUM type (event,
  abstract, ...) is a typing disagreement, not a false mention: it is left out.

Cross-document linking (``resolve_entity_map``) treats each GUM document as an
article. Items are the gold *named* mentions (head is a proper noun) with a
Wikipedia identity that the extractor found; the gold cluster is the identity,
the predicted one the canonical id of the extracted entity holding the match.
Scores: B3 and pairwise over all items, and pairwise over cross-document pairs
only (what the linker alone decides).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dossier.eval.coref import Clusters, Counts, conll_f1, score_documents
from dossier.eval.gum import GoldMention, GumDoc, span_head
from dossier.eval.stories import ClusterScores, score_clusters
from dossier.model import Extraction

#: GUM entity type -> the extractor's types that stand for it.
TYPE_MAP: dict[str, frozenset[str]] = {
    "person": frozenset({"PERSON"}),
    "place": frozenset({"GPE", "LOC", "NORP"}),
    "organization": frozenset({"ORG"}),
}


@dataclass
class Alignment:
    """One document's gold and system clusterings over shared mention ids."""

    key: Clusters = field(default_factory=list)
    response: Clusters = field(default_factory=list)
    matched: dict[int, str] = field(default_factory=dict)  # gold mention index -> entity key

    @property
    def md(self) -> Counts:
        """Mention detection: matched mentions over gold (recall) and system (precision)."""
        n = float(len(self.matched))
        return Counts(n, float(sum(map(len, self.key))), n, float(sum(map(len, self.response))))


@dataclass(frozen=True)
class CorefScores:
    """Corpus totals for one system and one set of GUM types."""

    types: str
    md: Counts
    metrics: dict[str, Counts]

    @property
    def conll(self) -> float:
        return conll_f1(self.metrics)


def tokens_of(doc: GumDoc, start: int, end: int, starts: list[int] | None = None
              ) -> tuple[int, int]:
    """GUM tokens ``[first, last)`` overlapping characters ``[start, end)``."""
    starts = starts if starts is not None else [t.start for t in doc.tokens]
    first = max(0, bisect.bisect_right(starts, start) - 1)
    if first < len(doc.tokens) and doc.tokens[first].end <= start:
        first += 1
    last = bisect.bisect_left(starts, end)
    return first, max(first, last)


def _best(candidates: list[tuple[int, GoldMention]], s: int, e: int) -> int:
    def overlap(item: tuple[int, GoldMention]) -> tuple[float, int]:
        m = item[1]
        inter = min(e, m.end) - max(s, m.start)
        return inter / (max(e, m.end) - min(s, m.start)), -m.start
    return max(candidates, key=overlap)[0]


def align(doc: GumDoc, extraction: Extraction, types: Iterable[str] = tuple(TYPE_MAP)
          ) -> Alignment:
    """Gold chains and system entities of one document as clusterings of mention ids."""
    types = set(types)
    ours = frozenset().union(*(TYPE_MAP[t] for t in types))
    by_head: dict[int, list[tuple[int, GoldMention]]] = {}
    other_heads = set()
    for i, m in enumerate(doc.mentions):
        if m.etype in types:
            by_head.setdefault(m.head, []).append((i, m))
        else:
            other_heads.add(m.head)
    out = Alignment()
    chains: dict[str, set[str]] = {}
    for i, m in enumerate(doc.mentions):
        if m.etype in types:
            chains.setdefault(m.entity, set()).add(f"g{i}")
    out.key = list(chains.values())
    false, starts = 0, [t.start for t in doc.tokens]
    for ent in extraction.entities:
        if ent.type not in ours and ent.type != "OTHER":
            continue
        cluster: set[str] = set()
        for span in ent.mentions:
            s, e = tokens_of(doc, span.start, span.end, starts)
            if e <= s:
                continue
            head = span_head(doc.tokens, s, e)
            free = [c for c in by_head.get(head, []) if c[0] not in out.matched]
            if free:
                gi = _best(free, s, e)
                out.matched[gi] = ent.key
                cluster.add(f"g{gi}")
            elif ent.type in ours and (head not in other_heads or head in by_head):
                false += 1
                cluster.add(f"s{false}")
        if cluster:
            out.response.append(cluster)
    return out


#: system name -> function(articles) -> extractions, for ``dossier eval entities --system``.
System = Callable[[list], list[Extraction]]


def _with_model(articles: list) -> list[Extraction]:
    from dossier.extract import extract_many
    from dossier.nlp import load

    return list(extract_many(articles, nlp=load()))


def _rules_only(articles: list) -> list[Extraction]:
    from dossier.extract import extract_from_doc

    return [extract_from_doc(a, None) for a in articles]


SYSTEMS: dict[str, System] = {"model": _with_model, "rules": _rules_only}


def extract_docs(docs: list[GumDoc], system: str = "model") -> list[Extraction]:
    """Run the real extractor on every document's rebuilt text."""
    return SYSTEMS[system]([d.article() for d in docs])


def found_only(a: Alignment) -> Alignment:
    """Both clusterings cut down to the gold mentions the system found: grouping quality
    with detection taken out (not a CoNLL figure; a diagnostic)."""
    found = {f"g{i}" for i in a.matched}
    cut = lambda cs: [c & found for c in cs if c & found]  # noqa: E731
    return Alignment(cut(a.key), cut(a.response), dict(a.matched))


def score_coref(docs: list[GumDoc], extractions: list[Extraction],
                types: Iterable[str] = tuple(TYPE_MAP), found: bool = False) -> CorefScores:
    """CoNLL-2012 metrics and mention detection summed over the documents
    (``found``: over the gold mentions the system found only, see :func:`found_only`)."""
    types = tuple(types)
    aligned = [align(d, x, types) for d, x in zip(docs, extractions, strict=True)]
    md = sum((a.md for a in aligned), Counts())
    if found:
        aligned = [found_only(a) for a in aligned]
    metrics = score_documents((a.key, a.response) for a in aligned)
    return CorefScores("+".join(types) if len(types) > 1 else types[0], md, metrics)


@dataclass(frozen=True)
class LinkScores:
    """Cross-document linking: clustering scores plus how much there was to link."""

    clusters: ClusterScores
    cross_p: float
    cross_r: float
    cross_f1: float
    documents: int
    gold_multi_doc: Counter  # GUM type -> gold identities in >= 2 documents
    found_multi_doc: int  # identities in >= 2 documents among the scored items


def _cross_pairs(items: list[tuple[str, object]]) -> float:
    """Same-group pairs of ``(document, group)`` items that lie in different documents."""
    pairs = lambda n: n * (n - 1) / 2  # noqa: E731
    same = sum(pairs(n) for n in Counter(items).values())
    return sum(pairs(n) for n in Counter(g for _, g in items).values()) - same


def link_items(docs: list[GumDoc], extractions: list[Extraction],
               mapping: dict[tuple[str, str], str]) -> list[tuple[str, str, str, str]]:
    """(document, predicted canonical id, gold identity, GUM type) per found named mention."""
    items = []
    for doc, extraction in zip(docs, extractions, strict=True):
        for gi, key in align(doc, extraction).matched.items():
            m = doc.mentions[gi]
            if m.identity and doc.tokens[m.head].upos == "PROPN" and \
                    (doc.id, key) in mapping:
                items.append((doc.id, mapping[(doc.id, key)], m.identity, m.etype))
    return items


def score_linking(docs: list[GumDoc], extractions: list[Extraction]) -> LinkScores:
    """Run ``resolve_entity_map`` over all documents and score it against identities."""
    from dossier.link.entities import resolve_entity_map

    _, mapping = resolve_entity_map(extractions)
    items = link_items(docs, extractions, mapping)
    predicted = {str(i): item[1] for i, item in enumerate(items)}
    gold = {str(i): item[2] for i, item in enumerate(items)}
    clusters = score_clusters(predicted, gold) if items else None
    tp = _cross_pairs([(d, (p, g)) for d, p, g, _ in items])
    pred = _cross_pairs([(d, p) for d, p, _, _ in items])
    gold_n = _cross_pairs([(d, g) for d, _, g, _ in items])
    p = tp / pred if pred else 0.0
    r = tp / gold_n if gold_n else 0.0
    docs_of: dict[tuple[str, str], set[str]] = {}
    for m_doc in docs:
        for m in m_doc.mentions:
            if m.identity and m.etype in TYPE_MAP:
                docs_of.setdefault((m.etype, m.identity), set()).add(m_doc.id)
    multi = Counter(t for (t, _), ds in docs_of.items() if len(ds) >= 2)
    found: dict[str, set[str]] = {}
    for d, _, g, _ in items:
        found.setdefault(g, set()).add(d)
    return LinkScores(clusters, p, r, 2 * p * r / (p + r) if p + r else 0.0, len(docs), multi,
                      sum(1 for ds in found.values() if len(ds) >= 2))


def mention_kind(doc: GumDoc, m: GoldMention) -> str:
    """name (proper-noun head), pronoun, or nominal (a description: "the school")."""
    return {"PROPN": "name", "PRON": "pronoun"}.get(doc.tokens[m.head].upos, "nominal")


def recall_by_kind(docs: list[GumDoc], extractions: list[Extraction]) -> dict[str, Counts]:
    """Gold-mention recall split by mention kind (all scored GUM types)."""
    out: dict[str, Counts] = {}
    for doc, extraction in zip(docs, extractions, strict=True):
        matched = align(doc, extraction).matched
        for i, m in enumerate(doc.mentions):
            if m.etype in TYPE_MAP:
                kind = mention_kind(doc, m)
                out[kind] = out.get(kind, Counts()) + Counts(float(i in matched), 1.0)
    return out
