"""Queries for listings: only live pages that exist in the reader's language, a page at a time."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Exists
from django.http import Http404

from .translation import LANGUAGE_CODES, current_language, in_language, titled_in


def live_in_language(model, lang=None):
    """Live pages of `model` that have text in `lang` (default: the active language)."""
    return model.objects.live().filter(in_language(lang or current_language()))


def newest_first(queryset):
    return queryset.order_by("-first_published_at", "-pk")


def newest_ids(models, lang, **lookup):
    """(id, first published) of the live pages of `models` in `lang` matching `lookup`, newest
    first: one query over the page types, which a listing page counts and slices in SQL (the
    whole listing is never loaded)."""
    first, *others = (
        live_in_language(model, lang)
        .filter(**lookup)
        .order_by()
        .values_list("page_ptr_id", "first_published_at")
        for model in models
    )
    return first.union(*others, all=True).order_by("-first_published_at", "-page_ptr_id")


def languages_with_live_pages(instance, models, **lookup):
    """The languages (site order) in which any of `models` has a live page titled in it that
    matches `lookup`: one query on `instance`'s own row, an EXISTS per language and page type,
    each of which stops at the first page it finds, however many there are."""
    conditions = {
        f"{lang}_{number}": Exists(model.objects.live().filter(titled_in(lang), **lookup))
        for lang in LANGUAGE_CODES
        for number, model in enumerate(models)
    }
    found = type(instance).objects.filter(pk=instance.pk).values(**conditions).get()
    return [lang for lang in LANGUAGE_CODES if _any_in(found, lang, len(models))]


def _any_in(found, lang, count):
    """Whether any of the `count` page types has a page in `lang`, as found above."""
    return any(found[f"{lang}_{number}"] for number in range(count))


def listing_page(request, items, per_page=None):
    """The page of `items` that the request's ?page=N asks for (the first without it), of
    settings.LISTING_PAGE_SIZE items: a count and one slice, however long the listing. A page
    past the last, or anything but a number, is a 404, so made-up pages are neither rendered
    nor cached. The template shows it with includes/pagination.html."""
    paginator = Paginator(items, per_page or settings.LISTING_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("no such page of this listing") from error


def page_addresses(url, param="page"):
    """`url` and its next pages (?page=2 …), as far as a change is purged from the page cache:
    settings.LISTING_PAGES_PURGED. Later pages catch up when their cached copy expires."""
    pages = range(2, settings.LISTING_PAGES_PURGED + 1)
    return [url, *(f"{url}?{param}={number}" for number in pages)]


def listing_addresses(urls):
    """The page_addresses of each listing at `urls`, as a set."""
    return {address for url in urls for address in page_addresses(url)}


def paginate(items, number, per_page):
    """Page `number` (1-based) of `items` with Django's Paginator; 404 past the last one or
    for a number that is not one (an empty listing has no pages at all)."""
    paginator = Paginator(items, per_page, allow_empty_first_page=False)
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404("no such page of the listing") from error
