"""dossier eval entities: coreference metrics, the GUM reader, alignment and linking scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli.eval_entities import eval_entities
from dossier.eval.coref import Counts, b3, ceafe, conll_f1, muc, score_documents
from dossier.eval.entities import _cross_pairs, align, score_coref, score_linking, tokens_of
from dossier.eval.gum import GoldMention, GumDoc, Token, read_gum
from dossier.model import Entity, Extraction, Span

GUM = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "treebanks" / "gum"


def _pr(c: Counts) -> tuple[float, float]:
    return c.precision, c.recall


# ---------------------------------------------------------------- metrics, textbook examples

def test_muc_vilain_example():
    # Vilain et al. 1995: key {A B C D}, response {A B} {C D}.
    # recall = (|K| - partitions) / (|K| - 1) = (4 - 2) / 3 = 2/3;
    # precision: each response entity lies in one key entity: (1 + 1) / (1 + 1) = 1.
    assert _pr(muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])) == \
        pytest.approx((1.0, 2 / 3))


KEY_BB = [{"1", "2", "3", "4", "5"}, {"6", "7"}, {"8", "9", "A", "B", "C"}]
MERGED_BB = [{"1", "2", "3", "4", "5"}, {"6", "7", "8", "9", "A", "B", "C"}]


def test_b3_bagga_baldwin_example():
    # Bagga & Baldwin 1998: the response merges {6 7} into {8 9 A B C}.
    # precision = (5 x 5/5 + 2 x 2/7 + 5 x 5/7) / 12 = (5 + 4/7 + 25/7) / 12 = 64/84 = 0.762;
    # recall = 1 (no key entity is split).
    assert _pr(b3(KEY_BB, MERGED_BB)) == pytest.approx((64 / 84, 1.0))


def test_muc_cannot_see_what_b3_sees():
    # Same example under MUC: recall (4 + 1 + 4) / 9 = 1; precision: the merged entity has
    # 7 mentions in 2 key partitions: (4 + 5) / (4 + 6) = 0.9, B&B's point about MUC.
    assert _pr(muc(KEY_BB, MERGED_BB)) == pytest.approx((0.9, 1.0))


def test_ceafe_small_example():
    # key {a b c} {d e}, response {a b} {c d e}. phi4 = 2|K & R| / (|K| + |R|):
    # K1-R1 4/5, K1-R2 2/6, K2-R1 0, K2-R2 4/5. Best alignment K1-R1 + K2-R2 = 1.6;
    # recall = 1.6 / 2 key entities = 0.8, precision = 1.6 / 2 response entities = 0.8.
    c = ceafe([{"a", "b", "c"}, {"d", "e"}], [{"a", "b"}, {"c", "d", "e"}])
    assert _pr(c) == pytest.approx((0.8, 0.8))


def test_twinless_mentions_cost_both_sides():
    # key {a b}, response {a c}: c is a false mention, b a missed one.
    # MUC: each side's entity splits in two -> 0/1 both ways.
    # B3 recall: a 1/2, b 0 -> 0.5 / 2 = 0.25; precision: a 1/2, c 0 -> 0.25.
    # CEAF-e: phi4 = 2 x 1 / 4 = 0.5 over one entity each side.
    key, response = [{"a", "b"}], [{"a", "c"}]
    assert _pr(muc(key, response)) == (0.0, 0.0)
    assert _pr(b3(key, response)) == pytest.approx((0.25, 0.25))
    assert _pr(ceafe(key, response)) == pytest.approx((0.5, 0.5))


def test_documents_are_summed_before_dividing():
    # doc 1 perfect (one 2-mention chain: 1 link), doc 2 splits a 4-mention chain in two:
    # MUC recall = (1 + 2) / (1 + 3) = 0.75, not the mean of 1 and 2/3.
    totals = score_documents([([{"a", "b"}], [{"a", "b"}]),
                              ([{"w", "x", "y", "z"}], [{"w", "x"}, {"y", "z"}])])
    assert totals["muc"].recall == pytest.approx(0.75)
    assert conll_f1(score_documents([([{"a", "b"}, {"c"}], [{"a", "b"}, {"c"}])])) == 1.0


def test_cross_document_pairs_ignore_same_document_pairs():
    # group x: d1, d1, d2 -> 3 pairs, 1 inside d1 -> 2 cross-document pairs.
    assert _cross_pairs([("d1", "x"), ("d1", "x"), ("d2", "x"), ("d2", "y")]) == 2


# ---------------------------------------------------------------- alignment on a synthetic doc

#        0   1       2       3     4  5  6    7
WORDS = ["Ben", "Wallace", "visited", "Paris", ".", "He", "left", "."]
HEADS = [1, 2, -1, 2, 2, 6, -1, 6]
TEXT = "Ben Wallace visited Paris. He left."


def _doc(doc_id: str = "d1", identity: str = "Ben_Wallace") -> GumDoc:
    tokens, pos = [], 0
    for word, head in zip(WORDS, HEADS, strict=True):
        start = TEXT.index(word, pos)
        pos = start + len(word)
        upos = "PROPN" if word[0].isupper() and word != "He" else "X"
        tokens.append(Token(start, pos, word, upos, head))
    mentions = [GoldMention(0, 2, "1", "person", identity, 1),
                GoldMention(3, 4, "2", "place", "Paris", 3),
                GoldMention(5, 6, "1", "person", identity, 5)]
    return GumDoc(doc_id, TEXT, tokens, mentions)


def _extraction(doc_id: str, groups: list[tuple[str, list[str]]]) -> Extraction:
    ents = []
    for i, (etype, words) in enumerate(groups, start=1):
        spans = [Span(TEXT.index(w), TEXT.index(w) + len(w), w) for w in words]
        ents.append(Entity(f"e{i}", words[0], etype, spans))  # type: ignore[arg-type]
    return Extraction(doc_id, "test", ents)


def test_tokens_of_maps_characters_to_tokens():
    doc = _doc()
    assert tokens_of(doc, 0, 11) == (0, 2)
    assert tokens_of(doc, 4, 9) == (1, 2)  # part of "Wallace"
    assert tokens_of(doc, 20, 25) == (3, 4)


def test_perfect_grouping_scores_one():
    doc = _doc()
    ex = _extraction("d1", [("PERSON", ["Ben Wallace", "He"]), ("GPE", ["Paris"])])
    s = score_coref([doc], [ex])
    assert s.md.f1 == 1.0 and s.conll == pytest.approx(1.0)


def test_pronoun_on_the_wrong_entity_is_a_link_error():
    doc = _doc()
    ex = _extraction("d1", [("PERSON", ["Ben Wallace"]), ("GPE", ["Paris", "He"])])
    s = score_coref([doc], [ex])
    assert s.md.f1 == 1.0  # every mention found ...
    assert s.metrics["muc"].recall == 0.0  # ... but the one gold link is lost
    assert s.metrics["muc"].precision == 0.0


def test_found_only_takes_detection_out():
    doc = _doc()
    ex = _extraction("d1", [("PERSON", ["Ben Wallace"]), ("GPE", ["Paris"])])  # "He" missed
    assert score_coref([doc], [ex]).metrics["muc"].recall == 0.0
    found = score_coref([doc], [ex], found=True).metrics
    # only singletons remain: B3 and CEAF-e are perfect; MUC has no links to score (0/0)
    assert (found["b3"].f1, found["ceafe"].f1, found["muc"].r_den) == (1.0, 1.0, 0.0)


def test_head_match_ignores_bracketing_and_other_types():
    doc = _doc()
    # "Wallace" alone has the head of "Ben Wallace"; "visited" is no gold mention (false);
    # an OTHER-typed entity counts only where it hits.
    ex = _extraction("d1", [("PERSON", ["Wallace", "visited"]), ("OTHER", ["left"])])
    a = align(doc, ex)
    assert a.matched == {0: "e1"}
    assert a.md.p_den == 2 and a.md.r_den == 3


def test_linking_joins_the_same_name_across_documents():
    docs = [_doc("d1"), _doc("d2")]
    exs = [_extraction(d, [("PERSON", ["Ben Wallace", "He"]), ("GPE", ["Paris"])])
           for d in ("d1", "d2")]
    linked = score_linking(docs, exs)
    assert linked.clusters is not None and linked.clusters.articles == 4  # names only
    assert (linked.cross_p, linked.cross_r) == (1.0, 1.0)
    assert linked.found_multi_doc == 2


# ---------------------------------------------------------------- the real GUM files

@pytest.fixture
def byron() -> GumDoc:
    path = GUM / "GUM_bio_byron.conllu"
    if not path.exists():
        pytest.skip("../shared/datasets/treebanks/gum is not present")
    return next(read_gum(path))


def test_gum_reader_rebuilds_text_and_offsets(byron):
    assert byron.id == "GUM_bio_byron"
    assert byron.text.startswith("Education and early loves\n\nByron received his early")
    assert all(byron.text[t.start:t.end] == t.form for t in byron.tokens)


def test_gum_reader_mentions_chains_and_heads(byron):
    def text(m: GoldMention) -> str:
        return " ".join(t.form for t in byron.tokens[m.start:m.end])

    named = {text(m): m for m in byron.mentions if m.etype in ("person", "place", "organization")}
    assert named["Byron"].identity == "Lord_Byron"
    assert named["his"].entity == named["Byron"].entity  # one chain
    school = named["Aberdeen Grammar School"]
    assert school.etype == "organization" and byron.tokens[school.head].form == "School"
    assert named["Aberdeen"].etype == "place"  # nested mention, its own chain
    assert byron.tokens[named["Dr. William Glennie"].head].upos == "PROPN"


def test_cli_prints_both_tables():
    if not GUM.is_dir():
        pytest.skip("../shared/datasets/treebanks/gum is not present")
    result = CliRunner().invoke(eval_entities, ["--dataset", str(GUM), "--system", "rules",
                                                "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "CoNLL" in result.output and "xdoc F1" in result.output
    assert "rules   all" in result.output
