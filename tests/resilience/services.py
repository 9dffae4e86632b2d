"""Private PostgreSQL and Redis servers that the fault tests may stop and start at will.

The machine's shared PostgreSQL and Redis are never touched: each test session gets its own
cluster (initdb into a temporary folder, on a free port) and its own redis-server.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

from tests.live_server import free_port, wait_until_healthy


def wait_for_port(port, open_=True, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_is_open(port) == open_:
            return
        time.sleep(0.1)
    raise TimeoutError(f"port {port} did not {'open' if open_ else 'close'}")


def port_is_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"{name} not found: apt-get install postgresql")
    return found[-1]


class PrivatePostgres:
    """A throwaway cluster. initdb refuses to run as root, so root runs it as 'postgres'."""

    def __init__(self):
        # Not under pytest's folder: that is private to root, and the cluster runs as postgres.
        self.root = Path(tempfile.mkdtemp(prefix="mishov-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)

    def _run(self, *command):
        result = subprocess.run([*self.as_user, *command], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stderr or result.stdout}")

    def init(self):
        self._run(
            _pg_bin("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        return self

    def start(self):
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            _pg_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.root / "log"),
            "start",
        )
        wait_for_port(self.port)

    def stop(self):
        # "fast": open connections are cut, as when the database server goes down.
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        wait_for_port(self.port, open_=False)

    def is_up(self):
        return port_is_open(self.port)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name):
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name],
            check=True,
            capture_output=True,
        )

    def query(self, name, sql):
        result = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                name,
                "-At",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    def destroy(self):
        try:
            self.stop()
        except (RuntimeError, TimeoutError):
            pass
        shutil.rmtree(self.root, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def is_up(self):
        return port_is_open(self.port)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def flush(self):
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "FLUSHALL"], check=True, capture_output=True
        )

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        wait_for_port(self.port, open_=False)


def manage(*args, env):
    """Run a manage.py command in its own process with `env` (DATABASE_URL, REDIS_URL…)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.resilience.server_settings", **env},
    )


class SiteServer:
    """The site in its own process (runserver), as readers reach it over HTTP."""

    def __init__(self, env, log_path):
        self.log_path = log_path
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.resilience.server_settings",
            **env,
        }
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        # The log goes to a file: the server logs every outage, and a full pipe would block it.
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    f"127.0.0.1:{self.port}",
                    "--noreload",
                    "--skip-checks",
                ],
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=log,
            )
        with open(self.log_path, "rb") as log:
            wait_until_healthy(self.base, self.process, log, "the server", timeout=30)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
