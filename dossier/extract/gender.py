"""Grammatical gender of a person entity, for pronoun agreement ("she" is not Mr Wallace).

Evidence, strongest first: a gendered honorific before a name ("Mr", "Lady"), a
gendered role or kin word the text gives the person ("chairwoman", "the king",
", a mother of three", "his wife Jane"), then the given name against US census
first-name frequencies (bundled by the ``names`` package, read from its data files
once, offline; without the package, names simply give no evidence). A name common
for both sexes ("Jordan") gives none. ``None`` means unknown: agreement then
permits any personal pronoun.
"""

from __future__ import annotations

import re
from importlib import resources

Gender = str  # "m" or "f"

#: Honorific -> gender. Neutral ones (Dr, Prof, Sen, President) are left out.
HONORIFICS: dict[str, Gender] = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m", "pope": "m",
    "father": "m", "brother": "m", "uncle": "m", "count": "m", "baron": "m", "emperor": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "duchess": "f", "sister": "f", "aunt": "f", "countess": "f",
    "baroness": "f", "empress": "f", "madam": "f", "madame": "f", "mme": "f", "mlle": "f",
}
#: Gendered role and kin words ("actress", "chairman", "widow").
ROLE_WORDS: dict[str, Gender] = {
    **{w: "m" for w in (
        "man", "boy", "gentleman", "father", "dad", "son", "brother", "husband", "uncle",
        "nephew", "grandfather", "grandson", "king", "prince", "duke", "emperor", "chairman",
        "spokesman", "congressman", "businessman", "sportsman", "statesman", "policeman",
        "fireman", "actor", "waiter", "widower", "monk", "priest", "bishop", "pope",
        "boyfriend", "fiance", "groom", "baron", "count", "lord", "sir", "councilman",
        "alderman", "headmaster", "schoolboy", "stepfather", "godfather", "patriarch")},
    **{w: "f" for w in (
        "woman", "girl", "lady", "mother", "mom", "mum", "daughter", "sister", "wife", "aunt",
        "niece", "grandmother", "granddaughter", "queen", "princess", "duchess", "empress",
        "chairwoman", "spokeswoman", "congresswoman", "businesswoman", "sportswoman",
        "stateswoman", "policewoman", "actress", "waitress", "widow", "nun", "girlfriend",
        "fiancee", "bride", "baroness", "countess", "dame", "councilwoman", "headmistress",
        "schoolgirl", "stepmother", "godmother", "matriarch", "heiress", "hostess",
        "mistress", "abbess", "priestess")},
}
_WORD = re.compile(r"[a-z]+")
#: How much likelier one sex must be before a given name counts as evidence.
NAME_RATIO = 4.0


def _read_census(filename: str) -> dict[str, float]:
    """``NAME  percent  cumulative  rank`` lines of one census file -> {name: percent}."""
    try:
        raw = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError, OSError, UnicodeDecodeError):
        return {}
    out = {}
    for line in raw.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


def _given_names() -> dict[str, Gender]:
    male, female = _read_census("dist.male.first"), _read_census("dist.female.first")
    out: dict[str, Gender] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= NAME_RATIO * f:
            out[name] = "m"
        elif f >= NAME_RATIO * m:
            out[name] = "f"
    return out


#: Common given names of people in international news that the US census lists lack or
#: rank as ambiguous (facts about names, not from any other project's source).
_WORLD_MALE = """
    sergei sergey vladimir volodymyr dmitry dmitri mykhailo oleksii oleksiy andriy yevgeny
    alexei alexey nikolai mikhail vitali emmanuel sebastien sébastien francois françois
    jacques pierre olaf jens jurgen jürgen wolfgang helmut gerhard matteo giorgio giuseppe
    pedro jair luiz andres andrés narendra rahul imran recep tayyip mohammed mohammad
    muhammad ahmed ali hassan hussein abdullah bashar yair naftali shinzo fumio jinping
    viktor lech mateusz andrzej petr milos aleksandar zoran
    bogdan kyriakos alexis rishi boris keir nigel hamid mahmoud yasser kofi cyril uhuru
    ashraf abiy
"""
_WORLD_FEMALE = """
    ursula angela annalena giorgia marine ségolène segolene theresa liz nicola jacinda
    sanna mette kaja ingrid greta svetlana yulia olena iryna natalia tatiana maria sahra
    christine kamala nancy hillary indira benazir yingluck ngozi ellen dilma
    cristina michelle melania ivanka nikki
"""
WORLD_NAMES: dict[str, Gender] = {**dict.fromkeys(_WORLD_MALE.split(), "m"),
                                   **dict.fromkeys(_WORLD_FEMALE.split(), "f")}


#: Census given name -> gender, read once at import (empty when ``names`` is missing).
_CENSUS: dict[str, Gender] = _given_names()
#: Given name -> gender: the census names, then the world names.
GIVEN_NAMES: dict[str, Gender] = {**_CENSUS, **WORLD_NAMES}


def census_loaded() -> bool:
    """True when the ``names`` package's census files were read."""
    return bool(_CENSUS)


def of_honorific(word: str) -> Gender | None:
    """"Mr" -> "m", "Lady" -> "f", "Dr" -> None."""
    return HONORIFICS.get(word.lower().rstrip("."))


def of_given_name(name: str) -> Gender | None:
    """Gender of a full name's given name, when the census names are lopsided for it: the
    first capitalised word before the surname that is a known given name ("Democratic
    nominee Hillary Clinton" -> Hillary)."""
    for word in name.split()[:-1]:
        g = GIVEN_NAMES.get(word.lower().rstrip(".")) if word[:1].isupper() else None
        if g:
            return g
    return None


def of_phrase(phrase: str) -> Gender | None:
    """The gender a role phrase states ("UK chairwoman", "a mother of three"), if one
    gendered word decides it (the last such word wins: "the king's daughter")."""
    found = [ROLE_WORDS[w] for w in _WORD.findall(phrase.lower()) if w in ROLE_WORDS]
    return found[-1] if found else None
