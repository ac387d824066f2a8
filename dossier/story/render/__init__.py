"""Renderers of a Dossier, in a registry keyed by format name."""

from __future__ import annotations

from collections.abc import Callable

from dossier.errors import DossierError
from dossier.model import Dossier
from dossier.story.render.csv import render_csv
from dossier.story.render.json import render_json
from dossier.story.render.markdown import render_markdown
from dossier.story.render.text import render_text

Renderer = Callable[[Dossier], str]

#: Format name -> renderer. Add a format by adding a line here.
FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
}


def render(dossier: Dossier, fmt: str = "text") -> str:
    """The dossier as ``fmt`` (one of ``FORMATS``)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        known = sorted(FORMATS)
        raise DossierError(f"unknown dossier format {fmt!r}; choose from {known}") from None
    return renderer(dossier)
