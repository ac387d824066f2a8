"""Boilerplate vocabulary for the plain-text cleaner, as named data.

Rules in ``dossier.clean.lines`` only combine these constants with line
features; keeping the words here lets a reader audit (and extend) what counts as
a call to action or a sign-up form without reading control flow. All patterns
are compiled case-insensitive unless their name says otherwise.
"""

from __future__ import annotations

import re


def alternation(*terms: str) -> str:
    """A non-capturing regex group ``(?:a|b|c)``; refuses an empty group.

    An empty alternation would match the empty string everywhere and silently
    turn a rule into "drop every line", so it is an error, not a no-op.
    """
    cleaned = [t for t in terms if t]
    if not cleaned:
        raise ValueError("alternation() needs at least one non-empty term")
    return "(?:" + "|".join(cleaned) + ")"


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# ------------------------------------------------------------------ headers

#: ``date 2022-10-23`` header written by scrapers, possibly after junk on the line.
DATE_HEADER = _rx(r"(?:^|(?<=\s))date:?\s+(\d{4}-\d{2}-\d{2})\b")
#: Other ``key: value`` headers some scrapers put at the top of a text file.
FIELD_HEADER = _rx(r"^\s*(title|url|source|outlet|author|published|byline)\s*:\s*(\S.*)$")
#: ``By Jane Doe`` (optionally ``, Reuters`` or `` | Outlet``) standing alone.
BYLINE = re.compile(
    r"^\s*(?:[Bb]y|BY)\s+((?:[A-Z][\w'.-]+\.?\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w'.-]+\s*){1,4})?)"
    r"(?:[,|\u2013\u2014-].{0,60})?$"
)

# ------------------------------------------------------------------ sign-up runs

NEWSLETTER_CUES = _rx(
    alternation(
        r"\bsign(?:ing)?[ -]?up\b",
        r"\bnewsletters?\b",
        r"\bsubscri(?:be|bed|ption)\b",
        r"\bunsubscribe\b",
        r"\bemail address\b",
        r"\byour inbox\b",
        r"\bprivacy (?:notice|policy|statement)\b",
        r"\bterms (?:of (?:use|service)|and conditions)\b",
        r"\bdaily briefing\b",
        r"\bemailed about\b",
        r"\bthanks? (?:you )?for (?:signing|subscribing)\b",
        r"\bregister (?:now|for free|here)\b",
        r"\blog ?in\b|\bsign ?in\b",
    )
)
#: A sign-up widget flattened onto one line: from "Sign up" to "Thanks for signing
#: up to the [Name] email". What follows it on the same line may be body.
SIGNUP_RUN = _rx(
    r"^\s*(?:sign up|subscribe|get (?:our|the)\b).*?thanks? (?:you )?for (?:signing up|subscribing)"
    r"(?:\s+to\s+the(?:\s+(?:[A-Z][\w'-]*\s+){0,4}(?:email|newsletter)\b\.?)?)?",
)

# ------------------------------------------------------------------ calls to action

CALL_TO_ACTION = _rx(
    alternation(
        r"^\s*join us\b",
        r"^\s*(?:click|tap) (?:here|to)\b",
        r"\bpress ctrl ?\+ ?enter\b",
        r"\bhighlight the text\b",
        r"^\s*(?:read|see|view|show|load) (?:more|less|all|full|the full)\b",
        r"^\s*continue reading\b",
        r"^\s*(?:share|tweet|email|print|save)(?: this)?(?: (?:article|story|page|on \w+))?\s*$",
        r"^\s*(?:download|get) (?:the|our) (?:\w+ )?app\b",
        r"^\s*(?:listen|watch) (?:to )?(?:this|the|our|now|live)\b.{0,40}$",
        r"^\s*(?:advertisement|advertising|sponsored(?: content)?|ad)\s*$",
        r"^\s*skip to (?:main )?content\b",
        r"\bsupport (?:our|independent) journalism\b",
        r"\b(?:leave|post|add) a comment\b",
        r"^\s*comments?(?: \(\d+\))?\s*$",
        r"\bbecome a (?:member|subscriber|supporter)\b",
        r"\bclick (?:the )?(?:bell|link|button)\b",
        r"\bshare (?:this|the) (?:article|story)\b",
        r"\bif you (?:found|find|notice|spot) an? (?:error|mistake|typo)\b",
        r"\bwas this (?:article|story) helpful\b",
    )
)

#: Headers of the link lists that follow an article ("Related Links", "More from X").
RELATED_SECTION = _rx(
    r"^\s*(?:"
    + alternation(
        r"related(?: (?:links|stories|articles|content|coverage|posts|topics|reading|videos?|"
        r"news|items))?",
        r"recommended(?: for you| stories| articles| reading)?",
        r"more(?: (?:news|stories|articles|videos?|coverage|reading|headlines))?"
        r"(?: (?:from|on|in|about) [\w&' .-]{1,40})?",
        r"most (?:read|popular|viewed|shared|commented|emailed)(?: \w+)?",
        r"(?:trending|top|latest|popular)(?: now| stories| news| articles| headlines)?",
        r"(?:also|further) read(?:ing)?", r"read (?:more|next|also)", r"see also",
        r"you (?:may|might) (?:also )?(?:like|be interested in|have missed)",
        r"don'?t miss", r"(?:editor'?s|our) picks?", r"what to read next",
        r"other (?:stories|articles|news)",
    )
    + r")\s*[:.!]?\s*$"
)

# ------------------------------------------------------------------ social media

PLATFORMS = alternation(
    "twitter", "facebook", "instagram", "telegram", "tiktok", "youtube", "linkedin",
    "whatsapp", "threads", "bluesky", "mastodon", r"x\.com", "snapchat", "reddit",
)
#: ``@handle`` (not an e-mail address).
SOCIAL_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z][A-Za-z0-9_.]{2,30}[A-Za-z0-9_])")
#: Imperative "follow/join/like us on ..." lines.
SOCIAL_INVITE = _rx(
    r"^\s*(?:follow|join|like|subscribe to|find|connect with|watch)\b.{0,80}?"
    r"(?:\bon\b|\bvia\b|@).{0,40}?" + r"(?:" + PLATFORMS + r"|@\w)"
)
#: "Outlet is on Telegram: t.me/outlet" and bare links to a social profile.
SOCIAL_PRESENCE = _rx(
    r"\b(?:is|are|we're|we are)\s+(?:now\s+)?on\s+(?:" + PLATFORMS + r")\b"
    r"|(?:^|\s)(?:t\.me|twitter\.com|x\.com|facebook\.com|instagram\.com|youtube\.com)/\w"
)
#: A line that is nothing but platform names (share bars).
SHARE_BAR = _rx(r"^\s*(?:" + PLATFORMS + r"|share|email|print|copy link|[|,/·•\s])+\s*$")

# ------------------------------------------------------------------ cookies, legal

COOKIE = _rx(
    alternation(
        r"\bwe use cookies\b",
        r"\buses? cookies\b",
        r"\bcookie (?:policy|settings|preferences|consent)\b",
        r"\baccept (?:all )?cookies\b",
        r"\bmanage (?:your )?(?:cookie|privacy) (?:settings|preferences|choices)\b",
        r"\byour privacy choices\b",
    )
)
COPYRIGHT = _rx(r"(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?")
ALL_RIGHTS = _rx(r"\ball rights reserved\b")

# ------------------------------------------------------------------ captions, credits

PHOTO_AGENCIES = alternation(
    r"getty images?", "afp", "reuters", r"ap(?: photo)?", "epa(?:-efe)?", "shutterstock",
    r"pa(?: wire| media)?", "alamy", "bloomberg", "anadolu", "sipa", r"rex(?: features)?",
    "xinhua", "tass", "ria novosti", "efe", "dpa", "imago", "corbis", "istock(?:photo)?",
    "nurphoto", "sopa images", "zuma(?: press)?", "press association", "handout",
    "courtesy(?: of)? [\\w .'-]+", "file photo", "screengrab", "screenshot",
)
#: ``... (Dimitar Dilkoff/AFP via Getty Images)`` closing a line.
CAPTION_TRAILING_CREDIT = _rx(
    r"[(\[][^()\[\]]{0,80}?(?:/|\bvia\s|\bfor\s|\bphoto:?\s)?[^()\[\]]{0,40}?\b"
    + PHOTO_AGENCIES
    + r"\b[^()\[\]]{0,30}[)\]]\s*\.?\s*$"
)
#: ``Photo: ...``, ``Image credit: ...`` and friends.
CAPTION_LABEL = _rx(
    r"^\s*(?:photo(?:graph)?|image|picture|pic|credit|illustration|video|caption)s?"
    r"(?: credit)?\s*[:|\u2013\u2014-]"
)
CAPTION_VIA = _rx(r"\b(?:via getty images|photo by \w|photograph: |/ ?(?:getty|afp|reuters)\b)")
#: Reporting credits that close wire stories.
CREDIT = _rx(
    r"^\s*[(\[]?\s*(?:additional |further )?(?:reporting|writing|editing|research|"
    r"compiled|contributing|graphics|translation|fact[- ]checking)\s+(?:was\s+)?by\b"
)
CREDIT_ORIGIN = _rx(
    r"^\s*(?:this (?:article|story|report|piece) (?:was |is |has been )?(?:originally |first )?"
    r"(?:published|appeared|produced|republished)|(?:with )?(?:reporting|additional reporting) "
    r"from\b)"
)

# ------------------------------------------------------------------ function words

#: Frequent English function words: prose has many, menus and headlines few.
_STOPWORD_TEXT = """a about after again against all also am an and any are as at be because
    been before
    being between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself
    just me more most my no nor not now of off on once only or other our ours out over own
    said same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while
    who whom why will with would you your"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())  # noqa: SIM905 (readable as prose)
#: Words that stay lowercase inside a Title Case headline.
TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to up via vs with".split()  # noqa: SIM905
)
#: Sentence-final punctuation, allowing closing quotes and brackets after it.
SENTENCE_END = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019)\]]*\s*$")

# ------------------------------------------------------------------ page structure

#: Lines that open a comment section; nothing after them is the article.
COMMENTS_START = _rx(
    alternation(
        r"^\s*[\[(]?\s*\d+\s+(?:comments?|responses?|replies|reactions)(?:\s+(?:to|on)\b.{0,200})?"
        r"\s*[\])]?\s*:?\s*$",
        r"^\s*(?:top|most|best)(?: rated| recent| popular| liked)? comments\s*$",
        r"^\s*(?:comments?|responses?|replies)\s*(?:\(\d+\)|:)\s*$",
        r"^\s*(?:responses?|replies|comments?) to \S.{0,200}$",
        r"^\s*(?:leave|post|add|write|submit) (?:a |your )?(?:reply|comment|response)\b",
        r"^\s*join the (?:conversation|discussion|debate)\b",
        r"^\s*(?:show|view|load|see|read|hide) (?:all )?(?:\d+ )?comments?\b",
        r"^\s*(?:you must|please) (?:be )?log(?:ged)? ?in to (?:post|leave) a comment",
        r"^\s*comments? (?:are|have been) closed\b",
        r"\b\d+ comments?\b.{0,40}\bback to top\b",
        r"^\s*discussion\s*\(\d+\)\s*$",
    )
)
#: ``name says:`` headers of comments.
COMMENT_AUTHOR = _rx(r"^\s*\S+(?: \S+){0,3} (?:says|said|wrote|replied):\s*$")
