"""The core's part of the admin: the editor's drafts on the dashboard (apps/core/drafts.py),
and the sites listing with translated column headers (apps/core/sites_admin.py)."""

from wagtail import hooks

from .drafts import DraftsPanel
from .sites_admin import site_viewset


@hooks.register("construct_homepage_panels")
def add_drafts_panel(request, panels):
    panels.append(DraftsPanel(request.user))


# Ahead of Wagtail's own viewset for the same addresses (order), so that it is the one that answers.
@hooks.register("register_admin_viewset", order=-1)
def register_site_viewset():
    return site_viewset()
