"""{% helpful_form page %}: the "was this helpful?" form at the end of an article."""

from django import template
from django.urls import reverse

from apps.feedback.forms import HelpfulForm

register = template.Library()


@register.inclusion_tag("feedback/helpful.html")
def helpful_form(page):
    """The same form for every reader (it is part of the cached page): no token, no state."""
    return {
        "action": reverse("feedback:vote", args=[page.pk]),
        "form": HelpfulForm(auto_id="helpful-%s"),
    }
