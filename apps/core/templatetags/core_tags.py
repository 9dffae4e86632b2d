from django import template
from django.utils.translation import override
from wagtail.models import Site

from apps.core import dates, text
from apps.core.navigation import main_sections
from apps.core.translation import (
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    current_language,
    language_link,
)

register = template.Library()


@register.filter
def anchor_id(value):
    return text.anchor_id(value)


@register.filter
def local_date(value):
    """A date as readers of the current language write it (Jalali in Persian)."""
    return dates.format_date(value)


@register.filter
def local_datetime(value):
    return dates.format_date(value, with_time=True)


@register.filter
def iso_datetime(value):
    return dates.iso_datetime(value)


@register.simple_tag
def time_zone_note():
    """Whose clock the page's times follow, in the reader's language."""
    return dates.zone_note()


@register.filter
def native_digits(value):
    return dates.native_digits(value)


def _home_url(site, lang, request):
    """The site's home page in `lang`, or the language's root without a site."""
    if site is None:
        return f"/{lang}/"
    with override(lang):
        return site.root_page.specific.get_url(request) or f"/{lang}/"


def _home_links(request):
    """A link to each language's home page."""
    site = Site.find_for_request(request)  # None without a request
    return [language_link(lang, _home_url(site, lang, request)) for lang in LANGUAGE_CODES]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages it exists in, and nothing else.

    Views that are not Wagtail pages may give their own `translation_links` (a topic page links
    to the topic, the search page to the same search, in each language); others (404) link to
    each language's home page.
    """
    request = context.get("request")
    page = context.get("page")
    if page is not None and hasattr(page, "translation_links"):
        links = page.translation_links(request)
    else:
        links = context.get("translation_links") or _home_links(request)
    current = current_language()
    return {
        "links": links,
        "current": current,
        "current_name": LANGUAGE_NAMES[current],
    }


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    page = context.get("page")
    sections = list(main_sections(request)) if request else []
    current_path = getattr(page, "path", "")
    return {
        "sections": [
            {"page": s, "active": bool(current_path) and current_path.startswith(s.path)}
            for s in sections
        ],
        "request": request,
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    site = Site.find_for_request(request)  # None without a request
    if site is None:
        return f"/{current_language()}/"
    return site.root_page.specific.get_url(request) or f"/{current_language()}/"
