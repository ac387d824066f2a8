"""Property tests for the cleaner: whatever the document, ``clean`` returns an Article
or a Dropped (never raises), its text is valid UTF-8 without NUL, and cleaning
never adds text: every word of the output comes from the input."""

from __future__ import annotations

import html as htmllib
import os
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.clean import CleanConfig, Dropped, LineStats, clean, document_lines
from dossier.clean.text import repair
from dossier.model import Article, Provenance, RawDocument

SETTINGS = settings(
    max_examples=int(os.environ.get("DOSSIER_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # CI runs the same examples every time; benchmarks/fuzz.py explores further.
    derandomize=os.environ.get("DOSSIER_FUZZ_EXAMPLES") is None,
)
PROV = Provenance(source="prop", format="text", input_sha256="0" * 64)
WORD = re.compile(r"\w+")
VOCAB = [
    "the",
    "council",
    "met",
    "on",
    "Monday",
    "river",
    "budget",
    "said",
    "minister",
    "Reuters",
    "AP",
    "Photo",
    "Subscribe",
    "newsletter",
    "Advertisement",
    "Copyright",
    "2024",
    "café",
    "naïve",
    "Zürich",
    "Київ",
    "東京",
    "—",
    "“quoted”",
    "it's",
]

words = st.one_of(st.sampled_from(VOCAB), st.text(min_size=1, max_size=12))
lines = st.lists(words, min_size=0, max_size=25).map(" ".join)
texts = st.lists(lines, min_size=1, max_size=30).map(lambda ls: "\n".join(ls)) | st.text(
    max_size=2000
)
metas = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(max_size=40),
        "outlet": st.sampled_from(["Harbor Ledger", "", "  "]) | st.text(max_size=20),
        "date": st.text(max_size=30) | st.just("2024-05-06"),
        "url": st.text(max_size=60) | st.just("https://x.example/a?utm_source=y"),
    },
)
TAGS = ["p", "div", "span", "b", "a", "li", "h1", "h2", "figcaption", "table", "td"]
# No <script>: trafilatura glues the words either side of a removed inline script
# ("council<script>x</script>0" gives "council0"), a known, harmless join.


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        inner = htmllib.escape(draw(lines))
        parts.append(f"<{tag}>{inner}</{tag}>" if draw(st.booleans()) else f"<{tag}>{inner}")
    return "<html><head><title>T</title></head><body>" + "".join(parts) + "</body></html>"


def assert_valid(result: Article | Dropped) -> None:
    assert isinstance(result, Article | Dropped)
    if isinstance(result, Article):
        for value in (result.text, result.title or "", *(r.text for r in result.removed)):
            assert "\x00" not in value
            value.encode("utf-8")  # raises on lone surrogates


def _visible(text: str) -> str:
    return "".join(c for c in text if c.isspace() or unicodedata.category(c)[0] != "C")


def _composed_of(word: str, have: set[str]) -> bool:
    """``word`` is a concatenation of source words (``the`` + ``0`` -> ``the0``)."""
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in have for start in range(end))
    return reachable[-1]


def assert_no_added_words(output: str, *sources: str, joined_blocks: bool = False) -> None:
    """Every output word is a word of the source (or, across joined lines, a piece of it).

    Invisible characters (controls, soft hyphens, zero-width joiners, unassigned
    code points) may be dropped and mojibake repaired, so the source is taken
    as given, without them, and repaired without them.
    """
    forms = [
        f.casefold() for s in sources for f in (s, _visible(s), repair(s), repair(_visible(s)))
    ]
    have = {word for form in forms for word in WORD.findall(form)}
    glued = "\n".join(re.sub(r"\s+", "", form) for form in forms)
    for word in WORD.findall(output.casefold()):
        # trafilatura can move a block (a table) and glue the inline text around it.
        assert word in have or word in glued or (joined_blocks and _composed_of(word, have)), word


@SETTINGS
@given(text=texts, meta=metas, fix=st.booleans())
def test_plain_text_cleaning_never_raises_and_never_adds_words(
    text: str, meta: dict, fix: bool
) -> None:
    doc = RawDocument(PROV, text=text, meta=meta)
    config = CleanConfig(fix_encoding=fix)
    stats = LineStats()
    stats.observe(*document_lines(doc, config))
    result = clean(doc, config, stats)
    assert_valid(result)
    if isinstance(result, Article):
        assert_no_added_words(result.text, text)


@SETTINGS
@given(page=pages(), meta=metas)
def test_html_cleaning_never_raises_and_never_adds_words(page: str, meta: dict) -> None:
    result = clean(RawDocument(PROV, html=page, meta=meta))
    assert_valid(result)
    if isinstance(result, Article):
        visible = htmllib.unescape(re.sub(r"<[^>]*>", " ", page))
        assert_no_added_words(result.text, visible, joined_blocks=True)


@SETTINGS
@given(markup=st.text(max_size=3000))
def test_arbitrary_markup_never_raises(markup: str) -> None:
    assert_valid(clean(RawDocument(PROV, html="<html>" + markup)))
