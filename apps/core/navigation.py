"""The header's sections: the index pages that exist in the reader's language."""

from wagtail.models import Page, Site

from .translation import current_language, in_language


def main_sections(request):
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return (
        site.root_page.get_children()
        .live()
        .in_menu()
        .filter(in_language(current_language()))
        .order_by("path")
    )
