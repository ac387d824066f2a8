"""A killed Dask ingest's partition folder goes: at once on SIGTERM, next start on SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dossier.scale.workdir import make_parts_dir, remove_stale_parts_dirs

ROOT = Path(__file__).resolve().parent.parent

#: A stand-in for the client during pass 2: folder made, finally-block clean-up, then a wait.
CHILD = """
import shutil, sys, time
from dossier.scale.workdir import exit_on_sigterm, make_parts_dir
with exit_on_sigterm():
    folder = make_parts_dir(sys.argv[1])
    try:
        open(folder + "/part-000000.parquet", "wb").write(b"x" * 1000)
        print(folder, flush=True)
        time.sleep(60)
    finally:
        shutil.rmtree(folder)
"""


def _start(parent: Path) -> tuple[subprocess.Popen, Path]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(parent)], stdout=subprocess.PIPE,
                             text=True, env=env)
    folder = Path(child.stdout.readline().strip())
    assert folder.is_dir()
    return child, folder


def test_sigkill_leaves_a_folder_the_next_start_removes(tmp_path):
    child, folder = _start(tmp_path)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert folder.is_dir()  # nothing ran in the killed process
    mine = Path(make_parts_dir(str(tmp_path)))  # a live ingest's folder: kept
    assert remove_stale_parts_dirs(str(tmp_path)) == [str(folder)]
    assert not folder.exists() and mine.is_dir()


def test_sigterm_runs_the_clean_up(tmp_path):
    child, folder = _start(tmp_path)
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert not folder.exists()


def test_folders_of_other_hosts_and_other_names_are_left_alone(tmp_path):
    other = tmp_path / "dossier-parts-otherhost-1-abc"
    unrelated = tmp_path / "dossier-parts-x"
    other.mkdir()
    unrelated.mkdir()
    assert remove_stale_parts_dirs(str(tmp_path)) == []
    assert other.is_dir() and unrelated.is_dir()
