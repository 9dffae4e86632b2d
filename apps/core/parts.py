"""A page's translated parts: its child objects with translated fields of their own (a
question's answers, edited in an InlinePanel), and which of them exist in each language.

A part exists in a language when one of its translated fields is filled in that language, as a
page does when its title is. The page's Languages panel counts them from the page in hand
(`part_counts`); the translation status report counts them in SQL for a whole page of results
(`part_filled_in`, apps/translations/status.py).
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .translation import LANGUAGE_CODES, LANGUAGE_NAMES, is_filled, own_value


def translated_child_relations(model):
    """(accessor name, child model, the child's key to the page) for each child relation of
    `model` whose model is translated."""
    registered = set(translator.get_registered_models())
    return [
        (relation.get_accessor_name(), relation.related_model, relation.field.name)
        for relation in get_all_child_relations(model)
        if relation.related_model in registered
    ]


def translated_children(model):
    """(accessor name, child model) for each child relation whose model is translated."""
    return [(name, child) for name, child, _key in translated_child_relations(model)]


def part_fields(child_model):
    """The translated fields of a part's model (an answer's body)."""
    return translator.get_options_for_model(child_model).fields


def part_filled_in(child_model, lang):
    """SQL condition: parts with one of their translated fields filled in `lang`."""
    return reduce(
        or_,
        (Q(**{f"{build_localized_fieldname(f, lang)}__gt": ""}) for f in part_fields(child_model)),
    )


def exists_in(part, lang):
    return any(is_filled(str(own_value(part, f, lang) or "")) for f in part_fields(type(part)))


def part_counts(page):
    """[(child model, number of parts, {language: parts that exist in it})] for each of the
    page's translated child relations that has parts."""
    counts = []
    for name, child_model in translated_children(type(page)):
        parts = list(getattr(page, name).all())
        if parts:
            in_language = {
                lang: sum(exists_in(part, lang) for part in parts) for lang in LANGUAGE_CODES
            }
            counts.append((child_model, len(parts), in_language))
    return counts


def part_summary(child_model, count, total):
    """"Answers: 2 of 3": how many of a page's parts exist in a language."""
    return _("%(parts)s: %(count)s of %(total)s") % {
        "parts": capfirst(child_model._meta.verbose_name_plural),
        "count": count,
        "total": total,
    }


def parts_in_languages(page):
    """For the page's Languages panel: [(kind of part, [(language's name, "2 of 3", whether
    some lack it)])], e.g. ("Answers", [("suomi", "2 of 3", True), …])."""
    return [
        (
            capfirst(child._meta.verbose_name_plural),
            [
                (LANGUAGE_NAMES[lang], _("%(count)s of %(total)s") % {"count": n, "total": total},
                 n < total)
                for lang, n in counts.items()
            ],
        )
        for child, total, counts in part_counts(page)
    ]  # fmt: skip
