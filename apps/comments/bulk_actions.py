"""Approve, spam and trash for many comments at once, from the moderation queue."""

from django.db.models import Q
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import moderation
from .models import Comment


class ModerationBulkAction(SnippetBulkAction):
    template_name = "comments/admin/confirm_bulk_moderation.html"
    moderation_action = None

    @classproperty
    def models(cls):
        return [Comment]

    def get_all_objects_in_listing_query(self, parent_id):
        """"Select all in listing": the comments the queue shows with its filters and search
        (Wagtail sends them along), where Wagtail's default for snippets is every comment in
        the table, spam and trash included."""
        viewset = Comment.snippet_viewset
        filters = viewset.filterset_class(
            self.request.GET, queryset=Comment.objects.all(), request=self.request
        )
        if not filters.is_valid():
            return Comment.objects.none().values_list("pk", flat=True)
        comments = filters.qs
        words = self.request.GET.get("q", "").strip()
        if words:
            match = Q()
            for field in viewset.search_fields:
                match |= Q(**{f"{field}__icontains": words})
            comments = comments.filter(match)
        return comments.values_list("pk", flat=True)

    def check_perm(self, comment):
        return self.request.user.has_perm("comments.change_comment")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderation.apply_many(cls.moderation_action, objects, user), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class ApproveBulkAction(ModerationBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    moderation_action = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    confirm_label = _("Yes, approve")
    success_message = ngettext_lazy(
        "%(count)d comment approved.", "%(count)d comments approved.", "count"
    )


class SpamBulkAction(ModerationBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    moderation_action = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 20
    confirm_label = _("Yes, mark as spam")
    success_message = ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    )


class TrashBulkAction(ModerationBulkAction):
    display_name = _("Move to trash")
    action_type = "trash"
    moderation_action = "trash"
    aria_label = _("Move selected comments to trash")
    action_priority = 25
    confirm_label = _("Yes, move to trash")
    success_message = ngettext_lazy(
        "%(count)d comment moved to trash.", "%(count)d comments moved to trash.", "count"
    )
