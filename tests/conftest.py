import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.test.utils import setup_databases, teardown_databases


def _on_test_database():
    db = connection.settings_dict
    test_name = (db.get("TEST") or {}).get("NAME")
    if test_name:
        return db["NAME"] == test_name
    return str(db["NAME"]).startswith(TEST_DATABASE_PREFIX)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make run` prepares it: migrated, translation fields synced, seeded."""
    created = None
    with django_db_blocker.unblock():
        if not _on_test_database():
            # pytest-django creates only the databases that the collected tests mark. The
            # browser tests use HTTP only, so a run of them alone would otherwise work on the
            # development database.
            created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        assert _on_test_database()
        call_command("update_translation_fields", stdout=io.StringIO())
        call_command("set_translation_url_paths", stdout=io.StringIO())
        # The loader publishes every page, and publishing indexes it for search (apps.search
        # signals), so no reindex_search is needed; tests/search/test_index.py checks this.
        call_command("load_seed_content", stdout=io.StringIO())
    yield
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture(autouse=True)
def forget_process_memory():
    """What the site keeps in each process beside the shared cache (rendered parts,
    when a page's outage copy was last saved) starts empty in every test, as the cache does."""
    from apps.caching import fragments, saved_copies

    def forget():
        fragments.forget_local()
        saved_copies.SavedCopyMiddleware._saved_at.clear()

    forget()
    yield
    forget()
