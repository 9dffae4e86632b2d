from django import template
from django.urls import reverse

from apps.discovery import seo
from apps.discovery.related import related_pages as compute_related_pages

register = template.Library()


@register.inclusion_tag("discovery/head.html", takes_context=True)
def seo_head(context):
    """Canonical, hreflang, Open Graph and JSON-LD for the page (or topic) being shown."""
    request = context.get("request")
    page = context.get("page")
    head = None
    if page is not None and hasattr(page, "languages"):
        head = seo.page_head(page, request)
    elif context.get("translation_links"):
        head = seo.links_head(
            context["translation_links"],
            request,
            title=context.get("topic_name", ""),
            description=context.get("meta_description", ""),
        )
    return {"head": head}


@register.inclusion_tag("discovery/feed_links.html")
def feed_links():
    """The reader's language's feeds, for feed readers' autodiscovery."""
    return {"rss": reverse("feed-rss"), "atom": reverse("feed-atom")}


@register.inclusion_tag("discovery/related_pages.html", takes_context=True)
def related_pages(context, page):
    return {"items": compute_related_pages(page), "request": context.get("request")}
