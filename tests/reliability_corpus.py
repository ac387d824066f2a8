"""A deterministic synthetic corpus for the reliability tests (crash, concurrency).

Many JSONL files plus loose text files, with per-outlet boilerplate lines so the
cleaner's line statistics matter, and a few exact duplicates so "unchanged"
outcomes happen too. Generated at test time, never committed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUTLETS = ["Harbor Ledger", "Calder Post", "Meridian Daily", "North Gazette"]
WORDS = [
    "council",
    "budget",
    "river",
    "strike",
    "minister",
    "court",
    "harbour",
    "mill",
    "fire",
    "rail",
    "union",
    "vote",
    "mayor",
    "election",
    "bank",
    "rate",
    "flood",
    "school",
    "hospital",
    "police",
    "bridge",
    "market",
    "farmers",
    "storm",
    "festival",
    "museum",
    "airport",
    "tunnel",
    "water",
    "energy",
    "wind",
    "solar",
    "tax",
    "reform",
]


def _paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(14, 30))]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, n: int) -> dict[str, str]:
    outlet = OUTLETS[n % len(OUTLETS)]
    body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(3, 6)))
    text = f"{body}\n\nSubscribe to the {outlet} newsletter for more.\n\nCopyright {outlet}."
    return {
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{n}/story-{n}",
        "title": f"Story number {n} from {outlet}",
        "date": f"2025-0{1 + n % 9}-{1 + n % 28:02d}",
        "outlet": outlet,
        "text": text,
    }


def write_corpus(folder: Path, n: int, *, per_file: int = 250, seed: int = 7) -> Path:
    """Write ``n`` documents under ``folder``: JSONL files of ``per_file`` lines,
    every 50th document as its own text file, and a duplicate file; return folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str]] = []
    for i in range(n):
        doc = article(rng, i)
        if i % 50 == 49:
            (folder / f"loose_{i:06d}.txt").write_text(doc["text"], encoding="utf-8")
        else:
            rows.append(doc)
    for start in range(0, len(rows), per_file):
        chunk = rows[start : start + per_file]
        lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in chunk)
        (folder / f"part_{start // per_file:04d}.jsonl").write_text(lines + "\n", encoding="utf-8")
    if rows:
        # sorts right after part_0001: a copy met mid-run, so a crash can follow it
        (folder / "part_0001_dup.jsonl").write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    return folder
