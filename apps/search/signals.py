"""The index follows publishing: a published page is reindexed (and so is one withdrawn or
restored in a language), an unpublished one removed.

Deleting a page needs no receiver: SearchDocument.page cascades, so the database removes the
page's documents and terms in the same delete (Wagtail deletes a page's subtree that way too).
"""

from wagtail.signals import page_published, page_unpublished

from apps.core.withdrawal import page_languages_changed

from .indexer import index_page, remove_page


def on_page_published(sender, instance, **kwargs):
    index_page(instance)


def on_page_unpublished(sender, instance, **kwargs):
    remove_page(instance.pk)


def connect():
    page_published.connect(on_page_published, dispatch_uid="search.index_published_page")
    # Withdrawn in a language or restored there: that language's document goes or comes back.
    page_languages_changed.connect(on_page_published, dispatch_uid="search.index_languages")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.unindex_unpublished_page")
