"""A throwaway copy of the site for the browser benchmarks: its own database, seeded, with a
sample page of every type in every language (tests/page_catalog.py), served by a real process.

    with running_site(production=True) as site:
        site.url(("fa", "post"))

`production=True` serves with the production settings (DEBUG off, fingerprinted and compressed
static files from WhiteNoise), as Lighthouse and the byte budgets should see the site.
"""

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live_server import running_server  # noqa: E402


def setup_django(database_url):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def prepare_database():
    """migrate, translation fields, seed content and index, as `make db` does, quietly."""
    from django.core.management import call_command

    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet):  # wagtail-modeltranslation prints its schema sync
        call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
        call_command("update_translation_fields", verbosity=0, stdout=quiet)
        call_command("set_translation_url_paths", verbosity=0, stdout=quiet)
        call_command("load_seed_content", stdout=quiet)
        call_command("reindex_search", verbosity=0, stdout=quiet)


def production_env(database_url, host="127.0.0.1"):
    """The environment production settings require, for a local, plain-HTTP run."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "local-benchmark-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": host,
        "WAGTAILADMIN_BASE_URL": f"http://{host}",
        # Production requires its shared cache: the machine's Redis, under keys of this run's
        # own (the default prefix would serve pages another run cached: older styles, other data).
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "REDIS_KEY_PREFIX": f"mishov-site-{uuid.uuid4().hex[:12]}",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        # Plain HTTP here: secure-only cookies would never come back (the admin's sign-in).
        "DJANGO_SECURE_COOKIES": "0",
    }


@contextlib.contextmanager
def serve(database_url, production=False):
    """A server process on a free port; yields its base URL and stops it afterwards."""
    env = {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    if production:
        env.update(production_env(database_url))
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT, env={**os.environ, **env}, check=True,
        )  # fmt: skip
    # The admin's sign-in (screenshots) posts a form to this plain-HTTP address.
    with running_server(env, trust_own_origin=production) as base:
        yield base


class Site:
    def __init__(self, base, paths):
        self.base = base
        self.paths = paths

    def url(self, key):
        return self.base + self.paths[key]


@contextlib.contextmanager
def running_site(production=False, database_url=None):
    """Seeded site with sample pages on a temporary SQLite database (or `database_url`)."""
    with tempfile.TemporaryDirectory(prefix="mishov-site-") as tmp:
        database_url = database_url or f"sqlite:///{tmp}/site.sqlite3"
        setup_django(database_url)
        print("Preparing a temporary site (migrate, seed, sample pages) …", flush=True)
        prepare_database()
        from tests.page_catalog import add_sample_pages, catalog

        add_sample_pages()
        paths = catalog()
        from django.db import connections

        connections.close_all()
        with serve(database_url, production=production) as base:
            yield Site(base, paths)
