"""Withdrawing a published page in one language, and restoring it.

The text stays (title_fi and the rest are not touched); only the page's LanguageWithdrawal row
changes, and with it the one availability rule (apps/core/translation.py) that routing, every
listing, the feeds, the sitemap, hreflang, search and navigation ask. `page_languages_changed`
tells the caches (apps/caching/invalidation.py) and the search index (apps/search/signals.py).
"""

from django.db import transaction
from django.dispatch import Signal

from .models import LanguageWithdrawal
from .translation import forget_withdrawn_languages

#: Sent with `instance` (the page) and `language` after a withdrawal or a restore.
page_languages_changed = Signal()


def withdraw(page, lang, user=None):
    """Stop answering `page` in `lang`; returns False when it was already withdrawn there."""
    with transaction.atomic():
        _row, created = LanguageWithdrawal.objects.get_or_create(
            page_id=page.pk, language=lang, defaults={"withdrawn_by": user}
        )
        if created:
            _changed(page, lang)
    return created


def restore(page, lang):
    """Answer `page` in `lang` again; returns False when it was not withdrawn there."""
    with transaction.atomic():
        deleted, _by_model = LanguageWithdrawal.objects.filter(
            page_id=page.pk, language=lang
        ).delete()
        if deleted:
            _changed(page, lang)
    return bool(deleted)


def _changed(page, lang):
    forget_withdrawn_languages(page)
    page_languages_changed.send(sender=type(page), instance=page, language=lang)
