"""The state of every page in every language, for the report, the explorer and the dashboard.

In each language a page is in the state of the first rule (RULES) whose fact holds: withdrawn
(an editor withdrew it there, apps/core/withdrawal.py), outdated (live, but its source language's
text changed since the translation was last brought up to date, apps/translations/outdated.py;
a draft being written does not hide that the live text is behind), draft (it has unpublished
changes in that language: a translation not yet published, or edits to a published one), live
(published with a title in that language); else missing. The facts are SQL conditions on
Wagtail's page table, so that one query states, filters or counts any number of pages, and
`language_state` reads the same rules for the facts of one page.

To add a state (a translation awaiting review, say), add its fact to `facts` and its rule to
RULES in its place: the report, the explorer's filter and the dashboard's counts follow.
"""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, NullIf
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from apps.core.parts import part_filled_in, translated_child_relations
from apps.core.translation import LANGUAGE_CODES, titled_in, withdrawn_in

from .outdated import outdated_in

LIVE, OUTDATED, DRAFT, MISSING, WITHDRAWN = "live", "outdated", "draft", "missing", "withdrawn"
#: (state, fact): a page is in the state of the first rule whose fact holds, else MISSING.
RULES = ((WITHDRAWN, "withdrawn"), (OUTDATED, "outdated"), (DRAFT, "draft"), (LIVE, "live"))
STATES = (LIVE, OUTDATED, DRAFT, MISSING, WITHDRAWN)
STATE_LABELS = {
    LIVE: _("Live"),
    OUTDATED: _("Outdated"),
    DRAFT: _("Draft"),
    MISSING: _("Missing"),
    WITHDRAWN: _("Withdrawn"),
}


def language_state(facts):
    """The state of one page in one language, from its facts ({"withdrawn": bool, …})."""
    return next((state for state, fact in RULES if facts[fact]), MISSING)


def translated_names():
    """The translated fields of every page type (title, slug, lead, body …), but url_path,
    which follows the slugs of the page's ancestors."""
    names = set()
    for model in get_page_models():
        try:
            names |= set(translator.get_options_for_model(model).fields)
        except NotRegistered:
            continue
    return sorted(names - {"url_path"})


def _stored(key, revision):
    """A field's value in a revision's content as text; SQL NULL when absent or null (SQLite
    spells a JSON null "null")."""
    return NullIf(KeyTextTransform(key, f"{revision}__content"), Value("null"))


class _AsJson(Func):
    """A StreamField's JSON text as JSON, so that two revisions compare by value: Wagtail
    writes a new page's blocks with their keys in its own order, but once read back from the
    database (jsonb) in another, so the same text would otherwise count as changed. SQLite
    compares the text as stored."""

    template = "CAST(%(expressions)s AS jsonb)"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])


def _stream_names():
    """The translated fields that are StreamFields (stored as JSON text in revisions)."""
    return {
        field.name
        for model in get_page_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    }


def _revision_text(key, revision):
    if key in _stream_names():
        return _AsJson(Coalesce(_stored(key, revision), Value("[]"), output_field=TextField()))
    return Coalesce(_stored(key, revision), Value(""), output_field=TextField())


def changed_in(lang):
    """Pages whose latest revision differs from their live one in a field in `lang`."""
    changed = Q(pk__in=[])
    for name in translated_names():
        key = f"{name}_{lang}"
        same = Exact(_revision_text(key, "latest_revision"), _revision_text(key, "live_revision"))
        changed |= ~Q(same)
    return changed


def facts(lang):
    """The facts RULES read, as SQL conditions on pages, for `lang`."""
    live = Q(live=True) & titled_in(lang)
    draft_title = Coalesce(
        _stored(f"title_{lang}", "latest_revision"),
        F(f"title_{lang}"),
        Value(""),
        output_field=TextField(),
    )
    unpublished = (Q(has_unpublished_changes=True) | Q(live=False)) & ~Q(Exact(draft_title, ""))
    return {
        "withdrawn": Q(withdrawn_in(lang)),
        "outdated": live & Q(outdated_in(lang)),
        "draft": unpublished & (~live | changed_in(lang)),
        "live": live,
    }


def state_condition(lang, state):
    """SQL condition: pages in `state` in `lang` (the first rule that holds, as above)."""
    conditions = facts(lang)
    none_before = Q()
    for rule_state, fact in RULES:
        if rule_state == state:
            return none_before & conditions[fact]
        none_before &= ~conditions[fact]
    return none_before


def annotate_facts(pages):
    """`pages` with each fact in each language as a boolean (`draft_fi` …), read by
    states_of: one query for the whole list."""
    return pages.annotate(
        **{
            f"{fact}_{lang}": Case(When(condition, then=True), default=False,
                                   output_field=BooleanField())
            for lang in LANGUAGE_CODES
            for fact, condition in facts(lang).items()
        }
    )  # fmt: skip


def states_of(page):
    """{language: state} for a page from annotate_facts."""
    return {
        lang: language_state({fact: getattr(page, f"{fact}_{lang}") for _s, fact in RULES})
        for lang in LANGUAGE_CODES
    }


def state_counts(pages):
    """{(language, state): number of pages}, in one query."""
    counts = pages.aggregate(
        **{
            f"{lang}__{state}": Count("pk", filter=state_condition(lang, state))
            for lang in LANGUAGE_CODES
            for state in STATES
        }
    )
    return {tuple(key.split("__")): count for key, count in counts.items()}


# A page's translated parts (a question's answers): how many, and how many exist in each language.


def part_relations():
    """(child model, the child's key to its page) of every page type's translated parts."""
    return list(dict.fromkeys(
        (child, key)
        for model in get_page_models()
        for _name, child, key in translated_child_relations(model)
    ))  # fmt: skip


def _part_count(child, key, condition):
    rows = child.objects.filter(condition, **{key: OuterRef("pk")}).order_by().values(key)
    return Coalesce(Subquery(rows.annotate(number=Count("pk")).values("number")[:1]), 0)


def annotate_parts(pages):
    """`pages` with the number of their parts of each kind (`parts_answer`), and of those that
    exist in each language (`parts_answer_fi` …), as subqueries of the same one query."""
    annotations = {}
    for child, key in part_relations():
        name = f"parts_{child._meta.model_name}"
        annotations[name] = _part_count(child, key, Q())
        for lang in LANGUAGE_CODES:
            annotations[f"{name}_{lang}"] = _part_count(child, key, part_filled_in(child, lang))
    return pages.annotate(**annotations)


def parts_of(page):
    """[(child model, number of parts, {language: parts in it})] from annotate_parts, for the
    kinds of parts the page has."""
    found = []
    for child, _key in part_relations():
        name = f"parts_{child._meta.model_name}"
        total = getattr(page, name, 0)
        if total:
            counts = {lang: getattr(page, f"{name}_{lang}") for lang in LANGUAGE_CODES}
            found.append((child, total, counts))
    return found
