"""Which languages a page exists in, derived from its own fields.

A page exists in a language when its title for that language is filled, read without
modeltranslation's fallback, and an editor has not withdrawn it in that language
(apps/core/models.py: the text stays, readers no longer get it). Everything that offers a page
in a language (routing, the language switcher, listings, hreflang, sitemap, feeds and search)
asks these helpers, so that no Hebrew text is ever served under a Persian or Finnish URL and a
withdrawn language leaves every one of them at once.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.text import slugify
from django.utils.translation import get_language, override
from modeltranslation.fields import TranslationFieldDescriptor
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


def is_filled(text):
    """Whether `text` has something in it besides whitespace (None has nothing)."""
    return bool((text or "").strip())


def titled_languages(page):
    """The languages `page` has a title in (its text, withdrawn or not), in the site's order."""
    return [lang for lang in LANGUAGE_CODES if is_filled(own_value(page, "title", lang))]


def in_site_order(langs):
    """The language codes of `langs` (any collection) in the site's order: he, fa, fi."""
    return [lang for lang in LANGUAGE_CODES if lang in langs]


def filled_languages(langs, titles):
    """The languages of `langs` whose title is filled in `titles` (one title per language)."""
    return {lang for lang, title in zip(langs, titles, strict=True) if title}


WITHDRAWN_KEY = "_withdrawn_languages"


def withdrawn_languages(page):
    """The languages an editor withdrew `page` in: read once per page object (or from a
    `prefetch_related("language_withdrawals")`), and kept on it, as routing's cache keeps it."""
    if page.pk is None:
        return frozenset()
    if WITHDRAWN_KEY not in page.__dict__:
        rows = page.language_withdrawals.all()
        page.__dict__[WITHDRAWN_KEY] = frozenset(row.language for row in rows)
    return page.__dict__[WITHDRAWN_KEY]


def include_withdrawn_languages(page):
    """Let this page object count its withdrawn languages as its own (an editor's preview shows
    the text of a withdrawn language; readers never get this object)."""
    forget_withdrawn_languages(page)
    page.__dict__[WITHDRAWN_KEY] = frozenset()


def forget_withdrawn_languages(page):
    """After a withdrawal or a restore, let `page` read its languages again."""
    for key in (WITHDRAWN_KEY, "languages"):
        page.__dict__.pop(key, None)


def page_languages(page):
    """The languages `page` exists in for readers, in the site's language order."""
    withdrawn = withdrawn_languages(page)
    return [lang for lang in titled_languages(page) if lang not in withdrawn]


def exists_in(page, lang):
    return lang in page_languages(page)


def titled_in(lang, prefix=""):
    """A Q object selecting pages (or related pages, with `prefix`) with a title in `lang`."""
    field = f"{prefix}{build_localized_fieldname('title', lang)}"
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def withdrawn_in(lang, prefix=""):
    """A condition selecting pages (or related pages, with `prefix`) withdrawn in `lang`."""
    from .models import LanguageWithdrawal

    return Exists(
        LanguageWithdrawal.objects.filter(page_id=OuterRef(f"{prefix}pk"), language=lang)
    )


def in_language(lang, prefix=""):
    """A Q object selecting pages (or related pages, with `prefix`) that exist in `lang`: the
    same rule as page_languages, for querysets."""
    return titled_in(lang, prefix) & ~withdrawn_in(lang, prefix)


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


def _default_language_value(instance, field):
    """The field's own value in the default language, or the field's empty value."""
    own = own_value(instance, field.name, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    return own if own not in (None, "") else _empty_value(field)


def _translated_columns(model):
    """The model's translated fields that are columns (not many-to-many); none when
    modeltranslation does not know the model."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    fields = (model._meta.get_field(name) for name in options.all_fields)
    return [field for field in fields if not field.many_to_many]


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
    if raw or instance.pk is None:
        return
    fields = _translated_columns(type(instance))
    values = {field.name: _default_language_value(instance, field) for field in fields}
    if values:
        type(instance)._default_manager.filter(pk=instance.pk).rewrite(False).update(**values)


def title_language(page):
    """The language `page.title` reads from (the active one, else modeltranslation's fallback
    order), or None when the page has no title in any language."""
    languages = titled_languages(page)
    order = (current_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"])
    return next((lang for lang in order if lang in languages), None)


class OwnLanguageDescriptor(TranslationFieldDescriptor):
    """`page.title` and `page.slug` for Wagtail's own housekeeping, which never adds a language.

    modeltranslation writes `page.title = value` into the *active* language's field. Wagtail
    assigns `page.title` and `page.slug` itself while saving (re-cleaning the title of a draft,
    generating a slug), when copying, and in every path built on those (autosave, move, revert,
    scheduled publishing, workflow approval), always with the value it just read — another
    language's, through the fallback. So a Finnish-only draft saved in the Hebrew admin got a
    Hebrew title and went live in Hebrew. This descriptor writes such an assignment into the
    language the value is read from instead, the language whose title the page shows; a page
    with no title keeps the value in the untranslated attribute only. Languages are only ever
    added by writing a language's own field (`title_fi`), which is what the admin form, the
    seed loader and revisions do.
    """

    def __set__(self, instance, value):
        if getattr(instance, "_mt_init", False) or getattr(instance, "_mt_disable", False):
            super().__set__(instance, value)
            return
        instance.__dict__[self.field.name] = value
        lang = title_language(instance)
        if lang is not None:
            setattr(instance, build_localized_fieldname(self.field.name, lang), value)


def keep_languages_explicit():
    """Install OwnLanguageDescriptor for Page.title and Page.slug (every page type inherits
    them); see there why."""
    from wagtail.models import Page

    for name in ("title", "slug"):
        old = Page.__dict__[name]
        setattr(
            Page,
            name,
            OwnLanguageDescriptor(
                old.field, old.fallback_languages, old.fallback_value, old.fallback_undefined
            ),
        )


def slug_from_title(title):
    """A slug in the title's own script: Hebrew and Persian letters stay, the Persian
    zero-width non-joiner becomes a hyphen."""
    return slugify(title.replace("\u200c", "-"), allow_unicode=True)


def fill_missing_slugs(page):
    """Give each language the page exists in a slug from its own title when it has none.

    Without this, wagtail-modeltranslation builds the URL of a Persian translation from the
    Hebrew slug (`/fa/وبلاگ/הלקוח-תמיד-צודק/`). A slug taken by a sibling in that language
    gets a number (`-2`, `-3`, …), as Wagtail does. Needs the page's place in the tree.
    Returns whether it filled any.
    """
    from wagtail.models import Page

    if not page.path:
        return False
    parent = page.get_parent()
    siblings = Page.objects.child_of(parent).exclude(pk=page.pk) if parent is not None else None
    filled = False
    for lang in titled_languages(page):
        field = build_localized_fieldname("slug", lang)
        base = "" if getattr(page, field) else slug_from_title(own_value(page, "title", lang))
        if base:
            setattr(page, field, _free_slug(base, _taken(siblings, field)))
            filled = True
    return filled


def _taken(siblings, field):
    """The slugs the page's siblings hold in `field`."""
    return set(siblings.values_list(field, flat=True)) if siblings is not None else set()


def _free_slug(base, taken):
    """`base`, or `base-2`, `base-3` … the first that is not `taken`, as Wagtail numbers them."""
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
