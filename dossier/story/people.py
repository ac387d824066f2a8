"""Key people: who the story is about, with the roles outlets give them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dossier.extract.roles import CLAUSE_WORDS, breaks_office
from dossier.model import CanonicalEntity, KeyPerson
from dossier.story import text as T
from dossier.story.clauses import ArticleContext
from dossier.story.details import lowercase_in

MAX_PEOPLE = 10
#: In a story of this many articles, people past the first ``MIN_PEOPLE`` must be named
#: in two of them.
WIDE_STORY = 4
MIN_PEOPLE = 3


def key_people(
    contexts: list[ArticleContext], entities: list[CanonicalEntity] | None = None,
    lowercase: set[str] | None = None,
) -> list[KeyPerson]:
    """People named in the most articles (then most often), with every role seen for them;
    ``lowercase`` is ``lowercase_words(contexts)`` when the caller has it already."""
    articles: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    roles: dict[str, list[str]] = defaultdict(list)
    for ctx in contexts:
        text = ctx.article.text
        for surname, full in ctx.surnames.items():
            name = canonical_name(full, entities)
            count = T.mentions_of(surname, text)
            if count:
                articles[name].add(ctx.article.id)
                mentions[name] += count
        for role, full in ctx.roles.items():
            roles[canonical_name(full, entities)].append(role)
        if ctx.extraction:
            for entity in ctx.extraction.entities:
                if entity.type == "PERSON" and T.names_a_person(entity.name):
                    roles[canonical_name(entity.name, entities)].extend(entity.roles)
    if lowercase is None:
        lowercase = lowercase_words(contexts)
    by_reach = sorted(articles, key=lambda n: (-len(articles[n]), -mentions[n], n))
    for short, full in story_aliases(by_reach, lowercase).items():
        articles[full] |= articles.pop(short)
        mentions[full] += mentions.pop(short)
        roles[full] += roles.pop(short, [])
    ranked = sorted((n for n in articles if not common_words(n, lowercase)),
                    key=lambda n: (-len(articles[n]), -mentions[n], n))
    if len(contexts) >= WIDE_STORY:
        # a name one article of many mentions is its background (an earlier arrest, a
        # program, a game), not the story's people, nor is a lone given name or nickname
        # ("George", "Philly"): the top few stay whatever their count
        ranked = ranked[:MIN_PEOPLE] + [n for n in ranked[MIN_PEOPLE:]
                                        if len(articles[n]) >= 2 and " " in n]
    return [KeyPerson(n, clean_roles(roles[n]), len(articles[n]), mentions[n])
            for n in ranked[:MAX_PEOPLE]]


def lowercase_words(contexts: list[ArticleContext]) -> set[str]:
    """Every word the story's articles write in lowercase (common words, not names), read
    as each article's are (``details.lowercase_in``)."""
    return set().union(*(lowercase_in(ctx.article.text) for ctx in contexts))


def common_words(name: str, lowercase: set[str]) -> bool:
    """Whether a capitalised "name" opens with words the story writes in lowercase, its
    first two or its only one: a title-case headline's words ("Driver Charged In Fatal
    Queens Hit", "Woman Killed", "Agent"), not a name ("Coach Jim O'Brien" is one)."""
    words = re.findall(r"[A-Za-z]+", name)[:2]
    return bool(words) and all(w.lower() in lowercase for w in words)


def story_aliases(names: list[str], lowercase: set[str]) -> dict[str, str]:
    """Name -> the one name of ``names`` it stands for in this story ("Named Maurice
    Cheeks", "Chargers WR Jackson", "Obama"); names that stand for themselves are absent."""
    out: dict[str, str] = {}
    for merge in (lambda found: _prefixed_names(found, lowercase), _misspelt_names,
                  _fuller_names):
        out |= merge([n for n in dict.fromkeys(names) if n not in out])

    def root(name: str) -> str:
        seen = set()
        while name in out and name not in seen:
            seen.add(name)
            name = out[name]
        return name

    return {name: root(name) for name in out}


def _prefixed_names(names: list[str], lowercase: set[str]) -> dict[str, str]:
    """Name -> the name it is with a common word in front, as headlines capitalise it:
    "Named Maurice Cheeks", "Manager Billy King" (the story writes "named" and "manager"
    in lowercase elsewhere). The rest must be a name of two words or more that the
    story also uses, so "Mark Carney" never becomes "Carney". A position's abbreviation
    ("Chargers WR Jackson") ends what comes before the name, when the story uses the rest."""
    known = set(names)
    out = {}
    for name in names:
        first, _, rest = name.partition(" ")
        if first.lower() in lowercase and len(rest.split()) >= 2 and rest in known:
            out[name] = rest
            continue
        words = name.split()
        # "Chargers WR Jackson": a team and a position's abbreviation before the name
        cut = max((i for i, w in enumerate(words[:-1]) if _ABBREVIATION.fullmatch(w)),
                  default=None)
        if cut is not None and " ".join(words[cut + 1:]) in known:
            out[name] = " ".join(words[cut + 1:])
    return out


_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def _fuller_names(names: list[str]) -> dict[str, str]:
    """Short name -> the one fuller name of the story it must be: "Obama" -> "Barack Obama",
    "Regina M. Benjamin" -> "Regina Benjamin" (same surname, its other words there; or
    the same name once its initials are dropped). Without linked entities the story's
    own names are the only evidence; a surname two people share ("Jackson" beside
    Vincent and Jesse Jackson) stays apart."""
    cores = {n: _untitled([w for w in n.split() if not re.fullmatch(r"[A-Z]\.?", w)])
             for n in names}
    out = {}
    for short in names:
        words = cores[short]
        if not words:
            continue
        fuller = {n for n, core in cores.items() if n != short and core[-1:] == words[-1:]
                  and set(words) <= set(core) and len(core) > len(words)}
        if len(fuller) == 1:
            out[short] = fuller.pop()
        elif not fuller and len(words) < len(short.split()):  # "Regina M. Benjamin"
            same = [n for n in names if n != short and n.split() == words]
            if len(same) == 1:
                out[short] = same[0]
    return out


#: Titles and ranks before a name: "Inspector Gaskin" is Dave Gaskin, "Attorney Steve
#: Cooley" Steve Cooley, once the story names no other Gaskin or Cooley.
_TITLES = frozenset(T.ROLE_WORDS) | frozenset({
    "inspector", "constable", "const", "sergeant", "sgt", "detective", "det", "captain",
    "capt", "lieutenant", "lt", "deputy", "sheriff", "undersheriff", "attorney", "gov", "sen",
    "rep", "coach", "gen", "adm", "admiral", "judge", "justice", "police", "interior"})


def _untitled(words: list[str]) -> list[str]:
    """The words of a name after the titles before it (a name keeps its last word)."""
    start = 0
    while start < len(words) - 1 and words[start].lower().rstrip(".") in _TITLES:
        start += 1
    return words[start:]


def _misspelt_names(names: list[str]) -> dict[str, str]:
    """Name -> the earlier name it misspells (``names`` come most cited first): the same
    first word, a surname one letter apart, four letters or more ("Duncan Raite" and
    "Duncan Robert Rait" for "Duncan Rait"; "Hugh Heffner" and "Hugh Hefner"). Outlets
    misspell names; two people of one story rarely share a first name and surnames one
    letter apart."""
    out: dict[str, str] = {}
    for n, name in enumerate(names):
        words = name.split()
        if len(words) < 2 or len(words[-1]) < 4:
            continue
        for earlier in names[:n]:
            other = earlier.split()
            if (len(other) >= 2 and other[0] == words[0] and other[-1] != words[-1]
                    and len(other[-1]) >= 4 and _one_letter_apart(other[-1], words[-1])):
                out[name] = earlier
                break
    return out


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed: "Rait" / "Raite", "Gaskin" / "Gaskins"."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


#: Words that make a "role" a piece of a sentence: extraction's clause words ("when king
#: hired", "is fourth head coach since") and, as the story's own role reader takes any
#: words before a name, conjunctions, prepositions and clock times.
_CLAUSE_WORDS = CLAUSE_WORDS | frozenset({"that", "after", "before", "in", "on", "at", "for",
                                          "from", "by", "with", "am", "pm", "a.m.", "p.m."})


def clean_roles(roles: list[str]) -> tuple[str, ...]:
    """The roles worth printing, in the order seen: offices, not sentence pieces, each once
    however it is cased or worded ("chairman of Comcast-Spectacor" = "chairman comcast-
    spectacor"; the cased spelling wins)."""
    kept: dict[str, str] = {}
    for role in roles:
        words = role.lower().rstrip(".").split()
        if not words or any(w in _CLAUSE_WORDS for w in words):
            continue
        if "of" in words and any(w in T.ROLE_WORDS for w in words[words.index("of"):]):
            continue  # "policies of President": the office comes after what it is of
        if any(breaks_office(w) for w in words):
            continue
        key = " ".join(w for w in words if w not in _FILLER)
        if key not in kept or (kept[key].islower() and not role.islower()):
            kept[key] = role
    return tuple(kept.values())


def known_person(name: str) -> bool:
    """A name, not an unresolved office ("Defense Secretary") that could be anyone."""
    return bool(name.split()) and name.split()[-1].lower() not in T.ROLE_WORDS


def canonical_name(name: str, entities: list[CanonicalEntity] | None) -> str:
    """The linker's canonical name for ``name`` when one of its aliases matches."""
    if not entities:
        return name
    low = name.lower()
    for entity in entities:
        if low == entity.name.lower() or low in (a.lower() for a in entity.aliases):
            return entity.name
    return name


#: Ways outlets write the same country in front of a role ("UK's", "United Kingdom", "British").
_COUNTRY = {
    "united kingdom": "uk", "u.k.": "uk", "u.k": "uk", "britain": "uk", "british": "uk",
    "uk’s": "uk", "uk's": "uk", "britain’s": "uk", "britain's": "uk",
    "united states": "us", "u.s.": "us", "u.s": "us", "american": "us", "us’s": "us",
}
_SPELLING = {"defence": "defense"}
_FILLER = {"the", "a", "an", "his", "her", "their", "its", "with", "to", "of", "and"}


def role_parts(phrase: str) -> tuple[frozenset[str], str]:
    """("uk", "defense secretary") for "The United Kingdom defence secretary": country, office."""
    low = phrase.lower()
    for variant, code in sorted(_COUNTRY.items(), key=lambda kv: -len(kv[0])):
        low = re.sub(rf"(?<![\w.]){re.escape(variant)}(?!\w)", code, low)
    words = [_SPELLING.get(w, w) for w in low.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w not in _FILLER]
    qualifiers = frozenset(w for w in words if w in _COUNTRY.values() or w.endswith(("ian", "ese")))
    office = " ".join(w for w in words if w not in qualifiers)
    return qualifiers, office


@dataclass
class StoryRoles:
    """Who holds which office across the story, and how often each is named."""

    held: dict[str, set[tuple[frozenset[str], str]]] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)


def story_roles(contexts: list[ArticleContext]) -> StoryRoles:
    """Full name -> every (country, office) the story's articles give it; mention counts."""
    out = StoryRoles(defaultdict(set))
    for ctx in contexts:
        for role, name in ctx.roles.items():
            out.held[name].add(role_parts(role))
        for surname, name in ctx.surnames.items():
            out.mentions[name] += len(re.findall(rf"\b{re.escape(surname)}\b", ctx.article.text))
    return out


def resolve_role(phrase: str, roles: StoryRoles) -> str:
    """The person the story gives this office (and country, when said), else the phrase.

    "The United Kingdom defense secretary" is Ben Wallace when another outlet wrote
    "the UK's defence secretary Ben Wallace" and no other UK defence secretary appears;
    a bare "Defense Secretary" held by two people goes to the one the story names at
    least twice as often (the story is about him), else stays unresolved.
    """
    if " " not in phrase or phrase.split()[-1].lower() not in T.ROLE_WORDS:
        return phrase
    countries, office = role_parts(phrase)
    found = sorted(
        {name for name, held in roles.held.items()
         for c, o in held if o.endswith(office) and (not countries or countries == c)},
        key=lambda n: -roles.mentions[n])
    if len(found) == 1:
        return found[0]
    if len(found) > 1 and roles.mentions[found[0]] >= 2 * max(1, roles.mentions[found[1]]):
        return found[0]
    return phrase
