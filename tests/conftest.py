import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make run` prepares it: migrated, translation fields synced, seeded."""
    with django_db_blocker.unblock():
        call_command("update_translation_fields", stdout=io.StringIO())
        call_command("set_translation_url_paths", stdout=io.StringIO())
        # The loader publishes every page, and publishing indexes it for search (apps.search
        # signals), so no reindex_search is needed; tests/search/test_index.py checks this.
        call_command("load_seed_content", stdout=io.StringIO())
