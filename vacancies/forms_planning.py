"""Forms of the planning editor and the selection committee screens."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from .forms import DateInput
from .models import CommitteeMember, PlanningPhase

User = get_user_model()


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names when the form has that
    field, otherwise above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields else None
        if field == NON_FIELD_ERRORS:
            target = None
        form.add_error(target, errors)


class PhaseForm(forms.ModelForm):
    """One phase of the planning. The model's check constraint refuses a phase that ends before
    it starts ("A phase cannot end before it starts.")."""

    class Meta:
        model = PlanningPhase
        fields = [
            "starts_on",
            "ends_on",
            "date_note",
            "activity",
            "kind",
            "responsible",
            "is_parallel",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_on", "ends_on"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class PlanningGenerateForm(forms.Form):
    replace = forms.BooleanField(
        label=_("Replace the current planning; its dates, including edited ones, are lost"),
        required=False,
    )


class PhaseMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.username
        return f"{name} <{obj.email}>" if obj.email else name


class CommitteeMemberAddForm(forms.Form):
    """Seat an existing user, or create a new account (first name, last name, email)."""

    user = UserChoiceField(
        label=_("Existing user"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Or leave empty and create a new account below."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email address"), required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=CommitteeMember.Role.choices, initial=CommitteeMember.Role.MEMBER
    )
    organisation = forms.CharField(
        label=_("Organisation / function"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(is_active=True).order_by(
            "last_name", "first_name", "username"
        )

    def clean(self):
        data = super().clean()
        user = data.get("user")
        new = [data.get("first_name"), data.get("last_name"), data.get("email")]
        if user and any(new):
            raise ValidationError(
                _("Pick an existing user or fill in a new account, not both."), code="both"
            )
        if not user and not self.has_error("email"):
            if not any(new):
                raise ValidationError(
                    _("Pick an existing user or fill in the name and email of a new account."),
                    code="none",
                )
            for name, message in (
                ("first_name", _("Enter the first name of the new member.")),
                ("last_name", _("Enter the last name of the new member.")),
                ("email", _("Enter the email address of the new member.")),
            ):
                if not data.get(name):
                    self.add_error(name, message)
        return data


class CommitteeMemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=CommitteeMember.Role.choices)
    organisation = forms.CharField(
        label=_("Organisation / function"), max_length=200, required=False
    )
