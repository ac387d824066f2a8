"""Turning command-line paths into inputs: files, folders, globs and ``-`` (stdin).

Every problem becomes a :class:`Rejected` naming the path, never an exception,
so one unreadable file cannot stop a batch. Folders are walked recursively in
sorted order (deterministic runs), hidden entries skipped, and symlinked folders
followed only once: a folder already on the walk (a symlink loop) is refused.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO

from dossier.model import Rejected
from dossier.sources.base import InputFile, SourceConfig, sha256_hex
from dossier.sources.gzipped import GzipError, gunzip_bounded, is_gzip

STDIN = "-"
STDIN_NAME = "<stdin>"
_GLOB_CHARS = frozenset("*?[")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (file is not readable)"
    if exc.errno == errno.ENOENT:
        return "no such file or directory (or a broken symlink)"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


def display_name(path: str) -> str:
    """The path as valid UTF-8: undecodable bytes in a file name become U+FFFD.

    Python hands such names over with lone surrogates, which SQLite and JSON
    refuse; the store and reports need a printable name, not a reopenable one.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        path = path.encode("utf-8", "replace").decode("utf-8")
    return path.replace("\x00", "")


def make_inputs(name: str, raw: bytes, config: SourceConfig) -> list[InputFile | Rejected]:
    """Check size and emptiness, gunzip within bounds, and hash the bytes as given.

    Usually one item. A gzip stream cut off or corrupted after some complete
    members gives two: the Rejected naming the damage, then the InputFile with
    the complete members, so a truncated WARC.gz still yields its whole records.
    """
    if len(raw) > config.max_bytes:
        return [Rejected(name, f"file too large: over the {config.max_bytes}-byte limit")]
    if not raw.strip():
        return [Rejected(name, "empty file")]
    if not is_gzip(raw):
        return [InputFile(name=name, data=raw, sha256=sha256_hex(raw))]
    try:
        data = gunzip_bounded(raw, config.max_bytes, config.max_ratio, config.ratio_floor)
    except GzipError as exc:
        if not exc.complete.strip():
            return [Rejected(name, str(exc))]
        kept = f"{exc}; kept the {len(exc.complete)} bytes of its complete gzip members"
        return [Rejected(name, kept), InputFile(name, exc.complete, sha256_hex(raw), raw)]
    if not data.strip():
        return [Rejected(name, "empty file (gzip stream holds no data)")]
    return [InputFile(name=name, data=data, sha256=sha256_hex(raw), original=raw)]


def _read_file(path: str, config: SourceConfig) -> list[InputFile | Rejected]:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return [Rejected(path, "is a directory")]
        if not stat.S_ISREG(info.st_mode):
            return [Rejected(path, "not a regular file (device, pipe or socket)")]
        if info.st_size > config.max_bytes:
            return [
                Rejected(
                    path,
                    f"file too large: {info.st_size} bytes, over the {config.max_bytes}-byte limit",
                )
            ]
        with open(path, "rb") as handle:
            raw = handle.read(config.max_bytes + 1)
    except OSError as exc:
        return [Rejected(path, _os_reason(exc))]
    return make_inputs(path, raw, config)


def _read_stdin(stream: BinaryIO | None, config: SourceConfig) -> list[InputFile | Rejected]:
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        raw = stream.read(config.max_bytes + 1)
    except (OSError, ValueError) as exc:
        return [Rejected(STDIN_NAME, f"cannot read standard input: {exc}")]
    return make_inputs(STDIN_NAME, raw, config)


def _walk(
    folder: str, config: SourceConfig, seen: set[tuple[int, int]], depth: int
) -> Iterator[str | Rejected]:
    """Paths of regular-looking entries under ``folder``, sorted, loops refused."""
    try:
        info = os.stat(folder)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield Rejected(folder, "symlink loop: this folder is already being walked")
            return
        if depth > config.max_depth:
            yield Rejected(folder, f"folder nesting deeper than {config.max_depth} levels")
            return
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejected(folder, _os_reason(exc))
        return
    seen = seen | {key}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks; ELOOP lands below
        except OSError as exc:
            yield Rejected(entry.path, _os_reason(exc))
            continue
        if is_dir:
            yield from _walk(entry.path, config, seen, depth + 1)
        else:
            yield entry.path


def _expand(path: str, config: SourceConfig) -> Iterator[str | Rejected]:
    if os.path.isdir(path):
        yield from _walk(path, config, set(), 0)
    elif os.path.lexists(path) or not _GLOB_CHARS & set(path):
        yield path
    else:
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield Rejected(path, "no files match this pattern")
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, config, set(), 0)
            else:
                yield match


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]],
    config: SourceConfig | None = None,
    *,
    stdin: BinaryIO | None = None,
    skip: Iterable[str | os.PathLike[str]] = (),
    names: Mapping[str, str] | None = None,
) -> Iterator[InputFile | Rejected]:
    """Every input named by ``paths``, in order, each as bytes or a reason it has none.

    A file reached twice (a folder and a glob overlapping) is read once.
    ``stdin`` replaces ``sys.stdin.buffer`` for ``-`` (tests, the API).
    Files in ``skip`` (the store's own database files) are passed over quietly.
    ``names`` maps a given file path to the name its input, documents and
    rejections carry instead (provenance, format hints): the HTTP upload keeps
    the name the client sent, not the temporary file it was spooled to.
    """
    config = config or SourceConfig()
    names = names or {}
    done: set[str] = {os.path.realpath(path) for path in skip}
    for given in map(os.fspath, paths):
        if given == STDIN:
            yield from _read_stdin(stdin, config)
            continue
        for item in _expand(given, config):
            if isinstance(item, Rejected):
                yield Rejected(display_name(names.get(item.source, item.source)), item.reason)
                continue
            real = os.path.realpath(item)
            if real in done:
                continue
            done.add(real)
            name = display_name(names.get(item, item))
            for result in _read_file(item, config):
                if name == item:
                    yield result
                elif isinstance(result, Rejected):
                    yield Rejected(name, result.reason)
                else:
                    yield InputFile(name, result.data, result.sha256, result.original)
