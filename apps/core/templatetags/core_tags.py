from django import template
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Site

from apps.core import dates, fragments, text
from apps.core.navigation import main_sections
from apps.core.translation import (
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    current_language,
    language_link,
)

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        vary = [value.resolve(context) for value in self.vary]
        if any(value in (None, "") for value in vary):
            # Nothing to tell one rendering from another (no page): render it every time.
            return self.nodelist.render(context)
        # The page's template is part of the key: a page may also be shown through another
        # one (its 404 in a missing language, a comment that could not be posted).
        template = getattr(context.template, "origin", None)
        return fragments.cached(
            context.get("request"), self.name.resolve(context),
            [*vary, template.template_name if template else ""],
            lambda: self.nodelist.render(context),
        )


@register.tag
def fragment(parser, token):
    """{% fragment "name" vary1 vary2 … %}…{% endfragment %}: the enclosed part rendered once
    per name, values, language and host until the content changes (apps/core/fragments.py).
    An empty value (no page) turns the cache off for that rendering."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            "{% fragment %} takes a name and at least one value to vary on"
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


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
    elif context.get("translation_links"):
        links = context["translation_links"]
    else:
        site = Site.find_for_request(request) if request else None
        links = []
        for lang in LANGUAGE_CODES:
            url = f"/{lang}/"
            if site is not None:
                with override(lang):
                    url = site.root_page.specific.get_url(request) or url
            links.append(language_link(lang, url))
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


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """What the site has in the reader's language: its sections, the topic index (where there
    are topics with pages), the feeds as plain links, and what the site is about."""
    from apps.taxonomy.views import pages_per_topic

    request = context.get("request")
    return {
        "sections": list(main_sections(request)) if request else [],
        "topic_index": reverse("topic-index") if pages_per_topic(current_language()) else "",
        "rss": reverse("feed-rss"),
        "atom": reverse("feed-atom"),
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return f"/{current_language()}/"
    return site.root_page.specific.get_url(request) or f"/{current_language()}/"
