"""Per-document time limits: a slow or crashing document costs only itself."""

from __future__ import annotations

import os
import time

import pytest

from dossier.errors import StageError, StageTimeout
from dossier.jobs.limits import call_with_time_limit, guarded_map


def fake_stage(item: str) -> str:
    """A stand-in stage: 'slow' sleeps, 'spin' loops forever, 'boom' raises, 'die' exits."""
    if item == "slow":
        time.sleep(30)
    if item == "spin":
        while True:
            pass
    if item == "boom":
        raise ValueError("bad page")
    if item == "die":
        os._exit(3)
    return item.upper()


@pytest.mark.parametrize("isolate", [True, False])
def test_slow_documents_are_stopped_and_the_batch_goes_on(isolate: bool) -> None:
    items = ["a", "slow", "b", "spin", "c"]
    start = time.monotonic()
    results = list(guarded_map(fake_stage, items, seconds=0.5, stage="fake", isolate=isolate))
    assert time.monotonic() - start < 15
    assert [r for r in results if isinstance(r, str)] == ["A", "B", "C"]
    timeouts = [r for r in results if isinstance(r, StageTimeout)]
    assert [t.article_id for t in timeouts] == ["slow", "spin"]
    assert all("0.5-second limit" in str(t) and t.stage == "fake" for t in timeouts)


@pytest.mark.parametrize("isolate", [True, False])
def test_a_raising_document_becomes_a_stage_error(isolate: bool) -> None:
    results = list(guarded_map(fake_stage, ["boom", "x"], seconds=5, stage="fake", isolate=isolate))
    assert isinstance(results[0], StageError) and "ValueError: bad page" in str(results[0])
    assert results[1] == "X"


def test_a_document_that_kills_its_worker_costs_only_itself() -> None:
    results = list(guarded_map(fake_stage, ["a", "die", "b"], seconds=5, stage="fake"))
    assert results[0] == "A" and results[2] == "B"
    assert isinstance(results[1], StageError) and "worker process died" in str(results[1])


def test_worker_is_recycled_after_a_number_of_documents() -> None:
    pids = list(guarded_map(lambda _: os.getpid(), range(6), seconds=5, stage="p", recycle_after=2))
    assert len(set(pids)) == 3 and os.getpid() not in pids


def test_time_limit_in_this_thread_restores_the_previous_handler() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    result = call_with_time_limit(fake_stage, "spin", seconds=0.2, stage="s", key="k")
    assert isinstance(result, StageTimeout) and result.article_id == "k"
    assert signal.getsignal(signal.SIGALRM) is before


def test_time_limit_off_the_main_thread() -> None:
    """Dask runs tasks on worker threads, where SIGALRM cannot reach: the watchdog does
    (for Python code; a sleep or other long C call is only stopped once it returns)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(
            call_with_time_limit, fake_stage, "spin", seconds=0.3, stage="s", key="k"
        ).result(timeout=60)
        # The thread is usable afterwards: no interruption is left pending in it.
        after = pool.submit(call_with_time_limit, fake_stage, "ok", seconds=5, stage="s", key="k")
        assert after.result(timeout=60) == "OK"
    assert isinstance(result, StageTimeout) and "0.3-second limit" in str(result)


def test_a_fast_call_off_the_main_thread_is_not_interrupted_later() -> None:
    from concurrent.futures import ThreadPoolExecutor

    def quick_then_wait(item: str) -> str:
        out = call_with_time_limit(fake_stage, item, seconds=0.2, stage="s", key="k")
        time.sleep(0.5)  # past the limit: a leftover timer would interrupt this sleep
        return out

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(quick_then_wait, "a").result(timeout=60) == "A"
