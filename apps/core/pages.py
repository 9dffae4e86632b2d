"""The base every Mishov page type builds on: one page, up to three languages."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models

from .admin_forms import LanguageFieldsMixin
from .listing import listing_page
from .panels import PageLanguagesPanel
from .text import html_text
from .translation import (
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    current_language,
    fill_missing_slugs,
    include_withdrawn_languages,
    is_filled,
    language_link,
    own_value,
    page_languages,
    url_in,
    with_pages_in,
    withdrawn_languages,
)


def is_page_of(page, page_type):
    """Whether `page` is of `page_type` (or a subtype), read from its content type without
    loading the specific page; a page whose type no longer exists is a plain Page."""
    return issubclass(page.specific_class or Page, page_type)


def topics_of(page):
    """The page's topics; none for a page type without topics."""
    return page.topics.all() if hasattr(page, "topics") else []


def topics_in_language(page):
    """The page's topics that have a name in the reader's language."""
    lang = current_language()
    return [t for t in page.topics.all() if own_value(t, "name", lang)]


class TranslatedPageForm(LanguageFieldsMixin, WagtailAdminPageForm):
    """Requires a title in at least one language instead of always in Hebrew; each language's
    fields carry its lang and dir."""

    def clean(self):
        cleaned = super().clean()
        if not any(is_filled(cleaned.get(f"title_{lang}")) for lang in LANGUAGE_CODES):
            self.add_error(
                f"title_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}",
                _("Give the page a title in at least one language."),
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        self._name_pages_holding_slugs()

    def _name_pages_holding_slugs(self):
        """A slug already in use is explained by the page that holds it: often a draft that
        autosave made from a form the editor then left, invisible in the public site."""
        parent = getattr(self, "parent_page", None)
        if parent is None or not self._errors:
            return
        for field in (f"slug_{lang}" for lang in LANGUAGE_CODES):
            holder = self._slug_holder(parent, field)
            if holder is not None:
                self._errors[field] = self.error_class([_slug_held_message(holder)])

    def _slug_holder(self, parent, field):
        """The other child of `parent` that has the slug refused in `field`, or None."""
        slug = self.data.get(field)
        if field not in self._errors or not slug:
            return None
        siblings = parent.get_children().filter(**{field: slug})
        return siblings.exclude(pk=self.instance.pk).first()


def _slug_held_message(holder):
    """Which page holds a slug, live or draft, and where to edit it."""
    return _(
        "“%(title)s” (%(state)s, %(url)s) already uses this address. Change the slug, "
        "or continue in that page if it is a draft you left."
    ) % {
        "title": holder.get_admin_display_title(),
        "state": _("live") if holder.live else _("draft"),
        "url": reverse("wagtailadmin_pages:edit", args=[holder.pk]),
    }


# The fields that say what a page is about, best first (those a page type has).
_DESCRIBING_FIELDS = ("search_description", "lead", "intro", "details")


def _plain(field, value):
    """A describing field's value as plain text (the introduction is rich text)."""
    return html_text(value) if field == "intro" and value else value or ""


def article_models():
    """Every page type that is an article (posts, knowledge-base articles, questions: see
    TranslatedPage.is_article), in the order Wagtail knows them."""
    return [model for model in get_page_models() if getattr(model, "is_article", False)]


def card_rows(queryset):
    """`queryset` of one page type without the fields no card shows (its type's
    card_deferred, in every language): a post's body is most of its row, three times over."""
    model = queryset.model
    deferred = (
        name
        for field in model.card_deferred
        for name in (field, *(f"{field}_{lang}" for lang in LANGUAGE_CODES))
    )
    return queryset.defer(*deferred)


def article_cards(ids, models=None):
    """The articles with `ids`, in that order, each with what its type's card shows
    (card_rows, card_prefetch): one query per page type (of `models`, default every article
    type) and its prefetches, whatever the mix of types."""
    found = {}
    for model in models or article_models():
        found |= card_rows(model.objects.prefetch_related(*model.card_prefetch)).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


class TranslatedPage(Page):
    """A page that exists in the languages whose title it has, and 404s in the others."""

    # What a page says of itself to discovery, feeds and search, which never test its class.
    #: Its schema.org type in JSON-LD ("WebSite", "BlogPosting", "QAPage" …); "" for none of its
    #: own (sections get breadcrumbs only).
    schema_type = ""
    #: A post, article or question: in the feeds, the search index and related reading, and an
    #: "article" to Open Graph.
    is_article = False
    #: The translated field that introduces the page on cards, in feeds and related reading.
    summary_field = "lead"
    #: What a card of the page needs loaded beside it (related reading).
    card_prefetch = ()
    #: Translated fields a card never shows, left out of the rows loaded for cards (card_rows).
    card_deferred = ()
    #: The relations whose names search_labels reads; apps.search reindexes the page when one
    #: of them is renamed.
    label_fields = ("topics", "author")

    def search_text(self, lang):
        """(lead, body): the page's own text in `lang` for the search index."""
        return own_value(self, self.summary_field, lang) or "", ""

    def search_labels(self, lang):
        """Names the page is filed under in `lang`: its topics' names and its author's name, so
        that a reader finds a page by what it is about and who wrote it."""
        names = [own_value(topic, "name", lang) for topic in topics_of(self)]
        author_name = getattr(getattr(self, "author", None), "name", None)  # None: no author
        return " ".join(name for name in [*names, author_name] if name)

    base_form_class = TranslatedPageForm
    content_panels = [PageLanguagesPanel(), *Page.content_panels]

    class Meta:
        abstract = True

    @cached_property
    def languages(self):
        return page_languages(self)

    def exists_in(self, lang):
        return lang in self.languages

    def _fill_missing_slugs(self):
        if fill_missing_slugs(self):
            self.set_url_path(self.get_parent())

    def full_clean(self, *args, **kwargs):
        # Before Wagtail's own defaults, which would make one slug from whichever title the
        # active language falls back to; then the URL of each language uses its own slug.
        self._fill_missing_slugs()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._fill_missing_slugs()
        super().minimal_clean()

    def description_in(self, lang):
        """What the page is about, in `lang` only: its search description, else its lead,
        introduction or a question's details, as one line of plain text."""
        texts = (_plain(field, own_value(self, field, lang)) for field in _DESCRIBING_FIELDS)
        return next((" ".join(text.split()) for text in texts if text.strip()), "")

    @property
    def meta_description(self):
        return self.description_in(current_language())

    @property
    def html_title(self):
        lang = current_language()
        return own_value(self, "seo_title", lang) or own_value(self, "title", lang) or ""

    def serve(self, request, *args, **kwargs):
        if current_language() not in self.languages:
            # Not found in this language; the page offers the languages it does exist in.
            return TemplateResponse(
                request, "404.html", {"page": self, "missing_translation": True}, status=404
            )
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        """The privacy rules of this page and its ancestors, as Wagtail asks for them on every
        page it serves; a page routed from the cache brings them along
        (`known_view_restrictions`, apps/caching/routes.py) and costs no query."""
        known = self.__dict__.get("known_view_restrictions")
        if known is not None:
            return list(known)
        return super().get_view_restrictions()

    # Preview: one mode per language the page has, each rendered as readers will get it.

    @property
    def preview_modes(self):
        """Every language: the mode list is drawn from the saved page, and a translation being
        typed in the form must be previewable before it is saved (a language the form has no
        title for previews as the reader's "not in this language" page)."""
        return [(lang, LANGUAGE_NAMES[lang]) for lang in LANGUAGE_CODES]

    @property
    def default_preview_mode(self):
        """The admin's language when the page has it, else the page's first language."""
        languages = self.languages or LANGUAGE_CODES
        return current_language() if current_language() in languages else languages[0]

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # The whole simulated request runs in the previewed language: its URL (so the
        # language prefix, LocaleMiddleware and the page's 404 rule agree), the template and
        # every helper that reads the active language.
        lang = preview_mode if preview_mode in LANGUAGE_CODES else self.default_preview_mode
        with override(lang):
            return super().make_preview_request(original_request, lang, extra_request_attrs)

    def serve_preview(self, request, mode_name):
        """A language an editor withdrew previews its text, with a notice that readers get
        "not found" there until it is restored."""
        lang = current_language()
        if lang in withdrawn_languages(self):
            include_withdrawn_languages(self)
            request.preview_notice = _(
                "Withdrawn in %(language)s: readers get “not found” here until it is restored."
            ) % {"language": get_language_info(lang)["name_translated"]}
        return super().serve_preview(request, mode_name)

    def translation_links(self, request=None):
        """A link (code, name, url, dir) for each language this page exists in."""
        return [language_link(lang, url_in(self, lang, request)) for lang in self.languages]


class SectionIndexPage(TranslatedPage):
    """A section of the site (blog, knowledge base, Q&A): an introduction and its listing."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*TranslatedPage.content_panels, FieldPanel("intro")]
    max_count = 1
    listing_name = "items"

    class Meta:
        abstract = True

    @cached_property
    def languages(self):
        """A section exists in a language when it has a title and a live page in it: an empty
        room is neither linked (menu, home, sitemap, language switcher) nor served."""
        own = page_languages(self)
        if not own:
            return own
        rooms = Page.objects.filter(pk=self.pk).values(
            **{lang: with_pages_in(lang) for lang in own}
        )
        filled = rooms.get()
        return [lang for lang in own if filled[lang]]

    def listing(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page = listing_page(request, self.listing())
        context[self.listing_name] = page.object_list
        context["listing_page"] = page
        return context
