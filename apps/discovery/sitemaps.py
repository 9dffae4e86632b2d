"""/sitemap.xml: every live page in every language it exists in, with hreflang alternates that
name only its real translations plus x-default; topics likewise."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from apps.core.translation import page_languages, url_in
from apps.taxonomy.models import Topic

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
            url["alternates"] = [
                {"lang_code": link["code"], "location": link["url"]}
                for link in alternates(
                    {code: path if "://" in path else prefix + path for code, path in paths.items()}
                )
            ]
        return urls


class PageSitemap(_LanguageSitemap):
    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .order_by("path")
        )
        items = []
        for page in pages:
            paths = {lang: url_in(page, lang, self.request) for lang in page_languages(page)}
            paths = {lang: path for lang, path in paths.items() if path}
            items += [(page, lang, paths) for lang in paths]
        return items

    def lastmod(self, item):
        return item[0].last_published_at


class TopicSitemap(_LanguageSitemap):
    def items(self):
        items = []
        for topic in Topic.objects.all():
            paths = {link["code"]: link["url"] for link in topic.translation_links()}
            items += [(topic, lang, paths) for lang in paths]
        return items


def sitemaps_for(request):
    return {"pages": PageSitemap(request), "topics": TopicSitemap(request)}
