"""Every page type costs the same, exact number of SQL queries with little data and with a lot:
comments, related pages, FAQ items, topics, answers and listed pages do not add queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from apps.blog.models import BlogIndexPage, BlogPostPage, BlogPostRelatedPage
from apps.comments.models import Comment
from apps.kb.models import ArticlePage, ArticleRelatedPage, KnowledgeBaseIndexPage
from apps.qa.models import Answer, QuestionIndexPage, QuestionPage
from apps.taxonomy.models import Topic
from tests.seeds import create_page, url_in

pytestmark = pytest.mark.django_db

# SMALL has one neighbour of each page type, so that every kind of query runs at all (related
# pages load answers only when a question is among them); LARGE has five times as much.
SMALL, LARGE = 3, 15

# Queries per page type, the same for SMALL and LARGE. When a change makes a count grow with
# the data, this test fails for LARGE: prefetch instead of raising the number.
EXPECTED = {
    "home": 12,
    "blog index": 11,
    "blog post": 22,
    "kb index": 11,
    "article": 22,
    "qa index": 11,
    "question": 25,
    "topic": 10,
    "search": 8,
    "rss": 7,
    "atom": 7,
    "sitemap": 5,
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


def build_site(size):
    """Finnish pages with `size` topics, FAQ items, answers, comments, picks and neighbours."""
    topics = [
        Topic.objects.create(key=f"qc-{i}", name_fi=f"Mittausaihe {i}", slug_fi=f"mittausaihe-{i}")
        for i in range(size)
    ]
    keys = [t.key for t in topics]
    post = create_page(
        BlogPostPage, "fi", "Mittauspostaus", topics=keys, lead="Johdanto", body_fi=faq(size)
    )
    article = create_page(
        ArticlePage, "fi", "Mittausartikkeli", topics=keys, lead="Johdanto", body_fi=faq(size)
    )
    question = create_page(
        QuestionPage, "fi", "Mittauskysymys", topics=keys, details_fi="Miten asiakaspalvelu toimii?"
    )
    for i in range(size):
        Answer.objects.create(
            page=question, body_fi=f"<p>Vastaus {i}</p>", sort_order=i, is_best=i == 0
        )
    neighbours = [
        create_page(
            (BlogPostPage, ArticlePage, QuestionPage)[i % 3],
            "fi",
            f"Asiakaspalvelu naapuri {i}",
            topics=keys[:1],
        )
        for i in range(size)
    ]
    for i, page in enumerate(neighbours[:6]):
        BlogPostRelatedPage.objects.create(page=post, related=page, sort_order=i)
        ArticleRelatedPage.objects.create(page=article, related=page, sort_order=i)
    for page in (post, article, question):
        thread(page, size)
    return addresses(post, article, question, topics[0])


def addresses(post, article, question, topic):
    """The addresses measured, by name."""
    with override("fi"):
        topic_url = reverse("topic", kwargs={"slug": topic.slug_fi})
    return {
        "home": "/fi/",
        "blog index": url_in(BlogIndexPage.objects.get(), "fi"),
        "blog post": url_in(post, "fi"),
        "kb index": url_in(KnowledgeBaseIndexPage.objects.get(), "fi"),
        "article": url_in(article, "fi"),
        "qa index": url_in(QuestionIndexPage.objects.get(), "fi"),
        "question": url_in(question, "fi"),
        "topic": topic_url,
        "search": "/fi/search/?q=asiakaspalvelu",
        "rss": "/fi/feed/rss/",
        "atom": "/fi/feed/atom/",
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
        "404": "/fi/ei-tallaista-sivua/",
    }


# The same pages with the fragment cache on, as in production (apps/caching/fragments.py): a
# page Django renders again reads its article, header, route, privacy rules and comment rules
# from the cache.
EXPECTED_WITH_FRAGMENTS = {
    "home": 0,
    "blog index": 2,
    "blog post": 0,
    "kb index": 2,
    "article": 0,
    "qa index": 2,
    "question": 4,
    "topic": 8,
    "search": 6,
    "rss": 6,
    "atom": 6,
    "sitemap": 4,
    "robots": 0,
    "404": 4,
}


def count_queries(client, url):
    client.get(url)  # per-process caches (site root paths, content types) warm up first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def measure_site(client, size):
    measured = {}
    for name, url in build_site(size).items():
        status, queries = count_queries(client, url)
        assert status == (404 if name == "404" else 200), name
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
