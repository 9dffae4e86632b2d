from django import template

from apps.core.translation import current_language

from ..views import author_url

register = template.Library()


@register.simple_tag
def author_link(author):
    """The author's page in the reader's language. A card or an author box shows a live page of
    theirs in that language, so the author page it links to exists there."""
    return author_url(author, current_language())
