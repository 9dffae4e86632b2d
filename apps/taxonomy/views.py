from collections import Counter, defaultdict
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from apps.core.listing import (
    languages_with_live_pages,
    listing_page,
    live_in_language,
    newest_ids,
)
from apps.core.pages import article_cards, article_models
from apps.core.translation import (
    LANGUAGE_CODES,
    current_language,
    filled_languages,
    in_site_order,
    language_link,
    own_value,
)

from .models import Topic


def pages_about(topic, lang):
    """(id, first published) of the live posts, articles and questions about `topic` that exist
    in `lang`, newest first: one query over the three types, which a listing page slices."""
    return newest_ids(article_models(), lang, topics=topic)


def page_ids_about(topic):
    """The ids of every post, article and question about `topic` (search's topic filter)."""
    return {
        pk for model in article_models()
        for pk in model.objects.filter(topics=topic).values_list("pk", flat=True)
    }


def topics_with_pages(lang):
    """Topics with live pages in `lang`, by their name there (search's topic filter)."""
    counts = pages_per_topic(lang)
    topics = [t for t in Topic.objects.filter(pk__in=counts) if own_value(t, "name", lang)]
    return sorted(topics, key=lambda topic: own_value(topic, "name", lang))


def languages_with_pages(topics):
    """{topic id: the languages it has a name and live pages in}, in one query.

    A topic has a page in a language only where there is something to read about it: an empty
    topic page is neither served nor linked (sitemap, language switcher, hreflang)."""
    topics = list(topics)
    found = defaultdict(set)
    for topic_id, *titles in _page_titles_by_topic(topics):
        found[topic_id] |= filled_languages(LANGUAGE_CODES, titles)
    return {
        topic.pk: [lang for lang in topic.languages if lang in found[topic.pk]] for topic in topics
    }


def _page_titles_by_topic(topics):
    """(topic id, title in each language) of every live page in `topics`: one query."""
    titles = [f"title_{lang}" for lang in LANGUAGE_CODES]
    first, *others = (
        model.objects.live().filter(topics__in=topics).order_by().values_list("topics", *titles)
        for model in article_models()
    )
    return first.union(*others, all=True)


def topic_languages(topic):
    """The languages `topic` has a page in (languages_with_pages for one topic), in one query
    that stops at the first page in each language, however many pages it has."""
    found = languages_with_live_pages(topic, article_models(), topics=topic)
    return [lang for lang in topic.languages if lang in found]


def has_topic_pages(lang):
    """Whether any live page in `lang` has a topic (the footer links the topic index then): one
    query that stops at the first such page."""
    about = (
        Exists(live_in_language(model, lang).filter(topics=OuterRef("pk")))
        for model in article_models()
    )
    return Topic.objects.filter(reduce(or_, about)).exists()


def pages_per_topic(lang):
    """{topic id: how many live pages in `lang` are about it}, in one query."""
    first, *others = (
        live_in_language(model, lang).order_by().values_list("topics", flat=True)
        for model in article_models()
    )
    return Counter(topic_id for topic_id in first.union(*others, all=True) if topic_id)


def index_languages(languages):
    """The languages the topic index has a page in, in the site's order: those of any topic with
    pages (`languages`: languages_with_pages)."""
    return in_site_order(set().union(*languages.values()))


def _index_link(code):
    """The language switcher's link to the topic index in `code`."""
    with override(code):
        return language_link(code, reverse("topic-index"))


def _entry(topic, lang, counts):
    """A topic of the index: its name, address and number of pages in `lang`."""
    name, url = own_value(topic, "name", lang), topic.url_in(lang)
    return {"name": name, "url": url, "count": counts[topic.pk]}


def topic_index(request):
    """Every topic that has pages in the reader's language, the most written about first, with
    how many; 404 in a language without any. Linked from each topic page."""
    lang = current_language()
    counts = pages_per_topic(lang)
    topics = list(Topic.objects.all())
    languages = languages_with_pages(topics)
    entries = [_entry(topic, lang, counts) for topic in topics if lang in languages[topic.pk]]
    if not entries:
        raise Http404("no topics in this language")
    entries.sort(key=lambda entry: (-entry["count"], entry["name"].casefold()))
    return TemplateResponse(
        request,
        "taxonomy/topic_index.html",
        {
            "topics": entries,
            "translation_links": [_index_link(code) for code in index_languages(languages)],
            "meta_description": _("The topics of the posts, articles and questions."),
        },
    )


def topic_links(topic, languages, request=None):
    """The topic's translation links, in `languages` only."""
    return [link for link in topic.translation_links(request) if link["code"] in languages]


def topic_page(request, slug):
    """A topic's page in the reader's language; 404 where the topic has no name or no pages."""
    lang = current_language()
    topic = Topic.objects.filter(**{f"slug_{lang}": slug}).first()
    if topic is None or lang not in topic.languages:
        raise Http404("no such topic in this language")
    languages = topic_languages(topic)
    if lang not in languages:
        raise Http404("nothing about this topic in this language")
    name = own_value(topic, "name", lang)
    page = listing_page(request, pages_about(topic, lang))
    return TemplateResponse(
        request,
        "taxonomy/topic_page.html",
        {
            "topic": topic,
            "topic_name": name,
            "items": article_cards([pk for pk, _published in page.object_list]),
            "listing_page": page,
            "translation_links": topic_links(topic, languages, request),
            "meta_description": _("Posts, articles and questions about %(topic)s.")
            % {"topic": name},
        },
    )
