"""The header's sections: the index pages that have pages in the reader's language."""

from wagtail.models import Page, Site

from .translation import current_language, in_language, with_pages_in


def main_sections(request):
    """The sections as a list, read once per request and language (the header, the footer and
    the search page all show them)."""
    lang = current_language()
    kept = getattr(request, "_main_sections", {})
    if lang not in kept:
        site = Site.find_for_request(request)
        sections = Page.objects.none() if site is None else (
            site.root_page.get_children()
            .live()
            .in_menu()
            .filter(in_language(lang), with_pages_in(lang))
            .order_by("path")
        )
        kept[lang] = list(sections)
        request._main_sections = kept
    return kept[lang]
