"""Bounded fuzzing of every reader with atheris (libFuzzer for Python); not run in CI.

    python benchmarks/fuzz.py [--seconds 60] [--reader warc ...]

Each reader runs in its own process for ``--seconds`` (libFuzzer's Fuzz() can
run once per process), coverage-guided over dossier's own modules, seeded with
the sources test fixtures. A finding is: an exception escaping the raw reader
(``read_input`` would turn it into a rejection, but it is still a bug), or a
document or rejection whose strings are not valid UTF-8 or contain NUL.
Crashing inputs are written to ``--artifacts`` (default ./fuzz-artifacts).
Without atheris (``pip install atheris``) a hypothesis loop with random and
mutated bytes stands in, for the same time. Prints one table row per reader.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "sources"
READER_NAMES = ["text", "html", "jsonl", "warc", "feed", "detect"]


def check_item(item: object) -> None:
    """Raise AssertionError when a reader's output breaks the sources contract."""
    from dossier.model import RawDocument, Rejected

    assert isinstance(item, RawDocument | Rejected), type(item)
    values = [item.reason, item.source] if isinstance(item, Rejected) else [
        item.text or "", item.html or "", *(v for v in item.meta.values() if isinstance(v, str))
    ]
    for value in values:
        assert "\x00" not in value, "NUL in output"
        value.encode("utf-8")


def one_input(reader: str, data: bytes) -> None:
    """Feed ``data`` to one reader (``detect``: the whole guarded read_input path)."""
    from dossier.sources import READERS, InputFile, SourceConfig, read_input

    config = SourceConfig(max_bytes=1 << 20, max_records=200)
    inp = InputFile.from_bytes(f"fuzz.{reader}", data)
    items = read_input(inp, config) if reader == "detect" else READERS[reader](inp, config)
    for item in items:
        check_item(item)


def run_atheris(reader: str, seconds: int, artifacts: Path) -> int:
    import atheris

    with atheris.instrument_imports(include=["dossier"]):
        import dossier.sources  # noqa: F401

    seeds = Path(tempfile.mkdtemp(prefix="fuzz-seeds-"))
    for path in FIXTURES.glob("*"):
        (seeds / path.name).write_bytes(path.read_bytes())
    artifacts.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=2048", "-timeout=20",
            f"-artifact_prefix={artifacts}/{reader}-", str(seeds)]
    atheris.Setup(argv, lambda data: one_input(reader, data))
    atheris.Fuzz()
    return 0


def run_hypothesis(reader: str, seconds: int, artifacts: Path) -> int:
    """The stand-in when atheris is missing: random and fixture-mutated bytes."""
    import random

    rng = random.Random(0)
    seeds = [p.read_bytes() for p in FIXTURES.glob("*")]
    deadline, runs = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 16)):
            at = rng.randrange(max(1, len(data)))
            data[at:at + rng.randint(0, 8)] = os.urandom(rng.randint(0, 8))
        try:
            one_input(reader, bytes(data))
        except Exception:
            artifacts.mkdir(parents=True, exist_ok=True)
            (artifacts / f"{reader}-crash-{runs}").write_bytes(bytes(data))
            raise
        runs += 1
    print(f"runs: {runs}")
    return 0


def child(reader: str, seconds: int, artifacts: Path) -> int:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return run_hypothesis(reader, seconds, artifacts)
    return run_atheris(reader, seconds, artifacts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="fuzzing time per reader")
    parser.add_argument("--reader", action="append", choices=READER_NAMES, help="default: all")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-artifacts"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.exit(child(args.child, args.seconds, args.artifacts.resolve()))
    print(f"{'reader':<8} {'seconds':>7} {'result':<8} detail")
    for reader in args.reader or READER_NAMES:
        start = time.monotonic()
        command = [sys.executable, __file__, "--child", reader, "--seconds", str(args.seconds),
                   "--artifacts", str(args.artifacts)]
        proc = subprocess.run(command, capture_output=True, text=True, errors="replace",
                              timeout=args.seconds * 3 + 120)
        log = (proc.stdout + proc.stderr).strip().splitlines()
        done = [line for line in log if line.startswith(("Done ", "runs: "))]
        crash = [line for line in log if "Uncaught Python exception" in line or "Error" in line]
        result = "ok" if proc.returncode == 0 else "FINDING"
        detail = (done or [""])[-1] if result == "ok" else "; ".join(crash[:3] or log[-3:])
        print(f"{reader:<8} {time.monotonic() - start:>7.0f} {result:<8} {detail}")


if __name__ == "__main__":
    main()
