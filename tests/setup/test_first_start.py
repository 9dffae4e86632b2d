"""`make run`'s first and second start: a few human lines, no tracebacks, SQL or repeated lines.

Runs scripts/prepare.py as `make run` does, in its own process, on a fresh SQLite database, with
Finnish on the PyPI morphology (as on a machine without Debian's Voikko).
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.live_server import free_port

ROOT = Path(__file__).resolve().parent.parent.parent
NOISE = ("Traceback", "Exception ignored", "ALTER TABLE", "Applying ", "SQL", "[1/")


def start(database, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MISHOV_FINNISH_MORPHOLOGY": "pyvoikko",
    }
    env.pop("RUN_MAIN", None)
    command = [sys.executable, "scripts/prepare.py", "--admin-url", "http://x/admin/", *args]
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def serve_once(process, port, timeout=240):
    """Wait for the health check to answer, then stop the server (the file watcher and its
    serving copy). Returns (what it printed, whether it answered)."""
    deadline = time.monotonic() + timeout
    served = False
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:  # noqa: S310
                served = answer.status == 200
            break
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    return output, served


@pytest.fixture(scope="module")
def database():
    """One fresh SQLite file for this module: migrating one takes several seconds."""
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "db.sqlite3"


def test_first_start_says_what_it_did_in_a_few_lines_and_the_second_repeats_nothing(database):
    port = free_port()

    first, served = serve_once(start(database, "--serve", f"127.0.0.1:{port}"), port)
    second = start(database)
    again, _ = second.communicate(timeout=120)

    lines = [line for line in first.splitlines() if line.strip()]
    assert "Database ready" in lines[0], first
    assert "migrations applied" in lines[0]
    assert "5 pages loaded from content/" in lines[1]
    assert lines[2].startswith("Search indexed: 5 documents (he 3, fa 1, fi 1)")
    assert any(line.strip().startswith("password:") for line in lines)
    assert f"Serving on http://127.0.0.1:{port}/" in first
    assert served, first
    assert not [line for line in lines if any(noise in line for noise in NOISE)], first
    assert len(lines) == len(set(lines)), first  # "Watching for file changes" once
    assert len(lines) <= 16

    assert second.returncode == 0, again
    assert again.splitlines() == [  # from var/prepared-*.json, without starting Django
        f"Database ready: {database} (up to date).",
        "5 pages loaded from content/ (up to date).",
        lines[2],
        "(Nothing changed since the last start.) Admin: http://x/admin/",
    ]


def test_a_changed_content_file_prepares_again(database):
    start(database).communicate(timeout=120)  # prepared (by the test above, or now)
    (ROOT / "content" / "site.yaml").touch()

    third = start(database)
    output, _ = third.communicate(timeout=120)

    assert third.returncode == 0, output
    assert output.splitlines()[0] == f"Database ready: {database} (up to date)."
    assert "user 'editor' already exists" in output  # the steps ran again


def test_starting_django_loads_no_language_dictionaries():
    """The dictionaries load on first use (search, related pages), not in every process that
    starts: runserver's file watcher and a management command never need them."""
    code = (
        "import django; django.setup()\n"
        "from apps.analysis import finnish, lexicon\n"
        "print(lexicon.lexicon.cache_info().currsize, finnish.voikko.cache_info().currsize)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )

    assert done.stdout.split() == ["0", "0"]
