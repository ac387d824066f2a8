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




def _examples(root: str, split: str, rates: dict[str, list[float]]):
    from dossier.eval.quotes import read_split
    from dossier.extract.cue_model import features, tokens
    from dossier.extract.segment import quote_regions, units

    X, y = [], []
    for doc in read_split(root, split):
        marked = set()
        for g in doc.gold:
            for s, e in g.cue:
                marked.update(range(s, e))
        regions = quote_regions(doc.text)
        for us, ue in units(doc.text, regions):
            toks = tokens(doc.text, us, ue)
            for i, (s, _e, w) in enumerate(toks):
                r = rates.get(w.lower())
                if r is None:
                    continue
                quoted = any(a < s < b - 1 for a, b in regions)
                X.append(features(toks, i, r[0], quoted))
                y.append(int(s in marked))
    return X, y


def train_model(root: str) -> dict[str, float]:
    """Fit the cue classifier on train over candidates from a permissive lexicon."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    rates = learn(root, min_count=3, min_rate=0.05)
    CANDIDATES.write_text(json.dumps(rates, indent=0, sort_keys=True) + "\n")
    X, y = _examples(root, "train", rates)
    vec = CountVectorizer(analyzer=lambda feats: feats, min_df=2, binary=True)
    M = vec.fit_transform(X)
    clf = LogisticRegression(C=0.5, max_iter=2000).fit(M, y)
    weights = {f: round(float(c), 4) for f, c in zip(vec.get_feature_names_out(), clf.coef_[0],
                                                    strict=True) if abs(c) > 1e-3}
    weights["bias"] = weights.get("bias", 0.0) + float(clf.intercept_[0])
    return weights


CANDIDATES = OUT.with_name("cue_candidates.json")
MODEL = OUT.with_name("cue_model.json")


if __name__ == "__main__":
    OUT.write_text(json.dumps(learn(sys.argv[1]), indent=0, sort_keys=True) + "\n")
    MODEL.write_text(json.dumps(train_model(sys.argv[1]), sort_keys=True) + "\n")
    print(f"wrote {OUT}, {CANDIDATES}, {MODEL}")
