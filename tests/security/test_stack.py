"""`make run-prod`'s stack from an empty database: it starts without failed background tasks,
and survives its parts (a task worker that dies is started again while nginx and gunicorn go on
serving; only a serving process that exits stops the stack)."""

import os
import signal
import socket
import time
import urllib.request

from deploy.stack import Stack
from tests.resilience.services import PrivateRedis


def three_free_ports():
    """A port whose next two are free too (the stack listens on port, port+1, port+2)."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port > 65000:
            continue
        try:
            for offset in (1, 2):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port + offset))
        except OSError:
            continue
        return port
    raise RuntimeError("no three free ports in a row")


def task_counts(stack):
    """(all, failed) background tasks in the stack's queue."""
    printed = stack.manage(
        "shell", "--no-imports", "-c",
        "from django_tasks_db.models import DBTaskResult as T;"
        " print(T.objects.count(), T.objects.failed().count())",
        output=True,
    )
    return tuple(int(n) for n in printed.split()[-2:])


def test_a_new_stack_leaves_no_tasks_behind_and_restarts_a_dead_worker(tmp_path):
    redis = PrivateRedis()
    redis.start()
    stack = Stack(port=three_free_ports(), database_url=f"sqlite:///{tmp_path}/stack.sqlite3",
                  redis_url=redis.url, name="security-stack-test", workers=1)
    try:
        stack.prepare()
        stack.start()
        # Preparing replaced Wagtail's placeholder page; nothing was queued about it (or about
        # anything else) for the worker to fail on.
        time.sleep(3)
        assert task_counts(stack) == (0, 0)

        first = stack.processes["worker"]
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)

        assert stack.supervise() is None
        second = stack.processes["worker"]
        assert second.pid != first.pid and second.poll() is None
        with urllib.request.urlopen(f"{stack.url}/he/", timeout=20) as response:  # noqa: S310
            assert response.status == 200

        stack.processes["gunicorn"].terminate()
        stack.processes["gunicorn"].wait(timeout=15)
        assert stack.supervise() == "gunicorn"
    finally:
        stack.stop()
        redis.stop()


def test_stopping_the_stack_with_sigterm_stops_its_processes(tmp_path):
    """`kill` on `make run-prod`'s process (as systemd or a container runtime stops a service)
    stops nginx, gunicorn and the worker too."""
    import subprocess
    import sys

    from deploy.stack import ROOT

    redis = PrivateRedis()
    redis.start()
    port = three_free_ports()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/stack.sqlite3",
           "REDIS_URL": redis.url}
    process = subprocess.Popen(
        [sys.executable, "deploy/stack.py", "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        for serving in (port, port + 1):
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", serving)) != 0, f"{serving} still answers"
    finally:
        if process.poll() is None:
            process.kill()
        redis.stop()
