"""Forms of the recruiter back office.

The model's CheckConstraints are validated by Django's full_clean; `ConstraintFieldErrorsMixin`
moves their messages from the top of the form to the field the user has to correct.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .models import (
    Client,
    ClientContact,
    ClientLocation,
    ClientUnit,
    ContactPerson,
    Requirement,
    Responsibility,
    Vacancy,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ConstraintFieldErrorsMixin:
    """Show a violated CheckConstraint of the model at the field named in `constraint_fields`."""

    constraint_fields: dict[str, str] = {}

    def _post_clean(self):
        super()._post_clean()
        errors = self._errors.get(NON_FIELD_ERRORS) if self._errors else None
        if not errors:
            return
        targets = {
            str(constraint.get_violation_error_message()): self.constraint_fields[constraint.name]
            for constraint in self._meta.model._meta.constraints
            if constraint.name in self.constraint_fields
        }
        keep, move = [], []
        for error in errors.as_data():
            for message in error.messages:
                target = targets.get(str(message))
                (move if target else keep).append((target, error))
        if not move:
            return
        del self._errors[NON_FIELD_ERRORS]
        for _target, error in keep:
            self.add_error(None, error)
        for target, error in move:
            self.add_error(target, error)


# Clients -----------------------------------------------------------------


class ClientForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Client
        fields = ["name", "short_name", "website", "context"]
        widgets = {"context": forms.Textarea(attrs={"rows": 6})}


class OrderedInlineFormSet(BaseInlineFormSet):
    """Extra rows of an ordered list get the next free number as their order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "order" not in self.form.base_fields:
            return
        existing = [getattr(form.instance, "order", 0) or 0 for form in self.initial_forms]
        start = max(existing, default=0) + 1
        for offset, form in enumerate(self.extra_forms):
            form.fields["order"].initial = start + offset


class ClientUnitForm(forms.ModelForm):
    class Meta:
        model = ClientUnit
        fields = ["name", "abbreviation", "location", "staff_count", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ClientUnitFormSet(BaseInlineFormSet):
    """Units can only be placed at a location of their own client."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.instance.pk:
            form.fields["location"].queryset = ClientLocation.objects.filter(client=self.instance)
        else:
            form.fields["location"].queryset = ClientLocation.objects.none()


ClientLocationFormSet = inlineformset_factory(
    Client, ClientLocation, fields=["name", "address", "city"], extra=1, can_delete=True
)
ClientUnitInlineFormSet = inlineformset_factory(
    Client, ClientUnit, form=ClientUnitForm, formset=ClientUnitFormSet, extra=1, can_delete=True
)
ClientContactFormSet = inlineformset_factory(
    Client,
    ClientContact,
    fields=["name", "job_title", "email", "phone"],
    extra=1,
    can_delete=True,
)


def client_formsets(*, data=None, instance: Client) -> dict:
    return {
        "locations": ClientLocationFormSet(data, instance=instance, prefix="locations"),
        "units": ClientUnitInlineFormSet(data, instance=instance, prefix="units"),
        "contacts": ClientContactFormSet(data, instance=instance, prefix="contacts"),
    }


# Vacancies ---------------------------------------------------------------


class LocationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.client.short_name or obj.client.name}: {obj}"


# The groups the page shows, in order: (key, heading, field names).
VACANCY_GROUPS = [
    (
        "position",
        _("Position and client"),
        ["client", "title", "reference", "lead_consultant", "search_firm", "profile_version"],
    ),
    (
        "profile",
        _("Profile sections"),
        [
            "intro",
            "organisation_text",
            "reason_text",
            "position_text",
            "candidate_text",
            "terms_text",
            "procedure_text",
        ],
    ),
    (
        "terms",
        _("Terms of employment"),
        [
            "employment_type",
            "contract_form",
            "interim_start",
            "interim_end",
            "hours_per_week",
            "salary_scale",
            "salary_min_month",
            "salary_max_month",
            "ikb_percentage",
            "locations",
        ],
    ),
    (
        "procedure",
        _("Procedure"),
        [
            "published_on",
            "closing_date",
            "how_to_apply",
            "application_email",
            "has_assessment",
            "has_references",
            "has_pre_employment_check",
        ],
    ),
]


class VacancyForm(ConstraintFieldErrorsMixin, forms.ModelForm):
    """Every field of a vacancy but its status, which moves only through its transitions."""

    constraint_fields = {
        "vacancies_vacancy_salary_min_lte_max": "salary_max_month",
        "vacancies_vacancy_salary_min_not_negative": "salary_min_month",
        "vacancies_vacancy_interim_end_after_start": "interim_end",
        "vacancies_vacancy_ikb_percentage_range": "ikb_percentage",
        "vacancies_vacancy_hours_range": "hours_per_week",
        "vacancies_vacancy_closing_after_publication": "closing_date",
    }

    locations = LocationChoiceField(
        label=_("locations"),
        queryset=ClientLocation.objects.select_related("client").order_by("client__name", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Locations of the chosen client."),
    )

    class Meta:
        model = Vacancy
        fields = [name for _key, _heading, names in VACANCY_GROUPS for name in names]
        text = {"rows": 5}
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 3}),
            "organisation_text": forms.Textarea(attrs=text),
            "reason_text": forms.Textarea(attrs=text),
            "position_text": forms.Textarea(attrs=text),
            "candidate_text": forms.Textarea(attrs=text),
            "terms_text": forms.Textarea(attrs=text),
            "procedure_text": forms.Textarea(attrs=text),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "interim_start": DateInput(),
            "interim_end": DateInput(),
            "published_on": DateInput(),
            "closing_date": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["salary_min_month"].min_value = 0
        for name in ("salary_min_month", "salary_max_month"):
            self.fields[name].widget.attrs["min"] = 0
        self.fields["client"].queryset = Client.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        employment_type = cleaned.get("employment_type")
        if employment_type == Vacancy.EmploymentType.INTERIM:
            for name in ("interim_start", "interim_end"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("An interim position needs a start and an end date."))
        elif employment_type == Vacancy.EmploymentType.PERMANENT:
            # A permanent position has no interim period: forget any dates left in the form.
            cleaned["interim_start"] = None
            cleaned["interim_end"] = None
        client = cleaned.get("client")
        locations = cleaned.get("locations")
        if client and locations:
            foreign = [location for location in locations if location.client_id != client.pk]
            if foreign:
                self.add_error(
                    "locations",
                    _("%(locations)s is not a location of %(client)s.")
                    % {"locations": ", ".join(str(loc) for loc in foreign), "client": client},
                )
        return cleaned

    def groups(self):
        """(key, heading, bound fields) per group, for the template."""
        return [
            (key, heading, [self[name] for name in names]) for key, heading, names in VACANCY_GROUPS
        ]


class ContactPersonForm(ConstraintFieldErrorsMixin, forms.ModelForm):
    constraint_fields = {"vacancies_contactperson_reachable": "email"}

    class Meta:
        model = ContactPerson
        fields = ["order", "name", "job_title", "organisation", "topic", "email", "phone"]
        widgets = {"order": forms.NumberInput(attrs={"class": "input-order"})}


def ordered_text_formset(model):
    """A vacancy's numbered list of texts (responsibilities, requirements)."""
    return inlineformset_factory(
        Vacancy,
        model,
        formset=OrderedInlineFormSet,
        fields=["order", "text"],
        widgets={
            "order": forms.NumberInput(attrs={"class": "input-order"}),
            "text": forms.Textarea(attrs={"rows": 2}),
        },
        extra=2,
        can_delete=True,
    )


ResponsibilityFormSet = ordered_text_formset(Responsibility)
RequirementFormSet = ordered_text_formset(Requirement)
ContactPersonFormSet = inlineformset_factory(
    Vacancy,
    ContactPerson,
    form=ContactPersonForm,
    formset=OrderedInlineFormSet,
    extra=1,
    can_delete=True,
)


def vacancy_formsets(*, data=None, instance: Vacancy) -> dict:
    return {
        "responsibilities": ResponsibilityFormSet(
            data, instance=instance, prefix="responsibilities"
        ),
        "requirements": RequirementFormSet(data, instance=instance, prefix="requirements"),
        "contacts": ContactPersonFormSet(data, instance=instance, prefix="contacts"),
    }


def save_with_formsets(form, formsets: dict):
    """Validate the form and all its formsets first, then save them together in one transaction.

    Returns the saved instance, or None (and nothing written) when anything is invalid, so every
    error of every part is shown at once.
    """
    valid = form.is_valid()
    valid = all([formset.is_valid() for formset in formsets.values()]) and valid
    if not valid:
        return None
    with transaction.atomic():
        instance = form.save()
        for formset in formsets.values():
            formset.instance = instance
            formset.save()
    return instance
