"""The "was this helpful?" form: what a reader may send, checked before anything is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.comments.forms import PlainTextField

from .models import TEXT_MAX, Reason

YES, NO = "yes", "no"


class HelpfulForm(forms.Form):
    helpful = forms.ChoiceField(choices=[(YES, _("Yes")), (NO, _("No"))])
    reason = forms.ChoiceField(
        label=_("What was missing or wrong? (optional)"),
        choices=Reason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    text = PlainTextField(
        label=_("Tell the editors more (optional)"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Only the editors read this; phone numbers and e-mail addresses are hidden."),
    )

    def vote_fields(self):
        """The vote as stored: a yes carries no reason or text."""
        data = self.cleaned_data
        helpful = data["helpful"] == YES
        return {
            "helpful": helpful,
            "reason": "" if helpful else data["reason"],
            "text": "" if helpful else data["text"].strip(),
        }
