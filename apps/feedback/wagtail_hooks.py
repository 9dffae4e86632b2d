"""The "was this helpful?" report in the admin's Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import EditorsOnly, HelpfulReportView, HelpfulTextsView


@hooks.register("register_admin_urls")
def feedback_report_urls():
    return [
        path("reports/helpful/", HelpfulReportView.as_view(), name="feedback_report"),
        path(
            "reports/helpful/results/",
            HelpfulReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
        path("reports/helpful/texts/", HelpfulTextsView.as_view(), name="feedback_texts"),
        path(
            "reports/helpful/texts/results/",
            HelpfulTextsView.as_view(results_only=True),
            name="feedback_texts_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return EditorsOnly.permission_policy.user_has_any_permission(
            request.user, EditorsOnly.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return EditorsMenuItem(
        _("Was this helpful?"), reverse("feedback_report"), name="helpful", icon_name="help",
        order=800,
    )
