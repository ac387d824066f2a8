"""Score quote/claim attribution on PolNeAR (brat standoff), as the datasets README says.

A predicted content span matches a gold one when it covers >= 50% of the gold
characters; matching is one-to-one and greedy (best coverage first). We report
precision, recall and F1 for all attributions and for the direct-quote subset,
and
speaker accuracy over matched pairs whose gold attribution has a source: right
when the predicted speaker span overlaps the gold source span.

The direct subset: recall over gold attributions whose content is or contains
quoted words (quote marks inside or right around it), precision over predicted
quotes of kind ``direct``/``mixed`` (matched against any gold attribution). With
this reading the README's plain-regex baseline scores direct F1 0.60, as stated.

Several annotators labelled some articles; we score each article against one
annotation file, the first by name, so every article counts once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

Spans = list[tuple[int, int]]

_OPEN = "\"“‘'"
_CLOSE = "\"”’'"


@dataclass
class Attribution:
    """One attribution: its content, cue and source as (discontinuous) spans."""

    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    direct: bool = False


@dataclass
class Doc:
    """One PolNeAR article and its gold attributions."""

    name: str
    text: str
    gold: list[Attribution]
    published: str | None = None


@dataclass
class Pred:
    """What a system says: a content span, its speaker span, whether it is a direct quote."""

    content: tuple[int, int]
    speaker: tuple[int, int] | None
    direct: bool


def _spans(field_text: str) -> Spans:
    out = []
    for part in field_text.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return out


def is_direct(text: str, spans: Spans) -> bool:
    """Gold content wholly inside quote marks (the marks may sit just outside)."""
    return all(_is_direct(text, s, e) for s, e in spans)


def _is_direct(text: str, start: int, end: int) -> bool:
    inner = text[start:end].strip()
    before = text[max(0, start - 2):start].strip()
    after = text[end:end + 2].strip()
    opens = inner[:1] in _OPEN or (before[-1:] in _OPEN)
    closes = inner.rstrip(".,;:!?")[-1:] in _CLOSE or after[:1] in _CLOSE or \
        after.lstrip(".,;:!?")[:1] in _CLOSE
    if not (opens and closes):
        return False
    body = inner.strip(_OPEN + _CLOSE + ".,;:!? ")
    return not re.search(r"[”\"]\s+\w[^“\"]*[“\"]", body)  # no break out of quotes inside


def has_quote(text: str, spans: Spans) -> bool:
    """Content that is or contains quoted words (the direct/mixed subset)."""
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return any(c in text[max(0, start - 1):end + 1] for c in "“\"")


def parse_ann(text: str, ann: str) -> list[Attribution]:
    """Read a brat ``.ann``: T lines give spans, E lines tie them into attributions."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, rest = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(rest))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        content = spans[ev["Content"]][1]
        out.append(Attribution(
            content=content,
            cue=spans[ev["Cue"]][1] if ev.get("Cue") in spans else [],
            source=spans[ev["Source"]][1] if ev.get("Source") in spans else [],
            direct=is_direct(text, content),
        ))
    return out


def read_split(root: str | Path, split: str) -> list[Doc]:
    """All articles of ``split`` (``train``/``dev``) with one annotator's attributions each."""
    base = Path(root) / split
    dates = _dates(Path(root) / "metadata.tsv")
    docs = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(text, anns[0].read_text(encoding="utf-8"))
        docs.append(Doc(txt.stem, text, gold, dates.get(txt.stem)))
    return docs


def _dates(meta: Path) -> dict[str, str]:
    if not meta.exists():
        return {}
    rows = [line.split("\t") for line in meta.read_text(encoding="utf-8").splitlines()[1:]]
    return {r[1]: r[5] for r in rows if len(r) > 5}


@dataclass
class PRF:
    """Precision, recall, F1 with their counts."""

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def p(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class QuoteScores:
    """All attributions, the direct subset, and speaker accuracy."""

    all: PRF
    direct: PRF
    speaker_right: int = 0
    speaker_total: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0


def _coverage(pred: tuple[int, int], gold: Spans) -> float:
    total = sum(e - s for s, e in gold)
    hit = sum(max(0, min(e, pred[1]) - max(s, pred[0])) for s, e in gold)
    return hit / total if total else 0.0


def match(preds: list[Pred], gold: list[Attribution]) -> list[tuple[int, int]]:
    """Greedy one-to-one (pred index, gold index) pairs with coverage >= 0.5."""
    cands = sorted(((_coverage(p.content, g.content), pi, gi)
                    for pi, p in enumerate(preds) for gi, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for cov, pi, gi in cands:
        if cov < 0.5:
            break
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


def _overlaps(a: tuple[int, int] | None, spans: Spans) -> bool:
    return a is not None and any(min(e, a[1]) > max(s, a[0]) for s, e in spans)


def score(docs: Iterable[Doc], predict: Callable[[Doc], list[Pred]]) -> QuoteScores:
    """Score one system over documents."""
    out = QuoteScores(PRF(), PRF())
    for doc in docs:
        preds = predict(doc)
        pairs = match(preds, doc.gold)
        out.all.tp_pred += len(pairs)
        out.all.tp_gold += len(pairs)
        out.all.n_pred += len(preds)
        out.all.n_gold += len(doc.gold)
        for pi, gi in pairs:
            if doc.gold[gi].source:
                out.speaker_total += 1
                out.speaker_right += _overlaps(preds[pi].speaker, doc.gold[gi].source)
        dp = [p for p in preds if p.direct]
        dg = [g for g in doc.gold if has_quote(doc.text, g.content)]
        out.direct.tp_pred += len(match(dp, doc.gold))
        out.direct.tp_gold += len(match(dp, dg))
        out.direct.n_pred += len(dp)
        out.direct.n_gold += len(dg)
    return out


_QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")
_NAME = r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*"
_SAID_AFTER = re.compile(r"^\W{0,3}\s*(?:(said|says)\s+(" + _NAME + r")|(" + _NAME
                         + r"|he|she|they)\s+(said|says))")


def baseline(doc: Doc) -> list[Pred]:
    """The README's reference point: text in quote marks plus "X said" right after it."""
    preds = []
    for m in _QUOTE_RE.finditer(doc.text):
        after = doc.text[m.end():m.end() + 60]
        s = _SAID_AFTER.match(after)
        speaker = None
        if s:
            g = 2 if s.group(2) else 3
            speaker = (m.end() + s.start(g), m.end() + s.end(g))
        preds.append(Pred((m.start(1), m.end(1)), speaker, True))
    return preds


SYSTEMS: dict[str, Callable[[Doc], list[Pred]]] = {"baseline": baseline}


def rules(doc: Doc) -> list[Pred]:
    """dossier's own extractor (text only: the speaker span, no entity resolution)."""
    from dossier.extract.quotes import find_quotes

    return [Pred(q.content, q.speaker, q.kind in ("direct", "mixed"))
            for q in find_quotes(doc.text)]


SYSTEMS["rules"] = rules
