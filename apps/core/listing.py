"""Queries for listings: only live pages that exist in the reader's language."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

from .translation import current_language, in_language


def live_in_language(model, lang=None):
    """Live pages of `model` that have text in `lang` (default: the active language)."""
    return model.objects.live().filter(in_language(lang or current_language()))


def newest_first(queryset):
    return queryset.order_by("-first_published_at", "-pk")


def paginate(items, number, per_page):
    """Page `number` (1-based) of `items` with Django's Paginator; 404 past the last one or
    for a number that is not one (an empty listing has no pages at all)."""
    paginator = Paginator(items, per_page, allow_empty_first_page=False)
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404("no such page of the listing") from error
