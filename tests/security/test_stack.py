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
