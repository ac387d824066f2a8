"""Photo and byline credits as PERSON: a news-specific rule the statistical NER lacks.

Agency credits ("(Jane Doe/AFP via Getty Images)", "Photo by Jane Doe") name a
person in a fixed frame. Rare, foreign names in that frame are exactly the
ones a small model misses, and the frame alone is strong evidence.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

_NAME = {"IS_TITLE": True, "IS_ALPHA": True}
_CUE = {"LOWER": {"IN": ["photo", "photograph", "picture", "image", "images", "video",
                         "credit", "photos", "pictures"]}}
#: (rule name, token pattern, index of the first name token, number of trailing non-name tokens)
PATTERNS: list[tuple[str, list[dict], int, int]] = [
    ("AGENCY_SLASH", [_NAME, _NAME, {"ORTH": "/"}, {"IS_UPPER": True}], 0, 2),
    ("AGENCY_SLASH3", [_NAME, _NAME, _NAME, {"ORTH": "/"}, {"IS_UPPER": True}], 0, 2),
    ("PHOTO_BY", [_CUE, {"LOWER": {"IN": ["by", ":"]}}, _NAME, _NAME], 2, 0),
]


@Language.factory("dossier_credits")
def make_credits(nlp: Language, name: str) -> CreditNames:
    """spaCy factory; stateless rules."""
    return CreditNames(nlp)


class CreditNames:
    """Label names in credit frames PERSON; the frame overrides other model labels."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.slices: dict[int, tuple[int, int]] = {}
        for rule, pattern, first, trailing in PATTERNS:
            self.matcher.add(rule, [pattern])
            self.slices[nlp.vocab.strings[rule]] = (first, trailing)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            first, trailing = self.slices[match_id]
            found.append(Span(doc, start + first, end - trailing, label="PERSON"))
        if not found:
            return doc
        found = filter_spans(found)
        covered = {i for span in found for i in range(span.start, span.end)}
        kept = []
        for ent in doc.ents:
            inside = not covered.isdisjoint(range(ent.start, ent.end))
            if inside and ent.label_ == "PERSON":
                found = [s for s in found if s.start >= ent.end or s.end <= ent.start]
            if not inside or ent.label_ == "PERSON":
                kept.append(ent)
        doc.ents = sorted([*kept, *found], key=lambda s: s.start)
        return doc

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        """Stateless: nothing to save."""

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> CreditNames:
        return self
