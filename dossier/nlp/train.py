"""Reproducible training of the shipped pipeline: convert, train, add gazetteer, evaluate.

``dossier train pipeline --data ../shared/datasets`` runs :func:`train_pipeline`
with the defaults below, which are the settings of the shipped model. Training
is single-threaded by design (the team machine is shared); the step budget in
``config.cfg`` (``vars.max_steps``) keeps a full run near one hour on one core.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

import dossier.nlp.credits  # noqa: F401  (registers "dossier_credits")
import dossier.nlp.entities  # noqa: F401  (registers "dossier_entities")
import dossier.nlp.gazetteer  # noqa: F401  (registers "dossier_places")
import dossier.nlp.tokenizer  # noqa: F401  (registers the tokenizer)
from dossier.eval.pipeline import evaluate, format_table
from dossier.nlp.convert import build_corpora
from dossier.nlp.loader import MODEL_DIR

CONFIG = Path(__file__).with_name("config.cfg")
#: Rule components added after the trained ones, in order (see MODEL_CARD.md).
POST_COMPONENTS = ("dossier_entities", "dossier_places", "dossier_credits")
SCORES_START, SCORES_END = "<!-- scores -->", "<!-- /scores -->"


@dataclass
class TrainSettings:
    """Knobs of one run; ``None`` keeps the value in config.cfg."""

    data: Path
    output: Path = MODEL_DIR
    workdir: Path = Path(".cache/pipeline")
    max_steps: int | None = None
    eval_frequency: int | None = None
    limit: int | None = None  # docs per source, for smoke tests
    eval_limit: int | None = None  # sentences per benchmark
    batch_words: int | None = None


def _overrides(settings: TrainSettings, corpus: Path) -> dict[str, object]:
    out: dict[str, object] = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
    }
    if settings.max_steps is not None:
        out["vars.max_steps"] = settings.max_steps
    if settings.eval_frequency is not None:
        out["vars.eval_frequency"] = settings.eval_frequency
    if settings.batch_words is not None:
        out["training.batcher.size.start"] = settings.batch_words
        out["training.batcher.size.stop"] = settings.batch_words
    return out


def train_pipeline(settings: TrainSettings, log=print) -> dict[str, object]:
    """Run the whole recipe and return the evaluation scores (also saved as scores.json)."""
    from spacy.cli.train import train as spacy_train

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    corpus = settings.workdir / "corpus"
    started = time.perf_counter()
    counts = build_corpora(settings.data, corpus, limit=settings.limit)
    log(f"converted: {counts}")
    run_dir = settings.workdir / "run"
    spacy_train(CONFIG, run_dir, overrides=_overrides(settings, corpus))
    best = run_dir / "model-best"
    if not best.exists():
        best = run_dir / "model-last"
    nlp = finalize(best, settings.output)
    scores = evaluate(nlp, settings.data, settings.eval_limit)
    scores["training"] = {"docs": counts, "seconds": round(time.perf_counter() - started, 1)}
    (settings.output / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    write_card_scores(settings.output / "MODEL_CARD.md", format_table(scores))
    return scores


def write_card_scores(card: Path, table: str) -> None:
    """Replace the block between the score markers of the model card (if the card exists)."""
    if not card.exists():
        return
    text = card.read_text(encoding="utf-8")
    start, end = text.find(SCORES_START), text.find(SCORES_END)
    if start < 0 or end < start:
        return
    block = f"{SCORES_START}\n```\n{table}\n```\n"
    card.write_text(text[:start] + block + text[end:], encoding="utf-8")


def finalize(trained: Path, output: Path) -> spacy.Language:
    """Add the rule components to a trained pipeline and write the shipped directory."""
    nlp = spacy.load(trained)
    for name in POST_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    if output.exists():
        for child in output.iterdir():
            if child.name != "MODEL_CARD.md":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.meta.update({"name": "dossier_en", "version": "0.1.0",
                     "license": "CC BY-SA 4.0", "author": "dossier project"})
    nlp.to_disk(output)
    return nlp
