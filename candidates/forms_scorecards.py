"""The committee member's scorecard form (a score per requirement of the vacancy, the
recommendation and comments, saved as a draft or submitted) and the declaration of a conflict
of interest. The rules of saving live in candidates.services.scorecards."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.forms_assessment import SCORE_LABELS
from candidates.models import Scorecard
from candidates.services.scorecards import COMMENTS_MAX_LENGTH, EXPLANATION_MAX_LENGTH

DRAFT = "draft"
SUBMIT = "submit"


class ScorecardForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        required=False,
        choices=[("", _("No recommendation yet")), *Scorecard.Recommendation.choices],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": _("Choose one of the recommendations.")},
    )
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        max_length=COMMENTS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that I cannot change my scorecard after submitting it."),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, requirements, scorecard=None, scores=None, **kwargs):
        self.requirements = requirements
        initial = kwargs.setdefault("initial", {})
        if scorecard is not None:
            initial.setdefault("recommendation", scorecard.recommendation)
            initial.setdefault("comments", scorecard.comments)
        super().__init__(*args, **kwargs)
        scores = scores or {}
        choices = [(str(value), label) for value, label in SCORE_LABELS.items()]
        choices.append(("", _("Not scored yet")))
        for requirement in requirements:
            given = scores.get(requirement.pk)
            self.fields[f"score_{requirement.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                required=False,
                choices=choices,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect(attrs={"class": "btn-check", "autocomplete": "off"}),
                error_messages={"invalid_choice": _("Choose a score from 1 to 5.")},
                initial="" if given is None else str(given),
            )

    @property
    def submitting(self) -> bool:
        return self.data.get("action") == SUBMIT

    def clean(self):
        cleaned = super().clean()
        if self.submitting and not cleaned.get("confirm"):
            self.add_error(
                "confirm",
                _("Tick the box to confirm that you cannot change your scorecard afterwards."),
            )
        return cleaned

    def score_field_name(self, requirement_id: int) -> str:
        return f"score_{requirement_id}"

    def rows(self):
        """Per requirement: its number, the requirement and the bound score field."""
        return [
            {
                "number": number,
                "requirement": requirement,
                "score": self[self.score_field_name(requirement.pk)],
            }
            for number, requirement in enumerate(self.requirements, start=1)
        ]

    def scores(self) -> dict[int, int | None]:
        return {
            requirement.pk: self.cleaned_data.get(self.score_field_name(requirement.pk))
            for requirement in self.requirements
        }


class ConflictForm(forms.Form):
    explanation = forms.CharField(
        label=_("Explanation"),
        help_text=_("For example: a former colleague, a family member, a business relation."),
        max_length=EXPLANATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        error_messages={"required": _("Explain briefly what the conflict of interest is.")},
    )
