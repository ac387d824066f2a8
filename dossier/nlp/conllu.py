"""Readers for the treebank and NER file formats in ``../shared/datasets``.

Each reader yields plain Python structures (no spaCy objects) so the label
mapping in :mod:`dossier.nlp.convert` can be tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based index in the sentence, 0 = root
    deprel: str
    misc: dict[str, str]
    space_after: bool = True


@dataclass
class Sentence:
    """A CoNLL-U sentence with its document id (for grouping sentences into Docs)."""

    sent_id: str
    doc_id: str
    words: list[Word] = field(default_factory=list)


def _parse_misc(misc: str) -> dict[str, str]:
    if misc == "_":
        return {}
    out: dict[str, str] = {}
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        out[key] = value
    return out


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield sentences; multi-word-token ranges only carry spacing, empty nodes are skipped."""
    doc_id, sent_id = path.stem, ""
    sent: Sentence | None = None
    range_end, range_space = 0, True
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if sent is not None and sent.words:
                    yield sent
                sent, range_end = None, 0
            else:
                if sent is None:
                    sent = Sentence(sent_id, doc_id)
                cols = line.split("\t")
                if "." in cols[0]:
                    continue
                if "-" in cols[0]:
                    start, end = (int(x) for x in cols[0].split("-"))
                    range_end = end
                    range_space = "SpaceAfter=No" not in cols[9]
                    continue
                idx = int(cols[0])
                misc = _parse_misc(cols[9])
                space = misc.get("SpaceAfter") != "No"
                if idx < range_end:
                    space = False
                elif idx == range_end:
                    space = range_space
                sent.words.append(
                    Word(cols[1], cols[2], cols[3], cols[4], cols[5],
                         int(cols[6]) if cols[6] != "_" else 0, cols[7], misc, space)
                )
    if sent is not None and sent.words:
        yield sent


@dataclass
class Mention:
    """A GUM entity mention: token range [start, end) in its sentence, type, Wikipedia link."""

    start: int
    end: int
    etype: str
    identity: str


_ITEM = re.compile(r"\((?P<body>[^()]*)(?P<single>\))?|(?P<close>\d+)\)")


def gum_mentions(sent: Sentence) -> list[Mention]:
    """Entity mentions from the MISC ``Entity=`` brackets (GRP-etype-...-identity)."""
    mentions: list[Mention] = []
    stack: dict[str, tuple[int, str, str]] = {}
    for i, word in enumerate(sent.words):
        for item in _ITEM.finditer(word.misc.get("Entity", "")):
            if item.group("close"):
                start, etype, identity = stack.pop(item.group("close"), (i, "", ""))
                if etype:
                    mentions.append(Mention(start, i + 1, etype, identity))
                continue
            fields = item.group("body").split("-", 7)
            etype = fields[1] if len(fields) > 1 else ""
            identity = fields[7] if len(fields) > 7 else ""
            if item.group("single"):
                mentions.append(Mention(i, i + 1, etype, identity))
            else:
                stack[fields[0]] = (i, etype, identity)
    return mentions


def read_iob(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences of (token, tag) from CoNLL-style files; ``-DOCSTART-`` lines are dropped."""
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                if sent:
                    yield sent
                sent = []
                continue
            cols = line.split()
            if len(cols) < 2 or cols[0] == "-DOCSTART-":
                continue
            sent.append((cols[0], cols[-1]))
    if sent:
        yield sent


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans from IOB1 or IOB2 tags (an I- after O or another type starts a span)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I"):
            start, label = i, kind
    return spans
