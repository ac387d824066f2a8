"""dossier.link: near-duplicates, streaming story clustering, cross-document entities.

Other stages call ``Linker`` (streaming, persistable), ``link_all`` (batch,
deterministic), ``similarity`` (story similarity of two articles) and
``resolve_entities`` (one canonical entity behind many articles' mentions).
"""

from dossier.link.config import LinkConfig
from dossier.link.entities import EntityResolver, resolve_entities, resolve_entity_map
from dossier.link.similarity import similarity
from dossier.link.stories import Linker, link_all, publication_order, story_id_for

__all__ = [
    "EntityResolver",
    "LinkConfig",
    "Linker",
    "link_all",
    "publication_order",
    "resolve_entities",
    "resolve_entity_map",
    "similarity",
    "story_id_for",
]
