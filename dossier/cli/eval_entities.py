"""``dossier eval entities``: GUM coreference (CoNLL-2012 metrics) and cross-document linking."""

from __future__ import annotations

import click

from dossier.cli._util import echo

DEFAULT_ROOT = "../shared/datasets/treebanks/gum"
_METRICS = (("muc", "MUC"), ("b3", "B3"), ("ceafe", "CEAF-e"))


@click.command("entities")
@click.option("--dataset", "--root", "root", default=DEFAULT_ROOT, show_default=True,
              type=click.Path(exists=True, file_okay=False), help="Folder of GUM .conllu files.")
@click.option("--system", "systems", multiple=True, default=["model", "rules"],
              show_default=True, type=click.Choice(["model", "rules"]),
              help="model = the shipped pipeline + rules; rules = no pipeline at all.")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--detail", is_flag=True, help="Also print precision and recall per metric.")
def eval_entities(root: str, systems: tuple[str, ...], limit: int | None, detail: bool) -> None:
    """Score entity mention grouping (MUC, B3, CEAF-e, CoNLL F1; head match) and the
    cross-article entity linker (B3, pairwise) against GUM's entity annotation."""
    from dossier.eval.entities import TYPE_MAP, extract_docs, recall_by_kind, score_coref
    from dossier.eval.gum import read_corpus
    from dossier.eval.pronoun_links import pronoun_links

    docs = read_corpus(root, limit)
    gold = [m for d in docs for m in d.mentions if m.etype in TYPE_MAP]
    chains = {(d.id, m.entity) for d in docs for m in d.mentions if m.etype in TYPE_MAP}
    echo(f"GUM: {len(docs)} documents, {sum(len(d.tokens) for d in docs):,} tokens, "
               f"{len(gold):,} person/place/organization mentions in {len(chains):,} chains")
    echo("note: the shipped pipeline's NER and parser were trained on all of GUM, so "
               "'model' mention detection is in-sample; 'rules' uses no model.")
    echo(f"{'system':<7} {'types':<13} {'MD P':>6} {'MD R':>6} {'MD F1':>6}  {'MUC':>6} "
               f"{'B3':>6} {'CEAF-e':>6}  {'CoNLL':>6}")
    results = {}
    for name in systems:
        extractions = extract_docs(docs, name)
        results[name] = extractions
        rows = [(tuple(TYPE_MAP), False), *(((t,), False) for t in TYPE_MAP),
                (tuple(TYPE_MAP), True)]
        for types, found in rows:
            s = score_coref(docs, extractions, types, found)
            label = "all, found" if found else "all" if len(types) > 1 else types[0]
            f1s = " ".join(f"{s.metrics[k].f1:6.3f}" for k, _ in _METRICS)
            echo(f"{name:<7} {label:<13} {s.md.precision:6.3f} {s.md.recall:6.3f} "
                       f"{s.md.f1:6.3f}  {f1s}  {s.conll:6.3f}")
            if detail and label == "all":
                echo("        P/R: " + ", ".join(
                    f"{title} {s.metrics[k].precision:.3f}/{s.metrics[k].recall:.3f}"
                    for k, title in _METRICS))
        kinds = recall_by_kind(docs, extractions)
        echo(f"{'':<7} ('all, found': gold and system cut to the gold mentions found: "
                   "grouping alone)")
        echo(f"{'':<7} gold-mention recall by kind: " + ", ".join(
            f"{k} {c.recall:.3f} ({int(c.r_den):,})" for k, c in sorted(kinds.items())))
        echo(f"{'':<7} pronoun links right (of those decided): " + ", ".join(
            f"{g} {r / n:.3f} ({n:,})" for g, (r, n) in pronoun_links(docs, extractions).items()))
    _print_linking(docs, results)


def _print_linking(docs: list, results: dict) -> None:
    from dossier.eval.entities import score_linking

    echo("\ncross-document linking (resolve_entity_map): items = gold named mentions with a "
               "Wikipedia identity that the extractor found")
    echo(f"{'system':<7} {'items':>6} {'gold ids':>8} {'canon':>6}  {'B3 P':>6} {'B3 R':>6} "
               f"{'B3 F1':>6}  {'pair P':>6} {'pair R':>6} {'pair F1':>7}  {'xdoc P':>6} "
               f"{'xdoc R':>6} {'xdoc F1':>7}")
    linked = None
    for name, extractions in results.items():
        linked = score_linking(docs, extractions)
        c = linked.clusters
        if c is None:
            echo(f"{name:<7} no items")
            continue
        echo(f"{name:<7} {c.articles:>6} {c.gold_events:>8} {c.stories:>6}  {c.b3_p:6.3f} "
                   f"{c.b3_r:6.3f} {c.b3_f1:6.3f}  {c.pair_p:6.3f} {c.pair_r:6.3f} "
                   f"{c.pair_f1:7.3f}  {linked.cross_p:6.3f} {linked.cross_r:6.3f} "
                   f"{linked.cross_f1:7.3f}  ({linked.found_multi_doc} found ids in >= 2 docs)")
    if linked is not None:
        multi = linked.gold_multi_doc
        echo(f"gold identities in >= 2 documents: {sum(multi.values())} ("
                   + ", ".join(f"{t} {n}" for t, n in sorted(multi.items())) + ")")
        if multi.get("person", 0) < 20:
            echo("caution: GUM's documents share few people; the cross-document figures "
                       "rest mostly on places (countries, cities) and a few organizations.")
