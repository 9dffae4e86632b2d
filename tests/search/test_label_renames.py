"""Renaming a topic or an author reindexes the pages filed under it, without reindex_search;
so does deleting one."""

import pytest

from apps.people.models import Author
from apps.taxonomy.models import Topic
from tests.seeds import seed

from .utils import search, titles

pytestmark = pytest.mark.django_db
COACHING_POST = seed("004")["title"]  # the Hebrew post filed under "coaching", by Shmayad


def test_a_renamed_topic_finds_its_pages_by_the_new_name(
    client, django_capture_on_commit_callbacks
):
    topic = Topic.objects.get(key="coaching")
    assert COACHING_POST in titles(search(client, "he", "אימון")[1])
    with django_capture_on_commit_callbacks(execute=True):
        topic.name_he = "חניכה"
        topic.save()
    assert COACHING_POST in titles(search(client, "he", "חניכה")[1])
    assert COACHING_POST not in titles(search(client, "he", "אימון")[1])


def test_a_renamed_author_finds_their_pages_by_the_new_name(
    client, django_capture_on_commit_callbacks
):
    author = Author.objects.get(key="shmayad")
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Zorobabel Shmayad"
        author.save()
    assert COACHING_POST in titles(search(client, "he", "Zorobabel")[1])


def test_a_deleted_topic_no_longer_finds_its_pages(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.get(key="coaching").delete()
    assert COACHING_POST not in titles(search(client, "he", "אימון")[1])


def test_saving_an_unrelated_topic_leaves_the_index_alone(django_capture_on_commit_callbacks):
    from apps.search.models import SearchDocument

    before = list(SearchDocument.objects.values_list("pk", "indexed_at"))
    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.create(key="unused", name_fi="Käyttämätön", slug_fi="kayttamaton")
    assert list(SearchDocument.objects.values_list("pk", "indexed_at")) == before
