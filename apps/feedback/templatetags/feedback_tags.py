"""{% helpful_form page %}: the "was this helpful?" form at the end of an article."""

from django import template
from django.urls import reverse

from apps.feedback.forms import HelpfulForm

register = template.Library()


@register.inclusion_tag("feedback/helpful.html")
def helpful_form(page):
    """The same form for every reader (it is part of the cached page): no token, no state.

    Nothing for a page that has not been saved yet (the preview of a new page): there is
    nothing to vote on, and no address to send a vote to.
    """
    if page is None or page.pk is None:
        return {}
    return {
        "action": reverse("feedback:vote", args=[page.pk]),
        "form": HelpfulForm(auto_id="helpful-%s"),
    }
