"""Loaders for the story tests: the seeds and the bundled synthetic sample as Articles,
and synthetic headline articles.

The sources and clean stages own real ingestion; these readers only do enough
(date line, headline, boilerplate lines dropped) to feed the dossier builder.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from dossier.model import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SEED_OUTLETS = {"000_6a320d281961e3e5": "Kyiv Post", "002_80a5c355d81520aa": "The Independent"}
_BOILERPLATE = re.compile(
    r"Sign up|SIGN UP|JOIN |Follow |You can also highlight|Intelligence Update|Additional reporting"
    r"|Read more:|Subscribe|Share this|is on Telegram|Support independent|All rights reserved"
    r"|^\(Reporting by|\(Photo:|Credit:|^Photo:|\(Harbor Ledger/|^By |News Desk|Business Desk"
    r"|^Valcourt Courier$|^Calder Post$"
)


def _clean(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line.strip() and not _BOILERPLATE.search(line))


def seed_articles() -> list[Article]:
    out = []
    for stem, outlet in SEED_OUTLETS.items():
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        out.append(Article(id=stem, text=_clean(text.splitlines()), title=outlet, outlet=outlet,
                           published="2022-10-23"))
    return out


def sample_articles() -> dict[str, Article]:
    """Every sample article keyed as in ``expected.json`` (file name, or ``file#line N``)."""
    out: dict[str, Article] = {}
    for path in sorted(SAMPLE.iterdir()):
        outlet = re.split(r"[_.]", path.name)[0]
        if path.suffix == ".txt":
            lines = path.read_text(encoding="utf-8").splitlines()
            out[path.name] = Article(id=path.name, text=_clean(lines[2:]), title=lines[1],
                                     outlet=outlet, published=lines[0].split()[1])
        elif path.suffix == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                row = json.loads(line)
                key = f"{path.name}#line {number}"
                out[key] = Article(id=key, text=_clean(row["text"].splitlines()),
                                   title=row["title"], url=row["url"], outlet=outlet,
                                   published=row["date"])
        elif path.suffix == ".html":
            page = path.read_text(encoding="utf-8")
            body = re.findall(r"<p>(.*?)</p>", page, re.S)
            title = re.search(r"<h1>(.*?)</h1>", page).group(1)  # type: ignore[union-attr]
            out[path.name] = Article(id=path.name, text=_clean([html.unescape(p) for p in body]),
                                     title=title, outlet=outlet, published="2025-03-27")
    return out


def expected() -> dict:  # type: ignore[type-arg]
    return json.loads((SAMPLE.parent / "expected.json").read_text(encoding="utf-8"))


def headline_articles(titles: list[str], body: str, published: str) -> list[Article]:
    """Articles ``a0``, ``a1``, ... of outlets ``O0``, ``O1``, ...: each title, as the
    text's first line, over the same body."""
    return [Article(id=f"a{i}", title=title, text=f"{title}\n{body}", outlet=f"O{i}",
                    published=published)
            for i, title in enumerate(titles)]
