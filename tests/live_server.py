"""A real server process (manage.py runserver, or gunicorn as deployed) on a free port, for
browser tests, production tests and benchmarks."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(base, process, log, name, timeout=60):
    """Wait until `base`/healthz answers; if `process` exits or time runs out first, fail with
    what it wrote to `log` (a file, see running_server)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                log.seek(0)
                error = log.read().decode(errors="replace")
                log.close()
                raise RuntimeError(f"{name} did not start: {error}") from None
            time.sleep(0.2)


@contextlib.contextmanager
def running_server(env, timeout=60, gunicorn=False, workers=1, trust_own_origin=False):
    """Start the site with `env` added to this environment; yield its base URL once /healthz
    answers, and stop it afterwards. gunicorn=True runs it as deployed (deploy/gunicorn.conf.py,
    `workers` workers) instead of Django's development server. trust_own_origin=True lets
    production settings accept form posts from the server's own address (its port is only
    known here)."""
    port = free_port()
    if trust_own_origin:
        env = {**env, "DJANGO_CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}"}
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    if gunicorn:
        command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "config.wsgi"]
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    # The server logs every request to stderr. A pipe nobody reads fills up after 64 KB and then
    # blocks the server mid-request, so the log goes to a temporary file instead.
    log = tempfile.TemporaryFile()  # closed when the server stops
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_healthy(base, process, log, "the server", timeout)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
