"""Coreference metrics of the CoNLL-2012 shared task: MUC, B3, CEAF-e and their mean.

A clustering is a list of sets of mention ids; ``key`` is gold, ``response`` is
the system's. Mentions need not agree: a response mention absent from the key
(a false mention) costs precision, a key mention absent from the response costs
recall, as in the reference scorer. Each metric returns :class:`Counts`
(numerators and denominators) so documents are summed before dividing, the
micro-average the reference scorer reports for a corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from scipy.optimize import linear_sum_assignment

Clusters = list[set[str]]


@dataclass(frozen=True)
class Counts:
    """Recall and precision as fractions, kept apart so documents can be summed."""

    r_num: float = 0.0
    r_den: float = 0.0
    p_num: float = 0.0
    p_den: float = 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.r_num + other.r_num, self.r_den + other.r_den,
                      self.p_num + other.p_num, self.p_den + other.p_den)

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _muc_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    """Vilain et al. 1995: sum(|K| - |partitions of K by response|) / sum(|K| - 1)."""
    owner = {m: i for i, cluster in enumerate(response) for m in cluster}
    num = den = 0.0
    for cluster in key:
        parts = {owner.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> Counts:
    """Links kept: recall over the key's links, precision over the response's."""
    return Counts(*_muc_side(key, response), *_muc_side(response, key))


def _b3_side(key: Clusters, response: Clusters) -> tuple[float, float]:
    """Bagga & Baldwin 1998: per key mention, |K & R| / |K| for the R holding it."""
    owner = {m: cluster for cluster in response for m in cluster}
    num = sum(len(cluster & owner.get(m, set())) / len(cluster)
              for cluster in key for m in cluster)
    return num, float(sum(len(cluster) for cluster in key))


def b3(key: Clusters, response: Clusters) -> Counts:
    """Mention-weighted B3 (BCubed)."""
    return Counts(*_b3_side(key, response), *_b3_side(response, key))


def phi4(k: set[str], r: set[str]) -> float:
    """Luo 2005's entity similarity: 2|K & R| / (|K| + |R|)."""
    return 2 * len(k & r) / (len(k) + len(r)) if k or r else 0.0


def ceafe(key: Clusters, response: Clusters) -> Counts:
    """Entity-based CEAF: the best one-to-one entity alignment by phi4 (Hungarian)."""
    key = [k for k in key if k]
    response = [r for r in response if r]
    best = 0.0
    if key and response:
        sim = [[phi4(k, r) for r in response] for k in key]
        rows, cols = linear_sum_assignment(sim, maximize=True)
        best = float(sum(sim[i][j] for i, j in zip(rows, cols, strict=True)))
    return Counts(best, float(len(key)), best, float(len(response)))


METRICS: dict[str, Callable[[Clusters, Clusters], Counts]] = {
    "muc": muc, "b3": b3, "ceafe": ceafe}


def score_documents(pairs: Iterable[tuple[Clusters, Clusters]]) -> dict[str, Counts]:
    """Every metric summed over ``(key, response)`` documents."""
    totals = {name: Counts() for name in METRICS}
    for key, response in pairs:
        for name, metric in METRICS.items():
            totals[name] = totals[name] + metric(key, response)
    return totals


def conll_f1(totals: dict[str, Counts]) -> float:
    """The CoNLL-2012 figure: the mean of MUC, B3 and CEAF-e F1."""
    return sum(totals[name].f1 for name in METRICS) / len(METRICS)
