"""The primary/replica router on two real connections to the same test database.

The test runs in autocommit, outside pytest-django's per-test transaction (inside one, every
read rightly stays on the primary), and removes what it wrote.
"""

import contextlib

import pytest
from django.contrib.auth.models import Group
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from apps.operations.db_router import PrimaryReplicaRouter

REPLICA = "replica1"


@pytest.fixture
def replica(settings, django_db_setup, django_db_blocker):
    """A second alias on the test database, as DATABASE_REPLICA_URLS would add one."""
    with django_db_blocker.unblock():
        connections.settings[REPLICA] = dict(connections["default"].settings_dict)
        settings.DATABASE_ROUTERS = ["apps.operations.db_router.PrimaryReplicaRouter"]
        yield REPLICA
        Group.objects.filter(name__startswith="router test").delete()
        connections.close_all()  # see test_page_cache.site
        with contextlib.suppress(AttributeError):  # never opened in this context
            del connections[REPLICA]
        del connections.settings[REPLICA]


def sql(context, verb):
    return [q["sql"] for q in context.captured_queries if q["sql"].startswith(verb)]


def test_reads_go_to_the_replica_and_writes_to_the_primary(replica):
    with CaptureQueriesContext(connections["default"]) as primary:
        with CaptureQueriesContext(connections[replica]) as replica_queries:
            group = Group.objects.create(name="router test 1")
            found = Group.objects.get(pk=group.pk)
    assert found.name == "router test 1"
    assert sql(primary, "INSERT") and not sql(primary, "SELECT")
    assert sql(replica_queries, "SELECT") and not sql(replica_queries, "INSERT")


def test_reads_inside_a_transaction_stay_on_the_primary(replica):
    with CaptureQueriesContext(connections[replica]) as replica_queries:
        with transaction.atomic():
            group = Group.objects.create(name="router test 2")
            # Not committed yet: only the primary's own connection can see it.
            assert Group.objects.get(pk=group.pk).name == "router test 2"
    assert replica_queries.captured_queries == []


def test_only_the_primary_is_migrated(replica):
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "blog")
    assert not router.allow_migrate(replica, "blog")
