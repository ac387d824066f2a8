"""Load test: 50 concurrent clients on loopback against story pages of a 10k-article store.

Builds a synthetic store (articles, stories, entities, dossiers shaped like the
story stage's output) in a temporary folder, starts the server (``create_app``
under uvicorn, as ``dossier serve`` does) on 127.0.0.1 in a subprocess, and
drives it with keep-alive HTTP/1.1 clients for a fixed time. Prints requests/s
and latency percentiles. Bounded and local: it stops by itself and never leaves
loopback.

    python benchmarks/serve.py [--articles 10200] [--clients 50] [--seconds 15]
                               [--mode both|cache|no-cache]

Two runs by default: with the page cache (after one crawl of every story page,
the server's steady state between ingests) and without it (every request
decodes and renders its dossier: the first view of each story after a change).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _text(rng: random.Random, n_words: int) -> str:
    sentences = []
    for _ in range(n_words // 15):
        words = rng.choices(WORDS, k=15)
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
    """A store of ``n_articles`` in stories of 4-12 articles; returns the story ids."""
    rng = random.Random(seed)
    store = Store(path)
    stories, assignments, mentions = [], [], {}
    made = 0
    with store.batch():
        while made < n_articles:
            sid = f"story{len(stories):05d}"
            size = rng.randint(4, 12)
            day = rng.randint(1, 28)
            people = rng.sample(PEOPLE, 4)
            ids = []
            for k in range(size):
                text = _text(rng, 350)
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
            story = Story(sid, ids, f"Story {sid}", f"2025-03-{day:02d}", f"2025-03-{day:02d}",
                          sorted({OUTLETS[k % len(OUTLETS)] for k in range(size)}))
            stories.append(story)
            assignments += [StoryAssignment(a, sid) for a in ids]
            store.save_dossier(sid, "1", _dossier(rng, story, people))
        store.replace_stories(stories, assignments)
        store.replace_entities(
            [CanonicalEntity(p, p, "PERSON") for p in PEOPLE], mentions)
    store.close()
    return [s.id for s in stories]


#: What ``dossier serve`` runs, started without the CLI so only the web stack is loaded.
SERVER = (
    "import sys, uvicorn; from dossier.api.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1], page_cache=int(sys.argv[3])), host='127.0.0.1', "
    "port=int(sys.argv[2]), log_level='warning')"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _client(port: int, paths: list[str], deadline: float, warmup_end: float,
                  latencies: list[float], errors: list[str], rng: random.Random,
                  once: bool = False) -> None:
    """One keep-alive connection: random pages until ``deadline`` (or each once)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    todo = list(paths) if once else None
    try:
        while (todo if once else time.perf_counter() < deadline):
            path = todo.pop() if todo is not None else rng.choice(paths)
            start = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            if status != 200:
                errors.append(f"{status} {path}")
            if start >= warmup_end:
                latencies.append(time.perf_counter() - start)
    finally:
        writer.close()


async def _load(port: int, paths: list[str], clients: int, seconds: float,
                warmup: float) -> tuple[list[float], list[str], float]:
    rng = random.Random(11)
    latencies: list[float] = []
    errors: list[str] = []
    begin = time.perf_counter()
    warmup_end = begin + warmup
    deadline = warmup_end + seconds
    await asyncio.gather(*(_client(port, paths, deadline, warmup_end, latencies, errors,
                                   random.Random(rng.random())) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - warmup_end


def _wait_for(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


async def _crawl(port: int, paths: list[str], clients: int) -> float:
    """Visit every page once (spread over the clients): the first views after a change."""
    start = time.perf_counter()
    chunks = [paths[i::clients] for i in range(clients)]
    rng = random.Random(3)
    await asyncio.gather(*(_client(port, chunk, float("inf"), float("inf"), [], [], rng,
                                   once=True) for chunk in chunks if chunk))
    return time.perf_counter() - start


def _run(db: str, paths: list[str], args: argparse.Namespace, cache: bool) -> str:
    port = _free_port()
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port),
                             "4096" if cache else "0"], env=env, stdout=subprocess.DEVNULL)
    try:
        _wait_for(port, proc)
        crawl = asyncio.run(_crawl(port, paths, args.clients)) if cache else 0.0
        latencies, errors, elapsed = asyncio.run(
            _load(port, paths, args.clients, args.seconds, args.warmup))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    label = f"cache on (crawl {crawl:.1f} s)" if cache else "cache off"
    return (f"{label:<24} {len(latencies):>9} {len(errors):>7} "
            f"{len(latencies) / elapsed:>8.1f} {_pct(latencies, 50):>8.1f} "
            f"{_pct(latencies, 90):>8.1f} {_pct(latencies, 99):>8.1f} "
            f"{max(latencies) * 1000:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--mode", choices=["both", "cache", "no-cache"], default="both")
    args = parser.parse_args()
    modes = {"both": [True, False], "cache": [True], "no-cache": [False]}[args.mode]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        t0 = time.perf_counter()
        story_ids = build_store(db, args.articles)
        built = time.perf_counter() - t0
        paths = [f"/stories/{sid}" for sid in story_ids]
        print(f"store: {args.articles} articles, {len(story_ids)} stories "
              f"(built in {built:.1f} s)")
        print(f"load: {args.clients} clients, {args.seconds:.0f} s after {args.warmup:.0f} s "
              "warm-up, GET /stories/{id} (random story), loopback")
        print(f"{'mode':<24} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} "
              f"{'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}", flush=True)
        for cache in modes:
            print(_run(db, paths, args, cache), flush=True)
    print("target: p99 < 200 ms")


if __name__ == "__main__":
    main()
