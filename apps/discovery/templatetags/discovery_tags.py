from django import template

from apps.discovery.related import related_pages as compute_related_pages

register = template.Library()


@register.inclusion_tag("discovery/related_pages.html", takes_context=True)
def related_pages(context, page):
    return {"items": compute_related_pages(page), "request": context.get("request")}
