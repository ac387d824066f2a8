"""Shared fixtures-in-functions for the extraction tests (seed articles, pipeline modes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dossier.model import Article, Extraction

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEED_IDS = {"000": ("000_6a320d281961e3e5.txt", None), "002": ("002_80a5c355d81520aa.txt",
                                                                 "2022-10-23")}


@cache
def pipeline():
    """The shipped pipeline, or None when this checkout has no trained model."""
    try:
        from dossier.nlp import load

        return load()
    except Exception:  # noqa: BLE001
        return None


def seed_article(which: str) -> Article:
    name, published = SEED_IDS[which]
    return Article(id=which, text=(SEEDS / name).read_text(encoding="utf-8"), published=published)


@cache
def seed_extraction(which: str, mode: str) -> Extraction:
    """Extraction of a seed with the model ("model") or with rules only ("rules")."""
    from dossier.extract import extract_from_doc

    article = seed_article(which)
    nlp = pipeline() if mode == "model" else None
    return extract_from_doc(article, nlp(article.text) if nlp is not None else None)
