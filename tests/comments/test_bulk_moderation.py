"""Deciding many comments at once from the queue (its bulk actions) does what deciding them one
by one does — the same statuses, closed reports, audit log, purged addresses, dropped thread
caches and reply e-mails — and the queue's requests cost the same number of queries however
many comments wait and however many pages they are on."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from apps.blog.models import BlogPostPage
from apps.caching import purge
from apps.caching import threads as thread_cache
from apps.comments import mailing
from apps.comments.models import Comment, CommentReport
from tests.seeds import create_page

pytestmark = pytest.mark.django_db

QUEUE = "/admin/snippets/comments/comment/"
START = timezone.now() - datetime.timedelta(days=10)
APPROVED, PENDING, SPAM = Comment.Status.APPROVED, Comment.Status.PENDING, Comment.Status.SPAM


@pytest.fixture(autouse=True)
def three_a_page(settings):
    settings.COMMENTS_PER_PAGE = 3
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "apps.caching.purge.EncodedCopiesBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("bulk-mod", "mod@example.com", "x-pw-123"))
    return client


def add(page, name, minutes, parent=None, status=APPROVED, lang="fi", **fields):
    return Comment.objects.create(
        page=page,
        language=lang,
        parent=parent,
        depth=parent.depth + 1 if parent else 1,
        name=name,
        body=f"Teksti {name}",
        status=status,
        created_at=START + datetime.timedelta(minutes=minutes),
        **fields,
    )


def decisions():
    """Comments of every kind a bulk decision meets, on two pages in two languages: {name:
    comment}. A thread of seven published top-level comments (three to a page), new ones that
    open its fourth page, replies to a commenter who asked for e-mails (and confirmed) and to
    one who did not, a reported published comment, a spam one."""
    fi = create_page(BlogPostPage, "fi", "Joukolla", slug="joukolla")
    he = create_page(BlogPostPage, "he", "בבת אחת", slug="bevat-ahat")
    asked = {"email": "asked@example.com", "notify_replies": True}
    mailing.confirm(mailing.consent_for("asked@example.com", "fi"))
    roots = [add(fi, f"R{i}", i, **(asked if i == 1 else {})) for i in range(7)]
    chosen = {
        **{f"new{i}": add(fi, f"N{i}", 100 + i, status=PENDING) for i in range(4)},
        "reply to asked": add(fi, "A", 200, parent=roots[1], status=PENDING),
        "reply to silent": add(fi, "S", 201, parent=roots[4], status=PENDING),
        "hebrew": add(he, "H", 300, status=PENDING, lang="he"),
        "spam": add(fi, "X", 400, status=SPAM),
        "reported": roots[5],
        "published": roots[2],
    }
    CommentReport.objects.create(comment=roots[5], client_hash="r1", reason="spam")
    return chosen


def effects(run, monkeypatch, capture):
    """What `run()` changed and set off, then undone: statuses, open reports, log entries,
    purged URLs, forgotten thread caches and e-mails (their one-time links left out)."""
    purged, forgotten = set(), set()
    monkeypatch.setattr(purge, "purge", purged.update)
    monkeypatch.setattr(thread_cache, "forget", lambda *key: forgotten.add(key))
    monkeypatch.setattr(thread_cache, "forget_many", forgotten.update)
    mail.outbox.clear()
    savepoint = transaction.savepoint()
    # What this run logs (other test modules' entries stay in a shared database).
    before = ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with capture(execute=True):
        run()
    logged = ModelLogEntry.objects.filter(action__startswith="comments.", pk__gt=before)
    found = {
        "statuses": dict(Comment.objects.values_list("name", "status")),
        "open reports": CommentReport.objects.filter(resolved=False).count(),
        "log": sorted(
            (*entry, str(data))
            for *entry, data in logged.values_list(
                "object_id", "action", "label", "user_id", "content_type_id", "data"
            )
        ),
        "purged": purged,
        "forgotten": forgotten,
        "mails": sorted(
            (m.to[0], m.subject, re.sub(r"http\S+/comments/mail/\S+", "", m.body))
            for m in mail.outbox
        ),
    }
    transaction.savepoint_rollback(savepoint)
    return found


def one_by_one(client, action, comments):
    for comment in sorted(comments, key=lambda c: (c.created_at, c.pk)):
        response = client.post(f"/admin/moderation/comments/{comment.pk}/{action}/")
        assert response.status_code == 302


def at_once(client, action, comments):
    url = reverse("wagtail_bulk_action", args=("comments", "comment", action))
    query = "&".join(f"id={c.pk}" for c in comments)
    assert client.post(f"{url}?{query}&next={QUEUE}").status_code == 302


@pytest.mark.parametrize("action", ["approve", "trash"])
def test_a_bulk_decision_does_what_deciding_one_at_a_time_does(
    superuser_client, monkeypatch, django_capture_on_commit_callbacks, action
):
    chosen = list(decisions().values())
    single = effects(
        lambda: one_by_one(superuser_client, action, chosen),
        monkeypatch,
        django_capture_on_commit_callbacks,
    )
    bulk = effects(
        lambda: at_once(superuser_client, action, chosen),
        monkeypatch,
        django_capture_on_commit_callbacks,
    )
    assert bulk == single
    # and the effects are there to compare:
    assert len(single["log"]) == len(chosen) - (action == "approve") * 2
    assert single["purged"] and single["forgotten"] and single["open reports"] == 0
    if action == "approve":
        assert [to for to, _subject, _body in single["mails"]] == ["asked@example.com"]
        assert any(url.endswith("?page=4") for url in single["purged"])


def queue_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def pending_on(pages, per_page, start):
    return [
        add(page, f"P{start}-{i}", start + i, status=PENDING)
        for i in range(per_page)
        for page in pages
    ]


def statements(queries):
    """The queries' kinds in order: table and verb, savepoint names left out, and one INSERT
    where SQLite splits a bulk insert into batches (of 999 parameters; PostgreSQL sends one)."""
    kinds = [re.sub(r'"s\d+_x\d+"', "", q["sql"])[:60] for q in queries]
    return [k for i, k in enumerate(kinds) if not (k.startswith("INSERT") and k == kinds[i - 1])]


def test_the_queue_and_bulk_approval_cost_the_same_queries_with_more_comments_and_pages(
    superuser_client,
):
    """A few pending comments on two pages, then ten times as many on twenty: the same number
    of queries for each request of the queue, and for approving all of them at once."""
    pages = [
        create_page(BlogPostPage, "fi", f"Sivu {i}", slug=f"sivu-{i}") for i in range(20)
    ]
    requests = {
        "list": f"{QUEUE}?status=pending",
        "language": f"{QUEUE}?status=pending&language=fi",
        "page": f"{QUEUE}?status=pending&page={pages[0].pk}",
        "search": f"{QUEUE}?status=pending&q=Teksti",
    }
    few = pending_on(pages[:2], 2, 0)
    queue_queries(superuser_client, requests["list"])  # the admin's first request sets up more
    before = {name: queue_queries(superuser_client, url) for name, url in requests.items()}
    many = pending_on(pages, 5, 1000)
    after = {name: queue_queries(superuser_client, url) for name, url in requests.items()}
    assert after == before
    # The page filter names the chosen page only: no list of every page with comments.
    filtered = superuser_client.get(requests["page"]).content.decode()
    assert "Sivu 0" in filtered and "Sivu 19" not in filtered
    with CaptureQueriesContext(connection) as few_approved:
        at_once(superuser_client, "approve", few)
    with CaptureQueriesContext(connection) as many_approved:
        at_once(superuser_client, "approve", many)
    assert statements(many_approved) == statements(few_approved)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_the_queue_search_matches_the_trigram_indexes():
    """The indexes of comments.0009 are on the very expressions Django's icontains queries
    (UPPER(column) LIKE UPPER('%word%')), as PostgreSQL reads both, so the planner can use them
    (it does at scale: bench/scale.py; a test's few rows are read faster without)."""
    from django.db.models import Q

    query = Q(name__icontains="sana") | Q(email__icontains="sana") | Q(body__icontains="sana")
    plan = Comment.objects.filter(query, status=PENDING).explain()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'comment_search_%%'"
        )
        indexes = dict(cursor.fetchall())
    assert len(indexes) == 3
    for definition in indexes.values():
        expression = re.search(r"gin \((.+) gin_trgm_ops\)", definition).group(1)
        assert f"{expression} ~~ '%SANA%'" in plan


def test_select_all_in_the_listing_decides_what_the_filtered_queue_shows(superuser_client):
    """"Select all in listing" sends the queue's filters along with id=all: only the comments
    they show are decided, not every comment in the table (Wagtail's default for snippets)."""
    page = create_page(BlogPostPage, "fi", "Kaikki kerralla", slug="kaikki-kerralla")
    shown = [add(page, f"F{i}", i, status=PENDING, lang="fa") for i in range(3)]
    other_language = add(page, "Suomi", 10, status=PENDING)
    spam = add(page, "Roska", 11, status=SPAM, lang="fa")
    unmatched = add(page, "Toinen", 12, status=PENDING, lang="fa")
    Comment.objects.filter(pk=unmatched.pk).update(body="Muuta")  # not found by the search
    url = reverse("wagtail_bulk_action", args=("comments", "comment", "approve"))
    query = f"status=pending&language=fa&q=Teksti&id=all&next={QUEUE}"
    assert superuser_client.post(f"{url}?{query}").status_code == 302
    statuses = dict(Comment.objects.filter(page=page).values_list("name", "status"))
    assert [statuses[c.name] for c in shown] == [APPROVED] * 3
    assert statuses[other_language.name] == PENDING
    assert statuses[spam.name] == SPAM
    assert statuses[unmatched.name] == PENDING
