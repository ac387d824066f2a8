"""Pronoun-link accuracy on GUM: of the gold pronouns the extractor attached to an
entity, how many went to the right one.

CoNLL scores mix detection and linking: a pronoun attached to the wrong person still
counts as a found mention. This diagnostic isolates the link. A gold pronoun mention
(head *he*, *his*, *she*, *it*...) that the extractor matched is *right* when its
entity also holds a non-pronoun gold mention of the same GUM chain, *wrong* when the
entity's non-pronoun mentions all belong to other chains, and undecided when the
entity has no other matched mention (left out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from dossier.eval.entities import TYPE_MAP, align
from dossier.eval.gum import GumDoc
from dossier.model import Extraction

#: Report group -> pronoun forms.
GROUPS: dict[str, frozenset[str]] = {
    "he/him/his": frozenset({"he", "him", "his", "himself"}),
    "she/her": frozenset({"she", "her", "hers", "herself"}),
    "it/its": frozenset({"it", "its", "itself"}),
    "they/them/their": frozenset({"they", "them", "their", "theirs", "themselves"}),
}


def pronoun_links(docs: Iterable[GumDoc], extractions: Iterable[Extraction]
                  ) -> dict[str, tuple[int, int]]:
    """Group -> (right, decided) over all documents."""
    right: Counter = Counter()
    decided: Counter = Counter()
    for doc, extraction in zip(docs, extractions, strict=True):
        matched = align(doc, extraction, tuple(TYPE_MAP)).matched
        form = {gi: doc.tokens[doc.mentions[gi].head].form.lower() for gi in matched}
        group = {gi: next((g for g, ws in GROUPS.items() if form[gi] in ws), None)
                 for gi in matched}
        chains: dict[str, set[str]] = {}
        for gi, key in matched.items():
            if group[gi] is None:
                chains.setdefault(key, set()).add(doc.mentions[gi].entity)
        for gi, key in matched.items():
            if group[gi] is not None and chains.get(key):
                decided[group[gi]] += 1
                right[group[gi]] += doc.mentions[gi].entity in chains[key]
    return {g: (right[g], decided[g]) for g in GROUPS if decided[g]}
