from django.conf import settings

from .translation import current_language, direction


def site_chrome(request):
    """Language and direction for <html lang dir>, available to every template."""
    lang = current_language()
    return {
        "LANG": lang,
        "DIR": direction(lang),
        "SITE_LANGUAGES": settings.LANGUAGES,
    }
