"""The moderator's screen for one comment: read it in context, act on it, answer as the author."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from apps.core.translation import direction, url_in

from . import moderation, reports
from .forms import PlainTextField
from .models import BODY_MAX, NAME_MAX, Comment

MODERATE = "comments.change_comment"


class AuthorReplyForm(forms.Form):
    """A reply and the name it is signed with, shown before sending: the page's author,
    else the moderator's own name from their account, never a username."""

    name = forms.CharField(
        label=gettext_lazy("Signed as"),
        max_length=NAME_MAX,
        required=False,
        help_text=gettext_lazy(
            "Readers see this name with the author badge: the page's author, else your name "
            "from your account."
        ),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    body = PlainTextField(
        label=gettext_lazy("Your reply"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )

    def __init__(self, *args, signature="", **kwargs):
        super().__init__(*args, **kwargs)
        self.signature = signature
        self.fields["name"].initial = signature

    def clean_name(self):
        # A form sent without the field keeps the default; an emptied one must be filled.
        name = (self.cleaned_data.get("name") or "").strip()
        if "name" not in self.data:
            name = self.signature
        if not name:
            raise forms.ValidationError(_("Give the name to sign the reply with."))
        return name


def _comment(pk):
    return get_object_or_404(Comment.objects.select_related("page", "parent"), pk=pk)


@permission_required(MODERATE, raise_exception=True)
def comment_detail(request, pk):
    comment = _comment(pk)
    signature = moderation.author_reply_name(comment.page.specific, request.user)
    form = AuthorReplyForm(request.POST or None, signature=signature)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reply = moderation.reply_as_author(comment, data["body"], request.user, data["name"])
        messages.success(request, _("Your reply is published."))
        return redirect("comments_admin:detail", reply.pk)
    page = comment.page.specific
    page_url = url_in(page, comment.language, request)
    return TemplateResponse(
        request,
        "comments/admin/detail.html",
        {
            "comment": comment,
            "page": page,
            "page_url": page_url,
            "page_dir": direction(comment.language),
            "replies": comment.replies.order_by("created_at"),
            "form": form,
            "actions": [
                (name, label)
                for name, (status, label, _m) in moderation.ACTIONS.items()
                if comment.status != status
            ],
            "reports": reports.open_counts(comment),
            "edit_url": reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk]),
            "history_url": reverse("wagtailsnippets_comments_comment:history", args=[comment.pk]),
        },
    )


@require_POST
@permission_required(MODERATE, raise_exception=True)
def comment_action(request, pk, action):
    comment = _comment(pk)
    if action in moderation.ACTIONS:
        moderation.apply(action, [comment], request.user)
        messages.success(request, str(moderation.ACTIONS[action][2]))
    elif action == "dismiss-reports":
        moderation.dismiss_reports(comment, request.user)
        messages.success(request, _("Reports dismissed; the comment stays."))
    elif action in ("show-personal-data", "mask-personal-data"):
        moderation.set_personal_data_visible(comment, action == "show-personal-data", request.user)
        messages.success(request, _("Saved."))
    else:
        return redirect("comments_admin:detail", comment.pk)
    return redirect("comments_admin:detail", comment.pk)
