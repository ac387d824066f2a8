"""The plain-text cleaner: body versus boilerplate, line by line.

Already-scraped text has lost its markup, so every judgement rests on the line
itself (``dossier.clean.lines``), its neighbours (headlines stranded between
prose, the main prose run in ``dossier.clean.region``) and the corpus
(``LineStats``: a line many documents of one outlet share). What is removed is
kept with its reason; captions and credits become metadata, and the outlet is
read from the boilerplate's self-references before the lines are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import ftfy

from dossier.clean import patterns as P
from dossier.clean.datelines import dateline_date
from dossier.clean.linemodel import line_vectors, load_model, log_odds
from dossier.clean.lines import LineFeatures, features, line_reason
from dossier.clean.outlets import outlet_from_lines
from dossier.clean.region import best_run, body_span
from dossier.clean.stats import LineStats
from dossier.model import RemovedText

if TYPE_CHECKING:
    from dossier.clean import CleanConfig

#: Reasons whose lines are kept as metadata rather than just dropped.
METADATA_REASONS = {"caption": "captions", "credit": "credits"}
#: A repeated line this long is a scraping artefact (pull quote, doubled block);
#: shorter repeats ("Buy now", recipe steps) can be legitimate list items.
DUPLICATE_MIN_WORDS = 8
#: Reasons that never carry an outlet's self-reference.
NO_SELF_REFERENCE = {"title", "outside_body", "stray_headline", "duplicate_line", "comments"}


@dataclass
class Segment:
    """One line (or part of one) and the reason it left the body, if it did."""

    text: str
    feats: LineFeatures
    reason: str | None = None


@dataclass
class TextResult:
    """What the plain-text cleaner recovered from one document."""

    paragraphs: list[str]
    removed: list[RemovedText] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    title: str = ""
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


def repair(text: str) -> str:
    """Undo mojibake (UTF-8 read as Latin-1/cp1252) without touching quote style."""
    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False)


def _join_wrapped(block: list[str]) -> list[str]:
    """Re-join a hard-wrapped paragraph; keep one-line-per-paragraph blocks as they are."""
    if len(block) < 2:
        return block
    inner = block[:-1]
    unended = sum(1 for ln in inner if not P.SENTENCE_END.search(ln))
    long_lines = sum(1 for ln in inner if 40 <= len(ln) <= 100)
    if unended >= 0.6 * len(inner) and long_lines >= 0.8 * len(inner):
        return [" ".join(block)]
    return block


def split_lines(text: str) -> list[str]:
    """Non-empty stripped lines, hard-wrapped paragraphs re-joined."""
    out: list[str] = []
    block: list[str] = []
    for raw in text.splitlines() + [""]:
        line = re.sub(r"[ \t\u00a0]+", " ", raw).strip()
        if line:
            block.append(line)
            continue
        out.extend(_join_wrapped(block))
        block = []
    return out


def _split_headers(lines: list[str], result: TextResult) -> list[Segment]:
    """Take ``date YYYY-MM-DD`` / ``key: value`` headers and sign-up runs off lines."""
    segments: list[Segment] = []
    for index, line in enumerate(lines):
        pieces: list[tuple[str, str | None]] = [(line, None)]
        match = P.DATE_HEADER.search(line) if index < 5 and not result.published else None
        if match:
            result.published = match.group(1)
            pieces = [(line[: match.start()], None), (match.group(0), "header"),
                      (line[match.end():], None)]
        elif index < 5 and (field_match := P.FIELD_HEADER.match(line)):
            result.fields.setdefault(field_match.group(1).lower(), field_match.group(2).strip())
            pieces = [(line, "header")]
        for text, reason in pieces:
            segments.extend(_split_signup(text.strip(), reason))
    return segments


def _split_signup(text: str, reason: str | None) -> list[Segment]:
    if not text:
        return []
    match = P.SIGNUP_RUN.match(text) if reason is None else None
    if not match:
        return [Segment(text, features(text), reason)]
    parts = [Segment(match.group(0).strip(), features(match.group(0).strip()), "newsletter")]
    rest = text[match.end():].strip()
    if rest:
        parts.append(Segment(rest, features(rest)))
    return parts


def _mark_rules(segments: list[Segment]) -> None:
    seen: set[str] = set()
    for seg in segments:
        if seg.reason:
            continue
        seg.reason = line_reason(seg.feats)
        key = " ".join(seg.text.lower().split())
        if seg.reason is None and key in seen and seg.feats.n_words >= DUPLICATE_MIN_WORDS:
            seg.reason = "duplicate_line"
        seen.add(key)


def _mark_byline(segments: list[Segment], result: TextResult) -> None:
    for seg in segments[:8]:
        match = P.BYLINE.match(seg.text) if seg.reason is None else None
        if match and seg.feats.n_words <= 12:
            result.author = match.group(1).strip()
            seg.reason = "byline"
            return


def _mark_dateline(segments: list[Segment], result: TextResult) -> None:
    """A line near the top that is only a date ("Published: Oct. 23, 2022") goes, and
    gives the publication date when no header did."""
    for seg in segments[:8]:
        found = dateline_date(seg.text) if seg.reason is None else None
        if found:
            result.published = result.published or found
            seg.reason = "dateline"
            return


def _mark_recurring(
    segments: list[Segment], stats: LineStats | None, outlet: str | None, config: CleanConfig
) -> None:
    """Drop lines the outlet's other documents share, unless that would be most of
    the text (then this is a re-ingested copy, not boilerplate). A line other
    outlets print too is syndicated news, never boilerplate; a document of no known
    outlet has no memory to ask (its lines could be anyone's wire copy)."""
    if stats is None or not (outlet or "").strip():
        return
    if stats.documents(outlet) < config.recurring_min_docs:
        return
    body = [s for s in segments if s.reason is None]
    hits = [s for s in body if stats.count(outlet, s.text) >= config.recurring_min_docs
            and stats.outlets_with(s.text) < 2]
    hit_chars = sum(s.feats.n_chars for s in hits)
    all_chars = sum(s.feats.n_chars for s in body) or 1
    copy_like = hit_chars > config.recurring_max_share * all_chars
    for seg in hits:
        if copy_like and seg.feats.is_prose:
            continue
        seg.reason = "recurring_line"


def _mark_comments(segments: list[Segment]) -> None:
    """Everything from a comment-section header after the first prose line is comments."""
    seen_prose = False
    for i, seg in enumerate(segments):
        seen_prose = seen_prose or (seg.reason is None and seg.feats.is_prose)
        if seen_prose and seg.feats.n_words <= 40 and (
            P.COMMENTS_START.search(seg.text) or P.COMMENT_AUTHOR.match(seg.text)
        ):
            for rest in segments[i:]:
                if rest.reason is None:
                    rest.reason = "comments"
            return


def is_english(segments: Sequence[Segment]) -> bool:
    """Whether function-word features mean anything for this document."""
    words = [w.lower() for s in segments for w in re.findall(r"[^\W\d_]+", s.text)]
    return bool(words) and sum(w in P.STOPWORDS for w in words) / len(words) >= 0.2


def looks_like_page(segments: Sequence[Segment], config: CleanConfig) -> bool:
    """Whether the text still holds a page's furniture: many short Title Case or
    one-word lines (menus, section links). Already-extracted articles have few,
    and for them choosing a body region could only lose body."""
    nav = sum(
        1 for s in segments
        if s.feats.n_words <= 6 and not s.feats.ends_sentence
        and (s.feats.title_ratio >= 0.75 or s.feats.n_words <= 2)
    )
    share = nav / max(1, len(segments))
    return nav >= config.page_min_nav_lines or (
        nav >= config.page_min_nav_lines // 2 and share >= config.page_min_nav_share
    )


def _mark_region(segments: list[Segment], config: CleanConfig) -> None:
    """Keep only the main prose run; lines outside it are page furniture."""
    if not config.select_body_region:
        return
    _mark_comments(segments)
    if not looks_like_page(segments, config):
        return
    english = is_english(segments)
    model = load_model(config.line_model_path) if config.use_line_model else None
    if model is None:
        feats = [s.feats if s.reason is None else None for s in segments]
        span = body_span(feats, english, config.region_line_cost)
        keep = [span is None or span[0] <= i <= span[1] for i in range(len(segments))]
    else:
        rows = line_vectors([s.feats for s in segments], [s.reason for s in segments], english)
        fallback = body_span(
            [s.feats if s.reason is None else None for s in segments],
            english, config.region_line_cost,
        )
        keep = decode(
            log_odds(rows, model), [s.reason is None for s in segments], config, fallback
        )
    for seg, kept in zip(segments, keep, strict=True):
        if seg.reason is None and not kept:
            seg.reason = "outside_body"


def decode(
    z: Sequence[float], candidate: Sequence[bool], config: CleanConfig,
    fallback: tuple[int, int] | None = None,
) -> list[bool]:
    """Body lines from per-line log-odds: the max-sum run of ``z - bias`` over candidate
    lines (removed lines cost ``removed_cost``), trimmed at both ends to lines whose
    log-odds clear ``edge_threshold``, then, inside it, lines that clear
    ``inner_threshold``. ``fallback`` is the run to use when no line scores above
    the bias (a page whose body the model doubts)."""
    scores = [
        (zi - config.model_bias) if ok else -config.model_removed_cost
        for zi, ok in zip(z, candidate, strict=True)
    ]
    span = best_run(scores) or fallback
    if span is None:
        return list(candidate)
    start, end = span
    while start < end and (not candidate[start] or z[start] < config.model_edge_threshold):
        start += 1
    while end > start and (not candidate[end] or z[end] < config.model_edge_threshold):
        end -= 1
    return [
        ok and start <= i <= end and z[i] >= config.model_inner_threshold
        for i, ok in enumerate(candidate)
    ]


def _mark_title(segments: list[Segment], result: TextResult, meta_title: str | None) -> None:
    """A headline-like line just before the first body line is the title; a line that
    repeats the title the container gave goes whatever its shape."""
    if meta_title:
        key = " ".join(meta_title.lower().split())
        for seg in segments:
            if seg.reason is None and " ".join(seg.text.lower().split()) == key:
                seg.reason = "title"
        return
    body_idx = [i for i, s in enumerate(segments) if s.reason is None]
    if not body_idx:
        return
    first = body_idx[0]
    candidates = [first] + [i for i in range(first - 1, max(-1, first - 6), -1)]
    for i in candidates:
        seg = segments[i]
        f = seg.feats
        if seg.reason not in (None, "outside_body") or f.ends_sentence:
            continue
        several_sentences = re.search(r"[.!?~]\s+\S", seg.text)
        if 2 <= f.n_words <= 20 and not several_sentences and not seg.text.endswith("~") and (
            i != first or _next_is_prose(segments, i)
        ):
            result.title = seg.text
            seg.reason = "title"
            return


def _next_is_prose(segments: list[Segment], i: int) -> bool:
    for seg in segments[i + 1 :]:
        if seg.reason is None:
            return seg.feats.is_prose
    return False


def _mark_stray_headlines(segments: list[Segment]) -> None:
    """Title Case link text stranded between prose lines ("Update Ukraine 23 Dec"):
    long or dated, unlike the article's own (short, often upper-case) sub-headings."""
    body = [i for i, s in enumerate(segments) if s.reason is None]
    for pos, i in enumerate(body[1:-1], start=1):
        f = segments[i].feats
        if not (f.is_headline_like and f.n_words >= 6 and f.upper_ratio < 0.8):
            continue
        if f.n_words < 9 and not re.search(r"\d", f.text):
            continue  # short Title Case lines inside prose are usually sub-headings
        before, after = segments[body[pos - 1]].feats, segments[body[pos + 1]].feats
        if before.is_prose and after.is_prose:
            segments[i].reason = "stray_headline"


def stats_lines(text: str, config: CleanConfig) -> list[str]:
    """The units ``LineStats`` counts: the same segments the cleaner judges."""
    if config.fix_encoding:
        text = repair(text)
    return [s.text for s in _split_headers(split_lines(text), TextResult(paragraphs=[]))]


def label_segments(
    text: str, config: CleanConfig, stats: LineStats | None = None, outlet: str | None = None
) -> tuple[list[Segment], TextResult]:
    """Lines with the reasons the line rules, headers, byline and the corpus give them
    (before the body region is chosen); the result holds what was recovered so far."""
    result = TextResult(paragraphs=[])
    if config.fix_encoding:
        text = repair(text)
    segments = _split_headers(split_lines(text), result)
    _mark_rules(segments)
    _mark_byline(segments, result)
    _mark_dateline(segments, result)
    result.outlet = outlet or outlet_from_lines(
        s.text for s in segments if s.reason and s.reason not in NO_SELF_REFERENCE
    )
    _mark_recurring(segments, stats, outlet or result.outlet, config)
    _mark_masthead(segments, outlet or result.outlet)
    return segments, result


def _mark_masthead(segments: list[Segment], outlet: str | None) -> None:
    """A line that is only the outlet's name (a masthead or logo text) is not body."""
    if not outlet:
        return
    key = " ".join(outlet.lower().split())
    for seg in segments:
        if seg.reason is None and " ".join(seg.text.lower().split()).strip(" |-") == key:
            seg.reason = "masthead"


def clean_plain_text(
    text: str, config: CleanConfig, stats: LineStats | None = None,
    outlet: str | None = None, title: str | None = None,
) -> TextResult:
    """Split ``text`` into body paragraphs and labelled removals."""
    segments, result = label_segments(text, config, stats, outlet)
    _mark_region(segments, config)
    _mark_title(segments, result, title)
    _mark_stray_headlines(segments)
    for seg in segments:
        if seg.reason is None:
            result.paragraphs.append(seg.text)
            continue
        result.removed.append(RemovedText(seg.text, seg.reason))
        if seg.reason in METADATA_REASONS:
            getattr(result, METADATA_REASONS[seg.reason]).append(seg.text)
    return result
