"""schema.org JSON-LD for pages, in the reader's language only.

Every value comes from the page's own fields in that language; rich text is reduced to plain
text, so no editor or reader HTML reaches the script. json_ld() escapes <, > and & the way
Django's json_script does, so a title such as "</script>" cannot end the element.
"""

import json

from django.conf import settings
from django.utils.safestring import mark_safe
from wagtail.models import Page

from apps.blocks.blocks import answered_questions, rich_text_plain
from apps.core.translation import own_value, page_languages, url_in

from .links import absolute_url

CONTEXT = "https://schema.org"
# The pages' own schema.org types (TranslatedPage.schema_type) written up as articles.
ARTICLE_TYPES = ("BlogPosting", "Article")
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as JSON that is safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above


def site_name():
    return str(settings.SITE_NAME)


def _date(moment):
    return moment.isoformat() if moment else None


def page_description(page, lang):
    return page.description_in(lang) if hasattr(page, "description_in") else ""


def organization():
    return {"@type": "Organization", "name": site_name()}


def author(page):
    person = getattr(page, "author", None)
    if person is None:
        # Pages without a named author are the site's own writing.
        return organization()
    return {"@type": "Person", "name": person.name}


def _present(data):
    """`data` without the keys whose value is unknown (None): JSON-LD leaves them out."""
    return {key: value for key, value in data.items() if value is not None}


def article(page, lang, url):
    data = {
        "@context": CONTEXT,
        "@type": page.schema_type,
        "headline": own_value(page, "title", lang),
        "inLanguage": lang,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": author(page),
        "publisher": organization(),
        "datePublished": _date(page.first_published_at),
        "dateModified": _date(page.last_published_at or page.first_published_at),
    }
    description = page_description(page, lang)
    if description:
        data["description"] = description
    return _present(data)


def _faq_sections(page, lang):
    """The values of the FAQ sections in the page's body in `lang`."""
    body = own_value(page, "body", lang) or []
    return [block.value for block in body if block.block_type == "faq"]


def _faq_entities(faq):
    """The answered questions of one FAQ section."""
    return [
        {
            "@type": "Question",
            "name": question,
            "acceptedAnswer": {"@type": "Answer", "text": rich_text_plain(answer)},
        }
        for question, answer in answered_questions(faq)
    ]


def faq_page(page, lang):
    """FAQPage with the answered questions of the page's FAQ sections; None when none is."""
    entities = [entity for faq in _faq_sections(page, lang) for entity in _faq_entities(faq)]
    if not entities:
        return None
    return {"@context": CONTEXT, "@type": "FAQPage", "inLanguage": lang, "mainEntity": entities}


def _answer(item, number, lang, url, published):
    """One answer of a QAPage, linked to its place on the page."""
    return _present(
        {
            "@type": "Answer",
            "text": rich_text_plain(own_value(item, "body", lang)),
            "url": f"{url}#answer-{number}",
            "datePublished": published,
        }
    )


def _accepted_and_suggested(answers, lang, url, published):
    """(the best answer, the list of the others), each None when there is none."""
    accepted, suggested = None, []
    for number, answer in enumerate(answers, 1):
        data = _answer(answer, number, lang, url, published)
        if answer.is_best:
            accepted = accepted or data
        else:
            suggested.append(data)
    return accepted, suggested or None


def qa_page(page, lang, url):
    """QAPage: the question, its best answer as accepted and the others as suggested."""
    answers = page.visible_answers()
    published = _date(page.first_published_at)
    accepted, suggested = _accepted_and_suggested(answers, lang, url, published)
    title = own_value(page, "title", lang)
    question = {
        "@type": "Question",
        "name": title,
        "text": " ".join((own_value(page, "details", lang) or "").split()) or title,
        "answerCount": len(answers),
        "datePublished": published,
        "acceptedAnswer": accepted,
        "suggestedAnswer": suggested,
    }
    question = _present(question)
    return {"@context": CONTEXT, "@type": "QAPage", "inLanguage": lang, "mainEntity": question}


def breadcrumbs(page, lang, request, site_root):
    """BreadcrumbList from the home page to `page`, skipping steps not in `lang`."""
    if site_root is None:
        return None
    steps = (
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(depth__gte=site_root.depth, path__startswith=site_root.path)
        .order_by("depth")
    )
    items = []
    for step in steps:
        if lang not in page_languages(step):
            continue
        items.append(
            {
                "@type": "ListItem",
                "position": len(items) + 1,
                "name": own_value(step, "title", lang),
                "item": absolute_url(request, url_in(step, lang, request)),
            }
        )
    if len(items) < 2:
        return None
    return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": items}


def website(lang, url):
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": site_name(),
        "url": url,
        "inLanguage": lang,
    }


def for_page(page, lang, request, url, site_root):
    """Every JSON-LD object for `page` in `lang`, as a list of dicts."""
    kind = getattr(page, "schema_type", "")
    if kind == "WebSite":
        return [website(lang, url)]
    own = _OWN_OBJECTS.get(kind, _no_objects)(page, lang, url)
    return [o for o in [*own, breadcrumbs(page, lang, request, site_root)] if o]


def _article_objects(page, lang, url):
    """An article, with the FAQ sections it carries."""
    return [article(page, lang, url), faq_page(page, lang)]


def _question_objects(page, lang, url):
    return [qa_page(page, lang, url)]


def _no_objects(page, lang, url):
    return []


# The objects of each page type's own schema.org type.
_OWN_OBJECTS = {**dict.fromkeys(ARTICLE_TYPES, _article_objects), "QAPage": _question_objects}
