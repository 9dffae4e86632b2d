"""Related pages at the end of posts, articles and questions.

The editor's picks come first, in their order; picks that are not live or do not exist in the
reader's language are skipped. Free places are filled with other live pages in the same
language, ranked by the number of topics they share with the page, then by the overlap of the
title and lead's search terms (see similarity.py), then newest first. A page that shares neither
a topic nor a word is not "related" and is not shown.

The cost does not depend on how many pages are shown: one query for the picks, one for the
page's topics, two light queries per page type for candidates (at most CANDIDATES_PER_TYPE
each: the picks and the pages sharing a topic, most shared first, then the newest of the rest;
neither counts topics over every page of the type), then one query per page type to load the
winners and one for the answers of questions among them (their reading time).
"""

from django.db.models import Case, Count, Exists, OuterRef, Q, Value, When

from apps.core.pages import article_cards, article_models, topics_of
from apps.core.translation import current_language, in_language, own_value

from .models import MAX_RELATED
from .similarity import similarity, words

CANDIDATES_PER_TYPE = 50


def _picked_ids(page):
    """The editor's picks in their order, each once, never the page itself."""
    links = page.related_links.all() if hasattr(page, "related_links") else []
    ids = (link.related_id for link in links)
    return list(dict.fromkeys(pk for pk in ids if pk not in (None, page.pk)))


def _shared_topics(topic_ids):
    """How many of `topic_ids` a candidate has (0 when the page has no topics)."""
    if not topic_ids:
        return Value(0)
    return Count("topics", filter=Q(topics__in=topic_ids), distinct=True)


def _is_picked(picked):
    """1 for the editor's picks, 0 for the rest."""
    return Case(When(pk__in=picked, then=Value(1)), default=Value(0)) if picked else Value(0)


def _candidates(model, page, lang, picked, topic_ids, own_words):
    """The model's live pages in `lang` that may be related: picks and most shared topics
    first, then the newest of the others, at most CANDIDATES_PER_TYPE, each with its shared
    topics and word similarity.

    Two bounded queries rather than one that counts the shared topics of every page of the
    type: the picks and the pages sharing a topic (found through the topics' own index), then
    the newest pages that are neither, which all share nothing and so rank by date alone."""
    title, summary = f"title_{lang}", f"{model.summary_field}_{lang}"
    pages = model.objects.live().filter(in_language(lang)).exclude(pk=page.pk or 0)
    near = _picked_or_sharing(model, picked, topic_ids)
    columns = ("pk", title, summary, "first_published_at")
    # values() first: the topics are counted per page on these columns only.
    ranked = (
        pages.filter(near)
        .values(*columns)
        .annotate(shared=_shared_topics(topic_ids), picked=_is_picked(picked))
        .order_by("-picked", "-shared", "-first_published_at", "-pk")
    )
    others = pages.exclude(near).values(*columns, shared=Value(0))
    rows = [
        *ranked[:CANDIDATES_PER_TYPE],
        *others.order_by("-first_published_at", "-pk")[:CANDIDATES_PER_TYPE],
    ]
    return [
        _candidate(row, own_words, _page_words(row[title], row[summary], lang))
        for row in rows[:CANDIDATES_PER_TYPE]
    ]


def _picked_or_sharing(model, picked, topic_ids):
    """A condition selecting the editor's picks and the pages that share one of `topic_ids`."""
    field = model._meta.get_field("topics")
    topic = f"{field.m2m_reverse_field_name()}__in"
    sharing = field.remote_field.through.objects.filter(
        **{field.m2m_field_name(): OuterRef("pk"), topic: topic_ids}
    )
    return Q(pk__in=picked) | Exists(sharing)


def _candidate(row, own_words, its_words):
    """What ranks a candidate: shared topics, similarity of its words, publication."""
    published = row["first_published_at"]
    return {
        "pk": row["pk"],
        "shared": row["shared"],
        "similarity": similarity(own_words, its_words),
        "published": published.timestamp() if published else 0,
    }


def _page_words(title, summary, lang):
    """The search terms of a page's title and summary (either may be empty) in `lang`."""
    return words(f"{title or ''} {summary or ''}", lang)


def _own_words(page, lang):
    """The search terms of the page's title and summary in `lang`."""
    summary = own_value(page, page.summary_field, lang)
    return _page_words(own_value(page, "title", lang), summary, lang)


def _rank(row):
    """Most shared topics, then most shared words, then newest first."""
    return (-row["shared"], -row["similarity"], -row["published"], -row["pk"])


def related_page_ids(page, lang=None, limit=MAX_RELATED):
    """The ids of the pages to show as related to `page` in `lang`, in order: the live picks,
    then the pages sharing a topic or a word, ranked by _rank."""
    lang = lang or current_language()
    picked = _picked_ids(page)
    rows = _candidate_rows(page, lang, picked)
    chosen = [pk for pk in picked if pk in rows]
    return (chosen + _ranked(rows, chosen))[:limit]


def _ranked(rows, chosen):
    """The ids of the candidates that share a topic or a word, best first, minus `chosen`."""
    related = sorted(filter(_is_related, rows.values()), key=_rank)
    return [row["pk"] for row in related if row["pk"] not in chosen]


def _is_related(row):
    """Whether a candidate shares a topic or a word with the page (see the module)."""
    return bool(row["shared"] or row["similarity"])


def _candidate_rows(page, lang, picked):
    """{id: candidate} over every page type (_candidates)."""
    topic_ids = [topic.pk for topic in topics_of(page)]
    own_words = _own_words(page, lang)
    return {
        row["pk"]: row
        for model in article_models()
        for row in _candidates(model, page, lang, picked, topic_ids, own_words)
    }


def related_pages(page, lang=None, limit=MAX_RELATED):
    """The related pages themselves, ready for cards (title, lead, reading time)."""
    return article_cards(related_page_ids(page, lang, limit))
