"""Server memory during an oversized ``POST /api/ingest``: peak RSS, before and after.

Starts the server (``create_app`` under uvicorn, as ``dossier serve`` does) with
ingest enabled over an empty store in a temporary folder, on 127.0.0.1 in a
subprocess, and uploads ``--mb`` megabytes of text (default 400, eight times the
50 MB limit) in two ways: with a ``Content-Length`` header, and chunked without
one. A fresh server per case, since the kernel's high-water mark (``VmHWM`` in
``/proc/<pid>/status``) only ever grows. Prints, per case, the status the
server answered, how much of the body it took before answering, and its peak
RSS before and after the upload. Bounded and local: never leaves loopback.

    python benchmarks/upload.py [--mb 400]

The client behaves as a careful one does: before each 1 MB chunk it looks for
an early answer and stops sending once there is one.

Measured on the 2-core dev machine (#16.5): with the body read whole before the
limit was checked, the server peaked at 955 MB (idle 154 MB) in both cases; with
the body spooled and cut at 50 MB, at 156 MB (Content-Length: 413 before any
body is read) and 157 MB (chunked: 413 once 50 MB have arrived).
"""

from __future__ import annotations

import argparse
import os
import select
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loopback import free_port, wait_for

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "benchmark-token"
SERVER = (
    "import sys, uvicorn; from dossier.api.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1], allow_ingest=True, ingest_token=sys.argv[3]), "
    "host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)
CHUNK = b"Dock workers met on Monday to resume talks over pay, the union said.\n" * 15420


def _hwm_mb(pid: int) -> float:
    """The process's peak resident set so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc (Linux only)")


def _upload(port: int, total: int, chunked: bool) -> tuple[str, int]:
    """Send ``total`` bytes; return the status line and how many bytes went out."""
    head = ["POST /api/ingest?name=big.txt HTTP/1.1", "Host: 127.0.0.1",
            f"X-Dossier-Token: {TOKEN}", "Content-Type: application/octet-stream"]
    head.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}")
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=300) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        try:
            while sent < total:
                if select.select([sock], [], [], 0)[0]:
                    break  # the server answered early: stop sending
                piece = CHUNK[: total - sent]
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                sent += len(piece)
            else:
                if chunked:
                    sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            answer = sock.recv(4096).decode("latin-1")
        except ConnectionResetError:
            answer = "(connection reset)"
    return (answer.splitlines() or ["(no answer)"])[0], sent


def _case(db: str, total: int, chunked: bool) -> str:
    port = free_port()
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port), TOKEN], env=env,
                            stdout=subprocess.DEVNULL)
    try:
        wait_for(port, proc)
        idle = _hwm_mb(proc.pid)
        start = time.perf_counter()
        status, sent = _upload(port, total, chunked)
        seconds = time.perf_counter() - start
        peak = _hwm_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    label = "chunked, no length" if chunked else "Content-Length"
    return (f"{label:<20} {status[9:][:28]:<28} {sent / 2**20:>8.0f} {idle:>9.0f} "
            f"{peak:>9.0f} {seconds:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=400, help="upload size in MB (2**20 bytes)")
    args = parser.parse_args()
    total = args.mb * 2**20
    print(f"upload: {args.mb} MB of text to POST /api/ingest, loopback, fresh server per case")
    print(f"{'body':<20} {'answer':<28} {'MB sent':>8} {'idle MB':>9} {'peak MB':>9} "
          f"{'s':>6}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for chunked in (False, True):
            print(_case(os.path.join(tmp, "upload.db"), total, chunked), flush=True)


if __name__ == "__main__":
    main()
