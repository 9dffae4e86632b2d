"""Every page type costs the same, exact number of SQL queries with little data and with a lot:
comments, related pages, FAQ items, topics, answers and listed pages do not add queries."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from apps.blog.models import BlogIndexPage, BlogPostPage, BlogPostRelatedPage
from apps.comments.models import Comment
from apps.kb.models import ArticlePage, ArticleRelatedPage, KnowledgeBaseIndexPage
from apps.people.models import Author
from apps.people.views import author_url
from apps.qa.models import Answer, QuestionIndexPage, QuestionPage
from apps.taxonomy.models import Topic
from tests.seeds import create_page, url_in

pytestmark = pytest.mark.django_db

# SMALL has one neighbour of each page type, so that every kind of query runs at all (related
# pages load answers only when a question is among them); LARGE has five times as much.
SMALL, LARGE = 3, 15

# Queries per page type, the same for SMALL and LARGE. A search also logs itself
# (apps/search/log.py). A page Django serves reads the languages it is withdrawn in (one
# query, kept with the route under the fragment cache); the sitemap reads them for all its
# pages at once. When a change makes a count grow with
# the data, this test fails for LARGE: prefetch instead of raising the number.
EXPECTED = {
    "home": 14,
    "blog index": 13,
    # The thread's counts (its number of pages) and one page of it (apps/comments/threads.py).
    "blog post": 30,
    # Two top-level comments a page, so page 2 of 2 (SMALL) or of 8 (LARGE).
    "blog post, comments page 2": 30,
    # A redirect to the last top-level comment's reply: the comment with its parents, its page
    # (two), the page's withdrawn languages, the top-level comments before its own, the site.
    "comment permalink": 6,
    "kb index": 13,
    "article": 30,
    "qa index": 14,
    "question": 30,
    "topic": 14,
    "blog index, page 2": 13,
    # One card, an article: no question's answers to prefetch.
    "topic, page 2": 12,
    "search": 11,
    "rss": 7,
    "atom": 7,
    # The index counts the addresses of every file; a file reads its own kind only.
    "sitemap": 12,
    "sitemap file": 4,
    # A count and a slice of the listing, then the cards of that page only: its posts and its
    # articles, each with their author.
    "author": 12,
    "robots": 0,
    "404": 6,
}


def faq(count):
    items = [{"question": f"Kysymys {i}?", "answer": f"<p>Vastaus {i}.</p>"} for i in range(count)]
    return [
        {"type": "paragraph", "value": "<p>Asiakaspalvelu on tärkeää.</p>"},
        {"type": "faq", "value": {"heading": "Usein kysyttyä", "items": items}},
    ]


def thread(page, count):
    """`count` approved comments, each with an approved reply."""
    for i in range(count):
        parent = Comment.objects.create(
            page=page, language="fi", name=f"Lukija {i}", body=f"Kommentti {i}", status="approved"
        )
        Comment.objects.create(
            page=page,
            language="fi",
            parent=parent,
            depth=2,
            name=f"Vastaaja {i}",
            body=f"Vastaus {i}",
            status="approved",
        )


def make_neighbours(size, keys, writers):
    """`size` pages of each type in turn about `keys`; posts and articles by `writers` in turn."""
    return [
        create_page(
            (BlogPostPage, ArticlePage, QuestionPage)[i % 3],
            "fi",
            f"Asiakaspalvelu naapuri {i}",
            topics=keys,
            **({} if i % 3 == 2 else {"author": writers[i % 2]}),
        )
        for i in range(size)
    ]


def build_site(size):
    """Finnish pages with `size` topics, FAQ items, answers, comments, picks and neighbours."""
    topics = [
        Topic.objects.create(key=f"qc-{i}", name_fi=f"Mittausaihe {i}", slug_fi=f"mittausaihe-{i}")
        for i in range(size)
    ]
    keys = [t.key for t in topics]
    writers = [Author.objects.create(name=f"Kirjoittaja {i}", key=f"qc-writer-{i}")
               for i in range(2)]
    post = create_page(
        BlogPostPage, "fi", "Mittauspostaus", topics=keys, lead="Johdanto", body_fi=faq(size),
        author=writers[0],
    )
    article = create_page(
        ArticlePage, "fi", "Mittausartikkeli", topics=keys, lead="Johdanto", body_fi=faq(size),
        author=writers[0],
    )
    question = create_page(
        QuestionPage, "fi", "Mittauskysymys", topics=keys, details_fi="Miten asiakaspalvelu toimii?"
    )
    for i in range(size):
        Answer.objects.create(
            page=question, body_fi=f"<p>Vastaus {i}</p>", sort_order=i, is_best=i == 0
        )
    neighbours = make_neighbours(size, keys[:1], writers)
    for i, page in enumerate(neighbours[:6]):
        BlogPostRelatedPage.objects.create(page=post, related=page, sort_order=i)
        ArticleRelatedPage.objects.create(page=article, related=page, sort_order=i)
    for page in (post, article, question):
        thread(page, size)
    return addresses(post, article, question, topics[0])


def last_reply(page):
    return Comment.objects.filter(page=page, depth=2).order_by("created_at", "pk").last()


def addresses(post, article, question, topic):
    """The addresses measured, by name."""
    with override("fi"):
        topic_url = reverse("topic", kwargs={"slug": topic.slug_fi})
        permalink = reverse("comments:permalink", args=[last_reply(post).pk])
    return {
        "home": "/fi/",
        "blog index": url_in(BlogIndexPage.objects.get(), "fi"),
        "blog post": url_in(post, "fi"),
        "blog post, comments page 2": url_in(post, "fi") + "?page=2",
        "comment permalink": permalink,
        "kb index": url_in(KnowledgeBaseIndexPage.objects.get(), "fi"),
        "article": url_in(article, "fi"),
        "qa index": url_in(QuestionIndexPage.objects.get(), "fi"),
        "question": url_in(question, "fi"),
        "topic": topic_url,
        "blog index, page 2": url_in(BlogIndexPage.objects.get(), "fi") + "?page=2",
        "topic, page 2": topic_url + "?page=2",
        "author": author_url(post.author, "fi"),
        "search": "/fi/search/?q=asiakaspalvelu",
        "rss": "/fi/feed/rss/",
        "atom": "/fi/feed/atom/",
        "sitemap": "/sitemap.xml",
        "sitemap file": "/sitemap-pages.xml",
        "robots": "/robots.txt",
        "404": "/fi/ei-tallaista-sivua/",
    }


# The same pages with the fragment cache on, as in production (apps/caching/fragments.py): a
# page Django renders again reads its article, header, route, privacy rules and comment rules
# from the cache; what is left is Wagtail finding the request's site and its root page.
EXPECTED_WITH_FRAGMENTS = {
    "home": 3,
    "blog index": 5,
    "blog post": 2,
    "blog post, comments page 2": 2,
    "comment permalink": 6,
    "kb index": 5,
    "article": 2,
    "qa index": 6,
    "question": 2,
    "topic": 11,
    "blog index, page 2": 5,
    "topic, page 2": 9,
    "author": 9,
    "search": 10,
    "rss": 7,
    "atom": 7,
    "sitemap": 12,
    "sitemap file": 4,
    "robots": 0,
    "404": 5,
}


def count_queries(client, url):
    client.get(url)  # per-process caches (site root paths, content types) warm up first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


STATUS = {"404": 404, "comment permalink": 302}


def measure_site(client, size):
    measured = {}
    for name, url in build_site(size).items():
        # Listings a card per page and threads two top-level comments a page: the second of
        # more pages with LARGE than with SMALL.
        paged = {"LISTING_PAGE_SIZE": 1, "COMMENTS_PER_PAGE": 2}
        with override_settings(**(paged if name.endswith("page 2") else {})):
            status, queries = count_queries(client, url)
        assert status == STATUS.get(name, 200), name
        measured[name] = queries
    return measured


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_each_page_type_costs_a_fixed_number_of_queries(client, size):
    assert measure_site(client, size) == EXPECTED


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_with_the_fragment_cache_on(client, settings, size):
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 60
    settings.COMMENTS_THREAD_CACHE_SECONDS = 60
    cache.clear()  # what each process keeps is forgotten by tests/conftest.py
    measured = measure_site(client, size)
    cache.clear()
    assert measured == EXPECTED_WITH_FRAGMENTS
