"""Forms of the login steps, the password reset and the account page."""

import re

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class CodeForm(forms.Form):
    """The six digits the authenticator app shows now."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "class": "form-control-lg",
            }
        ),
        error_messages={"required": _("Enter the six digits your app shows.")},
    )

    def clean_code(self):
        code = re.sub(r"\s+", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(_("A code is six digits."), code="format")
        return code


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form; the email goes out in the language the user chose."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        language = getattr(context.get("user"), "language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class ReminderDeliveryForm(forms.Form):
    """How the user receives reminders: each when it is due, or one daily digest."""

    reminder_delivery = forms.ChoiceField(
        label=_("How do you want to receive reminders?"),
        choices=User.ReminderDelivery.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Choose how you receive reminders."),
            "invalid_choice": _("Choose how you receive reminders."),
        },
    )
