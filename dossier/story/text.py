"""Plain-text helpers for the dossier builder: sentences, clauses, names, quotes.

The builder must work when extraction is thin or missing (a new extractor, an
unparsed language), so everything it needs to match facts across articles can be
recovered from the text alone; extraction, when present, only sharpens it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dossier.story import places

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s",
    "u.k", "e.g", "i.e", "inc", "corp", "co", "ltd", "jr", "sr", "prof", "capt", "maj",
    # ranks and titles before a name: "U.S. Navy Vice Adm. Bill Gortney", "Const. Tim Fanning"
    "adm", "cmdr", "cdr", "brig", "insp", "supt", "det", "const", "cpl", "pvt", "rev", "hon",
    "gens", "sens", "reps", "atty", "asst", "ft", "mt",
}
#: Verbs that, after "and", start a new clause with its own fact.
_CLAUSE_VERBS = (
    "said", "told", "warned", "urged", "insisted", "cautioned", "described", "added", "accused",
    "denied", "rejected", "refuted", "dismissed", "called", "announced", "reaffirmed",
    "reiterated", "declared", "injured", "killed", "wounded", "destroyed", "claimed", "promised",
    "confirmed", "asked", "offered", "threatened", "vowed", "stressed", "argued", "noted",
)
#: "J", "a.j", "j.r.r" (the period stripped): initials, not the end of a sentence.
_INITIALS = re.compile(r"[a-z](?:\.[a-z])*")
#: A figure and a lowercase word after a full stop, where the stop is a decimal point that
#: text extraction spaced out (ECB+'s "limit of. 08 percent"): not a sentence's end.
_NUMBER_GOES_ON = re.compile(r"\s+(?!(?:1[89]|20)\d\d\b)(\d[\d,]*)\s+[a-z]")
#: Words no sentence ends with, before such a figure ("limit of. 08", "more than. 5").
_RUNS_ON = frozenset({"of", "at", "to", "by", "about", "than", "from", "with", "over",
                      "under", "nearly", "almost", "around", "was", "is", "were", "are"})
_SENT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_CLAUSE_BREAKS = [
    re.compile(r";\s+"),
    re.compile(r",?\s+and\s+(?=(?:also\s+|then\s+)?(?:" + "|".join(_CLAUSE_VERBS) + r")\b)"),
    # not "..., but was arrested nearby": without a subject of its own it says nothing alone
    re.compile(r",\s+(?=(?:although|though|whereas|but)\b(?!\s+(?:was|were|is|are|has|had|"
               r"have|did|could|would|will|then|also|later)\b))"),
    re.compile(r"\b(?:although|though|whereas)\b[^,;]*,[\"”’]?\s+"),
    re.compile(r",\s+(?:adding|as well as)\b(?:\s+that)?[:,]?\s+"),
    re.compile(r"^(?:Following|After|Before|Alongside|Despite|Amid)\b[^,]{10,90},\s+"),
]
#: Patterns whose match END, not start, is the clause boundary.
_CUT_AFTER = (3, 5)
MIN_CLAUSE_WORDS = 4

#: Lowercase role words that, before a name, say what the person is.
ROLE_WORDS = (
    "secretary", "minister", "president", "governor", "chief", "spokesman", "spokeswoman",
    "spokesperson", "leader", "mayor", "director", "aide", "commander", "counterpart",
    "equivalent", "chairman", "chairwoman", "ceo", "executive", "general", "prosecutor",
    "officer", "head", "councillor", "senator", "ambassador", "editor", "correspondent",
)
_NAME = r"(?:[A-Z][\w’'\-]+\.?)(?:[ \t]+(?:[A-Z][\w’'\-]+|(?:de|van|von|al|bin)\b)){0,3}"
NAME_RE = re.compile(_NAME)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.|Sir|Dame|The|A|An)\s+")
_ROLE_NAME = re.compile(
    r"(?i:((?:[a-z’'\-]+\s+){0,3}(?:" + "|".join(ROLE_WORDS) + r")))[,]?\s+(" + _NAME + ")"
)
_QUOTE = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")



def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence; newlines always end one."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        cut = start
        for m in _SENT_END.finditer(line):
            word = re.search(r"([\w.]+)$", line[: m.start()])
            token = (word.group(1) if word else "").lower().rstrip(".")
            if token in _ABBREV or _INITIALS.fullmatch(token):
                continue
            figure = _NUMBER_GOES_ON.match(line, m.end())
            if figure and (figure.group(1).startswith("0") or token in _RUNS_ON):
                continue  # "a blood alcohol content of. 09 percent": a decimal, not an end
            yield from _trimmed(text, cut, start + m.end())
            cut = start + m.end()
        yield from _trimmed(text, cut, start + len(line))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    if right > left:
        yield start + left, start + right


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Split a sentence into clauses that each carry one fact, as offsets into it.

    One sentence often packs several facts ("X refuted the claims and cautioned
    that ..."), while another outlet gives each its own sentence; matching needs
    the pieces. Fragments under ``MIN_CLAUSE_WORDS`` words rejoin their neighbour.
    """
    cuts = {0, len(sentence)}
    quoted = quoted_spans(sentence)
    for pattern in _CLAUSE_BREAKS:
        for m in pattern.finditer(sentence):
            cut = m.end() if _CLAUSE_BREAKS.index(pattern) in _CUT_AFTER else m.start()
            if not any(a < cut < b for a, b in quoted):  # a quotation is said as one
                cuts.add(cut)
    bounds = sorted(cuts)
    pieces = [[a, b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    if not pieces:
        return []
    merged: list[list[int]] = []
    for piece in pieces:
        if merged and _words(sentence[merged[-1][0] : merged[-1][1]]) < MIN_CLAUSE_WORDS:
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    if len(merged) > 1 and _words(sentence[merged[-1][0] : merged[-1][1]]) < MIN_CLAUSE_WORDS:
        last = merged.pop()
        merged[-1][1] = last[1]
    out = []
    for a, b in merged:
        chunk = sentence[a:b]
        lead = len(chunk) - len(chunk.lstrip(" ,;:"))
        out.append((a + lead, a + len(chunk.rstrip())))
    return out


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the quotations in a sentence: double marks (straight ones
    toggle), or a single mark opening the sentence ("'I can't speak for the first death,
    but ...,\" Gaskin told") up to the mark that closes it; an apostrophe inside a word
    ("can't") closes nothing."""
    return _quotations(sentence, False)[0]


def quote_open_after(text: str, inside: bool) -> bool:
    """Whether a quotation is still open after ``text``, given whether one was before it;
    marks read as ``quoted_spans`` reads them."""
    return _quotations(text, inside)[1]


def _quotations(sentence: str, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """The quotations of ``sentence`` (one open from before it starts at 0, ``inside``)
    and whether one is still open at its end."""
    out: list[tuple[int, int]] = []
    start: int | None = 0 if inside else None
    single = False
    lead = len(sentence) - len(sentence.lstrip())
    for i, ch in enumerate(sentence):
        if start is None:
            if ch in "“\"" or (i == lead and ch in "'‘"):
                start, single = i, ch in "'‘"
            continue
        after = sentence[i + 1:i + 2]
        closes = ch in "”\"" or (single and ch in "’'" and (not after or not after.isalpha()))
        if closes and (i > start or inside):
            out.append((start, i + 1))
            start, inside = None, False
    if start is not None:
        out.append((start, len(sentence)))
    return out, start is not None


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def quotes_in(text: str) -> list[str]:
    """Quoted wording in a clause, without the quote marks."""
    return [m.group(1).strip(" ,.") for m in _QUOTE.finditer(text)]


def unshout(name: str, text: str) -> str:
    """A name as the article writes it in running text: a print lead-in shouts its first
    words ("SAN Diego Chargers receiver ..."), an acronym ("NFL") is never written
    otherwise, so a capitals-only word becomes its title case where ``text`` has that."""
    words = name.split()
    for i, word in enumerate(words):
        if len(word) >= 3 and word.isalpha() and word.isupper():
            titled = word.capitalize()
            if re.search(rf"\b{titled}\b", text):
                words[i] = titled
    return " ".join(words)


def strip_honorific(name: str) -> str:
    name = name.strip(" ,.’'")
    name = re.sub(r"[’']s$", "", name)
    while True:
        new = _HONORIFIC.sub("", name)
        if new == name:
            return name
        name = new


def names(text: str) -> list[tuple[int, str]]:
    """Capitalised name-like phrases with their offsets (a fallback for NER)."""
    out = []
    for m in NAME_RE.finditer(text):
        name = strip_honorific(re.split(r"[’']s\s+", m.group(0))[-1])
        if name and name[0].isupper() and name.split()[0].lower() not in _SENTENCE_STARTERS:
            out.append((m.start(), name))
    return out


#: Before a name, these make it a place or an owner, not who acts or speaks: "in Dubai",
#: "released to People", "Governor of Qeshm".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|of|for|near|on|into|across|outside|inside|"
                           r"over|with|around|throughout|within|off)\s+(?:the\s+)?$", re.I)


def is_place(text: str, start: int) -> bool:
    """Whether the name at ``start`` of ``text`` follows a preposition ("in Dubai")."""
    return bool(_PLACE_BEFORE.search(text[max(0, start - 16) : start]))


def agent_names(text: str) -> list[tuple[int, str]]:
    """``names`` that can be a subject: not after a preposition ("workers in Dubai")."""
    return [(start, name) for start, name in names(text) if not is_place(text, start)]


_SENTENCE_STARTERS = {
    "the", "a", "an", "in", "on", "at", "however", "but", "and", "this", "that", "it", "he",
    "she", "they", "we", "i", "his", "her", "their", "its", "following", "after", "before",
    "some", "as", "alongside", "last", "for", "with", "when", "while", "our", "you", "if",
    "asked", "speaking", "both", "nobody", "no", "one", "not", "every", "local",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "well", "oh", "so", "yes", "now", "here", "there", "what", "why", "how",
    "although", "earlier", "meanwhile", "yesterday", "today", "tonight", "later", "still",
    "also", "then", "according", "instead", "sadly", "somehow", "personally", "besides",
    "because", "since", "during", "until", "from", "by", "these", "those", "such", "another",
    "many", "most", "several", "all", "my", "your", "is", "was", "are", "were", "has", "had",
    "will", "would", "could", "should", "can", "to", "of", "where", "who", "just", "even",
}
#: Words that start sentences but never names ("The", "After", weekdays, months).
SENTENCE_STARTERS = frozenset(_SENTENCE_STARTERS)


def role_names(text: str) -> list[tuple[str, str]]:
    """``(role, name)`` pairs written "defence secretary Ben Wallace" or "..., Sergei Shoigu"."""
    out = []
    for m in _ROLE_NAME.finditer(text):
        role = m.group(1).strip().lower()
        name = strip_honorific(m.group(2))
        if len(name.split()) >= 2 and name.split()[0][0].isupper():
            out.append((role, name))
    return out


#: Last words that make a capitalised name a thing, not someone who can act or speak:
#: "MacArthur Fellowship", "World Championship", "National Caring Award".
_THING_HEADS = frozenset({
    "award", "awards", "prize", "fellowship", "championship", "championships", "medal",
    "trophy", "olympics", "festival", "tournament", "exhibition", "program", "programme",
    "treaty", "rights", "services", "affairs", "relations", "studies", "sciences",
    "emmy", "emmys", "oscar", "oscars", "grammy", "grammys", "globes", "performance",
})
#: Last words of a body's name: it may act and speak, but it is not a person.
_BODY_HEADS = frozenset({
    "league", "conference", "foundation", "association", "institute", "university",
    "college", "school", "center", "centre", "hospital", "museum", "council", "committee",
    "commission", "party", "fund", "project", "agency", "company", "network", "department",
    "ministry", "administration", "authority", "forces", "army", "police", "patrol", "guard",
    "advisors", "advisers", "partners", "associates", "group", "inc", "corp", "corporation",
    "llc", "ltd", "bank", "airlines", "systems", "industries", "holdings", "distributors",
})
#: Prefixes of ships' names ("INS Mysore", "MV Gibe", "HMS Daring"): a vessel, no person.
_SHIP_PREFIXES = ("ins", "hms", "uss", "mv", "ms", "ss", "rms", "hmcs", "hmas", "hmnzs",
                  "usns", "frigate", "warship", "destroyer", "ship", "vessel", "tanker",
                  "freighter", "trawler", "dhow")
#: A word before a whole name that makes it no person's: a ship's prefix, or "the"
#: (people take no article: "the Sirius Star").
_NO_PERSON_BEFORE = frozenset({*_SHIP_PREFIXES, "the"})
#: First words of named storms, operations and the like: "Hurricane Katrina".
_THING_FIRST = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tropical", "operation",
                          "hire", "sign", "breaking", *_SHIP_PREFIXES})
#: Last words of a site's name, in names of three words or more ("Tasman Saddle Hut",
#: "Cook National Park"): a place, never who acts or speaks. Two-word names keep them, as
#: surnames ("Grace Park"), unless no one is called so ("Kew Gardens", "Newark Airport").
SITE_HEADS = frozenset({
    "park", "hut", "glacier", "mountain", "peak", "lake", "river", "bridge", "airport",
    "station", "hotel", "stadium", "arena", "tower", "valley", "island", "beach", "bay",
    "street", "avenue", "road", "ridge", "gulf", "square", "garden", "gardens",
})
_NO_SURNAME_SITES = frozenset({"gardens", "airport", "station", "avenue", "road", "hotel",
                               "stadium", "arena", "glacier", "square"})
#: ... and of a vehicle's or a body's, which is no person either ("Westpac Rescue
#: Helicopter", "Alpine Rescue Team").
_PLACE_HEADS = SITE_HEADS | frozenset({"helicopter", "team", "squad", "club", "service", "unit",
                                       "clinic"})
#: Given names ending in "-ing", which a verb before a name also does.
_ING_NAMES = frozenset({"Sterling", "Irving", "Channing", "Darling", "Manning", "Fleming",
                        "Harding", "Browning", "Golding"})
#: First words of a place's name: "Mount Cook", "Mt Sefton", "Lake Tekapo".
_PLACE_FIRST = frozenset({"mount", "mt", "lake", "cape", "fort", "glacier"})
#: A descriptor before a name: "Englishman Robert Buckley", "Frenchwoman Marie Curie".
_DESCRIPTOR = re.compile(
    r"^(?:English|French|Irish|Scots|Welsh|Dutch|Country|Sports|Business|Chair|Police|"
    r"Congress|Council|Spokes|Fresh|Gun|Fire)(?:man|woman)\s+"
    r"(?=[A-Z][\w’'.-]*\s+[A-Z])")
_NOT_SURNAME = frozenset({"dr", "mr", "mrs", "ms", "esq", "jr", "i", "he", "she", "we", "they",
                          "it"})
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ean|ian|ese|ish|ic|i)$")


def _words_of(name: str) -> list[str]:
    return [w for w in (w.strip(".,’'\"") for w in name.split()) if w]


def names_a_site(name: str) -> bool:
    """Whether a name is a site's ("Tasman Saddle Hut", "Cook National Park")."""
    words = _words_of(name)
    head = words[-1].lower() if words else ""
    return head in SITE_HEADS and (len(words) >= 3 or head in _NO_SURNAME_SITES)


def names_a_thing(name: str) -> bool:
    """Whether a capitalised name is an award, event or storm, a people ("African
    American"), a headline verb before a name ("Hire Maurice Cheeks") or a sentence
    piece ("Sometimes I"): nothing that acts or speaks."""
    words = _words_of(name)
    if not words:
        return True
    if words[-1].lower() in _THING_HEADS or words[0].lower() in _THING_FIRST:
        return True
    if words[-1].lower() in _NOT_SURNAME:  # "Nominee Dr", "Sometimes I"
        return True
    return len(words) == 2 and all(_DEMONYM.fullmatch(w) for w in words)


def mentions_of(surname: str, text: str) -> int:
    """How often ``text`` names the person ``surname`` stands for: not where the name is
    the start of a thing's or a body's name ("the Nelson Mandela Award", "the Robert Wood
    Johnson Foundation"), a ship's ("INS Mysore") or any name after "the" ("the Sirius
    Star"; people take no article), which names no one who acts here."""
    count = 0
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[max(0, m.start() - 40):m.start()].split()
        while before and re.fullmatch(r"[A-Z][\w.-]*", before[-1]) and (
                before[-1].lower() not in _NO_PERSON_BEFORE):
            before.pop()  # the given names: what stands before the whole name counts
        if before and before[-1].lower().strip(".,") in _NO_PERSON_BEFORE:
            continue  # "INS Mysore", "the Sirius Star", "the dhow Salahaddin": no person
        following = re.match(r"(?:[ \t]+[A-Z][\w’'-]*){1,3}", text[m.end():])
        heads = following.group(0).lower().split() if following else []
        count += not any(h in _THING_HEADS or h in _BODY_HEADS for h in heads)
    return count


def bare_name(name: str) -> str:
    """A person's name without the descriptor some outlets put first ("Englishman Robert
    Buckley": Robert Buckley)."""
    return _DESCRIPTOR.sub("", name)


def names_a_person(name: str) -> bool:
    """Whether a name the tagger calls a person can be one: not a thing, not a body, not
    an acronym ("Former AMA") and not a team named for its city ("SAN Diego Chargers")."""
    words = _words_of(name)
    if names_a_thing(name) or words[-1].lower() in _BODY_HEADS:
        return False
    if words[-1].isupper() and words[-1].isalpha() and 2 <= len(words[-1]) <= 5:
        return False
    if len(words) >= 2 and len(words[0]) >= 6 and words[0].endswith("ing") and (
            words[0] not in _ING_NAMES):
        return False  # "Choosing DeGeneres", "Following Obama": a verb before a name
    if words[0].lower() in _PLACE_FIRST or (
            len(words) >= 3 and words[-1].lower() in _PLACE_HEADS):
        return False  # "Mount Cook", "Tasman Saddle Hut", "Westpac Rescue Helicopter"
    if words[-1].endswith("er") and places.is_place(" ".join(words)[:-2]):
        return False  # "New Zealander": a people
    return not (len(words) >= 3 and words[-1].endswith("s") and places.is_place(
        " ".join(w.capitalize() for w in words[:2])))
