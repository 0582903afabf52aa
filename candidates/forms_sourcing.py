"""Forms of sourcing (adding a person to a vacancy) and of merging two candidate records."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from candidates.forms import SingleLineField
from candidates.models import Application, Candidate
from candidates.services.merge import MERGE_FIELDS


class SourceCandidateForm(forms.Form):
    """What the consultant knows about a new person. The email address is required: it is how
    the person is told apart from everyone else (and how they are approached). Names and the
    other one-line fields lose control characters, as on the application form."""

    first_name = SingleLineField(label=_("First name"), max_length=100)
    last_name = SingleLineField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={"invalid": _("Enter a valid email address, such as name@example.nl.")},
    )
    phone = SingleLineField(label=_("Phone number"), max_length=40, required=False)
    current_position = SingleLineField(label=_("Current position"), max_length=200, required=False)
    current_organisation = SingleLineField(
        label=_("Current organisation"), max_length=200, required=False
    )
    linkedin_url = forms.URLField(
        label=_("LinkedIn profile"), max_length=200, required=False, assume_scheme="https"
    )
    language = forms.ChoiceField(
        label=_("Language for emails"), choices=settings.LANGUAGES, initial="nl"
    )


class SourceApplicationForm(forms.Form):
    """How the person enters this vacancy's pipeline."""

    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            (Application.Source.SOURCED, Application.Source.SOURCED.label),
            (Application.Source.REFERRED, Application.Source.REFERRED.label),
        ],
        initial=Application.Source.SOURCED,
        widget=forms.RadioSelect,
    )
    outreach = forms.ChoiceField(
        label=_("Outreach"),
        choices=[("", _("Not approached yet")), *Application.Outreach.choices],
        initial=Application.Outreach.APPROACHED,
        required=False,
    )
    stage = forms.ChoiceField(
        label=_("Start in stage"),
        choices=[
            (Application.Stage.SOURCED, Application.Stage.SOURCED.label),
            (Application.Stage.LONGLIST, Application.Stage.LONGLIST.label),
        ],
        initial=Application.Stage.SOURCED,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: never shown to the committee."),
    )


class OutreachForm(forms.Form):
    outreach = forms.ChoiceField(
        label=_("Outreach"),
        choices=[("", _("Not approached yet")), *Application.Outreach.choices],
        required=False,
    )


def _display(candidate: Candidate, name: str) -> str:
    if name == "language":
        return str(candidate.get_language_display())
    return getattr(candidate, name) or "–"


class MergeForm(forms.Form):
    """Which contact details the kept record ends up with: per field that differs, or all of
    one record; and the consultant's confirmation that the two are one person."""

    KEEP, REMOVE = "keep", "remove"

    whole = forms.ChoiceField(
        label=_("Contact details"),
        choices=[
            ("", _("As chosen per field above")),
            (KEEP, _("All from the record that is kept")),
            (REMOVE, _("All from the other record")),
        ],
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    confirm = forms.BooleanField(
        label=_("I have checked that these two records are the same person."),
        error_messages={"required": _("Confirm that these two records are the same person.")},
    )

    def __init__(self, *args, keep: Candidate, remove: Candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.keep, self.remove = keep, remove
        self.rows = []
        for name in MERGE_FIELDS:
            label = Candidate._meta.get_field(name).verbose_name
            row = {
                "name": name,
                "label": label,
                "keep": _display(keep, name),
                "remove": _display(remove, name),
                "field": None,
            }
            if getattr(keep, name) != getattr(remove, name):
                key = f"field_{name}"
                self.fields[key] = forms.ChoiceField(
                    label=label,
                    choices=[(self.KEEP, row["keep"]), (self.REMOVE, row["remove"])],
                    initial=self.KEEP,
                    required=False,  # not chosen: the kept record's value stays
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                )
                row["key"] = key
            self.rows.append(row)

    def bound_rows(self):
        """The rows of the comparison, each with its bound radio field when the values differ."""
        return [{**row, "field": self[row["key"]] if "key" in row else None} for row in self.rows]

    def fields_from_remove(self) -> list[str]:
        differing = [row["name"] for row in self.rows if "key" in row]
        whole = self.cleaned_data.get("whole")
        if whole == self.REMOVE:
            return differing
        if whole == self.KEEP:
            return []
        return [name for name in differing if self.cleaned_data.get(f"field_{name}") == self.REMOVE]
