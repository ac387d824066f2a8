"""Entity error analysis on held-out development data (never on the UNER test file).

The shipped model trained on three quarters of EWT dev (with UNER dev
entities); the remaining quarter, chosen by the same seeded shuffle as
:func:`dossier.nlp.convert.build_corpora`, is the only UNER data the model has
not seen besides the test file. Post-processing rules are chosen here and the
test file is scored once, at the end, with :mod:`dossier.eval.pipeline`.

The analysis sorts every gold/predicted span pair into one error class:
right span wrong type, boundary errors (overlapping span, with the words that
were added or lost), missed and spurious entities, and counts a gold-vs-
predicted type confusion.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dossier.eval.pipeline import UNER_LABELS, EntityScores, _prf, read_uner, uner_spaces
from dossier.nlp.conllu import Sentence, iob_spans, read_conllu, read_iob
from dossier.nlp.convert import SENTS_PER_DOC, _chunks

EWT_DEV = "treebanks/ud-english-ewt/en_ewt-ud-dev.conllu"
UNER_DEV = "ner/uner-english-ewt/en_ewt-ud-dev.iob2"

Span3 = tuple[int, int, str]
#: One sentence: words, gold IOB tags, written spacing (None: a space after every word).
Sent = tuple[list[str], list[str], list[bool] | None]
#: Gold types that are scored; predictions overlapping other gold types (wikigold
#: MISC) count neither way, since our scheme has no MISC.
SCORED = {"PER", "ORG", "LOC"}


def heldout_dev(data: Path, seed: int = 0, share: float = 0.25) -> list[Sentence]:
    """EWT dev sentences the shipped model did not train on (same shuffle as training)."""
    chunks = list(_chunks(read_conllu(data / EWT_DEV), SENTS_PER_DOC))
    random.Random(seed).shuffle(chunks)
    return [s for chunk in chunks[: int(len(chunks) * share)] for s in chunk]


def heldout_uner(data: Path) -> list[Sent]:
    """(words, UNER tags, spacing) of the held-out dev sentences, in file order."""
    keep = {s.sent_id for s in heldout_dev(data)}
    return [s for sid, s in zip(_uner_ids(data / UNER_DEV), uner_dev(data), strict=True)
            if sid in keep]


def uner_dev(data: Path) -> list[Sent]:
    """(words, UNER tags, spacing) of every UNER EWT dev sentence."""
    path = data / UNER_DEV
    spaces = uner_spaces(path, data / EWT_DEV)
    return [(w, t, sp) for (w, t), sp in zip(read_uner(path), spaces, strict=True)]


def _uner_ids(path: Path) -> list[str]:
    return [line.split("=", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# sent_id")]


def iob_file(path: Path, limit: int | None = None) -> list[Sent]:
    """(words, tags) per sentence of a CoNLL (token ... tag) file such as wikigold or BTC."""
    return [([w for w, _ in s], [t for _, t in s], None) for s in read_iob(path)][:limit]


#: Analysis sets: name -> reader. Only "dev" is unseen by the shipped model; wikigold,
#: BTC and the other three quarters of UNER dev were training data, so they show
#: whether a rule breaks what the model gets right, not how well it generalises.
SETS: dict[str, Callable[[Path], list[Sent]]] = {
    "dev": heldout_uner,
    "dev-all": uner_dev,
    "wikigold": lambda data: iob_file(data / "ner/wikigold/CONLL-format/data/wikigold.conll.txt"),
    "btc": lambda data: iob_file(data / "ner/BTC/CONLL-format/data/h.conll", 2000),
}


@dataclass
class ErrorReport:
    """Scores plus the error classes of one predicted/gold comparison."""

    scores: EntityScores
    confusion: Counter = field(default_factory=Counter)  # (gold type, predicted type or "-")
    kinds: Counter = field(default_factory=Counter)  # error class -> count
    examples: dict[str, list[str]] = field(default_factory=dict)  # error class -> samples
    extra_words: Counter = field(default_factory=Counter)  # words predicted outside gold spans
    lost_words: Counter = field(default_factory=Counter)  # gold words missing from predictions


def predict(nlp: Language, sents: list[Sent],
            labels: dict[str, str] = UNER_LABELS) -> list[list[Span3]]:
    """Predicted spans per sentence, mapped to the gold scheme (unmapped types dropped)."""
    docs = (Doc(nlp.vocab, words=words, spaces=spaces) for words, _, spaces in sents)
    return [[(e.start, e.end, labels[e.label_]) for e in doc.ents if e.label_ in labels]
            for doc in nlp.pipe(docs)]


def analyse(sents: list[Sent], preds: list[list[Span3]],
            n_examples: int = 12) -> ErrorReport:
    """Score and classify errors sentence by sentence."""
    gold_all: set[tuple] = set()
    pred_all: set[tuple] = set()
    report = ErrorReport(scores=_prf(set(), set()))
    for i, ((words, tags, _), pred) in enumerate(zip(sents, preds, strict=True)):
        spans = iob_spans(tags)
        gold = [(s, e, lab) for s, e, lab in spans if lab in SCORED]
        other = [(s, e) for s, e, lab in spans if lab not in SCORED]
        pred = [p for p in pred if not any(p[0] < e and s < p[1] for s, e in other)]
        gold_all.update((i, *g) for g in gold)
        pred_all.update((i, *p) for p in pred)
        _classify(report, words, gold, pred, n_examples)
    report.scores = _prf(gold_all, pred_all)
    return report


def _note(report: ErrorReport, kind: str, text: str, limit: int) -> None:
    report.kinds[kind] += 1
    samples = report.examples.setdefault(kind, [])
    if len(samples) < limit:
        samples.append(text)


def _classify(report: ErrorReport, words: list[str], gold: list[Span3], pred: list[Span3],
              limit: int) -> None:
    def show(span: Span3) -> str:
        return f"[{' '.join(words[span[0]:span[1]])}]{span[2]}"

    for g in gold:
        match = next((p for p in pred if p[:2] == g[:2]), None)
        over = [p for p in pred if p[0] < g[1] and g[0] < p[1]]
        if match is not None:
            report.confusion[(g[2], match[2])] += 1
            if match[2] != g[2]:
                _note(report, f"type {g[2]}->{match[2]}", show(g), limit)
        elif over:
            p = over[0]
            report.confusion[(g[2], p[2])] += 1
            _note(report, "boundary", f"gold {show(g)} pred {show(p)}", limit)
            report.extra_words.update(words[i] for i in range(p[0], p[1]) if not g[0] <= i < g[1])
            report.lost_words.update(words[i] for i in range(g[0], g[1]) if not p[0] <= i < p[1])
        else:
            report.confusion[(g[2], "-")] += 1
            _note(report, f"missed {g[2]}", show(g), limit)
    for p in pred:
        if not any(p[0] < g[1] and g[0] < p[1] for g in gold):
            report.confusion[("-", p[2])] += 1
            _note(report, f"spurious {p[2]}", show(p), limit)


def format_report(report: ErrorReport, title: str) -> str:
    """Scores, confusion matrix, error classes with examples, boundary words."""
    s = report.scores
    lines = [title, f"  {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for label, (p, r, f, n) in s.per_type.items():
        lines.append(f"  {label:<6} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
    lines.append(f"  {'micro':<6} {s.micro[0]:6.3f} {s.micro[1]:6.3f} {s.micro[2]:6.3f}")
    types = ["PER", "ORG", "LOC", "-"]
    lines.append("  confusion (rows gold, columns predicted; overlap counts)")
    lines.append("  " + " " * 6 + "".join(f"{t:>6}" for t in types))
    for g in types:
        lines.append(f"  {g:<6}" + "".join(f"{report.confusion[(g, p)]:6d}" for p in types))
    for kind, count in report.kinds.most_common():
        lines.append(f"  {kind}: {count}")
        lines.extend(f"      {ex}" for ex in report.examples[kind])
    lines.append(f"  words added at boundaries: {report.extra_words.most_common(15)}")
    lines.append(f"  words lost at boundaries: {report.lost_words.most_common(15)}")
    return "\n".join(lines)
