"""Forms of the candidate database: the search and filters of the list, and a note."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Note
from candidates.selectors.search import QUERY_MAX_LENGTH
from candidates.services.notes import NOTE_MAX_LENGTH


class SearchField(forms.CharField):
    """Any text: NUL characters are dropped rather than refused (the selector cleans the rest)."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")


class CandidateFilterForm(forms.Form):
    """The search box and filters of the candidate list (GET). Whatever is invalid is reported
    and left out; the rest still filters."""

    q = SearchField(label=_("Search"), required=False, strip=True)
    vacancy = forms.TypedChoiceField(label=_("Vacancy"), required=False, coerce=int)
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[("", _("Every stage")), *Application.Stage.choices],
    )
    source = forms.ChoiceField(
        label=_("Source"),
        required=False,
        choices=[("", _("Every source")), *Application.Source.choices],
    )
    consent = forms.ChoiceField(
        label=_("Talent pool"),
        required=False,
        choices=[
            ("", _("With or without consent")),
            ("yes", _("Consent to keep data")),
            ("no", _("No consent to keep data")),
        ],
    )
    added_since = forms.DateField(
        label=_("Added since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, such as 2026-05-15.")},
    )

    def __init__(self, data=None, *, vacancies=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["vacancy"].choices = [
            ("", _("Every vacancy")),
            *(
                (
                    vacancy.pk,
                    f"{vacancy.title} · {vacancy.client.short_name or vacancy.client.name}"
                    + (f" ({vacancy.closing_date.year})" if vacancy.closing_date else ""),
                )
                for vacancy in vacancies
            ),
        ]

    def clean_q(self):
        # Any text may be searched; only its length is bounded (the selector cleans the rest).
        return self.cleaned_data["q"][: QUERY_MAX_LENGTH * 4]

    def filters(self) -> dict:
        """The valid filters as arguments of candidate_search."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        # A field with an error is not in cleaned_data: it does not filter.
        consent = {"yes": True, "no": False}.get(data["consent"] or "")
        return {
            "query": data["q"] or "",
            "vacancy_id": data["vacancy"] or None,
            "stage": data["stage"] or "",
            "source": data["source"] or "",
            "consent": consent,
            "added_since": data["added_since"],
        }


class NoteForm(forms.Form):
    """A note on the candidate, or on one of their applications."""

    text = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a note first.")},
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"),
        choices=Note.Visibility.choices,
        initial=Note.Visibility.INTERNAL,
        widget=forms.RadioSelect,
    )
    application = forms.TypedChoiceField(
        label=_("About"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data=None, *, applications=(), **kwargs):
        super().__init__(data, **kwargs)
        self.applications = {application.pk: application for application in applications}
        self.fields["application"].choices = [
            ("", _("The candidate in general")),
            *(
                (pk, f"{application.vacancy.title} · {application.get_stage_display()}")
                for pk, application in self.applications.items()
            ),
        ]

    def clean_application(self):
        pk = self.cleaned_data["application"]
        return self.applications.get(pk) if pk else None
