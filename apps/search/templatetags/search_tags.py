from django import template

from apps.core.translation import current_language

from ..views import search_url

register = template.Library()


@register.inclusion_tag("includes/search_form.html", takes_context=True)
def search_form(context):
    """The header's search box: a plain GET form, so it works without JavaScript."""
    return {
        "action": search_url(current_language()),
        "search_query": context.get("search_query", ""),
    }
