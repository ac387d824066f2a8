"""Learn the attribution-cue lexicon from PolNeAR train (offline, not at run time).

For every word we count how often it heads an annotated cue against how often it
occurs at all; words that are cues often enough become the lexicon in
``data/cues.json``. Run: ``python -m dossier.extract.learn_cues ../shared/datasets/quotes/polnear``.
The lexicon is derived data (word -> rate), attributed to PolNeAR (Newell et al. 2018).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[\w’']+|:")
#: Modifiers that sit inside cue spans but do not make one.
NOT_HEADS = {"also", "has", "have", "had", "was", "were", "is", "are", "be", "been", "would",
             "will", "not", "did", "does", "do", "to", "in", "a", "an", "the", "of", "on",
             "for", "about", "it", "that", "out", "up", "again", "later", "then", "first",
             "who", "which", "he", "she", "they", "and", "but", "as", "by", "with", "at"}
OUT = Path(__file__).with_name("data") / "cues.json"


def learn(root: str, min_count: int = 4, min_rate: float = 0.3) -> dict[str, list[float]]:
    """word -> [rate, count] for words that head cues at least ``min_rate`` of the time."""
    from dossier.eval.quotes import read_split

    cue, occ = Counter(), Counter()
    for doc in read_split(root, "train"):
        marked = set()
        for g in doc.gold:
            for s, e in g.cue:
                marked.update(s + m.start() for m in WORD.finditer(doc.text[s:e]))
        for m in WORD.finditer(doc.text):
            w = m.group(0).lower()
            occ[w] += 1
            cue[w] += m.start() in marked
    return {w: [round(cue[w] / occ[w], 3), cue[w]] for w in sorted(cue)
            if cue[w] >= min_count and cue[w] / occ[w] >= min_rate and w not in NOT_HEADS
            and not w.endswith("ly") and w.isalpha()}


if __name__ == "__main__":
    OUT.write_text(json.dumps(learn(sys.argv[1]), indent=0, sort_keys=True) + "\n")
    print(f"wrote {OUT}")
