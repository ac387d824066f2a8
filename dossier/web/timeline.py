"""Lay out a story's timeline as SVG geometry, server-side, for a template to draw.

The layout is plain numbers and strings; the template writes the ``<svg>`` with
autoescaping on, so event text from articles can never become markup. Events
run top to bottom; the gap between two rows grows with the days between them,
so bursts and lulls are visible at a glance.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date
from typing import Any

WIDTH = 520  # narrow on purpose: scaled to a phone's width the text stays readable
AXIS_X = 96
TOP = 24
LINE = 18
ROW_GAP = 30
MAX_GAP_DAYS = 30
PX_PER_DAY = 3
LINE_CHARS = 46
MAX_LINES = 3


@dataclass
class Point:
    cy: int
    date: str
    lines: list[tuple[int, str]]
    full: str
    outlets: int
    new_day: bool


@dataclass
class Layout:
    width: int = WIDTH
    height: int = 0
    axis_x: int = AXIS_X
    points: list[Point] = field(default_factory=list)


def _parse(value: str) -> date | None:
    """``2022-10-23``, ``2022-10`` or ``2022``; anything else has no position."""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
    except ValueError:
        return None
    while len(numbers) < 3:
        numbers.append(1)
    try:
        return date(*numbers)
    except ValueError:
        return None


def _lines(text: str) -> list[str]:
    """Wrap to at most MAX_LINES lines (SVG text does not wrap by itself)."""
    lines = textwrap.wrap(" ".join(text.split()), LINE_CHARS) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: LINE_CHARS - 1].rstrip() + "…"
    return lines


def layout(events: list[dict[str, Any]]) -> Layout:
    """Rows for ``events`` (dicts with ``date``, ``text``, ``outlets``), in date order."""
    result = Layout()
    y = TOP
    previous: date | None = None
    last_label = None
    for event in sorted(events, key=lambda e: str(e.get("date") or "")):
        when = _parse(str(event.get("date") or ""))
        if previous is not None and when is not None:
            y += min(max((when - previous).days, 0), MAX_GAP_DAYS) * PX_PER_DAY
        label = str(event.get("date") or "undated")
        wrapped = _lines(str(event.get("text") or ""))
        result.points.append(Point(
            cy=y, date=label, lines=[(y + 5 + i * LINE, line) for i, line in enumerate(wrapped)],
            full=str(event.get("text") or ""), outlets=len(event.get("outlets") or []),
            new_day=label != last_label,
        ))
        last_label = label
        previous = when or previous
        y += ROW_GAP + LINE * len(wrapped)
    result.height = y
    return result
