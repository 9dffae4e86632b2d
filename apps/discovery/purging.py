"""Where discovery shows a page besides its own URL: the feeds, the sitemap, and the related
pages of its neighbours. Registered with apps/caching/targets.py, so that publishing purges them."""

from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from apps.caching.targets import urls_of
from apps.core.translation import LANGUAGE_CODES, titled_languages

from .models import RelatedPageLink
from .related import related_page_ids
from .sitemaps import sitemap_addresses


def _neighbour_ids(page):
    """Pages whose "related" list may show `page`: its own related pages (the ranking is
    symmetric: shared topics and shared words) and every page that picked it by hand; in every
    language the page has text in, so that a language just withdrawn leaves its neighbours too."""
    ids = set()
    for lang in titled_languages(page):
        ids.update(related_page_ids(page, lang))
    for link_model in RelatedPageLink.__subclasses__():
        ids.update(link_model.objects.filter(related_id=page.pk).values_list("page_id", flat=True))
    ids.discard(page.pk)
    return ids


def urls_showing(page):
    urls = set()
    for neighbour in Page.objects.filter(pk__in=_neighbour_ids(page)).specific():
        urls |= urls_of(neighbour)
    for lang in LANGUAGE_CODES:
        with override(lang):
            urls |= {reverse("feed-rss"), reverse("feed-atom")}
    urls.update(sitemap_addresses())
    return urls
