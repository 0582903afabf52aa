"""The consultant's assessment form: a score and a text per requirement of the vacancy, then the
summary, the candidate's career and the recommendation. The fields follow the vacancy's current
requirements."""

from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from candidates.models import Assessment
from candidates.selectors.assessment import AssessmentView
from candidates.services.assessment import UNCHECKED

TEXT_MAX_LENGTH = 5_000
SUMMARY_MAX_LENGTH = 20_000

# What a score means, shown next to each number (and read out by screen readers).
SCORE_LABELS = {
    1: _("insufficient"),
    2: _("moderate"),
    3: _("sufficient"),
    4: _("good"),
    5: _("excellent"),
}


class AssessmentForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
    )
    career = forms.CharField(
        label=_("Career"),
        required=False,
        max_length=SUMMARY_MAX_LENGTH,
        help_text=Assessment._meta.get_field("career").help_text,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        required=False,
        choices=[("", _("No recommendation yet")), *Assessment.Recommendation.choices],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": _("Choose one of the recommendations.")},
    )
    # The version of the assessment the user opened, to notice a save by someone else.
    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, view: AssessmentView, **kwargs):
        self.view = view
        assessment = view.assessment
        initial = kwargs.setdefault("initial", {})
        if assessment is not None:
            initial.setdefault("summary", assessment.summary)
            initial.setdefault("career", assessment.career)
            initial.setdefault("recommendation", assessment.recommendation)
            initial.setdefault("seen", assessment.updated_at.isoformat())
        super().__init__(*args, **kwargs)
        # The numbers first, side by side even on a phone; "not scored" after them.
        score_choices = [(str(value), label) for value, label in SCORE_LABELS.items()]
        score_choices.append(("", _("Not scored")))
        for row in view.rows:
            pk = row.requirement.pk
            self.fields[f"score_{pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                required=False,
                choices=score_choices,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect(attrs={"class": "btn-check", "autocomplete": "off"}),
                error_messages={"invalid_choice": _("Choose a score from 1 to 5.")},
                initial="" if row.score is None else str(row.score),
            )
            self.fields[f"text_{pk}"] = forms.CharField(
                label=_("Explanation"),
                required=False,
                max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
                initial=row.text,
            )

    def rows(self):
        """Per requirement: the requirement, its number, and the bound score and text fields."""
        return [
            {
                "number": number,
                "requirement": row.requirement,
                "score": self[f"score_{row.requirement.pk}"],
                "text": self[f"text_{row.requirement.pk}"],
            }
            for number, row in enumerate(self.view.rows, start=1)
        ]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {
            row.requirement.pk: (
                data[f"score_{row.requirement.pk}"],
                data[f"text_{row.requirement.pk}"],
            )
            for row in self.view.rows
        }

    def seen_at(self):
        """The version the user opened: its time, None when there was no assessment yet (or
        the value is garbled), UNCHECKED when the form did not say."""
        if self.data.get("seen") is None:
            return UNCHECKED
        try:
            return parse_datetime(self.cleaned_data.get("seen") or "")
        except ValueError:
            return None
