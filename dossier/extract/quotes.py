"""Quotes and reported claims: content, cue and speaker span, from plain text.

The method is rule-based over a cue lexicon learned from PolNeAR train
(``data/cues.json``, see ``learn_cues.py``): inside each quotation-safe sentence
(``segment.units``) every cue word outside quote marks opens an attribution. The
content is the clause after the cue ("X said (that) ...") or, when nothing
follows, the clause before it ("'...,' X said"); the speaker is the noun phrase
before the cue, or after it in inverted order ("said Mr Wallace"). Quotations
with no cue of their own inherit the speaker of the attribution just before
them (a quote running over several paragraphs). Speaker spans are resolved to
entities later, in ``speakers.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from dossier.extract import cue_model
from dossier.extract.segment import quote_regions, units
from dossier.model import QuoteKind

_DATA = Path(__file__).with_name("data") / "cues.json"
#: Minimum rate (from PolNeAR train) at which a word must head a cue to count as one.
MIN_CUE_RATE = 0.3
#: How far apart (chars, paragraph breaks) two halves of one quotation may be.
MERGE_GAP = 200
MERGE_PARAGRAPHS = 1
#: Probability above which the cue model's candidate opens an attribution.
CUE_THRESHOLD = 0.4
_WORD = re.compile(r"[\w’']+")
_SKIP_AFTER = re.compile(
    r"^(?:\s|,|:|—|-|\bin\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|interview|"
    r"speech|tweet|post|letter|email|op-ed)\b|\bon\s+(?:Twitter|Facebook|\w+day)\b|\b\w+day\b|"
    r"\blast\s+\w+\b|\bearlier\b|\blater\b|\balso\b|\bthen\b|\bagain\b|\bpreviously\b|\bthat\b(?="
    r"\s*[”\"]))+", re.I)
_OBJECT_CUES = {"told", "tells", "telling", "asked", "urged", "warned", "assured", "reminded",
                "informed", "promised", "cautioned", "accused", "tell", "ask", "urging"}
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|would|will|could|may|might|later|then|again|previously|"
    r"repeatedly|publicly|once|is|was|were|are|did|does|not|never|reportedly|recently|"
    r"separately|subsequently|quickly|often|frequently|has\s+long|long|who|which|had\s+been|"
    r"is\s+expected\s+to|has\s+been|to))+\s*$", re.I)
_NP_AFTER = re.compile(
    r"^\s+((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.’'-]*|[a-z]+)(?:\s+(?:of\s+|for\s+|the\s+)?"
    r"[A-Z][\w.’'-]*){0,6}|he|she|they|it|we|I)(?=\s*(?:[.,;]|$|\s+(?:in|on|at|when|after|who)\b))")
_ACCORDING = re.compile(r"\baccording\s+to\s+([^,.;:“”\"]{2,90})", re.I)
_NP_INVERTED = re.compile(
    r"\s+([^,.;:“”\"]{2,80}?(?:\b[A-Z]\.\s*[A-Z][^,.;:“”\"]*)?)\s*(?=[,.;:]|$)")
_LEADING = re.compile(r"^(?:(?:But|And|So|Yet|Although|Though|While|When|If|Still|Now|Then|"
                      r"However|Meanwhile|Instead|Later|Earlier|Also|In\s+a|Indeed)\b,?\s*)+")
_NOT_NAMES = {"in", "on", "at", "but", "and", "however", "meanwhile", "still", "now", "then",
              "yes", "no", "well", "so", "instead", "indeed", "also", "last", "this", "that"}
_PASSIVE_BY = re.compile(r"^\s+by\s+((?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})")
_HEADLINE = re.compile(r"^\s*[\"“]?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*:\s+(?=\S)")


@dataclass(frozen=True)
class RawQuote:
    """One attribution before entity resolution: character spans into the text."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    kind: QuoteKind
    cue_word: str


@cache
def cue_lexicon(min_rate: float = MIN_CUE_RATE) -> frozenset[str]:
    """Words that head attribution cues at least ``min_rate`` of the time in PolNeAR train."""
    rates = json.loads(_DATA.read_text(encoding="utf-8"))
    return frozenset(w for w, (rate, _) in rates.items() if rate >= min_rate)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,;:—–-\n":
        s += 1
    while e > s and text[e - 1] in " ,;:—–-\n":
        e -= 1
    return s, e


def _inside(pos: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s, e in regions:
        if s < pos < e - 1:
            return s, e
    return None


def _source_left(text: str, us: int, cs: int) -> tuple[int, int] | None:
    """The noun phrase just before the cue, minus auxiliaries and adverbs.

    "Clinton, the former secretary of State, stressed": when the cue follows an
    appositive's closing comma, the phrase reaches back over the appositive.
    """
    seg = text[us:cs]
    named = re.search(r"(?:^|,\s+)((?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|Dr\.?\s+)?[A-Z][\w.’'-]*"
                      r"(?:\s+[A-Z][\w.’'-]*){0,4}),\s*$", seg)
    if named and named.group(1).split()[0].lower() not in _NOT_NAMES:
        return us + named.start(1), us + named.end(1)
    app = re.search(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*),\s+[^,“”\"]{3,120},\s*$", seg)
    if app and not re.search(r"[“”\"]", seg[app.start():]):
        return us + app.start(), cs - (len(seg) - len(seg.rstrip(" ,")))
    cut = max(seg.rfind(","), seg.rfind("”"), seg.rfind("“"), seg.rfind(":"), seg.rfind(";"),
              seg.rfind('"'), seg.rfind("—"), seg.rfind("''") + 1 if "''" in seg else -1)
    for w in (" that ", " and ", " but ", " as ", " because ", " while ", " when ", " said ",
              " says ", " told ", " claimed "):
        cut = max(cut, seg.rfind(w) + len(w) - 1 if seg.rfind(w) >= 0 else -1)
    start = us + cut + 1
    lead = _LEADING.match(text[start:cs].lstrip())
    if lead:
        start += len(text[start:cs]) - len(text[start:cs].lstrip()) + lead.end()
    head = _AUX_TAIL.sub("", text[start:cs])
    s, e = _trim(text, start, start + len(head))
    words = [w for w in _WORD.findall(text[s:e]) if re.search(r"[^\W\d_]", w)]
    if not words or len(words) > 12:
        return None
    return s, e


def _content_right(text: str, ce: int, ue: int, cue_word: str) -> int:
    """Where the content after the cue starts (past time phrases and the object of "told")."""
    rest = text[ce:ue]
    m = _SKIP_AFTER.match(rest)
    pos = ce + (m.end() if m else 0)
    if cue_word in _OBJECT_CUES or m is None or not m.group(0).strip():
        that = re.search(r"\b(that|to|whether|if|about)\b|[“\"]|:", text[pos:min(ue, pos + 60)])
        if that and cue_word in _OBJECT_CUES:
            pos += that.start() if that.group(0) not in (":",) else that.end()
    return pos


def _np_span(m: re.Match[str] | None, offset: int) -> tuple[int, int] | None:
    return (offset + m.start(1), offset + m.end(1)) if m else None


_NOMINAL = re.compile(r"^(?:claims?|allegations?|accusations?|reports?|concerns?|calls?|"
                      r"assertions?|statements?|warnings?|threats?|suggestions?|criticism)$")


def _nominal_context(text: str, us: int, cs: int) -> bool:
    """"the claims", "Mr Shoigu's claims", "Russian claims": the cue is a noun here."""
    return bool(re.search(r"(?:\b(?:the|these|those|such|a|an|his|her|their|its|this|that|"
                          r"any|new|false|similar)|[’']s|\b[A-Z][a-z]+)\s+(?:\w+\s+)?$",
                          text[max(us, cs - 40):cs]))


def _nominal(text: str, unit: tuple[int, int], cue: tuple[int, int], word: str,
             regions: list[tuple[int, int]]) -> RawQuote | None:
    """A claim named by a noun: content is its "that" clause; source "from X" or the owner."""
    us, ue = unit
    cs, ce = cue
    m = re.match(r"\s+(?:from\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+)?(that\b)",
                 text[ce:ue])
    if not m:
        return None
    speaker = (ce + m.start(1), ce + m.end(1)) if m.group(1) else None
    if speaker is None:
        own = re.search(r"((?:[A-Z][\w.-]*\s+)*[A-Z][\w-]*)(?:[’']s)?\s+(?:\w+\s+)?$",
                        text[max(us, cs - 60):cs])
        if own:
            base = max(us, cs - 60)
            speaker = (base + own.start(1), base + own.end(1))
    content = _trim(text, ce + m.start(2), _clause_end(text, ce + m.start(2), ue))
    return RawQuote(content, cue, speaker, _kind(content, regions, text), word)


def _clause_end(text: str, start: int, ue: int) -> int:
    m = re.search(r",\s+(?:in|according|as|the\s+\w+\s+said|he|she|they)\b", text[start:ue])
    return start + m.start() if m else ue


def _kind(content: tuple[int, int], regions: list[tuple[int, int]], text: str) -> QuoteKind:
    s, e = _trim(text, *content)
    for rs, re_ in regions:
        if rs <= s + 1 and re_ >= e - 2:
            return "direct"
    return "mixed" if any(s <= rs and re_ <= e for rs, re_ in regions) else "indirect"


def _from_cue(text: str, unit: tuple[int, int], cue: tuple[int, int], word: str,
              regions: list[tuple[int, int]]) -> RawQuote | None:
    us, ue = unit
    cs, ce = cue
    if _NOMINAL.match(word) and (_nominal_context(text, us, cs) or re.match(
            r"\s+from\b", text[ce:ce + 6]) or re.search(r"\b[a-z]+ed\s+$", text[us:cs])):
        return _nominal(text, unit, cue, word, regions)
    src = _source_left(text, us, cs)
    passive = _PASSIVE.search(text[us:cs])
    if passive:
        src = None
    by = _PASSIVE_BY.match(text[ce:ue])
    if by and passive:
        src = (ce + by.start(1), ce + by.end(1))
    start = _content_right(text, ce, ue, word)
    right = _trim(text, start, ue)
    right_words = len(_WORD.findall(text[right[0]:right[1]]))
    inverted = _NP_AFTER.match(text[ce:ue])
    left_end = src[0] if src else cs
    left = _trim(text, us, left_end)
    left_words = len(_WORD.findall(text[left[0]:left[1]]))
    anchor = src[0] if src else cs
    quote_end = re.search(r"[”\"']\s*[,.!?—-]*\s*$", text[us:anchor])
    if quote_end and left_words >= 2 and _inside(us + quote_end.start(), regions + [(0, 0)]) \
            is None and any(e == us + quote_end.start() + 1 for _, e in regions):
        content = _trim(text, us, us + quote_end.start() + 1)
        after = _NP_INVERTED.match(text, ce, ue)
        speaker = src if src else (after.span(1) if after else _np_span(inverted, ce))
        resumed = re.match(r"^[^“”\"]{0,80}?,\s*(?=[“\"])", text[ce:ue])
        if resumed and not re.search(r"\b(?:adding|saying)\b", resumed.group(0)):
            # "Q1," he said, "Q2."
            region = _inside(ce + resumed.end() + 1, regions)
            if region:
                content = (content[0], region[1])
    elif src and re.search(r"\w[^“”\"]*,\s*$", text[us:src[0]]) and \
            re.match(r"\s*(?:\w+\s+){0,3}?,\s*\w", text[ce:ue]) and left_words >= 1:
        content, speaker = _trim(text, us, ue), src  # "The museum, he said, would ..."
    elif inverted and left_words >= 3 and src is None:
        speaker, content = _np_span(inverted, ce), _trim(text, us, cs)
    elif right_words >= 3:
        content, speaker = right, src
    elif left_words >= 3:
        content, speaker = left, src
    else:
        return None
    opened = _inside(content[0] + 1, regions)
    if opened and opened[1] > content[1] and content[0] > ce:
        content = (content[0], opened[1])
    return RawQuote(content, cue, speaker, _kind(content, regions, text), word)


def _according(text: str, unit: tuple[int, int], m: re.Match[str],
               regions: list[tuple[int, int]]) -> RawQuote:
    us, ue = unit
    src = _trim(text, m.start(1), m.end(1))
    before = _trim(text, us, m.start())
    after = _trim(text, m.end(), ue)
    content = before if before[1] - before[0] >= after[1] - after[0] else after
    return RawQuote(content, (m.start(), m.start(1) - 1), src, "according_to", "according to")


@cache
def _candidates() -> dict[str, list[float]]:
    path = _DATA.with_name("cue_candidates.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _cues(text: str, unit: tuple[int, int], regions: list[tuple[int, int]],
          min_rate: float) -> list[tuple[tuple[int, int], str]]:
    """Cue words of one unit: the trained model decides; the bare lexicon if none."""
    toks = cue_model.tokens(text, *unit)
    cands, lexicon = _candidates(), cue_lexicon(min_rate)
    out: list[tuple[tuple[int, int], str]] = []
    last = -9
    for i, (s, e, w) in enumerate(toks):
        word = w.lower()
        if word == "according" or _inside(s, regions) or word not in cands or (
                reports_no_words(text, unit, (s, e), word)):
            continue
        p = cue_model.probability(cue_model.features(toks, i, cands[word][0], False))
        if (p is None and word in lexicon) or (p is not None and p >= CUE_THRESHOLD):
            if i - last > 2:
                out.append(((s, e), word))
            last = i
    return out


def find_quotes(text: str, min_rate: float = MIN_CUE_RATE) -> list[RawQuote]:
    """Every attribution in ``text``: direct, indirect, mixed and "according to" claims."""
    regions = quote_regions(text)
    out: list[RawQuote] = []
    last_speaker: tuple[int, int] | None = None
    for unit in units(text, regions):
        found = []
        for m in _ACCORDING.finditer(text, *unit):
            found.append(_according(text, unit, m, regions))
        for cue, word in _cues(text, unit, regions, min_rate):
            q = _from_cue(text, unit, cue, word, regions)
            if q is not None and q.speaker is None:
                q = _borrow_speaker(text, unit, q, found)
            if q is not None:
                found.append(q)
        head = _HEADLINE.match(text, unit[0], unit[1])
        if head and (not found or head.group(1).isupper()):  # "PENCE: Well, ..." transcripts
            found.append(RawQuote(_trim(text, head.end(), unit[1]),
                                  (head.end() - 2, head.end() - 1), head.span(1), "indirect", ":"))
        if not found:
            found = _dash_signed(text, unit, regions)
        if not found:
            q = _orphan_quote(text, unit, regions, last_speaker)
            if q and out and _continues(text, out[-1], q):
                out[-1] = replace(out[-1], content=(out[-1].content[0], q.content[1]))
                continue
            found = [q] if q else []
        out.extend(found)
        if found and found[-1].speaker:
            last_speaker = found[-1].speaker
    return out


def _continues(text: str, prev: RawQuote, q: RawQuote) -> bool:
    """Is ``q`` the second half of ``prev`` ("Q1," X said. "Q2.")? One claim, one span."""
    gap = text[prev.content[1]:q.content[0]]
    return (prev.kind in ("direct", "mixed") and prev.cue is not None
            and prev.cue[0] >= prev.content[1] and len(gap) < MERGE_GAP
            and gap.count("\n") <= MERGE_PARAGRAPHS)


def _borrow_speaker(text: str, unit: tuple[int, int], q: RawQuote,
                    found: list[RawQuote]) -> RawQuote:
    """No subject right before the cue ("..., adding that"): the clause's subject speaks,
    unless the cue is passive ("Subryan was charged with ..."): its subject is the accused."""
    if q.cue and q.cue_word.lower() in _ACCUSING and PASSIVE_CUE.search(
            text, unit[0], q.cue[0]):
        return q  # but "she was quoted as saying": there the subject does speak
    coordinated = q.cue and re.search(r"\b(?:and|but)\s+(?:also\s+|then\s+)?$",
                                      text[unit[0]:q.cue[0]])
    if found and found[-1].speaker and not coordinated:
        return replace(q, speaker=found[-1].speaker)
    lead = _LEADING.match(text[unit[0]:unit[1]])
    start = unit[0] + (lead.end() if lead else 0)
    m = _SUBJECT.match(text, start, q.content[0] if q.content[0] > start else unit[1])
    if m is None or m.group(1).lower() in _NOT_NAMES or m.group(1).lower() in ("you", "it"):
        return q
    return replace(q, speaker=m.span(1))


#: Cues whose passive subject is the one accused: "was charged with", "is accused of".
_ACCUSING = frozenset({"charged", "accused", "indicted", "alleged", "suspected", "blamed"})
_BE = r"\b(?:was|were|is|are|been|being)\s+"
#: A form of "be" right before the cue: "was charged".
_PASSIVE = re.compile(_BE + "$")
#: ... perhaps with an adverb between: "was allegedly charged", "was later pronounced".
#: The story's cue reader (``story.speakers``) reads passives with this one too.
PASSIVE_CUE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+"
                         r"(?:(?:\w+ly|later|also|then|since|now|soon)\s+)?$", re.IGNORECASE)
#: Passive cues that still report words ("was quoted as saying", "was told that"); any
#: other cue after a form of "be" reports none ("she was later pronounced dead").
_PASSIVE_REPORTS = frozenset({"quoted", "told", "asked", "informed", "reported", "cited"})
#: What follows a passive cue that reports words: "is said to", "was warned that",
#: "was described as", "was criticized by", a colon or a quotation.
_REPORT_AFTER = re.compile(r"\s*(?:(?:that|to|as|by|for|about|of)\b|[:“\"‘'])", re.I)
#: Words before a participle that make it an adjective ("his accused killer", "the alleged
#: gunman", "nine alleged violations"): it reports no one's words.
ATTRIBUTIVE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|this|that|these|those|\d[\d,]*|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|many|some|other|more|most|all)\s+$", re.I)
#: What follows an accusing participle used as a legal act, not a report of words:
#: "Shooter Charged With Murder", "was charged Friday with", "has been accused of",
#: "Driver Charged In Fatal Hit & Run".
_LEGAL_OBJECT = re.compile(r"^\s+(?:(?:\w+day|today|yesterday|later|formally|also)\s+)?"
                           r"(?:with|of|in)\b", re.I)
#: What "claimed" takes when it means took, not said: "claimed the lives of 40",
#: "claimed another coach", "claimed victory", "claimed the title".
_CLAIM_TAKEN = re.compile(
    r"\s+(?:(?:the|his|her|their|its|a)\s+(?:\w+\s+)?)?(?:another|lives?|victory|victories|"
    r"titles?|crown|prize|seats?|win|gold|medals?|share|spot|place)\b",
    re.I)
#: What "responded" goes to when it means went there: "Police responded to the crash".
_RESPONDED_TO_SCENE = re.compile(
    r"\s+to\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:scene|crash|accident|call|calls|"
    r"fire|blaze|shooting|collision|incident|emergency|alarm|report|reports|site|area|home|"
    r"house|building|corner|intersection)\b", re.I)


def reports_no_words(text: str, unit: tuple[int, int], cue: tuple[int, int], word: str) -> bool:
    """An accusing participle that is an adjective ("his accused killer") or a charge
    laid ("Driver Charged With DWI", "was also charged Friday with three counts"), a
    passive cue ("was later pronounced dead"), "claimed" meaning took ("claimed the
    lives of 40") or "responded" meaning went ("Police responded to the crash"): the cue
    of no quote. A passive with its accuser ("was accused of lying by Kyiv") or with
    words after it ("was told that") stays."""
    if word.startswith("claim") and _CLAIM_TAKEN.match(text, cue[1], unit[1]):
        return True
    if word.startswith("respond") and _RESPONDED_TO_SCENE.match(text, cue[1], unit[1]):
        return True  # officers went to the crash; nobody spoke
    if word not in _ACCUSING:
        return (word.endswith("ed") and word not in _PASSIVE_REPORTS
                and bool(PASSIVE_CUE.search(text, unit[0], cue[0]))
                and not _REPORT_AFTER.match(text, cue[1], unit[1]))
    if ATTRIBUTIVE.search(text, max(unit[0], cue[0] - 14), cue[0]):
        return True
    after = text[cue[1]:unit[1]]
    if text[cue[0]].isupper() and not after.split("\n")[0].strip(" .,;:!?"):
        return True  # a headline's last word: "Woman Killed In Hit-And-Run, Driver Charged"
    return bool(_LEGAL_OBJECT.match(after)) and not re.search(r"\bby\s+[A-Z]", after)


_SUBJECT = re.compile(r"\s*(?:[“\"][^”\"]*[”\"],?\s*)?((?:the\s+|The\s+)?[A-Z][\w.’'-]*"
                      r"(?:\s+[A-Z][\w.’'-]*){0,4}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")


_SIGNED = re.compile(r"\s*[―—–]\s*([A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,3})")


def _dash_signed(text: str, unit: tuple[int, int],
                 regions: list[tuple[int, int]]) -> list[RawQuote]:
    """Quotations signed with a dash: “...” ― Krystal Correa (reader comments, epigraphs)."""
    out = []
    for s, e in regions:
        if unit[0] <= s < unit[1]:
            m = _SIGNED.match(text, e)
            if m:
                out.append(RawQuote((s, e), (e, e + m.start(1) - e), m.span(1), "direct", "―"))
    return out


def _orphan_quote(text: str, unit: tuple[int, int], regions: list[tuple[int, int]],
                  last_speaker: tuple[int, int] | None) -> RawQuote | None:
    """A sentence that is mostly a quotation with no cue: the previous speaker goes on."""
    us, ue = unit
    inside = sum(min(e, ue) - max(s, us) for s, e in regions if min(e, ue) > max(s, us))
    if last_speaker is None or inside < 0.6 * (ue - us) or len(_WORD.findall(text[us:ue])) < 4:
        return None
    return RawQuote(_trim(text, us, ue), None, last_speaker, "direct", "")
