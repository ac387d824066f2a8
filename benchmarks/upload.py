"""Peak memory of the server while it refuses a huge upload (issue 16, item 5).

Starts the server (``create_app`` under uvicorn, as ``dossier serve --allow-ingest``
does) on 127.0.0.1 in a subprocess, streams a chunked body of ``--mb`` megabytes to
``POST /api/ingest`` with the token, and prints the server's resident memory before
and its peak (``VmHWM``) after. Before the body was streamed, a 400 MB upload took the
server from 0.49 to 1.19 GB; now it stops reading at the 50 MB limit.

    python benchmarks/upload.py [--mb 400]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"
SERVER = (
    "import sys, uvicorn; from dossier.api.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1], allow_ingest=True, ingest_token=sys.argv[3]), "
    "host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)


def _memory(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) * 1024
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _upload(port: int, megabytes: int) -> tuple[str, float]:
    """Stream ``megabytes`` of text, chunked; the status line and the seconds it took."""
    chunk = (b"The harbour authority met on Monday. " * 1000)[: 1 << 16]
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"POST /api/ingest?name=huge.txt&process=false HTTP/1.1\r\n"
                     b"Host: 127.0.0.1\r\nX-Dossier-Token: " + TOKEN.encode() +
                     b"\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        try:
            for _ in range(megabytes * (1 << 20) // len(chunk)):
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered 413 and closed: the point
        status = sock.recv(200).split(b"\r\n", 1)[0].decode(errors="replace")
    return status, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-c", SERVER, os.path.join(tmp, "u.db"),
                                 str(port), TOKEN], env=os.environ | {"PYTHONPATH": str(ROOT)})
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    time.sleep(0.1)
            before = _memory(proc.pid)["VmRSS"]
            status, seconds = _upload(port, args.mb)
            time.sleep(0.5)
            peak = _memory(proc.pid)["VmHWM"]
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(f"{'upload MB':>10} {'status':<28} {'seconds':>8} {'RSS before MB':>14} "
          f"{'peak RSS MB':>12}")
    print(f"{args.mb:>10} {status:<28} {seconds:>8.1f} {before / 2**20:>14.0f} "
          f"{peak / 2**20:>12.0f}")


if __name__ == "__main__":
    main()
