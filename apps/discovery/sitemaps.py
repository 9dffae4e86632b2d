"""/sitemap.xml: every live page in every language it exists in, with hreflang alternates that
name only its real translations plus x-default; topics likewise."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page, Site

from apps.core.pages import SectionIndexPage
from apps.core.translation import LANGUAGE_CODES, page_languages, url_in, with_pages_in
from apps.taxonomy.models import Topic
from apps.taxonomy.views import languages_with_pages, topic_links

from .links import alternates


class _LanguageSitemap(Sitemap):
    """Items are (object, lang, {lang: path}) triples; alternates come from the same paths."""

    def __init__(self, request):
        self.request = request

    def location(self, item):
        _obj, lang, paths = item
        return paths[lang]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        prefix = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            _obj, _lang, paths = url["item"]
            url["alternates"] = _alternates(paths, prefix)
        return urls


def _alternates(paths, prefix):
    """The hreflang alternates of one item's {lang: path}, as absolute URLs."""
    urls = {code: path if "://" in path else prefix + path for code, path in paths.items()}
    return [{"lang_code": link["code"], "location": link["url"]} for link in alternates(urls)]


def _public_pages(root):
    """The site's live public pages, each knowing which languages it has pages in."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .annotate(**{f"has_pages_{lang}": with_pages_in(lang) for lang in LANGUAGE_CODES})
        .order_by("path")
    )


def _listed_languages(page):
    """The page's languages; a section only those it has pages in (no empty rooms)."""
    langs = page_languages(page)
    if not issubclass(page.specific_class or Page, SectionIndexPage):
        return langs
    return [lang for lang in langs if getattr(page, f"has_pages_{lang}")]


class PageSitemap(_LanguageSitemap):
    def items(self):
        site = Site.find_for_request(self.request)
        items = []
        for page in _public_pages(site.root_page) if site else ():
            paths = self._paths(page)
            items += [(page, lang, paths) for lang in paths]
        return items

    def _paths(self, page):
        """{lang: path} of the page in each language it is listed and has an address in."""
        paths = {lang: url_in(page, lang, self.request) for lang in _listed_languages(page)}
        return {lang: path for lang, path in paths.items() if path}

    def lastmod(self, item):
        return item[0].last_published_at


def _topics(request):
    """All topics and the languages each has pages in, read once for the request's sitemaps."""
    if not hasattr(request, "_sitemap_topics"):
        topics = list(Topic.objects.all())
        request._sitemap_topics = topics, languages_with_pages(topics)
    return request._sitemap_topics


class TopicSitemap(_LanguageSitemap):
    def items(self):
        topics, languages = _topics(self.request)
        items = []
        for topic in topics:
            links = topic_links(topic, languages[topic.pk])
            paths = {link["code"]: link["url"] for link in links}
            items += [(topic, lang, paths) for lang in paths]
        return items


class TopicIndexSitemap(_LanguageSitemap):
    """The topic index of each language that has topics with pages."""

    def items(self):
        _all, languages = _topics(self.request)
        covered = set().union(*languages.values())
        paths = {lang: _topic_index_path(lang) for lang in LANGUAGE_CODES if lang in covered}
        return [("topic-index", lang, paths) for lang in paths]


def _topic_index_path(lang):
    with override(lang):
        return reverse("topic-index")


def sitemaps_for(request):
    return {
        "pages": PageSitemap(request),
        "topics": TopicSitemap(request),
        "topic-index": TopicIndexSitemap(request),
    }
