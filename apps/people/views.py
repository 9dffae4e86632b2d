"""Author pages: an author's bio, photo and their posts and articles in the reader's language,
newest first, a page of cards at a time (/he/כותבים/<key>/, /he/כותבים/<key>/2/ …).

An author has a page in a language only when they have live pages in it (the empty-rooms
rule): elsewhere it is a 404, and neither the sitemap nor the language switcher links it.
Pages of the listing are in the path, so that every one is a page the page cache keeps."""

from collections import defaultdict

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from apps.content.pages import ContentPage
from apps.core.listing import languages_with_live_pages, newest_ids, paginate
from apps.core.pages import article_cards, article_models
from apps.core.translation import (
    LANGUAGE_CODES,
    current_language,
    filled_languages,
    in_site_order,
    language_link,
    own_value,
)

from .models import Author

PER_PAGE = 12


def authored_models():
    """The page types with an author: posts and knowledge-base articles."""
    return [model for model in article_models() if issubclass(model, ContentPage)]


def pages_by(author, lang):
    """(id, first published) of the author's live pages in `lang`, newest first: one query
    that a page of the listing counts and slices (apps.core.listing.newest_ids)."""
    return newest_ids(authored_models(), lang, author=author)


def author_languages(author):
    """languages_of for one author, in one query that stops at the first page in each
    language, however many they wrote."""
    return languages_with_live_pages(author, authored_models(), author=author)


def languages_of(authors):
    """{author id: the languages they have live pages in}, one query per page type."""
    found = defaultdict(set)
    titles = [f"title_{lang}" for lang in LANGUAGE_CODES]
    for model in authored_models():
        rows = model.objects.live().filter(author__in=list(authors)).values_list("author", *titles)
        for author_id, *row in rows:
            found[author_id] |= filled_languages(LANGUAGE_CODES, row)
    return {author.pk: in_site_order(found[author.pk]) for author in authors}


def author_url(author, lang, number=1):
    """The author page's address in `lang` (page `number` of the listing)."""
    with override(lang):
        if number > 1:
            return reverse("author-page", args=[author.key, number])
        return reverse("author", args=[author.key])


def author_page(request, key, number=1):
    lang = current_language()
    author = get_object_or_404(Author, key=key)
    listing = paginate(pages_by(author, lang), number, PER_PAGE)
    languages = author_languages(author)
    return TemplateResponse(
        request,
        "people/author_page.html",
        {
            "author": author,
            "bio": own_value(author, "bio", lang),
            "credentials": own_value(author, "credentials", lang),
            "listing": listing,
            "items": article_cards(
                [pk for pk, _published in listing.object_list], authored_models()
            ),
            "previous_url": author_url(author, lang, number - 1) if number > 1 else None,
            "next_url": author_url(author, lang, number + 1) if listing.has_next() else None,
            "translation_links": [
                language_link(code, author_url(author, code)) for code in languages
            ],
            "meta_description": _("Posts and articles by %(name)s.") % {"name": author.name},
        },
    )
