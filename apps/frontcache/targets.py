"""Which public URLs show a page or a comment, so publishing and moderation can purge them.

A page appears on its own URL in every language, on its ancestors (section listings and the
home page), in the feeds and the sitemap, on its topics' pages, in the related pages of its
neighbours. A comment appears only on its page, in its own language. Search results are
cached for a minute only and not purged (deploy/nginx.conf.template).
"""

from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from apps.core.translation import LANGUAGE_CODES, url_in
from apps.discovery.models import RelatedPageLink
from apps.discovery.related import related_page_ids


def _page_urls(page, languages=LANGUAGE_CODES):
    # Every language, not only those the page exists in now: a translation that was just
    # removed must leave the cache too.
    return {url_in(page, lang) for lang in languages} - {None}


def _neighbour_ids(page):
    """Pages whose "related" list may show `page`: its own related pages (the ranking is
    symmetric: shared topics and shared words) and every page that picked it by hand."""
    ids = set()
    for lang in getattr(page, "languages", LANGUAGE_CODES):
        ids.update(related_page_ids(page, lang))
    for link_model in RelatedPageLink.__subclasses__():
        ids.update(link_model.objects.filter(related_id=page.pk).values_list("page_id", flat=True))
    ids.discard(page.pk)
    return ids


def page_urls(page):
    """Site-relative URLs to purge when `page` is published or unpublished."""
    page = page.specific
    urls = _page_urls(page)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        urls |= _page_urls(ancestor)
    for neighbour in Page.objects.filter(pk__in=_neighbour_ids(page)).specific():
        urls |= _page_urls(neighbour)
    for topic in page.topics.all() if hasattr(page, "topics") else []:
        urls |= {topic.url_in(lang) for lang in topic.languages} - {None}
    for lang in LANGUAGE_CODES:
        with override(lang):
            urls |= {reverse("feed-rss"), reverse("feed-atom")}
    urls.add(reverse("sitemap"))
    return urls


def comment_urls(comment):
    return _page_urls(comment.page.specific, [comment.language])
