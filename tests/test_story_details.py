"""Fact details: which of a fact's outlets tell each thing its sentences tell.

Synthetic articles (our own writing): four outlets tell one crash in their lead,
three of them the arrest in the same sentence, one prints a second article, and
the details must count each of those outlets once.
"""

from __future__ import annotations

from dossier.extract import extract_many, pipeline
from dossier.extract.happenings import find_happenings
from dossier.model import Article, Detail, Dossier, Fact, Happening, Span, Story
from dossier.story import build_dossier, render
from dossier.story.details import happening_keys, lowercase_in, plain_happenings, word_key

CRASH = [
    ("Outlet A", "Bus crash on coast road",
     "A bus crashed into a wall on the coast road near Pellworth on Sunday, and police "
     "arrested the driver at the scene. Nine passengers were taken to hospital."),
    ("Outlet B", "Driver held after coast road bus crash",
     "A bus crashed into a wall on the coast road near Pellworth on Sunday and the driver "
     "was arrested, police said. The route has been closed for repairs."),
    ("Outlet C", "Pellworth bus crash: driver arrested",
     "Police arrested the driver after his bus crashed into a wall on the coast road near "
     "Pellworth on Sunday. The bus company said it would help the inquiry."),
    ("Outlet D", "Bus hits wall near Pellworth",
     "A bus crashed into a wall on the coast road near Pellworth on Sunday, leaving nine "
     "passengers in hospital with minor injuries. The road reopened in the evening."),
    ("Outlet C", "Coast road bus crash driver arrested",
     "The driver of a bus that crashed into a wall on the coast road near Pellworth on "
     "Sunday was arrested by police. Nine people were hurt."),
]


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", title=title, text=f"{title}\n{body}", outlet=outlet,
                    published="2024-06-02")
            for i, (outlet, title, body) in enumerate(CRASH)]


def _dossier(with_extraction: bool = True) -> Dossier:
    articles = _articles()
    extractions = {e.article_id: e for e in extract_many(articles)} if with_extraction else {}
    return build_dossier(Story(id="s", article_ids=[a.id for a in articles]), articles,
                         extractions)


def _crash_fact(dossier: Dossier) -> Fact:
    return next(f for f in dossier.facts if len(f.outlets) == 4 and any(
        "crashed into a wall" in e.text for e in f.evidence))


def test_happenings_are_content_verbs_and_common_nouns_not_names_people_or_saying():
    nlp = pipeline()
    doc = nlp("Police arrested the Chargers driver after the crash on Sunday, officials said.")
    words = [h.word for h in find_happenings(doc)]
    assert "arrest" in words and "crash" in words
    assert not {"say", "police", "official", "chargers", "charger", "sunday"} & set(words)
    for h in find_happenings(doc):
        assert doc.text[h.span.start:h.span.end] == h.span.text
    assert find_happenings(None) == []


def test_a_title_case_headline_is_read_as_its_body_writes_the_words():
    nlp = pipeline()
    text = ("Earthquake Levels Villages on Remote Northern Island\n"
            "A strong earthquake destroyed the villages on the coast on Sunday.")
    found = {(h.word, h.span.start) for h in find_happenings(nlp(text))}
    assert ("earthquake", 0) in found and ("village", text.index("Villages")) in found
    # "Northern Island" is written nowhere in lowercase: a name, not a happening
    assert not any(start < text.index("\n") and word in ("island", "northern")
                   for word, start in found)
    # "Checks" is the "checked" of the body, by its lemma
    text = "Singer Checks Into Rehab Clinic Again\nThe singer checked into a clinic on Monday."
    assert ("check", text.index("Checks")) in {(h.word, h.span.start)
                                               for h in find_happenings(nlp(text))}


def test_without_a_tagger_lowercase_content_words_stand_for_happenings():
    sentence = "Police said Jackson was arrested on Sunday after a crash in San Diego."
    found = plain_happenings(sentence, 100)
    assert [h.word for h in found] == ["arrested", "crash"]
    assert all(sentence[h.span.start - 100:h.span.end - 100] == h.word for h in found)


def test_without_a_tagger_a_short_family_word_still_tells_its_happening():
    # "die", "hit" and "sue" are three letters, like most function words, but they are
    # the happening: without them "saw his brother die" tells no death
    sentence = "He saw his brother die after a car hit him; the family will sue."
    assert [h.word for h in plain_happenings(sentence, 0)] == [
        "brother", "die", "hit", "family", "sue"]
    keys = {k for k, _, _ in happening_keys(sentence, plain_happenings(sentence, 0), 0,
                                            len(sentence))}
    assert {"die", "strike", "sue"} <= keys
    # other short words stay out: "car", "saw", "him" tell no happening
    assert not {"car", "saw", "him"} & {h.word for h in plain_happenings(sentence, 0)}


def test_outlets_wording_one_thwarted_attack_or_one_theft_meet_on_one_key():
    for words, family in ((("foiled", "thwarted", "repulsed", "prevented"), "foil"),
                          (("stole", "stolen", "theft", "robbery", "heist"), "steal"),
                          (("blaze", "burned", "flames"), "burn")):
        for word in words:
            text = f"The navy {word} it."
            found = [Happening(word, Span(9, 9 + len(word), word), True)]
            # the tagged word's key ("burned" is also the verb table's "destroy")
            assert family in [k for k, _, _ in happening_keys(text, found, 0, len(text))]


def test_a_title_case_headline_tells_the_deeds_its_article_writes_in_lowercase():
    body = "A woman was struck by a car and later charged drivers were named in court."
    headline = "Troy Office Shooting Leaves Woman Dead and Driver Charged"
    found = plain_happenings(headline, 0, lowercase_in(body))
    # "woman" and "charged" the body writes in lowercase, "shooting" and "dead" are
    # families' words; "Troy", "Office", "Leaves" and "Driver" (the body: "drivers") not
    assert [h.word for h in found] == ["shooting", "woman", "dead", "charged"]
    assert all(headline[h.span.start:h.span.end].lower() == h.word for h in found)
    # a sentence in sentence case keeps its capitals as names
    lead = "Shooting suspect Dead Eye Jones was charged."
    assert [h.word for h in plain_happenings(lead, 0, lowercase_in(body))] == [
        "suspect", "charged"]


def test_paraphrase_keys_meet_on_the_stem_or_deed_class():
    assert word_key("driving") == word_key("drive") == word_key("drives")
    assert word_key("arrested") == word_key("arrest")


def test_words_of_one_happening_share_a_key_verb_noun_or_adjective():
    text = "One man was killed, a death the police called fatal; two were injured, one dead."
    found = [Happening(w, Span(text.index(t), text.index(t) + len(t), t), deed)
             for w, t, deed in [("kill", "killed", True), ("death", "death", False),
                                ("fatal", "fatal", True), ("injured", "injured", True),
                                ("dead", "dead", True)]]
    keys = happening_keys(text, found, 0, len(text))
    assert {k for k, _, _ in keys} == {"die", "injure"}
    # a sentence's happenings only: the window leaves out what lies outside it
    assert [k for k, _, _ in happening_keys(text[:20], found, 0, 20)] == ["die"]


def test_a_murder_charge_is_a_happening_apart_from_the_death():
    text = "He was charged with murder after the woman died."
    found = [Happening(w, Span(text.index(w), text.index(w) + len(w), w), False)
             for w in ("charged", "murder", "died")]
    keys = {k for k, _, _ in happening_keys(text, found, 0, len(text))}
    assert "die" in keys and "charge" in keys and word_key("murder") in keys


def test_a_detail_lists_the_outlets_telling_it_each_once():
    crash = _crash_fact(_dossier())
    arrest = next(d for d in crash.details if d.word == "arrest")
    # Outlet C printed it twice: reported by three outlets, counted three times never
    assert arrest.outlets == ["Outlet A", "Outlet B", "Outlet C"] and arrest.deed
    told = {crash.evidence[i].article_id for i in arrest.evidence}
    assert told == {"a0", "a1", "a2", "a4"}
    assert all("arrest" in crash.evidence[i].text for i in arrest.evidence)
    # a detail every outlet tells is the fact itself: reports do not repeat it
    assert all(d.word != "crash" for d in crash.details if len(d.outlets) < 4)


def test_without_a_tagger_the_verb_table_deeds_are_the_details():
    crash = _crash_fact(_dossier(with_extraction=False))
    arrest = next(d for d in crash.details if d.word == "arrest")
    assert arrest.outlets == ["Outlet A", "Outlet B", "Outlet C"]


def test_reports_show_deeds_told_by_several_but_not_all_outlets():
    dossier = _dossier()
    text, markdown = render(dossier, "text"), render(dossier, "markdown")
    assert "outlets telling each detail: " in text and "arrest 3" in text
    assert "arrest 3" in markdown
    fact = Fact(id="f1", kind="event", text="x", outlets=["A", "B", "C"],
                details=[Detail("lone", ["A"], deed=True),
                         Detail("all", ["A", "B", "C"], deed=True), Detail("wall", ["A", "B"])])
    dossier.facts, dossier.exclusive, dossier.claims, dossier.timeline = [fact], {}, [], []
    assert "outlets telling each detail" not in render(dossier, "text")


def test_the_web_matrix_row_lists_the_deeds_a_reader_can_compare_outlets_on():
    from dataclasses import asdict

    from dossier.api.dossier_view import fact_view

    crash = _crash_fact(_dossier())
    row = fact_view(asdict(crash), n_outlets=4)
    assert {"word": "arrest", "outlets": ["Outlet A", "Outlet B", "Outlet C"]} in row["details"]
    assert all(2 <= len(d["outlets"]) < 4 for d in row["details"])



def test_with_the_tagger_a_title_case_headline_still_tells_its_family_words():
    from dossier.extract import extract_many
    from dossier.story.build import prepare
    from tests.story_helpers import headline_articles

    body = ("A cyclist was killed when a van struck him on the coast road on Sunday, and "
            "police arrested the driver at the scene.")
    articles = headline_articles(["Coast Road Crash Leaves Cyclist Dead",
                                  "Cyclist Dead After Coast Road Crash"], body, "2025-05-04")
    extractions = {e.article_id: e for e in extract_many(articles)}
    clauses = prepare(Story(id="s", article_ids=["a0", "a1"]), articles, extractions).clauses
    headlines = [c for c in clauses if c.headline]
    assert len(headlines) == 2
    # the body never writes "dead", so the tagger's reading of the headline has no such
    # word; as a family's word it tells the death all the same
    assert all("die" in {k for k, _, _ in c.happenings} for c in headlines)
