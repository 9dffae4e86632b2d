"""Queries for listings: only live pages that exist in the reader's language."""

from .translation import current_language, in_language


def live_in_language(model, lang=None):
    """Live pages of `model` that have text in `lang` (default: the active language)."""
    return model.objects.live().filter(in_language(lang or current_language()))


def newest_first(queryset):
    return queryset.order_by("-first_published_at", "-pk")
