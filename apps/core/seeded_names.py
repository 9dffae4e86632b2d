"""The names the site is installed with, shown in the admin's language.

Wagtail's migrations (and apps/comments' 0002) create the groups "Editors" and "Moderators" and
the workflow "Moderators approval" with its task of that name, in English. The database keeps
those names as stored — they are the msgids of their translations, and code and tests find the
groups and the workflow by them — and every place that shows one shows its translation: each
Group, Workflow or Task loaded with a seeded name holds it as a `SeededName`, a str equal to the
stored name (in queries, comparisons and what the database adapters and JSON write) whose
text, as `str()`, templates, f-strings and %-formatting give it, is the translation in the
active language. So Wagtail's listings, filters, checkboxes, status panels, menus ("Submit to
…"), messages and e-mails name them in the reader's language, with no view or template of
Wagtail's replaced.

A form that edits one shows the translation too; saving it unchanged keeps the stored name
(`keep_seeded_name`), and a name the editor types is stored and shown as typed. Workflow log
entries record the names in their data, and read them translated the same way.
"""

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

#: The seeded names, as stored (msgids of the site's catalogs).
SEEDED_NAMES = frozenset(
    {gettext_noop("Editors"), gettext_noop("Moderators"), gettext_noop("Moderators approval")}
)


class SeededName(str):
    """A seeded name: the stored text, shown (`str()`) as its translation."""

    def __new__(cls, name):
        return super().__new__(cls, str.__str__(name))  # the stored text, even of a SeededName

    def __str__(self):
        return gettext(str.__str__(self))


def translations(name):
    """`name` and its translation in each of the site's languages."""
    names = {name}
    for lang, _name in settings.LANGUAGES:
        with translation.override(lang):
            names.add(gettext(name))
    return names


def mark_seeded_name(sender, instance, **kwargs):
    """post_init: a just-loaded object's seeded name shows translated."""
    name = instance.__dict__.get("name")
    if isinstance(name, str) and name in SEEDED_NAMES:
        instance.name = SeededName(name)
        instance._seeded_name = str.__str__(name)


def keep_seeded_name(sender, instance, **kwargs):
    """pre_save: a seeded name saved back as one of its translations (a form shows those) is
    stored as it was."""
    stored = getattr(instance, "_seeded_name", None)
    if stored and instance.name in translations(stored):
        instance.name = SeededName(stored)


def _mark_titles(data):
    for key, value in data.items():
        if isinstance(value, dict):
            _mark_titles(value)
        elif key == "title" and isinstance(value, str) and value in SEEDED_NAMES:
            data[key] = SeededName(value)


def mark_seeded_names_in_log(sender, instance, **kwargs):
    """post_init: the workflow's and task's names a workflow log entry recorded (Wagtail's
    history and site history format their messages from them) show translated."""
    data = instance.__dict__.get("data")
    if str(instance.__dict__.get("action", "")).startswith("wagtail.workflow."):
        if isinstance(data, dict) and isinstance(data.get("workflow"), dict):
            _mark_titles(data["workflow"])


def named_models():
    """The models whose seeded names are shown translated: groups, workflows, every task type."""
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow
    from wagtail.workflows import get_task_types

    return [Group, Workflow, Task, *get_task_types()]


def connect():
    from wagtail.models import ModelLogEntry, PageLogEntry

    for model in named_models():
        uid = f"seeded_name.{model._meta.label}"
        post_init.connect(mark_seeded_name, sender=model, dispatch_uid=uid)
        pre_save.connect(keep_seeded_name, sender=model, dispatch_uid=uid)
    for model in (PageLogEntry, ModelLogEntry):
        uid = f"seeded_name.{model._meta.label}"
        post_init.connect(mark_seeded_names_in_log, sender=model, dispatch_uid=uid)
