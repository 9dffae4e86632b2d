"""The header's sections: the index pages that have pages in the reader's language."""

from wagtail.models import Page, Site

from .translation import current_language, in_language, with_pages_in


def main_sections(request):
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    lang = current_language()
    return (
        site.root_page.get_children()
        .live()
        .in_menu()
        .filter(in_language(lang), with_pages_in(lang))
        .order_by("path")
    )
