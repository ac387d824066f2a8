"""The linker's knobs, in one frozen dataclass so a run is reproducible from its config.

Thresholds were chosen on the ECB+ *train* split (see ``dossier eval stories``)
and by principle (windows, capacities), never on evaluation files.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.link import encoders


@dataclass(frozen=True)
class LinkConfig:
    """How strictly articles are grouped into copies and stories."""

    #: MinHash Jaccard above which an article is a copy of an earlier one.
    duplicate_threshold: float = 0.5
    duplicate_num_perm: int = 64
    #: Articles kept in the near-duplicate index (copies appear within days).
    duplicate_capacity: int = 200_000
    #: Bucket mates verified per near-duplicate lookup (the most recent ones).
    duplicate_candidates: int = 64
    #: Similarity an article needs to join a story rather than open one.
    join_threshold: float = 0.15
    #: Similarity two stories' centroids need to be merged.
    merge_threshold: float = 0.38
    #: Extra weight of proper-name / entity terms relative to ordinary words.
    name_weight: float = 2.0
    #: Word count from which names get their full extra weight (less in shorter texts).
    name_full_words: int = 50
    #: Share of ``year_penalty`` applied when the article's year is a bare mention, no date.
    bare_year_weight: float = 0.25
    #: Similarity lost when an article's salient names are missing from a story's salient names.
    #: Off: with capitalisation-based names it cost more recall than it won precision on train.
    name_penalty: float = 0.0
    #: How many of the heaviest names count as salient on each side.
    salient_names: int = 3
    #: Share of the dense (wordllama) cosine in the similarity; 0 switches it off.
    dense_weight: float = 0.0
    #: The dense encoder, by name (``dossier.link.encoders``): "wordllama" or "minilm".
    dense_model: str = encoders.DEFAULT
    #: Share of the nearest remembered member's cosine in article-story similarity.
    member_weight: float = 0.0
    #: Member vectors remembered per story (bounded memory) and terms kept in each.
    members_kept: int = 8
    member_terms: int = 120
    #: Similarity lost when an article's reference year differs from all of a story's.
    year_penalty: float = 0.4
    #: Years apart at which two reference years clash fully (closer ones clash in proportion).
    year_gap: int = 3
    #: Days after a story's last article beyond which it takes no new articles.
    window_days: int = 30
    #: Similarity lost per ``window_days`` of gap between article and story.
    time_penalty: float = 0.15
    #: Without dates: articles after which an untouched story stops taking new ones.
    window_articles: int = 50_000
    #: Terms of each article used to index and query stories.
    index_terms: int = 24
    #: Stories kept per index term (most recently updated first).
    postings_cap: int = 64
    #: Candidate stories fully scored per article.
    candidates: int = 24
    #: Neighbouring stories checked for a merge after each join.
    merge_candidates: int = 8
    #: Terms kept in a story centroid.
    centroid_terms: int = 300
