"""One router per noun; ``ROUTERS`` is the list ``create_app`` mounts under ``/api``."""

from __future__ import annotations

from dossier.api.routers.articles import router as articles
from dossier.api.routers.entities import router as entities
from dossier.api.routers.exports import router as exports
from dossier.api.routers.ingest import router as ingest
from dossier.api.routers.search import router as search
from dossier.api.routers.stories import router as stories

ROUTERS = [articles, stories, entities, search, exports, ingest]
