"""Settings → Sites with its column headers in the admin's language.

Wagtail's sites listing names three columns after their field names ("port" → "Port") instead of
the fields' translated verbose names, so no catalog reaches them. This viewset is Wagtail's own
with the columns labelled from the model's fields; registered ahead of Wagtail's under the same
address (`url_prefix`, apps/core/wagtail_hooks.py), it answers /admin/sites/, which Wagtail's
menu item and links (`wagtailsites:…`) keep pointing to.
"""

from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.sites import views


def field_label(name):
    """The column header for a field of Site: its verbose name, translated."""
    return capfirst(Site._meta.get_field(name).verbose_name)


_HOSTNAME, *_UNLABELLED, _DEFAULT = views.IndexView.columns


class SiteIndexView(views.IndexView):
    columns = [
        _HOSTNAME,
        Column("port", label=field_label("port"), sort_key="port"),
        Column("site_name", label=field_label("site_name")),
        Column("root_page", label=field_label("root_page")),
        _DEFAULT,
    ]


class SiteViewSet(views.SiteViewSet):
    index_view_class = SiteIndexView


def site_viewset():
    return SiteViewSet("sites", url_prefix="sites")
