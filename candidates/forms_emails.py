"""Forms of the email templates, the rejection and the email to one candidate.

The placeholders are checked by the service (candidates.services.email_templates); a form only
shows its errors on the right field.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, EmailTemplate
from candidates.services.email_templates import REJECTION_KINDS, email_texts_check

SUBJECT_MAX_LENGTH = EmailTemplate._meta.get_field("subject").max_length
BODY_MAX_LENGTH = 20_000
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def add_service_errors(form: forms.Form, error: ValidationError, prefix: str = "") -> None:
    """Show a service's ValidationError on the field it names (with `prefix` + name when the
    form's field is called so), otherwise above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        target = f"{name}{prefix}" if f"{name}{prefix}" in form.fields else None
        form.add_error(target, errors)


def _subject_field(label=None):
    return forms.CharField(
        label=label or _("Subject"),
        max_length=SUBJECT_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "true"}),
    )


def _body_field(label=None):
    return forms.CharField(
        label=label or _("Text"),
        max_length=BODY_MAX_LENGTH,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}),
    )


class EmailTemplateForm(forms.Form):
    """A template's subject and text. The service refuses unknown placeholders."""

    subject = _subject_field()
    body = _body_field()


class EmailTextsMixin:
    """Subject and text fields per language (`subject_nl`, `body_nl`, ...), checked when the
    email is to be sent."""

    def add_text_fields(self, languages: list[str]) -> None:
        self.languages = languages
        several = len(languages) > 1
        for language in languages:
            name = LANGUAGE_NAMES.get(language, language)
            self.fields[f"subject_{language}"] = _subject_field(
                _("Subject (%(language)s)") % {"language": name} if several else _("Subject")
            )
            self.fields[f"body_{language}"] = _body_field(
                _("Text (%(language)s)") % {"language": name} if several else _("Text")
            )

    def clean_texts(self, cleaned_data: dict) -> None:
        for language in self.languages:
            try:
                email_texts_check(
                    subject=cleaned_data.get(f"subject_{language}", ""),
                    body=cleaned_data.get(f"body_{language}", ""),
                )
            except ValidationError as error:
                add_service_errors(self, error, prefix=f"_{language}")

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            language: (
                self.cleaned_data.get(f"subject_{language}", ""),
                self.cleaned_data.get(f"body_{language}", ""),
            )
            for language in self.languages
        }


class RejectForm(EmailTextsMixin, forms.Form):
    SEND, NONE = "send", "none"

    rejection_code = forms.ChoiceField(
        label=_("Reason"),
        choices=Application.RejectionReason.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when the reason is “other”. Kept in the history of the application; "
            "it is not sent to the candidate."
        ),
    )
    kind = forms.ChoiceField(
        label=_("Email template"),
        choices=[(kind.value, kind.label) for kind in REJECTION_KINDS],
    )
    email = forms.ChoiceField(
        label=_("Email to the candidate"),
        choices=[(SEND, _("Send the email")), (NONE, _("Do not send an email"))],
        widget=forms.RadioSelect,
        initial=SEND,
    )

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.add_text_fields(languages)

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("rejection_code") == Application.RejectionReason.OTHER
            and not cleaned_data.get("reason", "").strip()
        ):
            self.add_error("reason", _("Explain the rejection when the reason is “other”."))
        if cleaned_data.get("email") == self.SEND:
            self.clean_texts(cleaned_data)
        return cleaned_data

    @property
    def send_email(self) -> bool:
        return self.cleaned_data.get("email") == self.SEND


class ApplicationEmailForm(EmailTextsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Email template"), choices=EmailTemplate.Kind.choices)
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_text_fields([language])

    def clean(self):
        cleaned_data = super().clean()
        self.clean_texts(cleaned_data)
        return cleaned_data
