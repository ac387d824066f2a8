"""The folder a Dask ingest's workers write their partitions to, and the clean-up of old ones.

A normal end (or an exception, Ctrl+C, or SIGTERM under :func:`exit_on_sigterm`)
removes the folder in ``DaskRunner.ingest``'s ``finally``. A killed client (SIGKILL,
the OOM killer, a power cut) runs no code at all, so each folder's name carries the
host and process id that made it, and the next Dask ingest on that host removes the
folders whose process is gone.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "dossier-parts-"


def _host() -> str:
    """This host's name in a form safe inside a folder name (no ``-`` so it splits cleanly)."""
    return "".join(c if c.isalnum() else "_" for c in socket.gethostname()) or "host"


def make_parts_dir(parent: str | None = None) -> str:
    """A new, empty partition folder under ``parent`` (default: the system temp folder)."""
    if parent:
        os.makedirs(parent, exist_ok=True)
    return tempfile.mkdtemp(prefix=f"{PREFIX}{_host()}-{os.getpid()}-", dir=parent)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive, not ours to judge
    return True


def remove_stale_parts_dirs(parent: str | None = None) -> list[str]:
    """Remove partition folders left by dead ingests on this host; return what was removed.

    Folders of live processes (another ingest running now) and of other hosts
    (a shared ``workdir``) are left alone.
    """
    root = Path(parent or tempfile.gettempdir())
    removed: list[str] = []
    if not root.is_dir():
        return removed
    host = _host()
    for folder in root.glob(f"{PREFIX}{host}-*"):
        pid_text = folder.name[len(PREFIX) + len(host) + 1:].split("-", 1)[0]
        if not pid_text.isdigit() or not folder.is_dir() or _alive(int(pid_text)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(str(folder))
    return removed


@contextmanager
def exit_on_sigterm() -> Iterator[None]:
    """Inside, SIGTERM raises ``SystemExit(143)``, so ``finally`` clean-ups run.

    Python's default SIGTERM ends the process at once, leaving the partition
    folder behind. Only the main thread may set handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise SystemExit(128 + signal.SIGTERM)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
