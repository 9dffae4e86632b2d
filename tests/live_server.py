"""A real server process (manage.py runserver) on a free port, for browser tests and benchmarks."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(base, process, name, timeout=60):
    """Wait until `base`/healthz answers; fail with the process's errors if it exits first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                error = process.stderr.read().decode(errors="replace")
                raise RuntimeError(f"{name} did not start: {error}") from None
            time.sleep(0.2)


@contextlib.contextmanager
def running_server(env, timeout=60):
    """Start the site with `env` added to this environment; yield its base URL once /healthz
    answers, and stop it afterwards."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, process, "the server", timeout)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
