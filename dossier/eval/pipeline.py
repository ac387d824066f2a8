"""Score the English pipeline: UD EWT test (UPOS, UAS, LAS) and UNER EWT test (entity F1).

Both use gold tokenisation (the standard for these benchmarks): the pipeline
gets the treebank's words and must find sentences, tags, trees and entities.
LAS counts every word including punctuation and compares the universal
relation (``nmod`` for ``nmod:poss``), as the CoNLL 2018 scorer does;
``las_full`` compares the full subtyped label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dossier.nlp.conllu import Sentence, iob_spans, read_conllu

#: dossier entity label -> UNER label (types UNER lacks are not scored).
UNER_LABELS: dict[str, str] = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
EWT_TEST = "treebanks/ud-english-ewt/en_ewt-ud-test.conllu"
UNER_TEST = "ner/uner-english-ewt/en_ewt-ud-test.iob2"
SENTS_PER_DOC = 10


@dataclass
class ParseScores:
    """Word-level accuracies over a treebank split."""

    words: int
    upos: float
    uas: float
    las: float
    las_full: float


@dataclass
class EntityScores:
    """Exact-span entity precision/recall/F1 per type and micro-averaged."""

    per_type: dict[str, tuple[float, float, float, int]]  # p, r, f, gold support
    micro: tuple[float, float, float]


def _docs(nlp: Language, sents: list[Sentence]) -> Iterable[tuple[list[Sentence], Doc]]:
    for i in range(0, len(sents), SENTS_PER_DOC):
        chunk = sents[i : i + SENTS_PER_DOC]
        words = [w.form for s in chunk for w in s.words]
        spaces = [w.space_after for s in chunk for w in s.words]
        yield chunk, Doc(nlp.vocab, words=words, spaces=spaces)


def score_parse(nlp: Language, path: Path, limit: int | None = None) -> ParseScores:
    """UPOS accuracy, UAS and LAS of ``nlp`` on a CoNLL-U file."""
    sents = list(read_conllu(path))[:limit]
    pairs = list(_docs(nlp, sents))
    n = upos = uas = las = las_full = 0
    for (chunk, _), doc in zip(pairs, nlp.pipe(d for _, d in pairs), strict=True):
        gold = [(s, w, offset) for s, offset in _offsets(chunk) for w in s.words]
        for tok, (_sent, word, offset) in zip(doc, gold, strict=True):
            n += 1
            upos += tok.pos_ == word.upos
            gold_head = offset + word.head - 1 if word.head else tok.i
            pred_dep = "root" if tok.dep_ == "ROOT" else tok.dep_
            if tok.head.i == gold_head:
                uas += 1
                las += pred_dep.split(":")[0] == word.deprel.split(":")[0]
                las_full += pred_dep == word.deprel
    return ParseScores(n, upos / n, uas / n, las / n, las_full / n)


def _offsets(chunk: list[Sentence]) -> list[tuple[Sentence, int]]:
    out, offset = [], 0
    for sent in chunk:
        out.append((sent, offset))
        offset += len(sent.words)
    return out


def read_uner(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) per sentence of a UNER file."""
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if raw.startswith("#"):
            continue
        if not raw.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        cols = raw.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    return out


def uner_spaces(path: Path, conllu: Path) -> list[list[bool] | None]:
    """Per UNER sentence, the spacing of the same EWT sentence (None where words differ).

    UNER annotates EWT's words; the treebank also records which words were
    written without a space between them ("McDonald" + "s" of "McDonalds"), so
    the pipeline sees the text as it was written.
    """
    ids = [line.split("=", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
           if line.startswith("# sent_id")]
    treebank = {s.sent_id: s for s in read_conllu(conllu)}
    out: list[list[bool] | None] = []
    for sid, (words, _) in zip(ids, read_uner(path), strict=True):
        sent = treebank.get(sid)
        same = sent is not None and [w.form for w in sent.words] == words
        out.append([w.space_after for w in sent.words] if same else None)
    return out


def score_entities(nlp: Language, path: Path, limit: int | None = None,
                   spaces: list[list[bool] | None] | None = None) -> EntityScores:
    """Exact-span F1 against UNER, sentence by sentence (seqeval-style counting).

    ``spaces`` (from :func:`uner_spaces`) gives each sentence its written spacing.
    """
    sents = read_uner(path)[:limit]
    spacing = spaces or [None] * len(sents)
    gold: set[tuple[int, int, int, str]] = set()
    pred: set[tuple[int, int, int, str]] = set()
    docs = (Doc(nlp.vocab, words=words, spaces=sp)
            for (words, _), sp in zip(sents, spacing, strict=False))
    for i, ((_, tags), doc) in enumerate(zip(sents, nlp.pipe(docs), strict=True)):
        gold.update((i, s, e, lab) for s, e, lab in iob_spans(tags))
        pred.update((i, ent.start, ent.end, UNER_LABELS[ent.label_])
                    for ent in doc.ents if ent.label_ in UNER_LABELS)
    return _prf(gold, pred)


def _prf(gold: set[tuple], pred: set[tuple]) -> EntityScores:
    hits = gold & pred
    per: dict[str, tuple[float, float, float, int]] = {}
    g, p, h = (Counter(x[-1] for x in s) for s in (gold, pred, hits))
    for label in sorted(set(g) | set(p)):
        per[label] = (*_f(h[label], p[label], g[label]), g[label])
    return EntityScores(per, _f(len(hits), len(pred), len(gold)))


def _f(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    prec = hits / n_pred if n_pred else 0.0
    rec = hits / n_gold if n_gold else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def evaluate(nlp: Language, data: Path, limit: int | None = None) -> dict[str, object]:
    """Both benchmarks as one plain dict (what the CLI prints and the model card records)."""
    parse = score_parse(nlp, data / EWT_TEST, limit)
    ents = score_entities(nlp, data / UNER_TEST, limit,
                          uner_spaces(data / UNER_TEST, data / EWT_TEST))
    return {
        "ud_ewt_test": vars(parse),
        "uner_ewt_test": {
            "micro": dict(zip(("p", "r", "f"), ents.micro, strict=True)),
            "per_type": {k: dict(zip(("p", "r", "f", "support"), v, strict=True))
                         for k, v in ents.per_type.items()},
        },
    }


def format_table(scores: dict[str, object]) -> str:
    """Small text table of :func:`evaluate`'s result."""
    parse = scores["ud_ewt_test"]
    ents = scores["uner_ewt_test"]
    lines = [
        f"UD EWT test ({parse['words']} words, gold tokens)",
        f"  UPOS {parse['upos']:.4f}  UAS {parse['uas']:.4f}  LAS {parse['las']:.4f}"
        f"  (LAS full labels {parse['las_full']:.4f})",
        "UNER EWT test (exact spans)",
        f"  {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}",
    ]
    for label, row in ents["per_type"].items():
        lines.append(f"  {label:<6} {row['p']:6.3f} {row['r']:6.3f} {row['f']:6.3f} "
                     f"{row['support']:6d}")
    micro = ents["micro"]
    lines.append(f"  {'micro':<6} {micro['p']:6.3f} {micro['r']:6.3f} {micro['f']:6.3f}")
    return "\n".join(lines)
