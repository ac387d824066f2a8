from dossier.link import resolve_entities, resolve_entity_map
from dossier.model import Entity, Extraction, Span


def ent(
    key: str, name: str, type_: str = "PERSON", roles=(), affiliations=(), mentions=()
) -> Entity:
    spans = [Span(0, len(m), m) for m in mentions] or [Span(0, len(name), name)]
    return Entity(key, name, type_, spans, list(roles), list(affiliations))


def extractions() -> list[Extraction]:
    return [
        Extraction(
            "a1",
            "t",
            [
                ent(
                    "e1",
                    "Ben Wallace",
                    roles=["UK defence secretary"],
                    mentions=["Ben Wallace", "Mr Wallace"],
                ),
                ent("e2", "Sergei Shoigu", roles=["Russian defence minister"]),
            ],
        ),
        Extraction(
            "a2",
            "t",
            [
                ent("e1", "Wallace", mentions=["Mr Wallace"]),
                ent("e2", "Shoigu"),
            ],
        ),
        Extraction("a3", "t", [ent("e5", "the UK defence secretary")]),
        Extraction(
            "a4",
            "t",
            [
                ent("e1", "Wallace", roles=["striker"], affiliations=["Rangers"]),
                ent("e2", "Rangers", "ORG"),
            ],
        ),
    ]


def test_one_canonical_entity_behind_name_surname_and_role():
    entities, mapping = resolve_entity_map(extractions())
    wallace = mapping[("a1", "e1")]
    assert mapping[("a2", "e1")] == wallace
    assert mapping[("a3", "e5")] == wallace
    canon = next(e for e in entities if e.id == wallace)
    assert canon.name == "Ben Wallace"
    assert {"Mr Wallace", "the UK defence secretary"} <= set(canon.aliases)
    assert "UK defence secretary" in canon.roles
    assert canon.article_ids == ["a1", "a2", "a3"]


def test_a_different_wallace_is_kept_apart_by_role():
    _, mapping = resolve_entity_map(extractions())
    assert mapping[("a4", "e1")] != mapping[("a1", "e1")]


def test_surname_resolves_to_the_full_name():
    _, mapping = resolve_entity_map(extractions())
    assert mapping[("a2", "e2")] == mapping[("a1", "e2")]


def test_resolve_entities_returns_canonical_entities_with_stable_ids():
    first = resolve_entities(extractions())
    again = resolve_entities(extractions())
    assert [e.id for e in first] == [e.id for e in again]
    assert {e.type for e in first} == {"PERSON", "ORG"}
