"""Bytes to text that is always valid UTF-8 and free of NUL characters.

Strategy, cheapest first: a byte-order mark wins; then strict UTF-8 (almost all
news is UTF-8); then a charset the container declared (HTTP header, ``<meta>``,
XML declaration); then, when the bytes are mostly valid UTF-8 with a few stray
legacy bytes (mixed encodings, a common scraper artefact), UTF-8 with each bad
byte read as Windows-1252; otherwise charset-normalizer's guess, and Windows-1252
as the last resort because it maps every byte. Any path ends in :func:`clean_str`.

Among single-byte guesses Windows-1252 wins whenever it reads the bytes at least
as coherently as the guess, as browsers do for Latin text: curly quotes, dashes,
£ and € are too few for the detector to tell cp1252 from cp775 or cp1250, and
picking the wrong one garbles every one of them (``ìwe will rebuildî``).
"""

from __future__ import annotations

import codecs
import importlib
import re
from dataclasses import dataclass
from typing import Any

from charset_normalizer import from_bytes
from charset_normalizer.cd import coherence_ratio
from charset_normalizer.md import mess_ratio

BOM_CODECS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_SNIFF_BYTES = 256 * 1024
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the codec that produced it (``utf-8+cp1252`` for mixed)."""

    text: str
    encoding: str


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("dossier-cp1252", _cp1252_fallback)


def clean_str(text: str) -> str:
    """Drop NUL characters and replace lone surrogates so the text encodes as UTF-8."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATES.sub("\ufffd", text)
    return text


def clean_value(value: Any, depth: int = 0, max_depth: int = 64) -> Any:
    """:func:`clean_str` applied through dicts and lists (JSON values kept in meta).

    Raises ValueError past ``max_depth`` so a pathological nesting rejects its
    record instead of exhausting the stack.
    """
    if depth > max_depth:
        raise ValueError(f"value nested deeper than {max_depth} levels")
    if isinstance(value, str):
        return clean_str(value)
    if isinstance(value, dict):
        return {clean_str(str(k)): clean_value(v, depth + 1, max_depth) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v, depth + 1, max_depth) for v in value]
    return value


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError):
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page or XML document declares about itself in its first 4 KB."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _codec(match.group(1).decode("ascii")) if match else None


def utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM: NUL in nearly every other byte of the sample."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _guess(data: bytes) -> str:
    sample = data[:_SNIFF_BYTES]
    utf16 = utf16_without_bom(sample)
    if utf16:
        return utf16
    best = from_bytes(sample).best()
    guess = _codec(best.encoding if best else None) or "cp1252"
    if guess != "cp1252" and _single_byte(guess) and _cp1252_reads_as_well(sample, guess):
        return "cp1252"
    return guess


_JUDGE_CHARS = 64 * 1024
_MESS_MARGIN = 0.1


def _single_byte(codec: str) -> bool:
    """A charmap codec (one byte, one character), the family cp1252 competes in."""
    if codec == "latin-1":
        return True
    try:
        module = importlib.import_module(f"encodings.{codec.replace('-', '_')}")
    except ImportError:
        return False
    return hasattr(module, "decoding_table")


def _coherence(text: str) -> float:
    ranked = coherence_ratio(text)
    return ranked[0][1] if ranked else 0.0


def _cp1252_reads_as_well(sample: bytes, guess: str) -> bool:
    """cp1252 maps every byte, is no messier than ``guess`` and no less like a language.

    Real Czech or Polish in cp1250 read as cp1252 come out either messier
    (``Za¿ó³æ``) or less like their language (``øekl``), so they keep cp1250.
    """
    try:
        western = sample.decode("cp1252")[:_JUDGE_CHARS]
    except UnicodeDecodeError:
        return False
    other = sample.decode(guess, errors="replace")[:_JUDGE_CHARS]
    if mess_ratio(western, 1.0) > mess_ratio(other, 1.0) + _MESS_MARGIN:
        return False
    return _coherence(western) >= _coherence(other)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` following the module's strategy; never raises on any input."""
    for bom, name in BOM_CODECS:
        if data.startswith(bom):
            return Decoded(clean_str(data[len(bom) :].decode(name, errors="replace")), name)
    try:
        return Decoded(clean_str(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = _codec(declared)
    if codec and codec != "utf-8":
        try:
            return Decoded(clean_str(data.decode(codec)), codec)
        except (UnicodeDecodeError, LookupError):
            pass
    if _UTF8_MULTIBYTE.search(data[:_SNIFF_BYTES]) and _mostly_utf8(data[:_SNIFF_BYTES]):
        return Decoded(clean_str(data.decode("utf-8", errors="dossier-cp1252")), "utf-8+cp1252")
    codec = _guess(data)
    try:
        return Decoded(clean_str(data.decode(codec, errors="replace")), codec)
    except LookupError:
        return Decoded(clean_str(data.decode("cp1252", errors="replace")), "cp1252")


def _mostly_utf8(sample: bytes) -> bool:
    """Enough valid multi-byte UTF-8 sequences that the stray bytes look pasted in.

    Legacy Cyrillic or Greek text forms an accidental valid pair now and then,
    but its stray bytes outnumber those pairs many times over.
    """
    matches = _UTF8_MULTIBYTE.findall(sample)
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    stray = high - sum(len(m) for m in matches)
    return len(matches) * 4 >= stray
