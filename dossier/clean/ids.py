"""Stable identities for articles: normalised URLs and the ids derived from them.

The same page reached through a tracking link, with a fragment, or with a
trailing slash is still the same article, so the id hashes a canonical URL.
Without a URL the id hashes the clean text, so re-ingesting a file is a no-op.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

#: Query parameters that only track the click, never select the content.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga"}
)
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": "80", "https": "443"}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """Canonical form of ``url``: lowercase scheme/host, no default port, fragment,
    tracking parameters or trailing slash. Query order is kept (it can matter).
    A URL too malformed to take apart (bad IPv6 brackets, a port out of range) is
    its own canonical form, so a scraped record with one is still stored."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port if parts.netloc and ":" in parts.netloc.rsplit("@", 1)[-1] else None
    except ValueError:
        return url
    netloc = host
    if port is not None and DEFAULT_PORTS.get(scheme) != str(port):
        netloc = f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not _is_tracking(pair.split("=")[0])
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))


def sha256_hex(text: str) -> str:
    """Hex SHA-256 of the UTF-8 bytes of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(url: str | None, text: str) -> str:
    """``"a"`` + 16 hex chars, from the normalised URL when there is one, else the text."""
    basis = normalize_url(url) if url and url.strip() else text.strip()
    return "a" + sha256_hex(basis)[:16]
