"""One outlet per publisher: the key every count uses, and the name people read.

The dossier counts how many independent outlets report each fact, and the line
memory keeps boilerplate statistics per outlet, so the same publisher must get
the same key however an article reached us: ``bbc.co.uk``, ``www.bbc.co.uk``,
``m.bbc.co.uk``, ``news.bbc.co.uk`` and a Wayback Machine copy of a BBC page
are all ``BBC News``. The outlet comes from the article's metadata, else from
its URL's *registered domain* (the public-suffix snapshot bundled with ``tld``,
read offline: ``co.uk`` and ``com.au`` are suffixes, ``bbc.co.uk`` is the
domain), named from ``outlet_names`` when the outlet is well known. An archive
URL names the archived site, never the archive.

``article_outlet`` is the one function later stages call; nothing else should
take a URL apart to find an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tld import get_fld

from dossier.clean.outlet_names import known_outlet, known_outlet_of_host
from dossier.model import Article

#: ``web.archive.org/web/<timestamp>[flags]/<original url>``
_WAYBACK = re.compile(r"^/web/\d{1,14}[a-z_]*/(?P<url>.+)$", re.I)
#: ``archive.ph/<timestamp or "newest">/<original url>`` (and its sister hosts).
_ARCHIVE_TODAY = re.compile(r"^/(?:\d[\d.\-]*|newest|oldest)/(?P<url>.+)$", re.I)
ARCHIVE_HOSTS = frozenset({
    "archive.ph", "archive.today", "archive.is", "archive.li", "archive.md",
    "archive.vn", "archive.fo",
})
WAYBACK_HOSTS = frozenset({"web.archive.org", "wayback.archive.org"})
#: Registered domains that host many unrelated sites (one outlet per site), which
#: the bundled public-suffix snapshot does not list (Blogger's country domains
#: left it in 2023; ESPN and ABC share ``go.com``).
PLATFORM_DOMAINS = frozenset({
    "go.com", "wordpress.com", "tumblr.com", "substack.com", "typepad.com",
    "livejournal.com", "blogspot.com",
})
#: Host prefixes that are the same site for another device or a CDN copy.
_DEVICE_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
#: A host name or address, nothing else (``not a url`` parses, but names no host).
_HOST_CHARS = re.compile(r"^[a-z0-9._:-]+$")
#: What a metadata outlet that is really a host name looks like (``www.bbc.co.uk``).
_HOST_LIKE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.I)


@dataclass(frozen=True)
class Outlet:
    """``key`` is what counts compare (casefolded); ``name`` is what pages show."""

    key: str
    name: str


def url_host(url: str | None) -> str | None:
    """The lowercase host of an http(s)-like URL, or None when it has none or
    is too malformed to take apart (``http://[::1``)."""
    if not url or not isinstance(url, str):
        return None
    text = url.strip()
    if "://" not in text and not text.startswith("//"):
        text = "//" + text  # a bare ``bbc.co.uk/news`` as archives often store it
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    host = (host or "").lower().strip(".")
    return host if host and _HOST_CHARS.match(host) else None


def is_valid_url(url: str) -> bool:
    """True when later stages can take ``url`` apart (scheme, a host, a sane port)."""
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # raises on a port out of range or not a number
    except ValueError:
        return False
    return bool(parts.scheme and parts.hostname)


def unarchived_url(url: str) -> str:
    """The original URL an archive copy points at (``url`` itself if not an archive)."""
    for _ in range(3):  # an archived archive page is rare; stop anyway
        host = url_host(url)
        if host is None:
            return url
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return url
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        pattern = _WAYBACK if host in WAYBACK_HOSTS else (
            _ARCHIVE_TODAY if host in ARCHIVE_HOSTS else None)
        match = pattern.match(path) if pattern else None
        if not match:
            return url
        url = match.group("url")
    return url


def registered_domain(host: str) -> str:
    """``news.bbc.co.uk`` -> ``bbc.co.uk``; a host with no public suffix (an IP,
    ``localhost``) is its own domain, less any device prefix. On a hosting
    platform each site is its own outlet: ``sports.espn.go.com`` -> ``espn.go.com``."""
    host = _DEVICE_PREFIX.sub("", host.lower().strip("."))
    domain = get_fld(host, fix_protocol=True, fail_silently=True)
    domain = str(domain) if domain else host
    if domain in PLATFORM_DOMAINS or domain.startswith("blogspot."):
        labels = host.split(".")
        below = len(domain.split(".")) + 1
        if len(labels) >= below:
            return ".".join(labels[-below:])
    return domain


def _outlet(name: str) -> Outlet:
    name = " ".join(name.split())
    return Outlet(key=name.casefold(), name=name)


def outlet_from_host(url: str | None) -> Outlet | None:
    """The outlet a URL names: the archived site for an archive URL, a well-known
    outlet's proper name, else the registered domain; None without a usable host."""
    if not url:
        return None
    original = unarchived_url(url)
    host = url_host(original)
    if host is None:
        return None
    if host in WAYBACK_HOSTS or host in ARCHIVE_HOSTS:
        return None  # an archive page whose original we cannot see names no outlet
    host = _DEVICE_PREFIX.sub("", host)
    known = known_outlet_of_host(host)
    return _outlet(known or registered_domain(host))


def outlet_identity(outlet: str | None, url: str | None) -> Outlet | None:
    """The outlet of a record: its metadata's outlet, else its URL's (see module doc).

    A metadata outlet that is a host name (``www.bbc.co.uk``) is read as one, so
    it agrees with the URL of the same site; a known handle or domain gets its name.
    """
    name = outlet.strip() if isinstance(outlet, str) else ""
    if name:
        if _HOST_LIKE.match(name):
            return outlet_from_host(name) or _outlet(name)
        return _outlet(known_outlet(name) or name)
    return outlet_from_host(url)


def article_outlet(article: Article) -> Outlet:
    """The article's outlet; with neither outlet nor URL, the article is its own."""
    return outlet_identity(article.outlet, article.url) or Outlet(article.id, article.id)
