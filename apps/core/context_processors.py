from django.conf import settings

from .translation import RTL_LANGUAGES, current_language


def site_chrome(request):
    """Language and direction for <html lang dir>, available to every template."""
    lang = current_language()
    return {
        "LANG": lang,
        "DIR": "rtl" if lang in RTL_LANGUAGES else "ltr",
        "SITE_LANGUAGES": settings.LANGUAGES,
    }
