"""Pronoun-link accuracy: right, wrong and undecided links on a hand-made GUM document."""

from __future__ import annotations

import pytest

from dossier.eval.pronoun_links import pronoun_links
from tests.test_eval_entities import _doc, _extraction


@pytest.mark.parametrize(("groups", "want"), [
    ([("PERSON", ["Ben Wallace", "He"]), ("GPE", ["Paris"])], {"he/him/his": (1, 1)}),
    ([("PERSON", ["Ben Wallace"]), ("GPE", ["Paris", "He"])], {"he/him/his": (0, 1)}),
    ([("PERSON", ["Ben Wallace"]), ("PERSON", ["He"])], {}),  # nothing to judge it by
])
def test_pronoun_links(groups, want) -> None:
    assert pronoun_links([_doc()], [_extraction("d1", groups)]) == want
