"""Forms of the decision and of references. The rules are the services' (candidates.services
.decision, .references); a form parses the input and shows the services' errors on its fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application
from vacancies.forms import DateInput

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
TEXT_MAX_LENGTH = 20_000


class NomineeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Application) -> str:
        return f"{obj.candidate.full_name} ({obj.get_stage_display()})"


class NominationForm(forms.Form):
    application = NomineeChoiceField(
        label=_("Preferred candidate"),
        queryset=Application.objects.none(),
        required=False,
        empty_label=_("Choose a candidate"),
        error_messages={"invalid_choice": _("Choose one of the candidates in the list.")},
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Why the committee prefers this candidate: the reasons that make the decision "
            "stand if it is questioned."
        ),
    )
    decided_on = forms.DateField(
        label=_("Decided by the committee on"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
    )

    def __init__(self, *args, applications=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("decided_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        if applications is not None:
            self.fields["application"].queryset = applications


class ReferenceForm(forms.Form):
    referee_name = forms.CharField(
        label=_("Name of the referee"),
        max_length=200,
        required=False,
    )
    referee_relation = forms.CharField(
        label=_("Relation to the candidate"),
        max_length=200,
        required=False,
        help_text=_("For example: former chair of the board, when the candidate was director."),
    )
    referee_contact = forms.CharField(label=_("Contact details"), max_length=200, required=False)
    questions = forms.CharField(
        label=_("Questions"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    answers = forms.CharField(
        label=_("Answers"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ConsentAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("give", _("Give consent")), ("refuse", _("Refuse"))])
