"""JSON Lines, one article object per line (also one JSON object, or an array of them).

Known fields (``url``, ``title``, ``date``, ``outlet``, ``author``) and every
unknown one go to ``meta``; ``text`` or ``html`` is the body. Each bad line is its
own :class:`Rejected` naming the line, and the good lines of the file still
come through: one broken record must not cost the whole batch. A known field
of the wrong type is written out when it is a number and refused by name
otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dossier.model import RawDocument
from dossier.sources.base import InputFile, Item, SourceConfig, provenance, reject
from dossier.sources.decode import clean_value, decode_bytes

BODY_FIELDS = ("text", "html")
#: Fields later stages read as strings; numbers are written out, other types refused.
STRING_FIELDS = ("url", "title", "date", "published", "outlet", "author", "id")


def _string_fields(obj: dict[str, Any]) -> dict[str, Any] | str:
    """``obj`` with its known string fields as strings, or why one cannot be.

    A number (``"title": 123``) is written out as text; a list, object or
    boolean has no faithful string form, so the record is refused by field name
    rather than stored as a Python repr or left to fail in a later stage.
    """
    fixed = dict(obj)
    for key in STRING_FIELDS:
        value = obj.get(key)
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            fixed[key] = str(value)
            continue
        kind = "boolean" if isinstance(value, bool) else type(value).__name__
        return f"field {key!r} must be a string, got {kind}"
    return fixed


def _parse_line(raw: bytes) -> Any:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = decode_bytes(raw).text
    return json.loads(line)


def record_to_document(inp: InputFile, obj: Any, record: str, config: SourceConfig) -> Item:
    """One JSON value to a document, or the reason it cannot be one."""
    if not isinstance(obj, dict):
        return reject(inp, f"expected a JSON object, got {type(obj).__name__}", record)
    try:
        obj = clean_value(obj, max_depth=config.max_depth)
    except ValueError as exc:
        return reject(inp, str(exc), record)
    fixed = _string_fields(obj)
    if isinstance(fixed, str):
        return reject(inp, fixed, record)
    obj = fixed
    bodies = {k: obj.get(k) for k in BODY_FIELDS}
    for key, value in bodies.items():
        if value is not None and not isinstance(value, str):
            return reject(
                inp, f"field {key!r} must be a string, got {type(value).__name__}", record
            )
    if not any(isinstance(v, str) and v.strip() for v in bodies.values()):
        return reject(inp, "no non-empty 'text' or 'html' field", record)
    meta = {k: v for k, v in obj.items() if k not in BODY_FIELDS}
    return RawDocument(
        provenance=provenance(inp, "jsonl", record),
        text=bodies["text"] or None,
        html=bodies["html"] or None,
        meta=meta,
    )


def _read_array(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    try:
        items = json.loads(decode_bytes(inp.data).text)
    except (ValueError, RecursionError) as exc:
        yield reject(inp, f"malformed JSON array: {exc}")
        return
    if not isinstance(items, list):
        yield record_to_document(inp, items, "item 1", config)
        return
    for number, obj in enumerate(items, 1):
        yield record_to_document(inp, obj, f"item {number}", config)


def _single_json_document(data: bytes) -> bool:
    """A pretty-printed JSON object spread over lines (first line alone is not JSON)."""
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        json.loads(first)
        return False
    except (ValueError, RecursionError):
        pass
    try:
        json.loads(decode_bytes(data).text)
    except (ValueError, RecursionError):
        return False
    return True


def read_jsonl(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    """A document per good line, a Rejected per bad one."""
    if inp.data.lstrip()[:1] == b"[" or _single_json_document(inp.data):
        yield from _read_array(inp, config)
        return
    for number, raw in enumerate(inp.data.split(b"\n"), 1):
        record = f"line {number}"
        if not raw.strip():
            continue
        if len(raw) > config.max_line_bytes:
            yield reject(
                inp,
                f"line is {len(raw)} bytes, over the {config.max_line_bytes}-byte limit",
                record,
            )
            continue
        try:
            obj = _parse_line(raw)
        except json.JSONDecodeError as exc:
            yield reject(inp, f"malformed JSON: {exc.msg} at column {exc.colno}", record)
            continue
        except (ValueError, RecursionError) as exc:
            yield reject(inp, f"malformed JSON: {type(exc).__name__}: {exc}", record)
            continue
        yield record_to_document(inp, obj, record, config)
