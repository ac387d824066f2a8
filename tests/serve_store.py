"""A store for the API, page and browser tests: the seed story, ready to serve.

The two seed articles (../shared/corpus/seeds) are stored as articles, linked
into one story, and given entities, extractions and a dossier in the story
stage's ``Dossier`` JSON shape. The dossier is written by hand from what the
seed articles say (Shoigu's "dirty bomb" claim and the three answers to it), so
the web layer is tested on known content whatever the extractors currently find.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from dossier.model import (
    Article,
    CanonicalEntity,
    Entity,
    Extraction,
    Quote,
    RemovedText,
    Span,
    Story,
    StoryAssignment,
)
from dossier.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
STORY_ID = "s-dirty-bomb"
KP, IND = "Kyiv Post", "The Independent"
SEED_FILES = {"000_6a320d281961e3e5.txt": ("kp1", KP), "002_80a5c355d81520aa.txt": ("ind1", IND)}
BOILERPLATE = ("JOIN US ON TELEGRAM", "Follow our coverage of the war on the @Kyivpost_official.",
               "You can also highlight the text and press Ctrl + Enter")
CLAIM = "Ukraine is preparing to use a dirty bomb on its own territory"
RESPONSES = [
    ("Ben Wallace", "refute", "The Defense Secretary refuted these claims.", [KP, IND]),
    ("White House national security council", "reject",
     "rejected Shoigu's false allegations that Ukraine is preparing to use a dirty bomb", [IND]),
    ("Mykhailo Podolyak", "dismiss",
     "an absolute and quite predictable absurdity", [IND]),
]
SINGLE_FACT = "Kyiv was receiving nuclear components from British specialists"


def _seed_article(name: str, article_id: str, outlet: str) -> Article:
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    removed = [RemovedText(line.strip(), "boilerplate") for line in lines
               if line.strip() in BOILERPLATE or "Sign up" in line]
    kept = "\n".join(line.strip() for line in lines
                     if line.strip() and RemovedText(line.strip(), "boilerplate") not in removed)
    title = ("UK defence secretary refutes Russian 'dirty bomb' claims" if outlet == KP
             else "Ben Wallace refutes Moscow claim that Ukraine plans 'dirty bomb'")
    return Article(id=article_id, text=kept, title=title, outlet=outlet,
                   published="2022-10-23", url=f"https://example.org/{article_id}",
                   removed=removed, text_sha256=hashlib.sha256(kept.encode()).hexdigest())


def _fact(fid: str, text: str, outlets: list[str], kind: str = "event", **kw: object) -> dict:
    evidence = [{"article_id": "kp1" if o == KP else "ind1", "outlet": o, "text": text,
                 "sentence": text, "span": None, "independent_of": None} for o in outlets]
    return {"id": fid, "kind": kind, "text": text, "evidence": evidence, "outlets": outlets,
            "reported_by": outlets, "actor": None, "action": None, "target": None,
            "speaker": None, "act": None, "date": "2022-10-23", "date_text": "Sunday",
            "numbers": {}} | kw


def seed_dossier() -> dict:
    """The seed story's dossier in ``Dossier.to_dict()`` form."""
    facts = [
        _fact("f1", f"Sergei Shoigu claimed {CLAIM}", [KP, IND], "claim",
              speaker="Sergei Shoigu", act="claim"),
        _fact("f2", "Ben Wallace refuted the Russian claims in a phone call with Shoigu",
              [KP, IND]),
        _fact("f3", SINGLE_FACT, [IND]),
        _fact("f4", "Shoigu held his second call with Lloyd Austin in three days", [KP, IND],
              date="2022-10-21", date_text="Friday"),
        _fact("f5", "Shoigu's phone call with US defence secretary Lloyd Austin was the first "
                    "since May", [IND]),
        _fact("f6", "Shoigu's call with Lloyd Austin was his second in three days", [KP]),
    ]
    return {
        "schema_version": "1", "story_id": STORY_ID,
        "title": "Russia's 'dirty bomb' claim refuted by UK, US and Ukraine",
        "first_date": "2022-10-23", "last_date": "2022-10-23", "outlets": [IND, KP],
        "articles": [{"id": "kp1", "outlet": KP}, {"id": "ind1", "outlet": IND}],
        "facts": facts,
        "claims": [{
            "claim_fact_id": "f1", "speaker": "Sergei Shoigu", "text": CLAIM,
            "status": "disputed",
            "responses": [{"fact_id": f"r{i}", "responder": who, "act": act, "text": text,
                           "outlets": outlets}
                          for i, (who, act, text, outlets) in enumerate(RESPONSES)],
        }],
        "exclusive": {IND: ["f3", "f5"], KP: ["f6"]},
        "contradictions": [{
            "slot": "count", "subject": "Shoigu's calls with Lloyd Austin",
            "values": [
                {"value": "second call in three days", "outlets": [KP], "article_ids": ["kp1"],
                 "sentence": "Mr. Shoigu's second phone call with U.S. Secretary of Defense"},
                {"value": "first call since May", "outlets": [IND], "article_ids": ["ind1"],
                 "sentence": "his first phone call with US defence secretary Lloyd Austin"},
            ],
            "fact_ids": ["f5", "f6"],
        }],
        "timeline": [
            {"date": "2022-02-24", "expression": "Feb. 24", "fact_id": "f0",
             "text": "Russia invades Ukraine", "outlets": [KP]},
            {"date": "2022-10-21", "expression": "Friday", "fact_id": "f4",
             "text": "Shoigu calls Lloyd Austin", "outlets": [IND]},
            {"date": "2022-10-23", "expression": "Sunday", "fact_id": "f1",
             "text": "Shoigu claims Ukraine plans a dirty bomb; Wallace refutes it",
             "outlets": [KP, IND]},
        ],
        "summary": ["Russia's defence minister Sergei Shoigu told his UK, US and French "
                    "counterparts that Ukraine was preparing a 'dirty bomb'.",
                    "Britain, the White House and Kyiv rejected the claim."],
        "people": [{"name": "Sergei Shoigu", "roles": ["Russian defence minister"],
                    "articles": 2, "mentions": 9},
                   {"name": "Ben Wallace", "roles": ["UK defence secretary"],
                    "articles": 2, "mentions": 5}],
    }


PEOPLE = [("p-shoigu", "Sergei Shoigu", ["Russian defence minister"], ["Shoigu", "Mr Shoigu"]),
          ("p-wallace", "Ben Wallace", ["UK defence secretary"], ["Wallace", "Mr Wallace"])]


def _extraction(article: Article) -> Extraction:
    start = article.text.find("refuted")
    content = Span(start, start + 7, "refuted") if start >= 0 else Span(0, 0, "")
    entities = [Entity("e1", "Sergei Shoigu", "PERSON"), Entity("e2", "Ben Wallace", "PERSON")]
    quotes = [Quote(content=content, cue=None, speaker="e2", speaker_span=None,
                    kind="indirect", act="deny", speaker_name="Ben Wallace")]
    return Extraction(article.id, "test", entities=entities, quotes=quotes)


def add_seed_story(store: Store) -> list[Article]:
    """Write the seed articles, their story, entities, extractions and dossier."""
    articles = [_seed_article(name, aid, outlet) for name, (aid, outlet) in SEED_FILES.items()]
    with store.batch():
        for article in articles:
            store.add_article(article)
            store.save_extraction(_extraction(article), article.version)
        story = Story(STORY_ID, [a.id for a in articles], seed_dossier()["title"],
                      "2022-10-23", "2022-10-23", [IND, KP])
        store.replace_stories([story], [StoryAssignment(a.id, STORY_ID) for a in articles])
        entities = [CanonicalEntity(eid, name, "PERSON", aliases, roles,
                                    [a.id for a in articles])
                    for eid, name, roles, aliases in PEOPLE]
        mentions = {(a.id, key): eid for a in articles
                    for key, (eid, *_rest) in zip(("e1", "e2"), PEOPLE, strict=True)}
        store.replace_entities(entities, mentions)
        store.save_dossier(STORY_ID, "1", seed_dossier())
    return articles


def build_seed_store(path: str | Path) -> str:
    store = Store(path)
    try:
        add_seed_story(store)
    finally:
        store.close()
    return str(path)


SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample"


@functools.cache
def pipeline_store() -> str:
    """The seeds and the sample corpus through the real pipeline, built once per run.

    Ingest, then ``jobs.process`` (extract, link, entities, dossiers): what
    ``dossier demo`` does. The tests that use it check the web layer on whatever
    the stages currently find, so they assert shapes and known names loosely.
    """
    from dossier.jobs.ingest import ingest
    from dossier.jobs.process import process

    path = Path(tempfile.mkdtemp(prefix="dossier-serve-")) / "pipeline.db"
    store = Store(path)
    try:
        ingest([str(SEEDS), str(SAMPLE)], store)
        process(store)
    finally:
        store.close()
    return str(path)


def seed_story_id(store: Store) -> str:
    """The story the pipeline put the Kyiv Post seed article in."""
    article = next(a for a in store.articles(outlet="Kyiv Post") if "Shoigu" in a.text)
    return store.story_of(article.id).story_id


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db: str) -> Iterator[str]:
    """``create_app(db)`` under uvicorn on a free loopback port, in a thread; yields its URL."""
    import uvicorn

    from dossier.api.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


HOSTILE_INPUTS = Path(__file__).resolve().parent / "fixtures" / "serve"


def ingest_hostile(db: str) -> list[str]:
    """Ingest the hostile fixtures (``<script>``/``onerror=`` in titles and bodies) for real."""
    from dossier.jobs.ingest import ingest

    store = Store(db)
    try:
        summary = ingest([str(HOSTILE_INPUTS)], store)
    finally:
        store.close()
    return summary.stored + summary.new_versions


def hold_searches(monkeypatch) -> tuple[threading.Event, list[str]]:  # noqa: ANN001
    """Make every search wait for the returned event (up to 30 s) before it runs; the
    list collects the queries as they start, so a test can see who is running."""
    from dossier.api import views

    release = threading.Event()
    started: list[str] = []
    real_search = views.search

    def held_search(store, q, **kw):  # noqa: ANN001, ANN003, ANN202
        started.append(q)
        release.wait(30)
        return real_search(store, q, **kw)

    monkeypatch.setattr(views, "search", held_search)
    return release, started
