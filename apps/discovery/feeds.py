"""RSS 2.0 and Atom feeds per language: the newest posts, articles and questions in it."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from apps.core.listing import live_in_language
from apps.core.pages import article_models, topics_in_language
from apps.core.translation import current_language, own_value, url_in

from . import structured_data

FEED_LENGTH = 20


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def latest_items(lang, count=FEED_LENGTH):
    """The newest `count` posts, articles and questions that exist in `lang`, newest first."""
    pages = []
    # Every article type a language can have: a language with questions only still has a feed.
    for model in article_models():
        queryset = live_in_language(model, lang).prefetch_related("topics")
        if _has_field(model, "author"):
            queryset = queryset.select_related("author")
        pages += queryset.order_by("-first_published_at", "-pk")[:count]
    pages.sort(key=lambda p: (p.first_published_at, p.pk), reverse=True)
    return pages[:count]


class LatestRssFeed(Feed):
    """The feed of the language in the URL (/he/feed/rss/); the language tag says which."""

    url_name = "feed-rss"

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self):
        return _("%(site)s: latest posts, articles and questions") % {
            "site": structured_data.site_name()
        }

    def description(self):
        return _("New posts, knowledge-base articles and questions in this language.")

    def link(self):
        return f"/{current_language()}/"

    def feed_url(self):
        return reverse(self.url_name)

    def author_name(self):
        return structured_data.site_name()

    def items(self, request):
        lang = current_language()
        pages = latest_items(lang)
        for page in pages:
            page.feed_link = url_in(page, lang, request)
        return pages

    def item_title(self, item):
        return own_value(item, "title", current_language())

    def item_description(self, item):
        lang = current_language()
        return (
            own_value(item, item.summary_field, lang)
            or own_value(item, "search_description", lang)
            or ""
        )

    def item_link(self, item):
        return item.feed_link

    def item_author_name(self, item):
        author = getattr(item, "author", None)  # questions have none
        return author.name if author else None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        lang = current_language()
        return [own_value(topic, "name", lang) for topic in topics_in_language(item)]


class LatestAtomFeed(LatestRssFeed):
    feed_type = Atom1Feed
    url_name = "feed-atom"

    def subtitle(self):
        return self.description()
