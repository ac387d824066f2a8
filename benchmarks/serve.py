"""Load test: 50 concurrent clients on loopback, mixed pages and API, default settings.

Builds a synthetic store (articles, stories of 1-12 articles, entities, dossiers
shaped like the story stage's output) in a temporary folder, starts the server
exactly as ``dossier serve`` does (``dossier.cli.serve.serve`` with its defaults:
response cache, search budget, Host check) on 127.0.0.1 in a subprocess, and
drives it with keep-alive HTTP/1.1 clients for a fixed time. Each request picks
an endpoint kind by weight (``MIX``): story pages, story list pages, entity
pages, /api/stories, /api/stories/{id}, /api/articles walked by cursor and
/api/search with short queries. Prints one row per kind and an overall row.
Bounded and local: it stops by itself and never leaves loopback.

    python benchmarks/serve.py [--articles 10200] [--clients 50] [--seconds 15]
                               [--page-cache-mb N] [--no-crawl]

By default every story page and API story is visited once before the timed run
(the steady state between ingests); ``--no-crawl`` times the first views after a
change instead. ``--page-cache-mb`` overrides the server default (0: no cache).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from loopback import free_port, wait_for

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dossier.model import Article, CanonicalEntity, RemovedText, Story, StoryAssignment  # noqa: E402
from dossier.store import Store  # noqa: E402

OUTLETS = ["Harbor Ledger", "Meridian", "Valcourt Daily", "Calder Post", "Northwind Wire",
           "Kestrel Times", "Lisk Courier", "Port Gazette"]
WORDS = ("minister", "council", "river", "strike", "union", "bank", "rate", "fire", "mill",
         "inspection", "audit", "contract", "mayor", "flood", "water", "authority", "evacuated",
         "talks", "claim", "denied", "said", "reported", "police", "court", "vote", "budget",
         "port", "harbour", "rail", "station")
PEOPLE = [f"Person {chr(65 + i)}{chr(97 + j)}" for i in range(20) for j in range(10)]
#: 400 place names; each story is about one, so a search for it finds a few stories.
PLACES = [a + b for a in ("kel", "mar", "dun", "ost", "vel", "bra", "tor", "lis", "hal", "cor",
                          "fen", "gar", "nor", "pel", "rav", "sul", "tam", "ulm", "wex", "yar")
          for b in ("by", "ford", "mouth", "stead", "wick", "ton", "holm", "dale", "gate", "port",
                    "mere", "ridge", "brook", "field", "moor", "haven", "cliff", "wood", "ham",
                    "stow")]
#: Story sizes and their weights: most stories are one or two articles, as in real feeds.
SIZES, SIZE_WEIGHTS = [1, 2, 3, 4, 6, 8, 12], [50, 25, 10, 6, 4, 3, 2]


def _text(rng: random.Random, n_words: int, place: str = "") -> str:
    sentences = []
    for _ in range(n_words // 15):
        words = rng.choices(WORDS, k=15)
        if place and rng.random() < 0.2:
            words[rng.randrange(15)] = place
        sentences.append(" ".join(words).capitalize() + ".")
    return "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def _dossier(rng: random.Random, story: Story, people: list[str]) -> dict:
    outlets = story.outlets
    facts = [{"id": f"f{i}", "kind": "event", "text": _text(rng, 15),
              "outlets": rng.sample(outlets, rng.randint(1, len(outlets))),
              "reported_by": outlets, "evidence": []} for i in range(12)]
    claims = [{"claim_fact_id": "f0", "speaker": people[0], "text": _text(rng, 15),
               "status": "disputed",
               "responses": [{"fact_id": f"f{i}", "responder": p, "act": "deny",
                              "text": _text(rng, 15), "outlets": outlets[:2]}
                             for i, p in enumerate(people[1:4])]}]
    timeline = [{"date": f"2025-03-{d:02d}", "expression": "Monday", "fact_id": f"f{d % 12}",
                 "text": _text(rng, 15), "outlets": outlets[:2]}
                for d in sorted(rng.sample(range(1, 29), 6))]
    return {"schema_version": "1", "story_id": story.id, "title": story.title,
            "first_date": story.first_date, "last_date": story.last_date, "outlets": outlets,
            "facts": facts, "claims": claims, "timeline": timeline,
            "exclusive": {outlets[0]: ["f1"]},
            "contradictions": [{"slot": "count", "subject": "toll", "fact_ids": ["f2", "f3"],
                                "values": [{"value": "12", "outlets": outlets[:1],
                                            "article_ids": [], "sentence": "twelve"},
                                           {"value": "15", "outlets": outlets[1:2],
                                            "article_ids": [], "sentence": "fifteen"}]}],
            "summary": [_text(rng, 45)],
            "people": [{"name": p, "roles": ["official"], "articles": 3} for p in people]}


def build_store(path: str, n_articles: int, seed: int = 7) -> list[str]:
    """A store of ``n_articles`` in stories of 1-12 articles (``SIZES``); returns their ids."""
    rng = random.Random(seed)
    store = Store(path)
    stories, assignments, mentions = [], [], {}
    made = 0
    with store.batch():
        while made < n_articles:
            sid = f"story{len(stories):05d}"
            size = rng.choices(SIZES, SIZE_WEIGHTS)[0]
            day = rng.randint(1, 28)
            people = rng.sample(PEOPLE, 4)
            place = rng.choice(PLACES)
            ids = []
            for k in range(size):
                text = _text(rng, 350, place)
                article = Article(
                    id=f"a{made:06d}", text=text, title=f"{sid} report {k}",
                    outlet=OUTLETS[k % len(OUTLETS)], published=f"2025-03-{day:02d}",
                    url=f"https://example.org/{made}", text_sha256=hashlib.sha256(
                        text.encode()).hexdigest(),
                    removed=[RemovedText("Subscribe now", "call_to_action")])
                store.add_article(article)
                ids.append(article.id)
                for j, person in enumerate(people):
                    mentions[(article.id, f"e{j}")] = person
                made += 1
            story = Story(sid, ids, f"Story {sid} in {place.capitalize()}",
                          f"2025-03-{day:02d}", f"2025-03-{day:02d}",
                          sorted({OUTLETS[k % len(OUTLETS)] for k in range(size)}))
            stories.append(story)
            assignments += [StoryAssignment(a, sid) for a in ids]
            store.save_dossier(sid, "1", _dossier(rng, story, people))
        store.replace_stories(stories, assignments)
        store.replace_entities(
            [CanonicalEntity(p, p, "PERSON") for p in PEOPLE], mentions)
    store.close()
    return [s.id for s in stories]


#: ``dossier serve`` itself (its defaults unless --page-cache-mb is given), without the CLI.
SERVER = (
    "import sys; from dossier.cli.serve import serve; "
    "kw = {'page_cache_mb': int(sys.argv[3])} if sys.argv[3] != 'default' else {}; "
    "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), **kw)"
)

#: Endpoint kinds and their share of requests.
MIX = {"story page": 25, "story list page": 10, "entity page": 10, "api stories": 10,
       "api story": 15, "api articles": 15, "api search": 15}
QUERIES = [p for p in PLACES[::10]] + [f"{p} council" for p in PLACES[5::20]] + \
          ["strike mill", "flood authority", "audit contract", "harbour rail", "budget vote"]


class Mix:
    """Picks the next path of each kind; walks /api/articles by its ``next`` cursors."""

    def __init__(self, story_ids: list[str], rng: random.Random) -> None:
        self.story_ids, self.rng = story_ids, rng
        self.kinds, self.weights = list(MIX), list(MIX.values())
        self.cursor: str | None = None

    def next(self) -> tuple[str, str]:
        kind = self.rng.choices(self.kinds, self.weights)[0]
        rng, sid = self.rng, self.rng.choice(self.story_ids)
        pages = len(self.story_ids) // 20
        path = {
            "story page": f"/stories/{sid}",
            "story list page": f"/?offset={20 * rng.randrange(pages)}" if rng.random() < .8
            else "/",
            "entity page": f"/entities/{quote(rng.choice(PEOPLE))}",
            "api stories": f"/api/stories?offset={50 * rng.randrange(pages // 3)}",
            "api story": f"/api/stories/{sid}",
            "api articles": "/api/articles?limit=50"
            + (f"&after={self.cursor}" if self.cursor else ""),
            "api search": f"/api/search?q={quote(rng.choice(QUERIES))}",
        }[kind]
        return kind, path

    def seen(self, kind: str, body: bytes) -> None:
        if kind == "api articles":
            self.cursor = json.loads(body)["next"]


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
               path: str) -> tuple[int, bytes]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    return status, await reader.readexactly(length)


async def _client(port: int, mix: Mix, deadline: float, warmup_end: float,
                  results: dict[str, list[float]], errors: dict[str, list[str]]) -> None:
    """One keep-alive connection asking for mixed paths until ``deadline``."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            kind, path = mix.next()
            start = time.perf_counter()
            status, body = await _get(reader, writer, path)
            elapsed = time.perf_counter() - start
            if status == 200:
                mix.seen(kind, body)
            if start >= warmup_end:
                results[kind].append(elapsed)
                if status != 200:
                    errors[kind].append(f"{status} {path}")
    finally:
        writer.close()


async def _load(port: int, story_ids: list[str], clients: int, seconds: float,
                warmup: float) -> tuple[dict[str, list[float]], dict[str, list[str]], float]:
    rng = random.Random(11)
    results: dict[str, list[float]] = {kind: [] for kind in MIX}
    errors: dict[str, list[str]] = {kind: [] for kind in MIX}
    begin = time.perf_counter()
    warmup_end = begin + warmup
    deadline = warmup_end + seconds
    await asyncio.gather(*(_client(port, Mix(story_ids, random.Random(rng.random())), deadline,
                                   warmup_end, results, errors) for _ in range(clients)))
    return results, errors, time.perf_counter() - warmup_end


async def _crawl(port: int, paths: list[str], clients: int) -> None:
    """Visit every path once, spread over the clients (the first views after a change)."""
    async def one(chunk: list[str]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for path in chunk:
                await _get(reader, writer, path)
        finally:
            writer.close()

    await asyncio.gather(*(one(paths[i::clients]) for i in range(clients)))


def _row(label: str, latencies: list[float], errors: int, elapsed: float) -> str:
    if not latencies:
        return f"{label:<18} {0:>9} {errors:>7}"
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 \
        else [latencies[0]] * 99
    return (f"{label:<18} {len(latencies):>9} {errors:>7} {len(latencies) / elapsed:>8.1f} "
            f"{q[49] * 1000:>8.1f} {q[89] * 1000:>8.1f} {q[98] * 1000:>8.1f} "
            f"{max(latencies) * 1000:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--page-cache-mb", default="default",
                        help="server response cache in MB (default: dossier serve's default)")
    parser.add_argument("--no-crawl", action="store_true",
                        help="skip visiting every story once before the timed run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        t0 = time.perf_counter()
        story_ids = build_store(db, args.articles)
        print(f"store: {args.articles} articles, {len(story_ids)} stories "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        port = free_port()
        env = os.environ | {"PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port),
                                 str(args.page_cache_mb)], env=env, stdout=subprocess.DEVNULL)
        try:
            wait_for(port, proc)
            crawl = "no crawl"
            if not args.no_crawl:
                t0 = time.perf_counter()
                paths = [f"{prefix}/stories/{sid}" for sid in story_ids for prefix in ("", "/api")]
                asyncio.run(_crawl(port, paths, args.clients))
                crawl = f"crawled {len(paths)} story URLs in {time.perf_counter() - t0:.1f} s"
            results, errors, elapsed = asyncio.run(
                _load(port, story_ids, args.clients, args.seconds, args.warmup))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    cache = "default" if args.page_cache_mb == "default" else f"{args.page_cache_mb} MB"
    print(f"server: dossier serve, page cache {cache}; {crawl}")
    print(f"load: {args.clients} clients, {args.seconds:.0f} s after {args.warmup:.0f} s "
          "warm-up, mixed endpoints, loopback")
    print(f"{'kind':<18} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} "
          f"{'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in MIX:
        print(_row(kind, results[kind], len(errors[kind]), elapsed))
    every = [x for values in results.values() for x in values]
    print(_row("overall", every, sum(len(e) for e in errors.values()), elapsed))
    for kind, problems in errors.items():
        if problems:
            print(f"  {kind} errors, e.g. {problems[0]}")
    print("target: p99 < 200 ms overall")


if __name__ == "__main__":
    main()
