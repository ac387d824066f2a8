"""Store maintenance: ``check`` (is the database sound?) and a lossless export/import.

Export format (chosen for streaming and diffability): one JSON Lines file,
optionally gzipped when its name ends in ``.gz``. The first line is a header
``{"dossier_export": 1, "migrations": [...], "tables": [...]}``; every other line
is one row, ``{"t": table, "r": {column: value}}``, tables in schema order and
rows in primary-key order; the last line is ``{"end": true, "rows": N}``, so a
cut-short file is refused rather than half imported. BLOBs (input bytes, linker
state) are written as ``{"$b64": "..."}``. Every table is exported except
SQLite's own, the migration log (the header carries it) and the full-text
index, which import rebuilds through the article triggers. Integer row ids (``seq``) are kept, so an
imported store answers exactly like the original.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from dossier.errors import StoreError
from dossier.store.base import StoreBase
from dossier.store.migrations import MIGRATIONS

EXPORT_VERSION = 1
_SKIP_PREFIXES = ("sqlite_", "articles_fts", "_migrations")


# ------------------------------------------------------------------ check


@dataclass
class CheckReport:
    """What ``check_store`` looked at and every problem it found (empty: sound)."""

    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


#: (name, SQL counting offending rows, what the problem means)
ORPHAN_CHECKS: list[tuple[str, str, str]] = [
    (
        "stories -> dossiers",
        "SELECT COUNT(*) FROM stories s WHERE NOT EXISTS "
        "(SELECT 1 FROM dossiers d WHERE d.story_id = s.id)",
        "stories without a dossier (a build failed or was cut short; run dossier link)",
    ),
    (
        "documents -> articles",
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = d.article_id)",
        "completion records naming an article that is not stored",
    ),
    (
        "documents -> inputs",
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM inputs i WHERE i.sha256 = d.input_sha256)",
        "completion records naming an input whose bytes are not stored",
    ),
    (
        "articles -> inputs",
        "SELECT COUNT(*) FROM articles a WHERE a.provenance IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM inputs i WHERE i.sha256 = json_extract(a.provenance, '$.input_sha256'))",
        "articles whose original input is not stored",
    ),
    (
        "article versions",
        "SELECT COUNT(*) FROM (SELECT id FROM articles GROUP BY id "
        "HAVING MIN(version) != 1 OR MAX(version) != COUNT(*))",
        "articles whose versions are not numbered 1..n",
    ),
    (
        "extractions -> articles",
        "SELECT COUNT(*) FROM extractions e WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = e.article_id AND a.version = e.article_version)",
        "extractions of an article version that is not stored",
    ),
    (
        "extraction failures -> articles",
        "SELECT COUNT(*) FROM extraction_failures f WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = f.article_id AND a.version = f.article_version)",
        "extraction failures of an article version that is not stored",
    ),
    (
        "story_articles -> articles",
        "SELECT COUNT(*) FROM story_articles s WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = s.article_id)",
        "story memberships of articles that are not stored",
    ),
    (
        "story_articles -> stories",
        "SELECT COUNT(*) FROM story_articles s WHERE NOT EXISTS "
        "(SELECT 1 FROM stories t WHERE t.id = s.story_id)",
        "story memberships of stories that do not exist",
    ),
    (
        "entity_mentions -> entities",
        "SELECT COUNT(*) FROM entity_mentions m WHERE NOT EXISTS "
        "(SELECT 1 FROM entities e WHERE e.id = m.entity_id)",
        "entity mentions of entities that do not exist",
    ),
    (
        "dossiers -> stories",
        "SELECT COUNT(*) FROM dossiers d WHERE NOT EXISTS "
        "(SELECT 1 FROM stories s WHERE s.id = d.story_id)",
        "dossiers of stories that do not exist",
    ),
]


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else [f"integrity_check: {r}" for r in rows[:20]]


def _fts(conn: sqlite3.Connection) -> list[str]:
    """The full-text index must cover exactly the stored articles, row for row.

    Read-only: the rows the index holds (its docsize table) against the
    articles' row ids. With a writable connection FTS5's own deep
    ``integrity-check`` runs too (it writes nothing, but SQLite wants write access).
    """
    missing, extra = conn.execute(
        "SELECT (SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.seq)), "
        "(SELECT COUNT(*) FROM articles_fts_docsize d WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.seq = d.id))"
    ).fetchone()
    problems = []
    if missing or extra:
        problems.append(f"full-text index: {missing} articles unindexed, {extra} stale entries")
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        if "readonly" not in str(exc):
            problems.append(f"full-text index out of step with articles: {exc}")
    return problems


def _migrations(conn: sqlite3.Connection) -> list[str]:
    done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    missing = [name for name, _ in MIGRATIONS if name not in done]
    return [f"migrations not applied: {', '.join(missing)}"] if missing else []


def _orphans(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for name, sql, meaning in ORPHAN_CHECKS:
        count = conn.execute(sql).fetchone()[0]
        if count:
            problems.append(f"{name}: {count} {meaning}")
    return problems


#: Every check ``dossier check`` runs, in order.
CHECKS: list[tuple[str, Callable[[sqlite3.Connection], list[str]]]] = [
    ("integrity", _integrity),
    ("migrations", _migrations),
    ("full-text index", _fts),
    ("orphan rows", _orphans),
]


def check_store(store: StoreBase) -> CheckReport:
    """Run every check in :data:`CHECKS`; a check that cannot run is itself a problem."""
    report = CheckReport()
    for name, run in CHECKS:
        report.checks.append(name)
        try:
            report.problems.extend(run(store.conn))
        except sqlite3.DatabaseError as exc:
            report.problems.append(f"{name}: cannot check ({exc})")
    return report


# ------------------------------------------------------------------ export / import


def data_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables that hold dossier's data, in creation order (the export's order)."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    return [r[0] for r in rows if not r[0].startswith(_SKIP_PREFIXES)]


def _columns(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[str]]:
    """(all columns, primary-key columns in key order) of ``table``."""
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    keys = sorted((r[5], r[1]) for r in info if r[5])
    return [r[1] for r in info], [name for _, name in keys]


def _encode(value: Any) -> Any:
    return {"$b64": base64.b64encode(value).decode("ascii")} if isinstance(value, bytes) else value


def _decode(value: Any) -> Any:
    """A value as written by :func:`_encode`; anything else an export cannot hold is refused."""
    if isinstance(value, dict):
        if set(value) != {"$b64"} or not isinstance(value["$b64"], str):
            raise ValueError("an object value that is not {\"$b64\": \"...\"}")
        try:
            return base64.b64decode(value["$b64"], validate=True)
        except binascii.Error as exc:
            raise ValueError(f"bad base64 ({exc})") from exc
    if isinstance(value, list):
        raise ValueError("a list value (no column holds one)")
    return value


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` in primary-key order, as a plain dict (BLOBs as bytes)."""
    columns, keys = _columns(conn, table)
    order = ", ".join(f'"{k}"' for k in keys or columns)
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
    for row in cursor:
        yield {
            c: (bytes(v) if isinstance(v, memoryview) else v)
            for c, v in zip(columns, row, strict=True)
        }


def _open(path: str | Path, mode: str, *, named: str | Path | None = None) -> IO[str]:
    """A text handle on ``path``, gzipped when ``named`` (default ``path``) ends in .gz."""
    if str(named or path).endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8")
    return open(path, mode, encoding="utf-8")


def export_store(store: StoreBase, path: str | Path) -> dict[str, int]:
    """Write the whole store to ``path`` (see module docstring); return rows per table.

    Reads inside one transaction, so a concurrent ingest cannot make the export
    a mix of two states.
    """
    conn = store.conn
    counts: dict[str, int] = {}
    partial = Path(f"{path}.partial")
    if not partial.parent.is_dir():
        raise StoreError(f"cannot write {path}: folder {partial.parent} does not exist")
    conn.execute("BEGIN")
    try:
        tables = data_tables(conn)
        with _open(partial, "w", named=path) as out:
            header = {"dossier_export": EXPORT_VERSION, "tables": tables}
            header["migrations"] = [r[0] for r in conn.execute("SELECT name FROM _migrations")]
            out.write(json.dumps(header) + "\n")
            for table in tables:
                counts[table] = 0
                for row in table_rows(conn, table):
                    record = {"t": table, "r": {k: _encode(v) for k, v in row.items()}}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    counts[table] += 1
            out.write(json.dumps({"end": True, "rows": sum(counts.values())}) + "\n")
        partial.replace(path)  # a crashed export never leaves a file that looks whole
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        conn.rollback()
        partial.unlink(missing_ok=True)
    return counts


def _read_header(lines: Iterator[str], path: str | Path) -> dict[str, Any]:
    try:
        header = json.loads(next(lines))
    except UnicodeDecodeError:
        raise  # import_store names it
    except (StopIteration, ValueError) as exc:
        raise StoreError(f"{path}: not a dossier export (no header line)") from exc
    if not isinstance(header, dict) or header.get("dossier_export") != EXPORT_VERSION:
        raise StoreError(f"{path}: not a dossier export of version {EXPORT_VERSION}")
    for key in ("tables", "migrations"):
        value = header.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise StoreError(f"{path}: header field {key!r} is not a list of names")
    unknown = set(header.get("migrations", [])) - {name for name, _ in MIGRATIONS}
    if unknown:
        raise StoreError(f"{path}: made by a newer dossier (migrations {sorted(unknown)})")
    return header


def import_store(store: StoreBase, path: str | Path) -> dict[str, int]:
    """Load an export into an EMPTY store, all or nothing; return rows per table."""
    conn = store.conn
    if any(conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in data_tables(conn)):
        raise StoreError(f"{store.path} is not empty; import only into a new database")
    counts: dict[str, int] = {}
    try:
        with _open(path, "r") as handle, store.batch():
            lines = iter(handle)
            named = set(_read_header(lines, path).get("tables", []))
            tables = {t: set(_columns(conn, t)[0]) for t in data_tables(conn) if t in named}
            end = None
            for number, line in enumerate(lines, 2):
                if end is not None:
                    raise StoreError(f"{path}: line {number} follows the end line")
                if line.startswith('{"end"'):
                    end = _end_line(line, number, path)
                    continue
                table = _import_line(conn, line, number, path, tables)
                counts[table] = counts.get(table, 0) + 1
            if end is None or end.get("rows") != sum(counts.values()):
                raise StoreError(f"{path}: export is truncated (no end line or rows missing)")
    except UnicodeDecodeError as exc:
        raise StoreError(f"cannot import {path}: not UTF-8 text ({exc.reason})") from exc
    except (OSError, EOFError, sqlite3.DatabaseError) as exc:
        raise StoreError(f"cannot import {path}: {exc}") from exc
    return counts


def _end_line(line: str, number: int, path: str | Path) -> dict[str, Any]:
    try:
        end = json.loads(line)
    except ValueError as exc:
        raise StoreError(f"{path}: line {number} (the end line) is not JSON ({exc})") from exc
    if not isinstance(end, dict):
        raise StoreError(f"{path}: line {number} is not a valid end line")
    return end


def _import_line(
    conn: sqlite3.Connection, line: str, number: int, path: str | Path,
    tables: dict[str, set[str]],
) -> str:
    """Insert one row line; return its table. Any bad value names the line it is on."""
    record = _record(line, number, path, tables)
    try:
        _insert(conn, record["t"], {k: _decode(v) for k, v in record["r"].items()})
    except (ValueError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: line {number} ({record['t']}): {exc}") from exc
    return record["t"]


def _record(
    line: str, number: int, path: str | Path, tables: dict[str, set[str]]
) -> dict[str, Any]:
    """One row line, checked against the schema (names reach SQL, so none is trusted)."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise StoreError(f"{path}: line {number} is not JSON ({exc})") from exc
    if not isinstance(record, dict) or record.get("t") not in tables:
        raise StoreError(f"{path}: line {number} is not a row of a known table")
    if not isinstance(record.get("r"), dict) or not set(record["r"]) <= tables[record["t"]]:
        raise StoreError(f"{path}: line {number} has columns {record['t']} does not have")
    return record


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    """One row as read: memory stays one row deep however big the export."""
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))
