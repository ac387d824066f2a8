"""Read GUM documents as articles with gold entity mentions and coreference chains.

GUM's CoNLL-U files carry the running text (``# text =`` per sentence,
``# newpar`` before each paragraph) and, in the MISC column, CorefUD-style
``Entity=`` brackets: ``(GRP-etype-infstat-salience-centering-minspan-link-identity``
opens a mention of entity ``GRP`` (a chain id local to the document), ``GRP)``
closes it, ``(...)`` is a one-token mention. ``identity`` is the Wikipedia title
for named entities (pronouns of a named entity carry it too).

The reader rebuilds the text the way an article would hold it (sentences joined
by a space, paragraphs by a blank line) and gives every token its character
offsets in that text, so the scorer can run the real extractor on the text and
map its character spans back onto gold tokens. The syntactic head of each
mention (the token whose head lies outside the span) is what mentions are
matched by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dossier.model import Article


@dataclass(frozen=True)
class Token:
    """One syntactic word: character offsets in ``GumDoc.text``, head index (-1 = root)."""

    start: int
    end: int
    form: str
    upos: str
    head: int


@dataclass(frozen=True)
class GoldMention:
    """A gold mention: tokens ``[start, end)``, its chain, type, identity and head token."""

    start: int
    end: int
    entity: str
    etype: str
    identity: str
    head: int


@dataclass
class GumDoc:
    """One GUM document: its text, tokens and gold mentions."""

    id: str
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)

    def article(self) -> Article:
        """The document as the article the extractor receives."""
        return Article(id=self.id, text=self.text)


_ITEM = re.compile(r"\((?P<body>[^()]*)(?P<single>\))?|(?P<close>[^()]+)\)")


def span_head(tokens: list[Token], start: int, end: int) -> int:
    """The token of ``[start, end)`` highest in the tree (fewest steps to the root)."""
    def depth(i: int) -> int:
        steps = 0
        while i >= 0 and steps <= len(tokens):
            i, steps = tokens[i].head, steps + 1
        return steps

    return min(range(start, end), key=lambda i: (depth(i), i))


class _Builder:
    """Accumulates one document while the file is read line by line."""

    def __init__(self, doc_id: str) -> None:
        self.doc = GumDoc(doc_id)
        self.new_par = False
        self.sent_text = ""
        self.rows: list[list[str]] = []
        self.open: dict[str, list[tuple[int, str, str]]] = {}
        self.raw: list[tuple[int, int, str, str, str]] = []

    def sentence(self) -> None:
        """Append the buffered sentence: text, token offsets, heads, mention brackets."""
        if not self.rows:
            return
        doc = self.doc
        if doc.text:
            doc.text += "\n\n" if self.new_par else " "
        base, first = len(doc.text), len(doc.tokens)
        doc.text += self.sent_text
        ids = [r[0] for r in self.rows if r[0].isdigit()]
        index = {wid: first + n for n, wid in enumerate(ids)}
        cursor, range_span, range_end = 0, (0, 0), 0
        for row in self.rows:
            if "-" in row[0]:
                b = row[0].partition("-")[2]
                range_span = self._find(row[1], cursor) or (cursor, cursor)
                range_end = int(b)
                continue
            if int(row[0]) <= range_end:  # a word inside "participants’" or "can't"
                s, e = self._find(row[1], cursor, range_span[1]) or range_span
                cursor = e if e > s else cursor
            else:
                s, e = self._find(row[1], cursor) or (cursor, cursor)
                cursor = e
            head = index.get(row[6], -1) if row[6] not in ("0", "_") else -1
            doc.tokens.append(Token(base + s, base + e, row[1], row[3], head))
            self._brackets(row[9], index[row[0]])
        self.rows, self.new_par = [], False

    def _find(self, form: str, cursor: int, end: int | None = None) -> tuple[int, int] | None:
        """Where ``form`` next occurs from ``cursor`` (before ``end``); None if it does not
        (the caller then gives the word a zero-width or whole-range span, keeping order)."""
        at = self.sent_text.find(form, cursor, end)
        return (at, at + len(form)) if at >= 0 else None

    def _brackets(self, misc: str, i: int) -> None:
        value = next((item[7:] for item in misc.split("|") if item.startswith("Entity=")), "")
        for item in _ITEM.finditer(value):
            if item.group("close"):
                stack = self.open.get(item.group("close"))
                if stack:
                    start, etype, identity = stack.pop()
                    self.raw.append((start, i + 1, item.group("close"), etype, identity))
                continue
            fields = item.group("body").split("-", 7)
            etype = fields[1] if len(fields) > 1 else ""
            identity = fields[7] if len(fields) > 7 else ""
            if item.group("single"):
                self.raw.append((i, i + 1, fields[0], etype, identity))
            else:
                self.open.setdefault(fields[0], []).append((i, etype, identity))

    def finish(self) -> GumDoc:
        self.sentence()
        doc = self.doc
        doc.mentions = sorted(
            (GoldMention(s, e, grp, etype, ident, span_head(doc.tokens, s, e))
             for s, e, grp, etype, ident in self.raw),
            key=lambda m: (m.start, -m.end))
        return doc


def read_gum(path: str | Path) -> Iterator[GumDoc]:
    """Every document in one GUM CoNLL-U file (GUM has one per file)."""
    path = Path(path)
    builder = _Builder(path.stem)
    started = False
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id"):
                if started:
                    yield builder.finish()
                builder, started = _Builder(line.split("=", 1)[1].strip()), True
            elif line.startswith("# newpar"):
                builder.new_par = builder.new_par or line.split("=")[0].strip() == "# newpar"
            elif line.startswith("# text ="):
                builder.sent_text = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                builder.sentence()
            elif "." not in line.split("\t", 1)[0]:  # empty nodes carry no text
                builder.rows.append(line.split("\t"))
    yield builder.finish()


def read_corpus(root: str | Path, limit: int | None = None) -> list[GumDoc]:
    """GUM documents of every ``*.conllu`` under ``root``, in file-name order."""
    docs = [d for p in sorted(Path(root).glob("*.conllu")) for d in read_gum(p)]
    return docs[:limit] if limit is not None else docs
