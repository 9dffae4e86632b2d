"""bench/scale_data.py at a tiny scale, on PostgreSQL: the COPY-built pages make a valid Wagtail
tree that routes and renders, the counts are what was asked for, and comments hang at the depth
their parents say."""

import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count
from wagtail.models import Page

from apps.comments.models import Comment
from apps.core.translation import url_in
from apps.search.models import LoggedSearch
from apps.taxonomy.models import Topic

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the builder uses COPY"),
]
SCALE = 0.002

sys.path.insert(0, str(Path(settings.BASE_DIR) / "bench"))


@pytest.fixture
def built():
    import scale_data

    before = {
        "pages": Page.objects.count(),
        "comments": Comment.objects.count(),
        "topics": Topic.objects.count(),
        "searches": LoggedSearch.objects.count(),  # other test modules search too
    }
    return scale_data, before, scale_data.build(scale=SCALE)


def test_counts_and_a_valid_tree(built):
    scale_data, before, data = built
    assert data["pages"] == 60
    assert Page.objects.count() == before["pages"] + 60
    assert (
        Comment.objects.count()
        == before["comments"] + data["comments"]
        == (before["comments"] + 2000)
    )
    assert Topic.objects.count() == before["topics"] + 4
    assert LoggedSearch.objects.count() == before["searches"] + 200
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() > 100
    # Every language gets a third of the pages, and one in ten is in all three.
    per_language = scale_data.page_count_per_language()
    seeded = {lang: n - 20 - 4 for lang, n in per_language.items()}
    assert all(n >= 0 for n in seeded.values()), per_language
    # Treebeard's own check: paths, depths and numchild agree.
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_generated_post_renders_in_each_of_its_languages(built, client):
    _scale_data, _before, data = built
    post = Page.objects.get(pk=data["translated"]).specific
    assert post.languages == ["he", "fa", "fi"]
    for lang in post.languages:
        response = client.get(url_in(post, lang))
        assert response.status_code == 200, lang
        assert post.title_he.encode() in response.content or lang != "he"
    # The stored reading times are what a save would store (cards show them).
    assert post.reading_times == post.count_reading_times()
    assert max(post.reading_times.values()) > 1


def test_the_long_thread_renders_and_nests_three_deep(built, client):
    _scale_data, _before, data = built
    thread = Page.objects.get(pk=data["thread"]).specific
    comments = Comment.objects.filter(page=thread)
    assert comments.count() == 20 == data["thread_comments"]
    assert set(comments.values_list("depth", flat=True)) == {1, 2, 3}
    response = client.get(url_in(thread, "he"))
    assert response.status_code == 200


def test_comments_hang_at_their_parents_depth_plus_one(built):
    _scale_data, _before, _data = built
    replies = Comment.objects.filter(parent__isnull=False).select_related("parent")
    assert replies.exists()
    assert all(c.depth == c.parent.depth + 1 and c.page_id == c.parent.page_id for c in replies)
    # Each reply belongs to the thread of its top-level comment.
    assert all(c.root_id == (c.parent.root_id or c.parent_id) for c in replies)
    assert not Comment.objects.filter(parent__isnull=True, depth__gt=1).exists()
    assert Comment.objects.order_by("-depth").first().depth == 3
    # Pending comments wait for a moderator: nobody has replied to them yet.
    waiting = Comment.objects.filter(status=Comment.Status.PENDING)
    assert not waiting.annotate(n=Count("replies")).filter(n__gt=0).exists()
