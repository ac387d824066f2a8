"""Small synthetic news texts for the linker tests (invented events, invented wording)."""

from __future__ import annotations

from pathlib import Path

from dossier.model import Article

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"

WIRE = (
    "Firefighters in the northern town of Keldby battled a blaze at the Ostmark paper mill "
    "through Tuesday night after an explosion in the drying hall injured six workers. "
    "The regional fire service said forty crews were sent to the site and that the fire was "
    "contained by early Wednesday morning. Residents within two kilometres were told to keep "
    "windows closed because of smoke from burning pulp and chemicals stored near the hall. "
    "Mill owner Hedda Strand said the company would cooperate fully with investigators and "
    "that production would stop for at least a month. The injured workers were taken to "
    "Keldby general hospital, where two remain in a serious condition, a spokeswoman said. "
    "Police have opened an inquiry into the cause of the explosion and will examine the "
    "ventilation system, which was inspected in March according to municipal records. "
    "The Ostmark mill employs about three hundred people and is the largest employer in the "
    "district, and the mayor said the town would support families affected by the fire."
)

QUAKE_FEB = (
    "A magnitude 6.4 earthquake struck the mountain province of Varenna on Monday, "
    "collapsing houses in the village of Pell and killing at least twelve people, the civil "
    "protection agency said. Rescue teams searched rubble through the night as aftershocks "
    "shook the valley. Governor Ilse Marrow declared a state of emergency in Varenna."
)
QUAKE_FEB_2 = (
    "Rescuers in Varenna pulled survivors from collapsed homes in Pell after Monday's "
    "magnitude 6.4 earthquake, as the death toll rose to fifteen. Governor Ilse Marrow "
    "said the state of emergency in Varenna would last at least a week while aftershocks continue."
)
QUAKE_SEP = (
    "A magnitude 6.1 earthquake struck the coastal province of Ossory on Friday, damaging "
    "houses in the port of Tarn and killing at least nine people, the civil protection agency "
    "said. Rescue teams searched rubble through the night as aftershocks shook the coast. "
    "Governor Piet Kalder declared a state of emergency in Ossory."
)
ELECTION = (
    "Voters in the city of Amberlee elected Joss Feld as mayor on Sunday after a campaign "
    "dominated by housing costs and the future of the tram network, officials said. "
    "Feld won 54 percent of the vote and promised to build four thousand homes."
)


def article(
    aid: str, text: str, title: str = "", published: str | None = None, outlet: str | None = None
) -> Article:
    return Article(id=aid, text=text, title=title, published=published, outlet=outlet)


def seed_articles() -> list[Article]:
    """The two seed reports, one per outlet, dated by what they say (Oct 23, 2022)."""
    files = sorted(SEEDS.glob("*.txt"))
    return [
        article(f.stem, f.read_text(encoding="utf-8"), published="2022-10-23", outlet=f"outlet{i}")
        for i, f in enumerate(files)
    ]


def pairs_csv(path: Path, rows: list[tuple[str, str, str, str, float]]) -> Path:
    """A SemEval-2022 Task 8 style CSV of ``(lang1, lang2, text1, text2, Overall)`` rows."""
    import csv

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        writer.writerows([(f"p{i}", *row) for i, row in enumerate(rows)])
    return path
