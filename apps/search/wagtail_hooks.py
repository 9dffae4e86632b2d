"""The search report in the admin's Reports menu, and the title its links prefill."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import SearchReportView


@hooks.register("register_admin_urls")
def search_report_urls():
    return [
        path("reports/searches/", SearchReportView.as_view(), name="search_report"),
        path(
            "reports/searches/results/",
            SearchReportView.as_view(results_only=True),
            name="search_report_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        view = SearchReportView
        return view.permission_policy.user_has_any_permission(
            request.user, view.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return EditorsMenuItem(
        _("What readers search for"), reverse("search_report"), name="searches",
        icon_name="search", order=810,
    )


@hooks.register("insert_editor_js")
def prefill_title():
    return format_html('<script src="{}" defer></script>', static("js/admin-prefill.js"))
