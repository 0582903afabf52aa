"""The application form: only what the procedure needs, nothing more."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .validators import file_sha256, single_line, validate_pdf


def _privacy_label():
    return format_html(
        '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
        _("I have read and accept the"),
        reverse_lazy("candidates:privacy"),
        _("privacy statement"),
    )


privacy_label = lazy(_privacy_label, SafeString)


class PdfField(forms.FileField):
    """A required PDF, checked by its content."""

    default_error_messages = {
        "required": _("Choose a PDF file."),
        "empty": _("The file is empty."),
        "invalid": _("No file was received. Choose the file again."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            validate_pdf(upload)
        return upload


class SingleLineField(forms.CharField):
    """Text on one line: control characters (CR, LF, ...) are removed before it is checked."""

    def to_python(self, value):
        return single_line(super().to_python(value))


class ApplicationForm(forms.Form):
    first_name = SingleLineField(label=_("First name"), max_length=100)
    last_name = SingleLineField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        error_messages={"invalid": _("Enter a valid email address, such as name@example.nl.")},
    )
    phone = SingleLineField(label=_("Phone number"), max_length=40)
    current_position = SingleLineField(label=_("Current position"), max_length=200)
    current_organisation = SingleLineField(label=_("Current organisation"), max_length=200)
    linkedin_url = forms.URLField(
        label=_("LinkedIn profile"),
        required=False,
        assume_scheme="https",
        help_text=_("Optional."),
    )
    motivation = PdfField(label=_("Motivation letter (PDF)"))
    cv = PdfField(label=_("Curriculum vitae (PDF)"))
    privacy_accepted = forms.BooleanField(
        label=privacy_label(),
        error_messages={"required": _("You can only apply when you accept the privacy statement.")},
    )
    consent_talent_pool = forms.BooleanField(
        label=_(
            "You may keep my data for one year after this procedure, to approach me for "
            "future positions."
        ),
        required=False,
    )
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.MAX_UPLOAD_SIZE)
        for name in ("motivation", "cv"):
            self.fields[name].help_text = _("A PDF file of at most %(limit)s.") % {"limit": limit}
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's form tag holds the token
        self.helper.layout = Layout(
            Fieldset(
                _("Your details"),
                Div(
                    Div("first_name", css_class="col-md-6"),
                    Div("last_name", css_class="col-md-6"),
                    css_class="row",
                ),
                Div(
                    Div("email", css_class="col-md-6"),
                    Div("phone", css_class="col-md-6"),
                    css_class="row",
                ),
                Div(
                    Div("current_position", css_class="col-md-6"),
                    Div("current_organisation", css_class="col-md-6"),
                    css_class="row",
                ),
                "linkedin_url",
            ),
            Fieldset(_("Your documents"), "motivation", "cv"),
            Fieldset(_("Privacy"), "privacy_accepted", "consent_talent_pool"),
            Div(Field("website"), css_class="honeypot", aria_hidden="true"),
            Submit("submit", _("Send application"), css_class="btn-lg"),
        )

    @property
    def is_spam(self) -> bool:
        """The honeypot was filled in."""
        return bool((self.data.get("website") or "").strip())

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        cleaned = super().clean()
        motivation, cv = cleaned.get("motivation"), cleaned.get("cv")
        if motivation and cv and file_sha256(motivation) == file_sha256(cv):
            self.add_error(
                "cv",
                ValidationError(
                    _(
                        "You chose the same file twice. Upload your motivation letter and your "
                        "CV as two separate PDF files."
                    ),
                    code="same_file",
                ),
            )
        return cleaned

    def candidate_data(self) -> dict:
        """The fields the application service takes."""
        names = (
            "first_name",
            "last_name",
            "email",
            "phone",
            "current_position",
            "current_organisation",
            "linkedin_url",
            "consent_talent_pool",
        )
        return {name: self.cleaned_data.get(name) for name in names}
