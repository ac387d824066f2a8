"""Shared fixtures: paths to the seeds, the sample corpus and the shared datasets."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SAMPLE = ROOT / "examples" / "sample"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE
