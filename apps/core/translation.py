"""Which languages a page exists in, derived from its own fields.

A page exists in a language when its title for that language is filled, read without
modeltranslation's fallback. Everything that offers a page in a language (routing, the
language switcher, listings, and later hreflang, sitemap, feeds and search) asks these helpers,
so that no Hebrew text is ever served under a Persian or Finnish URL.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language, override
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
LANGUAGE_NAMES = dict(settings.LANGUAGES)
RTL_LANGUAGES = frozenset({"he", "fa"})


def current_language():
    """The active language, reduced to one of the site's languages."""
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return lang if lang in LANGUAGE_CODES else settings.LANGUAGE_CODE


def direction(lang):
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


def language_link(lang, url):
    """What the language switcher and the 404 page need to link to `url` in `lang`."""
    return {"code": lang, "name": LANGUAGE_NAMES[lang], "url": url, "dir": direction(lang)}


def url_in(page, lang, request=None):
    """The page's URL in `lang`, at its slug in that language (relative when the site has one
    host)."""
    with override(lang):
        return page.get_url(request)


def own_value(instance, field_name, lang):
    """A translated field's value in `lang` itself, never a fallback."""
    return getattr(instance, build_localized_fieldname(field_name, lang), None)


def page_languages(page):
    """The languages `page` exists in, in the site's language order."""
    return [lang for lang in LANGUAGE_CODES if (own_value(page, "title", lang) or "").strip()]


def exists_in(page, lang):
    return lang in page_languages(page)


def in_language(lang, prefix=""):
    """A Q object selecting pages (or related pages, with `prefix`) that exist in `lang`."""
    field = f"{prefix}{build_localized_fieldname('title', lang)}"
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def in_language_any(langs, prefix=""):
    """A Q object selecting pages that exist in at least one of `langs`."""
    query = Q(pk__in=[])
    for lang in langs:
        query |= in_language(lang, prefix)
    return query


def with_pages_in(lang):
    """A filter for pages (the site's sections) that have a live child page in `lang`."""
    from wagtail.models import Page

    children = Page.objects.live().filter(
        in_language(lang), depth=OuterRef("depth") + 1, path__startswith=OuterRef("path")
    )
    return Exists(children)


def relax_default_language_requirement():
    """Let a page exist in Finnish or Persian only.

    wagtail-modeltranslation makes the default language's title and slug required in the admin.
    Mishov pages may be written in any one of the three languages; TranslatedPageForm instead
    requires a title in at least one language.
    """
    from wagtail.models import Page

    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for name in ("title", "slug"):
        Page._meta.get_field(build_localized_fieldname(name, default)).blank = True


def _empty_value(field):
    if field.null:
        return None
    default = field.get_default()
    return default if default is not None else ""


def keep_base_columns_in_default_language(sender, instance, raw=False, **kwargs):
    """After a save, make each translated field's untranslated column hold the default
    language's own value (or nothing), never another language's text.

    modeltranslation writes the untranslated column from whatever the active language and its
    fallbacks give, so a Persian-only page stores its Persian title there. Its
    `update_translation_fields` command, which a deployment runs after every migrate, then
    copies that column into the empty Hebrew fields, and the page would suddenly "exist" in
    Hebrew with Persian text. With the column in the default language only, the command
    copies nothing but the default language onto itself.
    """
    from modeltranslation.translator import NotRegistered, translator

    if raw or instance.pk is None:
        return
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    values = {}
    for name in options.all_fields:
        field = type(instance)._meta.get_field(name)
        if field.many_to_many:
            continue
        own = own_value(instance, name, default)
        values[name] = own if own not in (None, "") else _empty_value(field)
    if values:
        type(instance)._default_manager.filter(pk=instance.pk).rewrite(False).update(**values)
