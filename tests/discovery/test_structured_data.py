"""schema.org JSON-LD and Open Graph on content pages; FAQ sections and Q&A pages."""

import html
import json

import pytest

from apps.blocks.blocks import rich_text_plain
from apps.discovery.structured_data import json_ld
from tests.markup import canonical, json_ld_of_type, meta_properties
from tests.markup import json_ld as all_json_ld
from tests.seeds import publish_translation, seed, seed_page, url_in

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def page_text(client, number, lang=None):
    data = seed(number)
    page = seed_page(data)
    response = client.get(url_in(page, lang or data["language"]))
    assert response.status_code == 200
    return page, response.content.decode()


def test_blog_post_is_a_blog_posting_with_author_dates_and_description(client):
    page, text = page_text(client, "004")
    data = seed("004")
    posting = json_ld_of_type(text, "BlogPosting")
    assert posting["@context"] == "https://schema.org"
    assert posting["headline"] == data["title"]
    assert posting["inLanguage"] == "he"
    assert posting["author"] == {"@type": "Person", "name": "Shmayad"}
    assert posting["description"] == data["search_description"]
    assert posting["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical(text)}
    assert posting["mainEntityOfPage"]["@id"] == BASE + url_in(page, "he")
    assert posting["datePublished"].startswith(str(page.first_published_at.year))
    assert posting["dateModified"] >= posting["datePublished"]
    assert json_ld_of_type(text, "Article") is None


def test_knowledge_base_article_is_an_article(client):
    _page, text = page_text(client, "000")
    article = json_ld_of_type(text, "Article")
    assert article["headline"] == seed("000")["title"]
    assert article["inLanguage"] == "he"
    # No named author: the site itself.
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"]
    for key in ("datePublished", "dateModified", "description", "mainEntityOfPage"):
        assert article[key], key
    assert json_ld_of_type(text, "BlogPosting") is None


def test_persian_article_speaks_persian(client):
    _page, text = page_text(client, "003")
    article = json_ld_of_type(text, "Article") or json_ld_of_type(text, "BlogPosting")
    assert article["inLanguage"] == "fa"
    assert article["headline"] == seed("003")["title"]


def test_breadcrumbs_go_home_section_page_in_the_current_language(client):
    page, text = page_text(client, "001")  # fi question
    crumbs = json_ld_of_type(text, "BreadcrumbList")["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c["name"] for c in crumbs] == [
        "Mishov",
        "Kysymykset ja vastaukset",
        seed("001")["title"],
    ]
    assert [c["item"] for c in crumbs] == [
        f"{BASE}/fi/",
        f"{BASE}/fi/kysymykset/",
        BASE + url_in(page, "fi"),
    ]


def test_breadcrumbs_in_hebrew(client):
    _page, text = page_text(client, "000")
    crumbs = json_ld_of_type(text, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["משוב", "מאגר ידע", seed("000")["title"]]


def test_absolute_urls_use_the_request_host(client):
    data = seed("004")
    text = client.get(url_in(seed_page(data), "he"), HTTP_HOST="localhost").content.decode()
    assert canonical(text).startswith("http://localhost/he/")
    assert json_ld_of_type(text, "BlogPosting")["url"].startswith("http://localhost/he/")


def test_open_graph(client):
    page, text = page_text(client, "004")
    og = meta_properties(text)
    assert og["og:title"] == [seed("004")["title"]]
    assert og["og:description"] == [seed("004")["search_description"]]
    assert og["og:type"] == ["article"]
    assert og["og:url"] == [BASE + url_in(page, "he")]
    assert og["og:locale"] == ["he_IL"]
    assert "og:locale:alternate" not in og  # Hebrew only
    assert og["og:site_name"] == ["משוב"]


def test_open_graph_locale_alternates_name_real_translations(client):
    page = publish_translation(
        seed_page(seed("002")),
        title_fi="Asiakkaat – ystäviä vai vihollisia?",
        slug_fi="asiakkaat-ystavia-vai-vihollisia",
        lead_fi="Suomeksi.",
        body_fi=[{"type": "paragraph", "value": "<p>Suomeksi.</p>"}],
    )
    og = meta_properties(client.get(url_in(page, "fi")).content.decode())
    assert og["og:locale"] == ["fi_FI"]
    assert og["og:locale:alternate"] == ["he_IL"]
    assert og["og:title"] == ["Asiakkaat – ystäviä vai vihollisia?"]
    assert og["og:site_name"] == ["Mishov"]


def test_home_is_a_website_with_open_graph(client):
    text = client.get("/fa/").content.decode()
    site = json_ld_of_type(text, "WebSite")
    assert site["inLanguage"] == "fa" and site["url"] == f"{BASE}/fa/"
    og = meta_properties(text)
    assert og["og:type"] == ["website"]
    assert og["og:locale"] == ["fa_IR"]
    assert sorted(og["og:locale:alternate"]) == ["fi_FI", "he_IL"]


def test_json_ld_cannot_be_broken_out_of(client):
    title = 'תגית </script><script>alert("x")</script> & <b>'
    page = publish_translation(seed_page(seed("004")), title_he=title)
    text = client.get(url_in(page, "he")).content.decode()
    scripts = text.split('<script type="application/ld+json">')[1:]
    for script in scripts:
        body = script.split("</script>", 1)[0]
        assert "<" not in body and ">" not in body and "&" not in body
    assert json_ld_of_type(text, "BlogPosting")["headline"] == title
    assert "<script>alert" not in text


def test_json_ld_escape_helper():
    out = json_ld({"a": "</script>&<!--"})
    assert str(out) == '{"a":"\\u003C/script\\u003E\\u0026\\u003C!--"}'
    assert json.loads(out) == {"a": "</script>&<!--"}


def test_missing_translation_404_has_no_structured_data(client):
    data = seed("001")
    response = client.get(url_in(seed_page(data), "he"))
    assert response.status_code == 404
    text = response.content.decode()
    assert all_json_ld(text) == []
    assert canonical(text) is None
    assert 'property="og:' not in text


# --- FAQ sections ----------------------------------------------------------------------------

FAQ_ANSWERED = {
    "type": "faq",
    "value": {
        "heading": "שאלות נפוצות",
        "items": [
            {
                "question": "האם הלקוח תמיד צודק?",
                "answer": "<p>לא תמיד, <b>אבל</b> כמעט.</p><p>שני.</p>",
            },
            {"question": "שאלה פתוחה?", "answer": ""},
            {"question": "תשובה ריקה?", "answer": "<p></p>"},
        ],
    },
}


def faq_markup(text):
    """The FAQ section's own markup: the "was this helpful?" form uses a <details> too."""
    start = text.index('<section class="faq"')
    return text[start : text.index("</section>", start)]


def test_seed_faq_with_only_open_questions_has_no_faq_page(client):
    _page, text = page_text(client, "000")
    assert 'class="faq"' in text
    assert "<details" not in faq_markup(text)
    assert json_ld_of_type(text, "FAQPage") is None


def test_answered_questions_are_details_and_faq_page_lists_only_them(client):
    page = publish_translation(seed_page(seed("000")), body_he=[FAQ_ANSWERED])
    text = html.unescape(client.get(url_in(page, "he")).content.decode())
    assert '<details class="faq__item">\n        <summary>האם הלקוח תמיד צודק?</summary>' in text
    assert faq_markup(text).count("<details") == 1  # the open and the empty-markup ones are not
    assert 'class="faq__question">שאלה פתוחה?' in text
    assert 'class="faq__question">תשובה ריקה?' in text

    faq = json_ld_of_type(client.get(url_in(page, "he")).content.decode(), "FAQPage")
    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "האם הלקוח תמיד צודק?",
            "acceptedAnswer": {"@type": "Answer", "text": "לא תמיד, אבל כמעט. שני."},
        }
    ]
    # The page is still an article as well.
    assert json_ld_of_type(client.get(url_in(page, "he")).content.decode(), "Article")


def test_rich_text_plain_keeps_word_boundaries():
    assert rich_text_plain("<p>a&amp;b</p><p>c<br/>d</p><ul><li>e</li><li>f</li></ul>") == (
        "a&b c d e f"
    )
    assert rich_text_plain("<p> </p>") == ""


# --- Q&A pages -------------------------------------------------------------------------------


def test_question_page_is_a_qa_page(client):
    data = seed("001")
    page, text = page_text(client, "001")
    qa = json_ld_of_type(text, "QAPage")
    assert qa["inLanguage"] == "fi"
    question = qa["mainEntity"]
    assert question["@type"] == "Question"
    assert question["name"] == data["title"]
    assert question["text"]  # the details, or the title when there are none
    assert question["answerCount"] == 2
    best = next(a for a in data["answers"] if a["best"])
    other = next(a for a in data["answers"] if not a["best"])
    accepted = question["acceptedAnswer"]
    assert accepted["@type"] == "Answer"
    assert accepted["text"].startswith(best["body"][0])
    assert best["body"][1][:40] in accepted["text"]
    assert "<" not in accepted["text"]
    assert accepted["url"] == f"{BASE}{url_in(page, 'fi')}#answer-1"
    assert [a["text"][:50] for a in question["suggestedAnswer"]] == [other["body"][0][:50]]
    assert json_ld_of_type(text, "BreadcrumbList")


def test_question_without_best_answer_has_only_suggested_answers(client):
    page = seed_page(seed("001"))
    page.answers.update(is_best=False)
    text = client.get(url_in(page, "fi")).content.decode()
    question = json_ld_of_type(text, "QAPage")["mainEntity"]
    assert "acceptedAnswer" not in question
    assert len(question["suggestedAnswer"]) == 2
