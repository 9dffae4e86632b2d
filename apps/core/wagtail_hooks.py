"""The core's part of the admin: the editor's drafts on the dashboard (apps/core/drafts.py)."""

from wagtail import hooks

from .drafts import DraftsPanel


@hooks.register("construct_homepage_panels")
def add_drafts_panel(request, panels):
    panels.append(DraftsPanel(request.user))
