"""The dossier's facts on synthetic multi-outlet stories (our own writing), one test per
failure class seen on real news: paraphrased core events split up, two statements of
one speaker merged, background tolls merged into the lead, copies counted as outlets."""

from __future__ import annotations

from dossier.model import Article, Story
from dossier.story import build_dossier, render

TAKEOVER = [
    ("Northwind buys Teller Polymers in plastics deal",
     "Northwind Wire has acquired the plastics maker Teller Polymers for $2 billion, the "
     "companies said on Monday. Shares in Teller rose by a fifth in early trading."),
    ("Northwind Wire to purchase Teller Polymers",
     "Northwind Wire agreed a deal to purchase Teller Polymers, the plastics group, for about "
     "$2 billion. The cable maker has been looking for new markets since last spring."),
    ("Teller Polymers sold to Northwind",
     "Teller Polymers is being bought by Northwind Wire in a plastics deal worth $2 billion. "
     "Teller employs about 4,000 people at three factories in the north."),
    ("Cable maker takes over plastics firm",
     "In a $2 billion deal, the cable maker Northwind Wire is taking over Teller Polymers. "
     "Analysts had expected a rival bid from a consortium of investors."),
    ("Northwind in $2bn Teller Polymers takeover",
     "Northwind Wire bought Teller Polymers, a plastics maker, in a deal announced on Monday. "
     "The chief executive of Northwind said the two firms would keep their names."),
]

QUAKE = [
    ("Quake kills 24 in Aceh",
     "A strong earthquake struck the Aceh province of Indonesia on Tuesday, killing at least "
     "24 people. \"We have recorded 24 dead so far,\" said Rahmat Saleh, a disaster agency "
     "official. At least five people were injured in Takengon, said the same official. The "
     "2004 tsunami killed about 170,000 people in Aceh."),
    ("Earthquake hits Indonesia's Aceh, 24 dead",
     "An earthquake struck Aceh in Indonesia on Tuesday and killed 24 people, officials said. "
     "Rahmat Saleh said five people were injured in the town of Takengon. In 2004 a tsunami "
     "killed 170,000 people in the province."),
    ("Deadly earthquake strikes Aceh",
     "At least 24 people were killed when an earthquake struck Aceh on Tuesday. Rescue teams "
     "were sent to the hill districts near Takengon overnight. Aceh was the province worst "
     "hit by the 2004 tsunami, which killed 170,000 people there."),
]


def _dossier(rows, outlets=None, urls=None):
    articles = [Article(id=f"a{i}", title=title, text=f"{title}\n{body}",
                        outlet=(outlets or {}).get(i, f"Outlet {i}"),
                        url=(urls or {}).get(i), published="2024-03-05")
                for i, (title, body) in enumerate(rows)]
    return build_dossier(Story(id="s", article_ids=[a.id for a in articles]), articles, {})


def _fact_with(dossier, *words):
    return [f for f in dossier.facts if any(all(w in e.sentence for w in words)
                                             for e in f.evidence)]


def test_a_paraphrased_core_event_is_one_fact_backed_by_every_outlet():
    dossier = _dossier(TAKEOVER)
    top = dossier.facts[0]
    assert top.corroboration == len(TAKEOVER)
    assert "Teller" in top.text
    # The summary opens with the core event, the top-corroborated happening.
    assert "Teller Polymers" in dossier.summary[0]
    # What only one outlet says stays apart.
    shares = _fact_with(dossier, "Shares in Teller rose")
    assert shares and shares[0].corroboration == 1 and shares[0].id != top.id


def test_two_statements_of_one_speaker_are_two_facts():
    dossier = _dossier(QUAKE)
    dead = _fact_with(dossier, "recorded 24 dead")
    injured = _fact_with(dossier, "injured in Takengon")
    assert dead and injured
    assert not {f.id for f in dead} & {f.id for f in injured}


def test_a_background_toll_does_not_join_the_lead_fact():
    dossier = _dossier(QUAKE)
    lead = dossier.facts[0]
    assert lead.corroboration == 3
    assert not any("2004" in e.text or "170,000" in e.text for e in lead.evidence)
    background = _fact_with(dossier, "170,000")
    assert background and all(f.id != lead.id for f in background)


def test_wire_copies_and_reported_lines_count_the_original_once():
    wire = ("JAKARTA, Indonesia (AP) — A strong earthquake struck the Aceh province of Indonesia "
            "on Tuesday, killing at least 24 people, officials said.")
    rows = [(f"Aceh earthquake kills 24 ({n})", wire) for n in ("Herald", "Gazette", "Star")]
    rows.append(("Aceh quake: 24 dead",
                 "An earthquake struck the Aceh province of Indonesia on Tuesday and killed at "
                 "least 24 people, the Jakarta Tribune reported."))
    rows.append(("Quake in Aceh", "Our reporter in Banda Aceh saw collapsed houses after the "
                 "earthquake struck the province of Indonesia on Tuesday, killing 24 people."))
    dossier = _dossier(rows)
    top = dossier.facts[0]
    assert len(top.reported_by) == 5
    assert sorted(top.outlets) == ["Associated Press", "Jakarta Tribune", "Outlet 4"]
    assert "reported by 5, independently by 3" in render(dossier, "text")


def test_one_outlet_under_several_urls_is_counted_once():
    urls = {0: "https://www.bbc.co.uk/news/world-1", 1: "https://m.bbc.co.uk/news/world-2",
            2: "https://web.archive.org/web/20240305120000/https://www.bbc.co.uk/news/world-3",
            3: "https://example-gazette.com/a", 4: "https://amp.example-gazette.com/b"}
    dossier = _dossier(TAKEOVER, outlets={i: "" for i in range(5)}, urls=urls)
    assert dossier.facts[0].corroboration == 2
    assert len(dossier.outlets) == 2


COACH = [
    ("Harbor City sack coach Dana Merritt",
     "Harbor City fired their head coach Dana Merritt on Monday after one season. The club "
     "finished ninth in the league."),
    ("Merritt out as Harbor City coach",
     "Dana Merritt was dismissed as Harbor City coach on Monday, the club said. Merritt had "
     "signed a three-year contract last summer."),
    ("Harbor City part ways with coach Merritt",
     "Harbor City have parted ways with coach Dana Merritt after a single season in charge. "
     "Fans had called for a change since the spring."),
    ("Sports roundup",
     "Results from the weekend.\nHarbor City Coach Dana Merritt was let go today, and the "
     "search for a successor begins."),
]


def test_an_office_written_as_a_title_still_tells_the_core_event():
    # "Coach Dana Merritt" capitalises the office that the other leads write as "coach":
    # it is the deed's office, not a name, so the restatement joins the core fact.
    dossier = _dossier(COACH)
    let_go = _fact_with(dossier, "was let go today")
    assert let_go and let_go[0].id == dossier.facts[0].id
    assert dossier.facts[0].corroboration == len(COACH)


def test_an_outlet_spelled_two_ways_is_listed_once() -> None:
    outlets = {0: "Harbor Ledger", 1: "harbor ledger", 2: "Calder Post", 3: "HARBOR LEDGER"}
    dossier = _dossier(TAKEOVER[:4], outlets=outlets)
    assert dossier.outlets == ["Calder Post", "Harbor Ledger"]
    assert {a.outlet for a in dossier.articles} == {"Calder Post", "Harbor Ledger"}
    assert sorted(dossier.facts[0].reported_by) == ["Calder Post", "Harbor Ledger"]


ARREST = [
    ("Winger Tom Reyes arrested", "Harbor City winger Tom Reyes was arrested on Sunday on "
     "suspicion of drunk driving. The club said it was aware of the matter."),
    ("Reyes held on drink-driving charge", "Tom Reyes was arrested on suspicion of drunk "
     "driving on Sunday. He was released on bail later that day."),
    ("Harbor winger Reyes arrested", "Police arrested Harbor City winger Tom Reyes on Sunday "
     "on suspicion of drunk driving. Reyes missed training on Monday."),
    ("Reyes arrest confirmed", "Tom Reyes was arrested on suspicion of drunk driving on "
     "Sunday, said Officer Lena Park of the highway patrol. No charges have been filed."),
    ("Reyes in custody", "Harbor City's Tom Reyes was arrested on suspicion of drunk driving "
     "on Sunday. The winger joined the club in 2021."),
]


def test_a_happening_one_outlet_attributes_is_no_statement_of_its_source():
    dossier = _dossier(ARREST)
    top = dossier.facts[0]
    assert "arrested" in top.text and top.corroboration >= 4
    assert top.kind == "event" and top.speaker != "Lena Park" and top.actor != "Lena Park"


def test_the_summary_leaves_out_a_quote_line_that_does_not_say_whose_it_is():
    from dossier.model import Evidence, Fact
    from dossier.story.summary import summarize

    lines = ["The council approved the new bridge over the river on Monday.",
             "My older brother died of the same illness at the age of 44.",
             "\"We will start work in May,\" the mayor said of the bridge project."]
    facts = [Fact(id=f"f{i}", kind="event", text=t, evidence=[Evidence(f"a{i}", "X", t, t)])
             for i, t in enumerate(lines, 1)]
    assert summarize(facts) == [lines[0], lines[2]]


def test_a_fact_is_dated_by_its_shown_sentence_when_that_sentence_has_a_day():
    from scipy import sparse

    from dossier.model import DateMention, Span
    from dossier.story.clauses import Clause
    from dossier.story.facts import make_fact

    def clause(i: int, text: str, days: list[str]) -> Clause:
        return Clause(index=i, article_id=f"a{i}", outlet=f"O{i}", source=f"O{i}", position=1,
                      span=Span(0, len(text), text), sentence=text,
                      dates=[DateMention(Span(0, 5, "day"), "DATE", d) for d in days])

    shown = clause(0, "The jersey was retired on Tuesday.", ["2005-05-24"])
    other = clause(1, "He retired from play, after games on Feb. 6 and Feb. 6.",
                   ["1995-02-06", "1995-02-06"])
    keys = {"a0": "O0", "a1": "O1"}
    fact = make_fact([shown, other], sparse.csr_matrix((2, 1)), keys, {})
    # two clauses of a pair: the first is shown; its own day, not the most frequent one
    assert fact.text == shown.text and fact.date == "2005-05-24"
    assert make_fact([other], sparse.csr_matrix((2, 1)), keys, {}).date == "1995-02-06"


def test_an_unattributed_quote_runs_on_from_its_speaker_and_stops_at_narration():
    body = ('The ferry Kestrel ran aground near the harbour wall on Monday night.\n'
            '"We are aware of the grounding," port chief Mark Osei said in a statement.\n'
            '"Obviously we are disappointed.\n'
            'We take these issues very seriously and will review every pilot licence.\n'
            'Moving forward, we will monitor the situation closely and say nothing more."\n'
            'Tickets for the Tuesday sailing will be refunded at the harbour office.')
    articles = [Article(id=f"a{i}", title="Ferry aground", text=f"Ferry aground\n{body}",
                        outlet=f"Outlet {i}", published="2025-05-06") for i in range(2)]
    dossier = build_dossier(Story(id="s", article_ids=["a0", "a1"]), articles, {})

    def speaker(start: str) -> str | None:
        return next(f.speaker for f in dossier.facts
                    if any(e.text.startswith(start) for e in f.evidence))

    assert speaker("We take these issues") == "Mark Osei"
    assert speaker("Moving forward") == "Mark Osei"
    assert speaker("Tickets for the Tuesday") is None


def test_a_negated_sentence_and_its_positive_look_alike_are_two_facts():
    lead = "The Sixers fired coach Jim O'Brien on Monday and hired Maurice Cheeks."
    a = Article(id="a", title="Sixers fire O'Brien", outlet="Outlet A", published="2005-05-24",
                text=f"{lead} King called Cheeks again and reached a deal after notifying "
                     "O'Brien of his decision.")
    b = Article(id="b", title="Sixers fire O'Brien", outlet="Outlet B", published="2005-05-24",
                text=f"{lead} No decision has been reached on O'Brien's staff at this time.")
    dossier = build_dossier(Story(id="s", article_ids=["a", "b"]), [a, b], {})
    deal = [f for f in dossier.facts if any("reached" in e.text for e in f.evidence)]
    assert deal and all(len(f.outlets) == 1 for f in deal)


def test_a_contraction_is_no_content_word():
    from dossier.story.similarity import terms

    assert terms("Don't ever bet against her, we can't and won't lose") == ["bet", "lose"]


def test_a_negation_counts_only_where_it_denies_what_the_other_clause_states():
    from dossier.story.facts import _denies

    deal = "King called Cheeks again and reached a deal after notifying O'Brien of his decision."
    assert _denies("No decision has been reached on O'Brien's staff at this time.", deal)
    assert _denies("He did not have the full support of the team.", "I supported his moves.")
    # an aside negating something the other never says keeps one statement one fact
    assert not _denies("Moving forward, we will monitor the situation and have no further "
                       "comment.", "Moving forward, we will monitor the situation.")
    assert not _denies("We do not want to change coaches.", "We don't want a new coach.")


def test_two_sentences_naming_different_years_are_two_facts():
    lead = "President Obama nominated Dr. Regina Benjamin as surgeon general on Monday."
    bodies = ["In 1990, she founded Bayou La Batre Rural Health Clinic in the fishing village "
              "of Bayou La Batre, Alabama.",
              "In 1990 she founded the Bayou La Batre Rural Health Clinic, which cares for a "
              "largely uninsured working-class population.",
              "The Bayou La Batre Rural Health Clinic has been a staple for residents since "
              "1987 and often lets patients pay what they can."]
    articles = [Article(id=f"a{i}", title="Obama picks Benjamin", outlet=f"Outlet {i}",
                        published="2009-07-14", text=f"{lead} {body}")
                for i, body in enumerate(bodies)]
    dossier = build_dossier(Story(id="s", article_ids=["a0", "a1", "a2"]), articles, {})
    founded = next(f for f in dossier.facts if any("1990" in e.text for e in f.evidence))
    assert founded.outlets == ["Outlet 0", "Outlet 1"]


def test_a_headline_after_a_date_line_title_is_the_articles_headline():
    from dossier.story.clauses import headline_start

    # A page whose first line (its scraped title) is a date, then a masthead, then the
    # headline in title case: the headline is the last such line before the prose.
    text = ("Tuesday, March 5, 2024\nOffice of the Press Secretary\n"
            "Northwind Completes Teller Polymers Takeover\n"
            "Northwind Wire has completed its purchase of Teller Polymers, it said on Monday.")
    assert headline_start(text, "Tuesday, March 5, 2024") == text.index("Northwind Completes")
    # a real title stays the headline; a text without any has none
    assert headline_start("Northwind buys Teller\nThe deal was signed.",
                          "Northwind buys Teller") == 0
    assert headline_start("the deal was signed on Monday by both firms.", "") is None
    # a page whose text opens with a line other than its title (a byline) has none found
    assert headline_start("By Jane Doe and John Roe\nNorthwind Completes Teller Takeover\n"
                          "The deal was signed on Monday by both firms.",
                          "Northwind buys Teller") is None
    rows = [*TAKEOVER[:3], ("Tuesday, March 5, 2024", text.split("\n", 1)[1])]
    articles = [Article(id=f"a{i}", title=title, text=f"{title}\n{body}", outlet=f"Outlet {i}",
                        published="2024-03-05") for i, (title, body) in enumerate(rows)]
    dossier = build_dossier(Story(id="s", article_ids=[a.id for a in articles]), articles, {})
    headlines = [e for f in dossier.facts for e in f.evidence
                 if e.text == "Northwind Completes Teller Polymers Takeover"]
    assert headlines, "the title-case headline after the date line is a fact's evidence"
    # and no date line or masthead is
    assert not [e for f in dossier.facts for e in f.evidence
                if e.text.startswith(("Tuesday, March", "Office of the"))]


ARREST = [
    ("Keeper Tom Arlow arrested after crash",
     "Harbour City goalkeeper Tom Arlow was arrested on Sunday after a crash on the ring road, "
     "police officer Jane Mould said. The club said it would wait for the facts."),
    ("Harbour City keeper Arlow held",
     "Goalkeeper Tom Arlow of Harbour City was arrested on Sunday after his car crashed on the "
     "ring road, said police officer Jane Mould. He was released later that day."),
    ("Arlow arrested over ring road crash",
     "Tom Arlow, the Harbour City goalkeeper, was arrested after a crash on the ring road on "
     "Sunday. Fans gathered outside the ground on Monday."),
    ("Goalkeeper Arlow arrested",
     "The Harbour City goalkeeper Tom Arlow was arrested on Sunday following a crash on the "
     "ring road. The league has not commented."),
]


def test_the_core_event_is_a_happening_not_the_statement_of_who_reported_it():
    # two of four leads say which officer reported the arrest: the arrest is still an
    # event, and its "who" is the man it happened to, not the officer
    dossier = _dossier(ARREST)
    top = dossier.facts[0]
    assert top.corroboration == len(ARREST)
    assert "arrested" in top.text
    assert top.kind == "event" and top.act is None and top.speaker is None


def test_the_core_events_doer_is_never_only_the_one_who_reports_it():
    from dossier.model import Span
    from dossier.story.clauses import Clause
    from dossier.story.facts import _core_actor

    def clause(n, actor, speaker, text):
        return Clause(n, f"a{n}", f"Outlet {n}", f"Outlet {n}", 0, Span(0, len(text), text),
                      text, speaker=speaker, actor=actor)

    told = [
        clause(0, "Dana Reyes", "Dana Reyes", "Dana Reyes announced that the coach was fired."),
        clause(1, "Dana Reyes", None, "Dana Reyes fired the coach on Monday."),
        clause(2, "Lee Park", "Lee Park", "The coach was fired, spokesman Lee Park said."),
        clause(3, "Lee Park", "Lee Park", "Lee Park said the coach had been fired."),
        clause(4, "Lee Park", "Lee Park", "The firing was final, Lee Park said."),
    ]
    # Lee Park is named most, but only ever as the one saying it; Dana Reyes did it
    assert _core_actor(told) == "Dana Reyes"
    assert _core_actor(told[2:]) is None


def test_a_facts_who_is_never_a_site():
    from dossier.story.facts import _best_name

    # the tagger's doer of "... as he was approaching the Tasman Saddle Hut" is the hut
    assert _best_name(["Tasman Saddle Hut", "Tasman Saddle Hut", "Dave Gaskin"]) == "Dave Gaskin"
    assert _best_name(["Cook National Park"]) is None
    assert _best_name(["Aoraki Mt Cook Alpine Rescue Team"]) == "Aoraki Mt Cook Alpine Rescue Team"


def test_a_two_word_name_ending_like_a_site_is_a_site_only_when_no_one_is_called_so():
    from dossier.story.facts import _best_name

    assert _best_name(["Grace Park"]) == "Grace Park"
    assert _best_name(["Kew Gardens"]) is None
    assert _best_name(["Esq"]) is None  # "Howard R. Sanders, Esq.": a suffix, nobody
