"""Turn the shared treebanks and NER corpora into spaCy ``DocBin`` training files.

Every Doc carries exactly the annotation its source has and leaves the rest
*missing* (not "O", not an empty tree): UD EWT docs have tags and trees but no
entities, NER corpora have entities but no tags or trees, GUM and the EWT dev
sentences (merged with UNER dev) have both. spaCy skips missing annotation per
component, so the NER never learns "EWT has no entities" and the parser never
sees fake trees.

Label scheme (see MODEL_CARD.md): PERSON, ORG, LOC. Place-like entities of all
sources become LOC; :mod:`dossier.nlp.gazetteer` relabels known countries,
regions and cities as GPE after the statistical NER. MISC and GUM's other
entity types are marked missing, since the other corpora do not annotate them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from dossier.nlp.conllu import Sentence, Word, gum_mentions, iob_spans, read_conllu, read_iob

#: Source label -> dossier label; ``None`` marks the span's tokens as missing.
LABEL_MAP: dict[str, str | None] = {
    "PER": "PERSON", "PERSON": "PERSON", "person": "PERSON",
    "ORG": "ORG", "organization": "ORG",
    "LOC": "LOC", "GPE": "LOC", "place": "LOC",
    "MISC": None,
}

#: GUM entity types that are never named PERSON/ORG/LOC but are still names (mark missing).
GUM_OTHER_TYPES = {"abstract", "event", "object", "animal", "plant", "substance", "time"}

SENTS_PER_DOC = 10

#: Punctuation that ends a name inside a longer GUM mention ("Durham University, UK").
#: Titles UNER keeps outside PERSON spans.
TITLES = {"mr", "mrs", "ms", "dr", "prof", "president", "sir", "dame", "lord", "lady", "king",
          "queen", "prince", "princess", "pope", "saint", "st", "gen", "general", "col", "capt",
          "sen", "senator", "rep", "gov", "governor", "judge", "justice", "rev", "father"}

_CUTS = {",", "(", ";", ":", "--", "–", "—"}


def _sentence_doc(vocab: Vocab, sents: list[Sentence], ents: list[list[str]] | None) -> Doc:
    """One Doc from consecutive CoNLL-U sentences, with tags, morphs, lemmas and trees."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, iob = ([] for _ in range(9))
    for s_i, sent in enumerate(sents):
        offset = len(words)
        for w_i, word in enumerate(sent.words):
            words.append(word.form)
            last = w_i == len(sent.words) - 1
            spaces.append(True if last else word.space_after)
            tags.append(word.xpos if word.xpos != "_" else "")
            pos.append(word.upos if word.upos != "_" else "")
            morphs.append(word.feats if word.feats != "_" else "")
            lemmas.append(word.lemma if word.lemma != "_" else "")
            heads.append(offset + word.head - 1 if word.head else offset + w_i)
            deps.append("ROOT" if word.deprel == "root" else word.deprel)
        if ents is not None:
            iob.extend(ents[s_i])
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
               lemmas=lemmas, heads=heads, deps=deps, ents=iob if ents is not None else None)


def _chunks(sents: Iterable[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Consecutive sentences of one source document, at most ``size`` at a time."""
    chunk: list[Sentence] = []
    for sent in sents:
        if chunk and (sent.doc_id != chunk[-1].doc_id or len(chunk) >= size):
            yield chunk
            chunk = []
        chunk.append(sent)
    if chunk:
        yield chunk


def _to_iob(n: int, spans: list[tuple[int, int, str | None]]) -> list[str]:
    """IOB strings for Doc(ents=...): mapped spans, "" (missing) for unmapped, O elsewhere."""
    tags = ["O"] * n
    for start, end, label in spans:
        for i in range(start, end):
            if label is None:
                tags[i] = ""
            else:
                tags[i] = ("B-" if i == start else "I-") + label
    return tags


def gum_entity_tags(sent: Sentence) -> list[str]:
    """IOB tags for named GUM mentions: those whose syntactic head is a proper noun.

    Every coreferent mention carries the Wikipedia identity ("She" too), so the
    link alone does not make a name. Spans are trimmed to their proper-noun
    stretch ("the Pritzker Prize" -> "Pritzker Prize"); longer names win over
    names nested inside them.
    """
    named: list[tuple[int, int, str | None]] = []
    for m in gum_mentions(sent):
        inside = range(m.start, m.end)
        heads = [i for i in inside if sent.words[i].head - 1 not in inside]
        if not heads or sent.words[heads[0]].upos != "PROPN":
            continue
        cut = next((i for i in inside if i > heads[0] and sent.words[i].form in _CUTS), m.end)
        label = LABEL_MAP.get(m.etype) if m.etype not in GUM_OTHER_TYPES else None
        span = _trim(sent, m.start, cut, label)
        if span is not None:
            named.append((*span, label))
    chosen: list[tuple[int, int, str | None]] = []
    taken: set[int] = set()
    for start, end, label in sorted(named, key=lambda s: s[0] - s[1]):
        if taken.isdisjoint(range(start, end)):
            chosen.append((start, end, label))
            taken.update(range(start, end))
    return _to_iob(len(sent.words), sorted(chosen))


def _trim(sent: Sentence, start: int, end: int, label: str | None) -> tuple[int, int] | None:
    """Drop leading determiners, lower-case words and (for people) titles, trailing 's/punct.

    UNER, the evaluation data, leaves "the", "Mr." and "President" outside names.
    """
    def keep_first(w: Word) -> bool:
        if w.upos == "DET" or not w.form[:1].isupper():
            return False
        return not (label == "PERSON" and w.form.lower().rstrip(".") in TITLES)

    while start < end and not keep_first(sent.words[start]):
        start += 1
    while end > start and not (sent.words[end - 1].form[:1].isupper()
                               or sent.words[end - 1].upos == "PROPN"):
        end -= 1
    return (start, end) if start < end else None


def uner_tags(path: Path) -> dict[str, list[str]]:
    """UNER IOB2 tags per EWT sent_id, mapped onto dossier labels."""
    out: dict[str, list[str]] = {}
    sent_id, tags = "", []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id, tags = line.split("=", 1)[1].strip(), []
                out[sent_id] = tags
            elif line and not line.startswith("#"):
                tags.append(line.split("\t")[2])
    return {k: _to_iob(len(v), [(s, e, LABEL_MAP.get(lab)) for s, e, lab in iob_spans(v)])
            for k, v in out.items()}


def ner_docs(vocab: Vocab, path: Path, per_doc: int = 1) -> Iterator[Doc]:
    """NER-only Docs from a CoNLL (token, tag) file; tokens joined by spaces."""
    batch: list[list[tuple[str, str]]] = []
    for sent in read_iob(path):
        batch.append(sent)
        if len(batch) >= per_doc:
            yield _ner_doc(vocab, batch)
            batch = []
    if batch:
        yield _ner_doc(vocab, batch)


def _ner_doc(vocab: Vocab, sents: list[list[tuple[str, str]]]) -> Doc:
    words = [tok for sent in sents for tok, _ in sent]
    tags: list[str] = []
    for sent in sents:
        spans = [(s, e, LABEL_MAP.get(lab)) for s, e, lab in iob_spans([t for _, t in sent])]
        tags.extend(_to_iob(len(sent), spans))
    return Doc(vocab, words=words, ents=tags)


def treebank_docs(vocab: Vocab, paths: Iterable[Path], uner: dict[str, list[str]] | None = None,
                  gum: bool = False) -> Iterator[Doc]:
    """Docs of up to SENTS_PER_DOC sentences; entities from UNER or GUM brackets when given."""
    for path in paths:
        for chunk in _chunks(read_conllu(path), SENTS_PER_DOC):
            ents = None
            if gum:
                ents = [gum_entity_tags(s) for s in chunk]
            elif uner is not None and all(s.sent_id in uner for s in chunk):
                ents = [uner[s.sent_id] for s in chunk]
                if any(len(e) != len(s.words) for e, s in zip(ents, chunk, strict=True)):
                    ents = None
            yield _sentence_doc(vocab, chunk, ents)


def build_corpora(data: Path, out: Path, limit: int | None = None, seed: int = 0,
                  dev_share: float = 0.25) -> dict[str, int]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``out``; return doc counts.

    Dev = a held-out quarter of EWT-dev documents (with UNER-dev entities), so
    model selection sees tags, trees and in-domain entities; the rest of EWT dev
    trains. ``limit`` caps docs per source (for the smoke test).
    """
    vocab = Vocab()
    tb, ner = data / "treebanks", data / "ner"
    ewt = tb / "ud-english-ewt"
    uner = uner_tags(ner / "uner-english-ewt" / "en_ewt-ud-dev.iob2")
    sources: dict[str, list[Doc]] = {
        "ewt-train": list(treebank_docs(vocab, [ewt / "en_ewt-ud-train.conllu"])),
        "gum": list(treebank_docs(vocab, sorted((tb / "gum").glob("*.conllu")), gum=True)),
        "wikigold": list(ner_docs(vocab, ner / "wikigold/CONLL-format/data/wikigold.conll.txt", 5)),
        "btc": [d for f in sorted((ner / "BTC/CONLL-format/data").glob("*.conll"))
                for d in ner_docs(vocab, f, 1)],
    }
    ewt_dev = list(treebank_docs(vocab, [ewt / "en_ewt-ud-dev.conllu"], uner=uner))
    rng = random.Random(seed)
    rng.shuffle(ewt_dev)
    n_dev = int(len(ewt_dev) * dev_share)
    sources["ewt-dev"] = ewt_dev[n_dev:]
    dev = ewt_dev[:n_dev]
    if limit is not None:
        sources = {k: v[:limit] for k, v in sources.items()}
        dev = dev[: max(2, limit // 2)]
    train = [d for docs in sources.values() for d in docs]
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train, store_user_data=False).to_disk(out / "train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(out / "dev.spacy")
    counts = {k: len(v) for k, v in sources.items()}
    counts["dev"] = len(dev)
    return counts


def entity_spans(doc: Doc) -> list[Span]:
    """Entities of a Doc (helper for checks and tests)."""
    return list(doc.ents)
