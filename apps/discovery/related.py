"""Related pages at the end of posts, articles and questions.

The editor's picks come first, in their order; picks that are not live or do not exist in the
reader's language are skipped. Free places are filled with other live pages in the same
language, ranked by the number of topics they share with the page, then by the overlap of the
title and lead's search terms (see similarity.py), then newest first. A page that shares neither
a topic nor a word is not "related" and is not shown.

The cost does not depend on how many pages are shown: one query for the picks, one for the
page's topics, one light query per page type to rank candidates (at most CANDIDATES_PER_TYPE
each, picks and most shared topics first), then one query per page type to load the winners and
one for the answers of questions among them (their reading time).
"""

from django.db.models import Case, Count, Q, Value, When, prefetch_related_objects

from apps.core.pages import article_models
from apps.core.translation import current_language, in_language, own_value

from .models import MAX_RELATED
from .similarity import similarity, words

CANDIDATES_PER_TYPE = 50


def _picked_ids(page):
    links = getattr(page, "related_links", None)
    if links is None:
        return []
    picked = []
    for link in links.all():
        if link.related_id and link.related_id != page.pk and link.related_id not in picked:
            picked.append(link.related_id)
    return picked


def _candidates(model, page, lang, picked, topic_ids):
    title, summary = f"title_{lang}", f"{model.summary_field}_{lang}"
    queryset = model.objects.live().filter(in_language(lang))
    if page.pk:
        queryset = queryset.exclude(pk=page.pk)
    queryset = queryset.annotate(
        shared=(
            Count("topics", filter=Q(topics__in=topic_ids), distinct=True)
            if topic_ids
            else Value(0)
        ),
        picked=Case(When(pk__in=picked, then=Value(1)), default=Value(0)) if picked else Value(0),
    ).order_by("-picked", "-shared", "-first_published_at", "-pk")
    rows = queryset.values("pk", title, summary, "shared", "first_published_at")
    return [
        {
            "pk": row["pk"],
            "shared": row["shared"],
            "words": words(f"{row[title] or ''} {row[summary] or ''}", lang),
            "published": row["first_published_at"].timestamp() if row["first_published_at"] else 0,
        }
        for row in rows[:CANDIDATES_PER_TYPE]
    ]


def related_page_ids(page, lang=None, limit=MAX_RELATED):
    """The ids of the pages to show as related to `page` in `lang`, in order."""
    lang = lang or current_language()
    picked = _picked_ids(page)
    topic_ids = [topic.pk for topic in page.topics.all()] if hasattr(page, "topics") else []
    own_words = words(
        f"{own_value(page, 'title', lang) or ''} "
        f"{own_value(page, page.summary_field, lang) or ''}",
        lang,
    )
    rows = {}
    for model in article_models():
        for row in _candidates(model, page, lang, picked, topic_ids):
            row["similarity"] = similarity(own_words, row["words"])
            rows[row["pk"]] = row

    chosen = [pk for pk in picked if pk in rows]
    ranked = sorted(
        (r for pk, r in rows.items() if pk not in chosen and (r["shared"] or r["similarity"])),
        key=lambda r: (-r["shared"], -r["similarity"], -r["published"], -r["pk"]),
    )
    chosen += [r["pk"] for r in ranked]
    return chosen[:limit]


def related_pages(page, lang=None, limit=MAX_RELATED):
    """The related pages themselves, ready for cards (title, lead, reading time)."""
    ids = related_page_ids(page, lang, limit)
    if not ids:
        return []
    loaded = {}
    # Every type is asked even when none of its pages won: the number of queries stays the same
    # whatever the mix of types.
    for model in article_models():
        pages = list(model.objects.filter(pk__in=ids))
        # What the type's cards need (a question's answers, for its reading time).
        prefetch_related_objects(pages, *model.card_prefetch)
        loaded.update((p.pk, p) for p in pages)
    return [loaded[pk] for pk in ids if pk in loaded]
