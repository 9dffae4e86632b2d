"""An editor's own drafts on the dashboard: pages that were never published (autosave makes one
of every new form, even a form the editor then left), each with a link back to it."""

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.fields import StreamField
from wagtail.models import Page

SHOWN = 10


def drafts_of(user):
    """Pages not live that `user` created or last edited, most recently edited first."""
    mine = Q(owner=user) | Q(latest_revision__user=user)
    return Page.objects.filter(mine, live=False, depth__gt=1).order_by(
        "-latest_revision_created_at", "-pk"
    )


def _is_empty_image(block):
    """A block with an image to choose (the body's image block) and none chosen."""
    return "image" in getattr(block.block, "child_blocks", {}) and not block.value["image"]


def empty_images(page):
    """What would stop `page`'s draft from being published for want of an image: one line per
    image block without its image, naming the field and the block's position ("Body [fi]:
    block 2, Image, has no image")."""
    streams = [field for field in page._meta.get_fields() if isinstance(field, StreamField)]
    return [
        _("%(field)s: block %(position)d, %(block)s, has no image")
        % {"field": capfirst(field.verbose_name), "position": n, "block": block.block.label}
        for field in streams
        for n, block in enumerate(getattr(page, field.name) or [], start=1)
        if _is_empty_image(block)
    ]


def with_problems(pages):
    """(page, [what blocks publishing]) for each draft, read from its latest revision."""
    return [(page, empty_images(page.get_latest_revision_as_object())) for page in pages]


class DraftsPanel(Component):
    name = "my_drafts"
    order = 40
    template_name = "core/admin/drafts_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        drafts = drafts_of(self.user)
        return {"drafts": with_problems(drafts.specific()[:SHOWN]), "count": drafts.count()}
