"""Forms of the works council's advice. The rules (no date in the future, the advice's content)
are the service's (vacancies.services.works_council); a form parses and shows its errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DateInput

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
CONTENT_MAX_LENGTH = 20_000


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
    )


class WorksCouncilRequiredForm(forms.Form):
    """Switch the step on or off."""

    required = forms.TypedChoiceField(
        choices=[("1", _("On")), ("0", _("Off"))], coerce=lambda value: value == "1"
    )


class WorksCouncilRequestForm(forms.Form):
    requested_on = _date_field(_("Advice asked on"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "request")
        super().__init__(*args, **kwargs)


class WorksCouncilAdviceForm(forms.Form):
    received_on = _date_field(_("Advice received on"))
    content = forms.CharField(
        label=_("The advice"),
        required=False,
        max_length=CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the works council advised, in short or in full, with any conditions."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "advice")
        super().__init__(*args, **kwargs)
