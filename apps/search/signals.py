"""The index follows publishing: a published page is reindexed (and so is one withdrawn or
restored in a language), an unpublished one removed. It follows the names pages are filed
under too: renaming (or deleting) a topic or an author reindexes the live pages that carry it.

Deleting a page needs no receiver: SearchDocument.page cascades, so the database removes the
page's documents and terms in the same delete (Wagtail deletes a page's subtree that way too).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from apps.core.pages import article_models
from apps.core.withdrawal import page_languages_changed

from .indexer import index_page, remove_page


def on_page_published(sender, instance, **kwargs):
    index_page(instance)


def on_page_unpublished(sender, instance, **kwargs):
    remove_page(instance.pk)


def _label_relations():
    """(article model, field name, the model it points at) for every label field an article
    type has (TranslatedPage.label_fields: its topics, its author)."""
    relations = []
    for model in article_models():
        for name in model.label_fields:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            relations.append((model, name, field.related_model))
    return relations


def pages_filed_under(label):
    """The ids of the live pages that carry `label` (a topic, an author) in a label field."""
    ids = set()
    for model, name, target in _label_relations():
        if isinstance(label, target):
            ids.update(model.objects.live().filter(**{name: label}).values_list("pk", flat=True))
    return ids


def reindex_pages(ids):
    """Reindex the pages with these ids, as they are now."""
    for page in Page.objects.filter(pk__in=ids).specific():
        index_page(page)


def on_label_saved(sender, instance, raw=False, **kwargs):
    """A topic or author saved (renamed, perhaps): its pages are indexed under the new name."""
    if not raw:  # fixtures load rows before the pages that point at them
        ids = pages_filed_under(instance)
        transaction.on_commit(lambda: reindex_pages(ids))


def on_label_deleted(sender, instance, **kwargs):
    """A topic or author about to go: once it has, its pages are indexed without its name."""
    ids = pages_filed_under(instance)
    transaction.on_commit(lambda: reindex_pages(ids))


def connect():
    page_published.connect(on_page_published, dispatch_uid="search.index_published_page")
    # Withdrawn in a language or restored there: that language's document goes or comes back.
    page_languages_changed.connect(on_page_published, dispatch_uid="search.index_languages")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.unindex_unpublished_page")
    for label_model in {target for _model, _name, target in _label_relations()}:
        uid = f"search.reindex_{label_model._meta.label_lower}"
        post_save.connect(on_label_saved, sender=label_model, dispatch_uid=f"{uid}_saved")
        pre_delete.connect(on_label_deleted, sender=label_model, dispatch_uid=f"{uid}_deleted")
