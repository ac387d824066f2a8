"""Proper names of well-known outlets, by the social handles and domains they use.

Splitting a handle into words works for ``Kyivpost_official`` but not for
``nytimes`` or ``AJEnglish``, and a bare host name (``nytimes.com``) is a poor
outlet name. The same outlet reached through a handle, a page's host and
trafilatura's site name should count once, so all three map to one name here.
Keys are lowercase handles without ``@`` and registered domains without ``www.``.
"""

from __future__ import annotations

#: Outlet name -> the handles and domains it publishes under.
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "The New York Times": ("nytimes", "nytimes.com"),
    "The Washington Post": ("washingtonpost", "washingtonpost.com"),
    "The Wall Street Journal": ("wsj", "wsj.com"),
    "Los Angeles Times": ("latimes", "latimes.com"),
    "USA Today": ("usatoday", "usatoday.com"),
    "New York Post": ("nypost", "nypost.com"),
    "The Boston Globe": ("bostonglobe", "bostonglobe.com"),
    "Chicago Tribune": ("chicagotribune", "chicagotribune.com"),
    "Associated Press": ("ap", "apnews", "apnews.com"),
    "Reuters": ("reuters", "reuters.com"),
    "Agence France-Presse": ("afp", "afpnews", "afp.com"),
    "Bloomberg": ("bloomberg", "bloomberg.com"),
    "Financial Times": ("ft", "financialtimes", "ft.com"),
    "The Economist": ("theeconomist", "economist.com"),
    "BBC News": ("bbcnews", "bbcbreaking", "bbc.co.uk", "bbc.com"),
    "CNN": ("cnn", "cnnbrk", "cnn.com"),
    "NPR": ("npr", "nprnews", "npr.org"),
    "NBC News": ("nbcnews", "nbcnews.com"),
    "CBS News": ("cbsnews", "cbsnews.com"),
    "ABC News": ("abc", "abcnews", "abcnews.go.com"),
    "Fox News": ("foxnews", "foxnews.com"),
    "CNBC": ("cnbc", "cnbc.com"),
    "Politico": ("politico", "politico.com", "politico.eu"),
    "Axios": ("axios", "axios.com"),
    "The Hill": ("thehill", "thehill.com"),
    "The Atlantic": ("theatlantic", "theatlantic.com"),
    "The New Yorker": ("newyorker", "newyorker.com"),
    "HuffPost": ("huffpost", "huffpost.com"),
    "Business Insider": ("businessinsider", "businessinsider.com"),
    "Newsweek": ("newsweek", "newsweek.com"),
    "Time": ("time", "time.com"),
    "The Guardian": ("guardian", "guardiannews", "theguardian.com"),
    "The Independent": ("independent", "theindependent", "independent.co.uk"),
    "The Telegraph": ("telegraph", "telegraph.co.uk"),
    "The Times": ("thetimes", "thetimes.co.uk"),
    "Sky News": ("skynews", "news.sky.com"),
    "Al Jazeera": ("ajenglish", "aljazeera", "aljazeera.com"),
    "Deutsche Welle": ("dwnews", "dw.com"),
    "France 24": ("france24", "france24_en", "france24.com"),
    "Euronews": ("euronews", "euronews.com"),
    "Kyiv Post": ("kyivpost", "kyivpost.com"),
    "Kyiv Independent": ("kyivindependent", "kyivindependent.com"),
    "Ukrainska Pravda": ("ukrpravda_news", "pravda.com.ua"),
}

_BY_KEY: dict[str, str] = {key: name for name, keys in KNOWN_OUTLETS.items() for key in keys}


def known_outlet(key: str) -> str | None:
    """The proper name of a handle (``@nytimes``) or domain (``nytimes.com``), if known."""
    return _BY_KEY.get(key.strip().lstrip("@").lower())


def known_outlet_of_host(host: str) -> str | None:
    """``edition.cnn.com`` -> ``CNN``: the host, then each parent domain, looked up."""
    labels = host.lower().strip(".").split(".")
    for start in range(len(labels) - 1):
        name = _BY_KEY.get(".".join(labels[start:]))
        if name:
            return name
    return None
