"""`make run` in one process: prepare the site, one line per step, then serve it.

Migrates the database, fills the translation fields, loads the seed content, rebuilds the search
index and makes sure the local editor account exists, the same steps the README lists, with
what each one did in a sentence: the commands' own output (migration names, the SQL that
wagtail-modeltranslation prints, one line per page) stays out of sight unless a step fails, when
it is printed above the error. With --serve it then runs Django's development server in the same
process, whose file watcher restarts this script with RUN_MAIN set: that copy only serves. One
process instead of seven saves Django's start-up each time (a second start takes seconds).

Usage: python scripts/prepare.py --admin-url http://127.0.0.1:8000/admin/ [--serve 127.0.0.1:8000]
"""

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def database_name(settings_dict):
    name = str(settings_dict["NAME"])
    if settings_dict["ENGINE"].endswith("sqlite3"):
        with contextlib.suppress(ValueError):
            return os.path.relpath(name) if Path(name).is_relative_to(ROOT) else name
    return name


def migrate():
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    with quiet("Migrating the database") as out:
        if pending:  # migrate also adds the translation columns (wagtail-modeltranslation)
            call_command("migrate", interactive=False, verbosity=0, stdout=out)
        call_command("update_translation_fields", verbosity=0, stdout=out)
        call_command("set_translation_url_paths", verbosity=0, stdout=out)
    state = f"{pending} migrations applied" if pending else "up to date"
    print(f"Database ready: {database_name(connection.settings_dict)} ({state}).")


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
        else "already up to date"
    )
    print(f"{len(content.pages)} pages loaded from content/ ({detail}).")


def index_search():
    from apps.core.translation import LANGUAGE_CODES
    from apps.search.indexer import rebuild

    with quiet("Indexing the site search"):
        summary = rebuild(lambda *_args: None)
    per_language = ", ".join(f"{lang} {summary[lang]}" for lang in LANGUAGE_CODES)
    documents = sum(summary[lang] for lang in LANGUAGE_CODES)
    print(f"Search indexed: {documents} documents ({per_language}), {summary['terms']} terms.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", required=True)
    parser.add_argument("--serve", metavar="HOST:PORT", help="then run the development server")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    if os.environ.get("RUN_MAIN") != "true":  # not the file watcher's serving copy
        migrate()
        load_content()
        index_search()
        call_command("ensure_editor", admin_url=args.admin_url)
        if args.serve:
            print(f"Serving on http://{args.serve}/ (Ctrl-C to stop)")
    if args.serve:
        os.environ.setdefault("DJANGO_RUNSERVER_HIDE_WARNING", "true")
        call_command("runserver", args.serve)


if __name__ == "__main__":
    main()
