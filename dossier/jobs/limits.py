"""Per-document time limits, so one pathological page cannot stall a whole batch.

:func:`guarded_map` runs a per-document function (extraction, cleaning) over
many documents and yields, in order, either its result or a
:class:`~dossier.errors.StageError` naming the document: a
:class:`~dossier.errors.StageTimeout` when it ran past ``seconds``, a plain
``StageError`` when it raised or killed its worker. The batch always goes on.

Two ways to enforce the budget:

- ``isolate=True`` (default): the function runs in one long-lived worker
  process (forked where the platform allows, so a model loaded by the parent
  is shared). A document over budget gets its worker killed and a fresh one
  started; this stops anything, even a C extension that never returns to the
  interpreter, and ``recycle_after`` bounds memory on long runs.
- ``isolate=False``: a timer in the calling thread. No process, no pickling,
  but it only interrupts Python code. On the main thread of a POSIX process it
  is ``SIGALRM`` (which also stops a runaway regular expression); on any other
  thread (a Dask worker's task threads, a server's) a watchdog thread raises the
  timeout in the calling thread with ``PyThreadState_SetAsyncExc``, which takes
  effect at the next Python instruction (so not inside one long C call).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from dossier.errors import StageError, StageTimeout

T = TypeVar("T")
R = TypeVar("R")


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


# ------------------------------------------------------------------ in-thread (SIGALRM)


class _Alarm(BaseException):
    """Raised by the timer; a BaseException so the guarded code's ``except Exception`` misses it."""


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(_signum: int, _frame: Any) -> None:
        raise _Alarm

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make ``thread_id`` raise ``exc`` at its next Python instruction (None: cancel)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """SIGALRM's stand-in off the main thread: a timer thread interrupts this one.

    The lock and flag close the race with a timer that fires just as the guarded
    code returns: once ``done`` is set the timer cannot fire, and an interruption
    it already queued is withdrawn before this block is left (if it has not been
    raised already, inside the block, where the caller catches it).
    """
    target, lock, state = threading.get_ident(), threading.Lock(), {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(target, _Alarm)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
        if state["fired"]:
            _raise_in(target, None)


def _time_limit(seconds: float) -> Any:
    """The context that stops this thread's Python code after ``seconds`` with ``_Alarm``."""
    return _alarm(seconds) if _alarm_usable() else _watchdog(seconds)


def call_with_time_limit(
    fn: Callable[[T], R], item: T, *, seconds: float, stage: str, key: str
) -> R | StageError:
    """``fn(item)`` in this thread under a ``seconds`` budget; errors become StageErrors.

    ``seconds <= 0`` means no limit (exceptions are still caught).
    """
    try:
        if seconds <= 0:
            return fn(item)
        with _time_limit(seconds):
            return fn(item)
    except _Alarm:
        return StageTimeout(stage, key, f"stopped after the {seconds:g}-second limit")
    except Exception as exc:  # noqa: BLE001 - one document's failure must not end the batch
        return StageError(stage, key, _reason(exc))


# ------------------------------------------------------------------ worker process


_STOP = None  # sent to a worker to end it; items are never None


def _serve(fn: Callable[[Any], Any], conn: Connection) -> None:
    """The worker's loop: one item in, ("ok", result) or ("error", reason) out."""
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is _STOP:
            return
        try:
            conn.send(("ok", fn(item)))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, per document
            conn.send(("error", _reason(exc)))


class _Worker:
    """One child process running ``fn``; killed and replaced when a document overruns."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.fn = fn
        self.process: Any = None
        self.conn: Connection | None = None
        self.done = 0

    def start(self) -> None:
        parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_serve, args=(self.fn, child), daemon=True)
        self.process.start()
        child.close()
        self.conn, self.done = parent, 0

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None:
            return
        if self.conn is not None:
            if not kill:
                with suppress(OSError):
                    self.conn.send(_STOP)
            self.conn.close()
        if kill:
            self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process, self.conn = None, None

    def run(self, item: Any, seconds: float, stage: str, key: str) -> Any:
        if self.process is None:
            self.start()
        assert self.conn is not None
        try:
            self.conn.send(item)
            ready = self.conn.poll(seconds)
            if not ready:
                self.stop(kill=True)
                return StageTimeout(stage, key, f"stopped after the {seconds:g}-second limit")
            status, value = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            code = self.process.exitcode if self.process is not None else None
            self.stop(kill=True)
            return StageError(stage, key, f"worker process died (exit {code}): {exc!r}")
        self.done += 1
        return value if status == "ok" else StageError(stage, key, value)


def guarded_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    seconds: float,
    stage: str,
    key: Callable[[T], str] = str,
    isolate: bool = True,
    recycle_after: int | None = None,
) -> Iterator[R | StageError]:
    """``fn`` over ``items`` in order, each under a ``seconds`` budget; see the module doc.

    ``key(item)`` names a document in its StageError (an article id). With
    ``isolate``, items and results cross a process boundary, so both must
    pickle; ``recycle_after`` replaces the worker after that many documents.
    """
    if not isolate:
        for item in items:
            yield call_with_time_limit(fn, item, seconds=seconds, stage=stage, key=key(item))
        return
    worker = _Worker(fn)
    try:
        for item in items:
            if recycle_after and worker.done >= recycle_after:
                worker.stop()
            yield worker.run(item, seconds, stage, key(item))
    finally:
        worker.stop()
