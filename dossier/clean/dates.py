"""Publication dates to ISO ``YYYY-MM-DD``, whatever form a container gave them."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def normalize_date(value: object) -> str | None:
    """ISO date for a date/datetime, ISO-like string, RFC 2822 string or free text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    match = ISO_PREFIX.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # lazy: slow to import, rarely needed

    parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["year", "month", "day"]})
    return parsed.strftime("%Y-%m-%d") if parsed else None
