"""dossier.story: build a story's dossier (facts, corroboration, claims, conflicts, timeline).

``build_dossier`` is pure: articles and extractions in, a picklable ``Dossier``
out. ``render(dossier, fmt)`` turns it into text, Markdown, JSON or CSV.
"""

from dossier.story.build import DOSSIER_SCHEMA_VERSION, build_dossier
from dossier.story.render import FORMATS, render

__all__ = ["DOSSIER_SCHEMA_VERSION", "FORMATS", "build_dossier", "render"]
