"""The moderation queue in the Wagtail admin: listing, filters, bulk actions, menu, dashboard."""

import django_filters
from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.widgets import AdminPageChooser, ListingButton
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views, bulk_actions, moderation
from .models import Comment, CommentReport
from .tasks import moderators


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from readers (and author replies from the moderation screen), never from
    an empty admin form, so nobody may add one here."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Comment.Status.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    # A page chooser, not a list: the filter takes a page id and looks up that one page, so
    # the queue costs the same with 30 commented pages or 30,000 (docs/comments.md).
    page = django_filters.ModelChoiceFilter(
        label=_("Page"), queryset=Page.objects.all(), widget=AdminPageChooser(show_edit_link=False)
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Posted"), widget=DateRangePickerWidget
    )
    # Choices rather than a BooleanFilter: the active filter's chip shows a choice's label in the
    # admin's language, and a boolean as "True".
    reported = django_filters.ChoiceFilter(
        label=_("Reported by readers"),
        choices=[("true", _("Yes")), ("false", _("No"))],
        method="filter_reported",
    )

    class Meta:
        model = Comment
        fields = []

    def filter_reported(self, queryset, name, value):
        """Comments with reports no moderator has decided on (or, when no, without)."""
        open_reports = Q(reports__resolved=False)
        wanted = value == "true"
        chosen = queryset.filter(open_reports) if wanted else queryset.exclude(open_reports)
        return chosen.distinct()


def queue_url():
    """The queue as moderators usually want it: what waits for them."""
    return f"{reverse('wagtailsnippets_comments_comment:list')}?status=pending"


def reported_queue_url():
    """The comments readers reported, waiting for a moderator's decision."""
    return f"{reverse('wagtailsnippets_comments_comment:list')}?reported=true"


def _excerpt(comment):
    return format_html('<span dir="auto">{}</span>', str(comment))


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return []

    def get_list_buttons(self, instance):
        return [
            ListingButton(
                _("Moderate"),
                reverse("comments_admin:detail", args=[instance.pk]),
                icon_name="comment",
                priority=10,
            )
        ]


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "body"]
    search_backend_name = None  # plain database filtering: no search index for comments
    ordering = ["-created_at"]
    list_per_page = 50
    inspect_view_enabled = False
    list_display = [
        TitleColumn(
            "excerpt",
            label=_("Comment"),
            accessor=_excerpt,
            get_url=lambda c: reverse("comments_admin:detail", args=[c.pk]),
        ),
        Column("name", label=_("Name"), accessor=lambda c: format_html("<bdi>{}</bdi>", c.name)),
        Column("page", label=_("Page"), accessor=lambda c: c.page.title),
        Column("language", label=_("Language"), accessor="get_language_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column(
            "held_reasons",
            label=_("Held because"),
            accessor=lambda c: ", ".join(str(r) for r in c.held_reason_labels),
        ),
        Column("open_reports", label=_("Reports"), accessor="open_reports"),
        DateColumn("created_at", label=_("Posted")),
    ]

    def get_queryset(self, request):
        """The queue's rows with their open reports counted for the rows shown only (a
        subquery per row of the page, not a GROUP BY over every pending comment), so that the
        (status, newest first) index serves the order and the count."""
        open_reports = (
            CommentReport.objects.filter(comment=OuterRef("pk"), resolved=False)
            .order_by()
            .values("comment")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Comment.objects.select_related("page").annotate(
            open_reports=Coalesce(Subquery(open_reports), 0)
        )

    @property
    def menu_url(self):
        return queue_url()

    @cached_property
    def menu_item_class(self):
        class PendingCountMenuItem(super().menu_item_class):
            def render_component(self, request):
                component = super().render_component(request)
                pending = Comment.objects.filter(status=Comment.Status.PENDING).count()
                if pending:
                    component.label = ngettext(
                        "Comments (%(count)d pending)", "Comments (%(count)d pending)", pending
                    ) % {"count": pending}
                return component

        return PendingCountMenuItem


register_snippet(CommentViewSet)

for action_class in (
    bulk_actions.ApproveBulkAction,
    bulk_actions.SpamBulkAction,
    bulk_actions.TrashBulkAction,
):
    hooks.register("register_bulk_action", action_class)


@hooks.register("register_admin_urls")
def comment_admin_urls():
    urls = [
        path("<int:pk>/", admin_views.comment_detail, name="detail"),
        path("<int:pk>/<slug:action>/", admin_views.comment_action, name="action"),
    ]
    return [path("moderation/comments/", include((urls, "comments_admin")))]


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, (label, message) in moderation.LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class PendingCommentsPanel(Component):
    name = "pending_comments"
    order = 50
    template_name = "comments/admin/pending_panel.html"

    def get_context_data(self, parent_context):
        pending = Comment.objects.filter(status=Comment.Status.PENDING)
        return {
            "comments": pending.select_related("page").order_by("-created_at")[:5],
            "count": pending.count(),
            "queue_url": queue_url(),
            "reported": Comment.objects.filter(reports__resolved=False).distinct().count(),
            "reported_url": reported_queue_url(),
            # Nothing else tells anyone that these moderators get no e-mail about new comments.
            "without_address": list(moderators().filter(email="").order_by("username")),
            "account_url": reverse("wagtailadmin_account"),
        }


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if request.user.has_perm("comments.change_comment"):
        panels.append(PendingCommentsPanel())


def comment_counts(pages):
    """{language code: number of comments} on `pages` and everything below them, one query."""
    if not pages:
        return {}
    subtree = Q()
    for page in pages:
        subtree |= Q(page__path__startswith=page.path)
    rows = Comment.objects.filter(subtree).values("language").annotate(count=Count("pk"))
    return {row["language"]: row["count"] for row in rows}


def _by_language(counts):
    """"Hebrew: 3 comments", … for {language: count}."""
    names = dict(settings.LANGUAGES)
    return [
        ngettext("%(language)s: %(count)d comment", "%(language)s: %(count)d comments", n)
        % {"language": names[lang], "count": n}
        for lang, n in sorted(counts.items())
    ]


def _instead(pages):
    """What the editor can do instead: see one page's comments in the queue, unpublish."""
    queue = reverse("wagtailsnippets_comments_comment:list")
    return {
        "queue_urls": [(p, f"{queue}?page={p.pk}") for p in pages if len(pages) == 1],
        "unpublish_urls": [
            (p, reverse("wagtailadmin_pages:unpublish", args=[p.pk])) for p in pages if p.live
        ],
    }


def _refusal(request, pages, counts):
    """The delete screen's answer when comments would go with the pages: how many, per
    language, and what to do instead."""
    if request.method == "POST":
        messages.error(request, gettext("Not deleted: the page has reader comments."))
    context = {"pages": pages, "by_language": _by_language(counts), "total": sum(counts.values())}
    return TemplateResponse(
        request, "comments/admin/page_has_comments.html", {**context, **_instead(pages)}
    )


def _refusal_if_commented(request, pages):
    """The _refusal when readers commented on `pages`; None when they did not."""
    counts = comment_counts(pages)
    return _refusal(request, pages, counts) if counts else None


@hooks.register("before_delete_page")
def refuse_deleting_commented_pages(request, page):
    """Deleting a page would delete its readers' comments (the page key PROTECTs them, so it
    would fail anyway): say how many, per language, and offer unpublishing instead."""
    return _refusal_if_commented(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_commented_pages(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    return _refusal_if_commented(request, list(objects))
