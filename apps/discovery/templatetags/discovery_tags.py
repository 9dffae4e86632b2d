from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from apps.caching import fragments
from apps.core.navigation import main_sections
from apps.core.translation import current_language
from apps.discovery import seo
from apps.discovery.related import related_pages as compute_related_pages
from apps.taxonomy.views import has_topic_pages

register = template.Library()


@register.inclusion_tag("discovery/head.html", takes_context=True)
def seo_head(context):
    """Canonical, hreflang, Open Graph and JSON-LD for the page (or topic) being shown."""
    request = context.get("request")
    page = context.get("page")
    head = None
    if hasattr(page, "languages"):  # a page that knows its languages (None does not)
        head = seo.page_head(page, request)
    elif context.get("translation_links"):
        head = seo.links_head(
            context["translation_links"],
            request,
            title=context.get("topic_name", ""),
            description=context.get("meta_description", ""),
        )
    number = getattr(context.get("listing_page"), "number", 1)
    if head and number > 1:
        head = seo.later_listing_page(head, number)
    return {"head": head}


@register.inclusion_tag("discovery/feed_links.html")
def feed_links():
    """The reader's language's feeds, for feed readers' autodiscovery."""
    return {"rss": reverse("feed-rss"), "atom": reverse("feed-atom")}


@register.simple_tag(takes_context=True)
def related_pages(context, page):
    """The related-reading section, rendered once per page, language and host until anything
    changes (apps/caching/fragments.py, FRAGMENT_CACHE_SECONDS; previews are never cached)."""
    request = context.get("request")

    def render():
        items = compute_related_pages(page)
        return render_to_string(
            "discovery/related_pages.html", {"items": items, "request": request}
        )

    if page.pk is None:
        return render()
    return fragments.cached(request, "related", [page.pk], render)


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """What the site has in the reader's language: its sections, the topic index (where there
    are topics with pages), the feeds as plain links, and what the site is about."""
    request = context.get("request")
    return {
        "sections": list(main_sections(request)) if request else [],
        "topic_index": reverse("topic-index") if has_topic_pages(current_language()) else "",
        "rss": reverse("feed-rss"),
        "atom": reverse("feed-atom"),
    }
