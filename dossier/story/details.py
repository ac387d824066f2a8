"""Details: which of a fact's outlets tell each thing its sentences tell.

A fact is a group of matched sentences, one per article at most, and a sentence
is one telling. But a lead sentence tells several happenings at once ("the crash
that killed two led to the driver's arrest on a drunk-driving charge"), and the
outlets do not all tell the same ones: eleven report the arrest, six the charge.
No partition of sentences can give each happening its own outlet count, so the
fact keeps its sentences and lists, for each happening word, the evidence that
tells it and the independent outlets behind that evidence.

A fact's evidence is a clause, but a detail reads its whole sentence: "the woman
was killed ..., and the driver was arrested" tells the arrest wherever the
killing is the fact. Paraphrases meet through one key: a word of a family
("killed", "death", "dead": die) takes the family's name, a word the verb table
knows ("gunned") its deed class, any other word its stem ("arrests", "arrested":
"arrest"). Without extraction's tagger every lowercase content word stands for a
happening (``plain_happenings``), and only the verb table's deeds are shown.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.extract.happenings import is_title_case
from dossier.model import Detail, Happening, Span
from dossier.story.actions import deed_classes
from dossier.story.similarity import STOP, stem

if TYPE_CHECKING:
    from dossier.story.clauses import Clause

#: Words outlets use for one happening, verb or noun: "killed", "death" and "dead" tell one
#: loss of life; "capture" and "arrest" one arrest. The verb table's deed classes are in
#: the families they name ("kill", "appoint"), so clause deeds and tagged words meet.
FAMILIES: dict[str, tuple[str, ...]] = {
    # not "murder" nor "homicide": a court's words for the charge ("charged with murder"),
    # a happening of its own (ECB+ train neutral, dev 53 -> 55 instances exact)
    "die": ("die", "death", "dead", "kill", "killing", "slay", "fatal", "fatality", "perish"),
    "shoot": ("shoot", "shooting", "shot", "gunfire", "gun"),
    "injure": ("injure", "injury", "wound", "hurt"),
    "arrest": ("arrest", "apprehend", "capture", "nab", "detain", "detention", "custody"),
    "charge": ("charge", "indict", "indictment"),
    "convict": ("sentence", "convict", "conviction"),
    # "fire" too: "fired the coach" and "to fire him"; a blaze or gunfire has no other
    # word of this family in its story to meet, so it stays a detail of its own
    "dismiss": ("dismiss", "dismissal", "sack", "oust", "terminate", "termination", "fire"),
    "appoint": ("appoint", "appointment", "hire", "nominate", "nomination", "nominee",
                "select", "selection"),
    "resign": ("resign", "resignation", "quit"),
    "crash": ("crash", "accident", "collision", "collide", "wreck"),
    "strike": ("strike", "hit"),
    "quake": ("quake", "earthquake", "tremor", "temblor"),
    "flee": ("flee", "escape"),
    "rescue": ("rescue", "evacuate", "evacuation"),
    "attack": ("attack", "assault", "raid", "bomb", "bombing"),
    "acquire": ("acquire", "acquisition", "buy", "purchase", "takeover"),
    "win": ("win", "victory", "triumph"),
    "fall": ("fall", "plunge", "tumble"),
    "sue": ("sue", "lawsuit", "suit"),
    "foil": ("foil", "thwart", "repulse", "repel", "avert", "prevent"),
    "steal": ("steal", "stole", "stolen", "theft", "rob", "robbery", "heist", "snatch", "loot"),
    "fix": ("fix", "patch", "repair", "plug"),
    "burn": ("burn", "blaze", "flame", "ablaze", "inferno"),
    "destroy": ("destroy", "gut", "raze", "demolish", "devastate"),
    "riot": ("riot", "unrest", "clash"),
}
#: Details a report shows per fact, most corroborated first (``shown``).
SHOWN_DETAILS = 5
#: The verb table's classes that a family above names otherwise.
_CLASS_FAMILY = {"kill": "die", "fire": "dismiss", "sentence": "convict"}


def happening_keys(text: str, happenings: Sequence[Happening], start: int,
                   end: int) -> list[tuple[str, str, bool]]:
    """``(key, word, deed)`` of every happening in ``[start, end)`` of the article (one
    sentence, ``text``), and of every tabled deed of ``text`` (the only ones without a
    tagger); ``deed`` when told with a verb or a tabled deed."""
    out = [(_family(name), name, True) for name in sorted(deed_classes(text))]
    for h in happenings[bisect_left(happenings, start, key=lambda h: h.span.start):]:
        if h.span.start >= end:
            break
        classes = _token_classes(h.span.text)
        key = _FAMILY.get(word_key(h.word)) or (
            _family(next(iter(classes))) if len(classes) == 1 else word_key(h.word))
        out.append((key, h.word, h.deed or bool(classes)))
    first: dict[str, tuple[str, str, bool]] = {}
    for key, word, deed in out:
        seen = first.get(key)
        first[key] = (key, seen[1] if seen else word, deed or bool(seen and seen[2]))
    return list(first.values())


@lru_cache(maxsize=65536)
def _token_classes(token: str) -> frozenset[str]:
    """``deed_classes`` of one word, remembered: a story repeats its words."""
    return deed_classes(token)


def _family(deed_class: str) -> str:
    return _CLASS_FAMILY.get(deed_class, deed_class)


def word_key(word: str) -> str:
    """The stem without a final "e": "drive", "driving" and "drives" meet at "driv"."""
    key = stem(word)
    return key[:-1] if len(key) > 4 and key.endswith("e") else key


#: ``word_key`` of every family word -> the family ("injured" and "injure" both).
_FAMILY = {word_key(word): name for name, words in FAMILIES.items() for word in words}


#: Lowercase words that tell no happening, for ``plain_happenings``: when and who.
_PLAIN_SKIP = frozenset({
    "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week",
    "weekend", "month", "time", "people", "police", "official", "officials", "statement",
    "report", "reported", "reports", "according", "just", "like", "including", "told",
})


def plain_happenings(sentence: str, offset: int,
                     lowercase: frozenset[str] | None = None) -> list[Happening]:
    """Without extraction's tagger, every lowercase content word of a sentence (at
    ``offset`` in its article) stands for a happening: a name is capitalised, a deed is
    not. Cruder than the tagger's, measured as good on ECB+ (docs/evaluation.md); only
    the verb table's deeds among them are shown to readers.

    A title-case line (a headline) capitalises its deeds too ("Woman Dead After Fall"):
    given the article's ``lowercase`` words, such a line's capitalised word counts where
    the article writes it in lowercase elsewhere, or it is a family's word.
    """
    title = lowercase is not None and is_title_case(sentence)
    out = []
    for m in re.finditer(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’-])", sentence):
        word = m.group(0)
        if word[0].isupper():
            word = word.lower()
            if not title or not (_written_lowercase(word, lowercase or frozenset())
                                 or word_key(word) in _FAMILY):
                continue
        # a family's word however short ("die", "hit", "sue"): short words are mostly
        # function words, but these tell the happening (stop words ruled out first: the
        # stem is looked up only for the few short words left)
        if word not in STOP and word not in _PLAIN_SKIP and (
                len(word) > 3 or word_key(word) in _FAMILY):
            out.append(Happening(word, Span(offset + m.start(), offset + m.end(), m.group(0)),
                                 False))
    return out


def _written_lowercase(word: str, lowercase: frozenset[str]) -> bool:
    """``word`` or its singular ("Charges": "charge") is among the article's lowercase words."""
    return any(form in lowercase for form in (
        word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""))


def lowercase_in(text: str) -> frozenset[str]:
    """The words one article writes in lowercase somewhere (deeds, offices; not names),
    read as ``plain_happenings`` reads words (``people.lowercase_words`` is the story's)."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z]+(?![\w'’-])", text))


def shown(deed: bool, outlets: int, corroboration: int) -> bool:
    """Whether reports show a detail: a deed (told as a noun only, "coach", "season", it
    is often a participant or a setting) that two or more of the fact's outlets tell, but
    not all of them (then it is the fact itself)."""
    return deed and 2 <= outlets < corroboration


def fact_details(members: list[Clause],
                 independent: Callable[[list[Clause]], list[str]]) -> list[Detail]:
    """The happenings two or more of the fact's articles tell, but not all of them, each
    with its outlets (``independent`` counts a group of clauses as the fact does)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    deeds: Counter[str] = Counter()
    for index, clause in enumerate(members):
        for key, word, deed in clause.happenings:
            by_key[key].append(index)
            words[key][word] += 1
            deeds[key] += deed
    details = []
    for key, indices in by_key.items():
        articles = {members[i].article_id for i in indices}
        if len(articles) < 2 or len(indices) == len(members):
            continue
        chosen = [members[i] for i in indices]
        details.append(Detail(
            word=words[key].most_common(1)[0][0], outlets=independent(chosen),
            reported_by=sorted({c.outlet for c in chosen}), evidence=indices,
            # most of its tellings are verbs: one tagger slip ("field sobriety tests"
            # parsed as a verb) does not make a deed of a noun
            deed=2 * deeds[key] >= len(indices)))
    # All of them, most corroborated first: reports show the top few, but a reader asking
    # "who reports the charge?" gets the answer for every word (measured on ECB+ dev, a
    # cap of 12 lost half the instances whose outlets a detail gets exactly right)
    details.sort(key=lambda d: (-len(d.outlets), -len(d.evidence), d.word))
    return details
