"""Is this word an attribution cue here? A small logistic model over context features.

The cue lexicon alone cannot tell "called" in "Trump called the plan a disaster"
(a cue) from "called" in "a group called Vets for Trump" (not). This model,
trained on PolNeAR train by ``learn_cues.train_model``, scores each candidate
word from the lexicon with features of its neighbours. Weights live in
``data/cue_model.json`` (feature -> weight) and scoring is plain Python, so
extraction stays pure and picklable.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

_MODEL = Path(__file__).with_name("data") / "cue_model.json"
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w’'-]+|[“”\"]|''|[,:;.!?]")
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "who", "which"}


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words and punctuation of ``text[start:end]`` with offsets."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


def features(toks: list[tuple[int, int, str]], i: int, rate: float, quoted: bool) -> list[str]:
    """Context features of token ``i`` (its lexicon rate, neighbours, shape)."""
    def w(k: int) -> str:
        j = i + k
        return toks[j][2].lower() if 0 <= j < len(toks) else "<s>" if j < 0 else "</s>"

    word = w(0)
    nxt = [w(k) for k in (1, 2, 3)]
    prev = toks[i - 1][2] if i > 0 else ""
    nxt_tok = toks[i + 1][2] if i + 1 < len(toks) else ""
    quotes = ("“", '"', "''")
    return [
        "bias", f"w={word}", f"p1={w(-1)}", f"n1={nxt[0]}", f"p2={w(-2)}", f"n2={nxt[1]}",
        f"w+n1={word}|{nxt[0]}", f"p1+w={w(-1)}|{word}", f"suf={word[-3:]}",
        f"rate={min(9, int(rate * 10))}", f"pos={min(i, 6)}", f"quoted={quoted}",
        f"that_soon={'that' in nxt}", f"quote_soon={any(x in quotes for x in nxt)}",
        f"colon_next={nxt[0] == ':'}", f"prev_cap={prev[:1].isupper()}",
        f"prev_pron={w(-1) in _PRONOUNS}", f"next_cap={nxt_tok[:1].isupper()}",
        f"prev_punct={w(-1) in (',', '”', chr(34), chr(39) * 2)}",
        f"end_soon={any(x in ('.', '</s>') for x in nxt[:2])}",
    ]


@cache
def _weights() -> dict[str, float]:
    if not _MODEL.exists():
        return {}
    return json.loads(_MODEL.read_text(encoding="utf-8"))


def probability(feats: list[str]) -> float | None:
    """P(cue) under the trained model; None when no model has been trained."""
    weights = _weights()
    if not weights:
        return None
    z = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
