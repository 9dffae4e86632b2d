"""`make run` in one process: prepare the site, one line per step, then serve it.

Migrates the database, fills the translation fields, loads the seed content, rebuilds the search
index and makes sure the local editor account exists, the same steps the README lists, with
what each one did in a sentence: the commands' own output (migration names, the SQL that
wagtail-modeltranslation prints, one line per page) stays out of sight unless a step fails, when
it is printed above the error.

A start repeats nothing when nothing it depends on changed since the last one (var/prepared-*.json
keeps a fingerprint of the files it reads, the installed packages and which database it filled,
and the lines it printed): then it does not even start Django before the server does. With
--serve it runs Django's development server under Django's file watcher, which restarts this
script with RUN_MAIN set for the copy that serves.

Usage: python scripts/prepare.py --admin-url http://127.0.0.1:8000/admin/ [--serve 127.0.0.1:8000]
"""

import argparse
import contextlib
import gzip
import hashlib
import io
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every migration applied to an empty SQLite database, as SQL (`make snapshot` writes it): a first
# start loads it in a fraction of a second instead of running some 280 migrations (about 20 s).
SNAPSHOT = ROOT / "scripts" / "empty-database.sql.gz"
# What the preparation reads besides the database: a change to any of these runs it again.
INPUTS = (
    "pyproject.toml",
    "scripts/prepare.py",
    "scripts/empty-database.sql.gz",
    "content/**/*",
    "config/settings/*.py",
    "apps/*/migrations/*.py",
    "apps/analysis/*.py",
    "apps/search/*.py",
    "apps/seeding/*.py",
)


@contextlib.contextmanager
def quiet(step):
    """Swallow what `step` prints; print it on stderr if the step fails."""
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured):
            yield captured
    except BaseException:
        sys.stderr.write(captured.getvalue())
        sys.stderr.write(f"{step} failed.\n")
        raise


def sqlite_file():
    """The SQLite file make run uses, or None for another database (always prepared)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return ROOT / "db.sqlite3"
    if url.startswith("sqlite:///"):
        return ROOT / url[len("sqlite:///") :]  # an absolute path stays absolute
    return None


def fingerprint():
    """A digest of the inputs, the installed packages and the database file's identity; None
    when the database cannot be checked without Django (PostgreSQL) or does not exist."""
    database = sqlite_file()
    if database is None or not database.exists():
        return None
    digest = hashlib.sha256()
    installed = Path(sys.prefix) / ".installed-site"
    paths = {path for pattern in INPUTS for path in ROOT.glob(pattern)} | {installed}
    for path in sorted(path for path in paths if path.is_file()):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    digest.update(f"{database.resolve()}\0{database.stat().st_ino}".encode())
    return digest.hexdigest()


def stamp():
    """Where the last preparation of this database is remembered (var/, one file per database)."""
    name = hashlib.sha256(str(sqlite_file()).encode()).hexdigest()[:12]
    return ROOT / "var" / f"prepared-{name}.json"


def database_name(settings_dict):
    name = str(settings_dict["NAME"])
    if settings_dict["ENGINE"].endswith("sqlite3") and Path(name).is_relative_to(ROOT):
        return os.path.relpath(name, ROOT)
    return name


def load_snapshot(connection, executor):
    """Fill an empty SQLite database from SNAPSHOT; how many migrations it held."""
    executor.loader.build_graph()
    if connection.vendor != "sqlite" or executor.loader.applied_migrations or not SNAPSHOT.exists():
        return 0
    # The dump creates and fills its tables in alphabetical order, before the ones they refer to.
    with connection.cursor(), connection.constraint_checks_disabled():
        connection.connection.executescript(gzip.decompress(SNAPSHOT.read_bytes()).decode())
    executor.loader.build_graph()
    return len(executor.loader.applied_migrations)


def pending_migrations(executor):
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def migrate():
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if connection.vendor == "sqlite":
        # A first migration commits about 1,750 times; SQLite need not wait for the disk after
        # each (1-3 s on a laptop's SSD; nothing on this machine's virtual disk). Only a power
        # cut half-way could leave a damaged file: delete db.sqlite3 and start again.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA journal_mode = MEMORY")
    loaded = load_snapshot(connection, executor)
    pending = pending_migrations(executor)
    with quiet("Migrating the database") as out:
        if pending:  # migrate also adds the translation columns (wagtail-modeltranslation)
            call_command("migrate", interactive=False, verbosity=0, stdout=out)
        call_command("update_translation_fields", verbosity=0, stdout=out)
        call_command("set_translation_url_paths", verbosity=0, stdout=out)
    applied = loaded + pending
    state = f"{applied} migrations applied" if applied else "up to date"
    return f"Database ready: {database_name(connection.settings_dict)} ({state})."


def write_snapshot():
    """Migrate a new SQLite database in a child process and keep it as SQL in SNAPSHOT."""
    import sqlite3
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "db.sqlite3"
        # A fixed hash seed: wagtail-modeltranslation adds its columns in a set's order.
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONHASHSEED": "0"}
        command = [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        db = sqlite3.connect(database)
        # When each was applied means nothing to another machine; a fixed time keeps the file
        # the same from one writing to the next.
        db.execute("UPDATE django_migrations SET applied = '2000-01-01 00:00:00'")
        db.commit()
        sql = "\n".join(db.iterdump())
        migrations = db.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        db.close()
    SNAPSHOT.write_bytes(gzip.compress(sql.encode(), mtime=0))
    print(f"{os.path.relpath(SNAPSHOT, ROOT)}: {migrations} migrations.")


def load_content():
    from django.conf import settings

    from apps.seeding.loader import load
    from apps.seeding.schema import read_content

    with quiet("Loading the seed content"):
        content = read_content(str(Path(settings.BASE_DIR) / "content"))
        counts = load(content, lambda *_args: None)
    changed = counts["created"] + counts["updated"]
    detail = (
        f"{counts['created']} items created, {counts['updated']} updated"
        if changed
        else "up to date"
    )
    return f"{len(content.pages)} pages loaded from content/ ({detail})."


def index_search():
    from apps.core.translation import LANGUAGE_CODES
    from apps.search.indexer import rebuild

    with quiet("Indexing the site search"):
        summary = rebuild(lambda *_args: None)
    per_language = ", ".join(f"{lang} {summary[lang]}" for lang in LANGUAGE_CODES)
    documents = sum(summary[lang] for lang in LANGUAGE_CODES)
    return f"Search indexed: {documents} documents ({per_language}), {summary['terms']} terms."


def prepare(admin_url):
    """Run every step, printing its line; remember the fingerprint they leave behind."""
    import django
    from django.core.management import call_command

    django.setup()
    lines = []
    for step in (migrate, load_content, index_search):
        lines.append(step())
        print(lines[-1])
    call_command("ensure_editor", admin_url=admin_url)
    # What a start that finds nothing changed prints: "(221 migrations applied)" -> "(up to date)".
    lines = [re.sub(r"\([^)]*\)\.$", "(up to date).", line) for line in lines]
    stamp().parent.mkdir(exist_ok=True)
    stamp().write_text(json.dumps({"fingerprint": fingerprint(), "lines": lines}))


def unchanged():
    """The lines of the last preparation when nothing it depends on changed since, else None."""
    current = fingerprint()
    with contextlib.suppress(OSError, ValueError):
        saved = json.loads(stamp().read_text())
        if current is not None and saved["fingerprint"] == current:
            return saved["lines"]
    return None


def serve(address):
    """The development server with Django's file watcher; this copy of the script serves."""
    import django
    from django.core.management import call_command
    from django.utils import autoreload

    os.environ.setdefault("DJANGO_RUNSERVER_HIDE_WARNING", "true")
    if os.environ.get(autoreload.DJANGO_AUTORELOAD_ENV) == "true":
        django.setup()
    # The watcher (this process) needs no Django; it starts the copy that serves.
    autoreload.run_with_reloader(call_command, "runserver", address, use_reloader=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url")
    parser.add_argument("--write-snapshot", action="store_true", help="make snapshot: see SNAPSHOT")
    parser.add_argument("--serve", metavar="HOST:PORT", help="then run the development server")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if args.write_snapshot:
        return write_snapshot()
    if not args.admin_url:
        parser.error("--admin-url is required")
    if os.environ.get("RUN_MAIN") != "true":  # not the file watcher's serving copy
        lines = unchanged()
        if lines is None:
            prepare(args.admin_url)
        else:
            print("\n".join(lines))
            print(f"(Nothing changed since the last start.) Admin: {args.admin_url}")
        if args.serve:
            print(f"Serving on http://{args.serve}/ (Ctrl-C to stop)")
    if args.serve:
        serve(args.serve)


if __name__ == "__main__":
    main()
