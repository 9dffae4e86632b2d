"""The public comment form. Whatever the reader typed comes back to them on any error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.analysis.normalize import strip_unsafe

from .models import BODY_MAX, EMAIL_MAX, NAME_MAX


class PlainTextField(forms.CharField):
    """Text only: bidi controls, control characters and other invisible tricks are removed
    before validation, so what is stored and shown is what a reader sees."""

    def to_python(self, value):
        return super().to_python(strip_unsafe(value) if isinstance(value, str) else value)

    def widget_attrs(self, widget):
        # No maxlength in the browser: it silently cuts pasted text. The server says how long
        # the text is and what the limit is, and keeps all of it.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class CommentForm(forms.Form):
    name = PlainTextField(label=_("Name"), max_length=NAME_MAX)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=EMAIL_MAX,
        help_text=_("Required, never shown on the site."),
    )
    body = PlainTextField(
        label=_("Comment"),
        max_length=BODY_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        help_text=_("Plain text; links are allowed. Line breaks are kept."),
    )
    remember = forms.BooleanField(
        label=_("Remember my name and e-mail on this device"), required=False
    )
    notify = forms.BooleanField(label=_("E-mail me when someone replies"), required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Signed page id, time of rendering and a single-use nonce (tokens.py).
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (visually and from assistive technology); bots fill it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["name"].widget.attrs.update({"autocomplete": "name", "dir": "auto"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "dir": "ltr"})

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before you post."), code="required")
        return body
