"""Related pages at the end of posts, articles and questions."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.discovery.related import related_pages
from apps.kb.models import ArticlePage
from apps.qa.models import QuestionPage
from tests.seeds import create_page, publish_translation, seed, seed_page, url_in

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
NOW = datetime.datetime(2025, 6, 1, 9, 0, tzinfo=datetime.UTC)


def shown(client, page, lang):
    """The titles of the related cards on `page` in `lang`, in order."""
    response = client.get(url_in(page, lang))
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    section = re.search(r'<section class="related".*?</section>', text, re.S)
    if section is None:
        return []
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section.group(0))


def pick(page, *targets):
    """Publish `page` with `targets` as its editor-picked related pages, in that order."""
    page.related_links = [
        type(page).related_links.rel.related_model(related=target, sort_order=i)
        for i, target in enumerate(targets)
    ]
    with override("he"):
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def test_related_are_in_the_same_language_and_never_the_page_itself(client):
    page = seed_page(seed("004"))  # he; topics customer-service, complaints, coaching
    titles = shown(client, page, "he")
    assert titles == [seed("000")["title"], seed("002")["title"]]  # 2 shared topics, then 1
    assert seed("004")["title"] not in titles
    assert seed("003")["title"] not in titles  # fa
    assert seed("001")["title"] not in titles  # fi


def test_related_cards_show_lead_and_reading_time(client):
    text = html.unescape(client.get(url_in(seed_page(seed("004")), "he")).content.decode())
    section = re.search(r'<section class="related".*?</section>', text, re.S).group(0)
    assert seed("000")["lead"].split("\n")[0] in section
    assert section.count('class="card__reading"') == 2
    assert "דקות קריאה" in section or "דקת קריאה" in section


def test_unpublished_and_draft_pages_are_not_related(client):
    page = seed_page(seed("004"))
    gone = create_page(
        BlogPostPage, "he", "מאמר שהוסר", topics=["customer-service", "complaints", "coaching"]
    )
    create_page(ArticlePage, "he", "טיוטה על תלונות", topics=["complaints", "coaching"], live=False)
    assert shown(client, page, "he")[0] == "מאמר שהוסר"  # three shared topics: first
    gone.unpublish()
    titles = shown(client, page, "he")
    assert "מאמר שהוסר" not in titles
    assert "טיוטה על תלונות" not in titles


def test_picked_pages_come_first_in_the_editor_order_then_auto_fill_by_topics(client):
    page = seed_page(seed("004"))
    best_match = create_page(
        BlogPostPage, "he", "התאמה מלאה", topics=["customer-service", "complaints", "coaching"]
    )
    page = pick(page, seed_page(seed("002")))
    assert shown(client, page, "he") == [
        seed("002")["title"],  # picked, although it shares only one topic
        "התאמה מלאה",  # three shared topics
        seed("000")["title"],  # two
    ]
    page = pick(page, seed_page(seed("000")), seed_page(seed("002")))
    assert shown(client, page, "he") == [seed("000")["title"], seed("002")["title"], "התאמה מלאה"]
    assert best_match.pk not in [link.related_id for link in page.related_links.all()]


def test_picked_page_missing_in_the_reader_language_is_skipped(client):
    page = pick(seed_page(seed("004")), seed_page(seed("003")), seed_page(seed("002")))
    assert shown(client, page, "he") == [seed("002")["title"], seed("000")["title"]]

    # In Persian the same pick is shown, and the Hebrew pages are not.
    page = publish_translation(
        page,
        title_fa="همیشه حق با مشتری است",
        slug_fa="همیشه-حق-با-مشتری-است-وبلاگ",
        lead_fa="مقدمه.",
        body_fa=[{"type": "paragraph", "value": "<p>متن فارسی.</p>"}],
    )
    assert shown(client, page, "fa") == [seed("003")["title"]]


def test_picked_unpublished_page_is_skipped(client):
    draft = create_page(BlogPostPage, "he", "טיוטה נבחרת", live=False)
    page = pick(seed_page(seed("004")), draft)
    assert "טיוטה נבחרת" not in shown(client, page, "he")


def test_text_similarity_ranks_after_topics_and_unrelated_pages_are_left_out(client):
    page = seed_page(seed("002"))  # "לקוחות – אוהבים או אויבים?", topic customer-service
    create_page(BlogPostPage, "he", "אויבים או אוהבים: מבט שני", published=NOW)
    create_page(BlogPostPage, "he", "מתכון לעוגת שוקולד", published=NOW + DAY)
    titles = shown(client, page, "he")
    # Topic sharers first (000 and 004 share customer-service), then the one with shared words.
    assert set(titles[:2]) == {seed("004")["title"], seed("000")["title"]}
    assert titles[2:] == ["אויבים או אוהבים: מבט שני"]


def test_at_most_six_related_pages(client):
    page = seed_page(seed("004"))
    for i in range(7):
        create_page(BlogPostPage, "he", f"שירות לקוחות {i}", topics=["customer-service"])
    assert len(shown(client, page, "he")) == 6


def test_question_pages_have_related_pages_too(client):
    question = seed_page(seed("001"))  # fi, customer-service + business-strategy
    create_page(ArticlePage, "fi", "Asiakaspalvelun perusteet", topics=["customer-service"])
    assert shown(client, question, "fi") == ["Asiakaspalvelun perusteet"]


def _finnish_post_with_related(count):
    """A Finnish post whose related pages are the seed question plus `count - 1` new pages."""
    post = create_page(
        BlogPostPage, "fi", "Reklamaatio on lahja", topics=["customer-service"], published=NOW
    )
    for i in range(count - 1):
        model = (BlogPostPage, ArticlePage)[i % 2]
        create_page(
            model,
            "fi",
            f"Asiakaspalvelu {i}",
            topics=["customer-service"],
            lead="Johdanto.",
            published=NOW - (i + 1) * DAY,
        )
    return post


def _queries_for_page(client, page):
    url = url_in(page, "fi")
    client.get(url)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("count", [1, 6])
def test_related_pages_cost_the_same_queries_for_one_and_six(count):
    post = _finnish_post_with_related(count)
    with override("fi"):
        with CaptureQueriesContext(connection) as queries:
            pages = related_pages(post)
            # Everything the card shows, without touching the database again.
            for page in pages:
                assert page.title and page.card_reading_minutes >= 1
                str(page.lead)
    assert len(pages) == count
    assert {type(p) for p in pages} >= {QuestionPage}
    # 1 picks, 1 topics, 3 candidate types (picks and pages sharing a topic, then the newest
    # others: two each), 3 loads, 1 answers of questions.
    assert len(queries) == 12, [q["sql"] for q in queries.captured_queries]


def test_page_with_six_related_costs_no_more_queries_than_with_one(client):
    post = _finnish_post_with_related(1)
    one, response = _queries_for_page(client, post)
    assert response.content.decode().count('class="card__reading"') == 1
    for i in range(5):
        create_page(
            (BlogPostPage, ArticlePage)[i % 2],
            "fi",
            f"Asiakaspalvelu {i}",
            topics=["customer-service"],
            published=NOW - (i + 1) * DAY,
        )
    six, response = _queries_for_page(client, post)
    assert response.content.decode().count('class="card__reading"') == 6
    assert six == one


def _admin_post(client, django_user_model, related):
    client.force_login(django_user_model.objects.create_superuser("editor-related", "", "pw"))
    data = nested_form_data(
        {
            "title_he": "פוסט עם קשורים",
            "slug_he": "פוסט-עם-קשורים",
            "body_he": streamfield([("paragraph", rich_text("טקסט."))]),
            "body_fa": streamfield([]),
            "body_fi": streamfield([]),
            "related_links": inline_formset([{"related": page.pk} for page in related]),
            "action-publish": "publish",
            "comment_policy": "open",
        }
    )
    blog = BlogIndexPage.objects.get()
    return client.post(f"/admin/pages/add/blog/blogpostpage/{blog.pk}/", data)


def test_editor_picks_related_pages_in_order(client, django_user_model):
    picks = [seed_page(seed("002")), seed_page(seed("000"))]
    response = _admin_post(client, django_user_model, picks)
    assert response.status_code == 302, response.content.decode()[:500]
    page = BlogPostPage.objects.get(slug_he="פוסט-עם-קשורים")
    assert [link.related_id for link in page.related_links.all()] == [p.pk for p in picks]
    client.logout()
    assert shown(client, page, "he")[:2] == [seed("002")["title"], seed("000")["title"]]


def test_editor_cannot_pick_more_than_six(client, django_user_model):
    pages = [create_page(BlogPostPage, "he", f"נבחר {i}") for i in range(7)]
    response = _admin_post(client, django_user_model, pages)
    assert response.status_code == 200  # the form again, with an error
    assert not BlogPostPage.objects.filter(slug_he="פוסט-עם-קשורים").exists()
