"""The form to postpone an erasure. The rules are the service's
(candidates.services.retention.erasure_postpone); the form parses the input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vacancies.forms import DateInput

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class ErasurePostponeForm(forms.Form):
    until = forms.DateField(
        label=_("New date of the erasure"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": _("Enter a date such as 15-06-2026.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why the data must be kept longer, for example a complaint or a legal procedure. "
            "The reason is recorded with your name."
        ),
    )
