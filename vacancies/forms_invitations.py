"""Forms of the committee invitations: the recruiter's invite form, the member's first password,
and asking for a new link."""

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import CommitteeMember

# Django 5.2's MinimumLengthValidator asks for this text, which Django's own Dutch catalogue
# does not have yet (it has the older "%(min_length)d" wording). Named here so that it lands
# in our catalogue, which Django searches first: the member (and the password reset) read it
# in Dutch.
PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
)


class CommitteeInviteForm(forms.Form):
    """Invite a person by email address; the name is used only for a new account."""

    email = forms.EmailField(
        label=_("Email address"),
        error_messages={"required": _("Enter the email address of the member.")},
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=CommitteeMember.Role.choices, initial=CommitteeMember.Role.MEMBER
    )
    organisation = forms.CharField(
        label=_("Organisation / function"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "invite")
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class InvitationPasswordForm(SetPasswordForm):
    """The member's first password, twice, checked by the password validators. Saving is the
    service's work (invitation_accept), not this form's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("The same password again")

    def save(self, commit=True):  # pragma: no cover - the service sets the password
        raise NotImplementedError("use vacancies.services.invitations.invitation_accept")


class InvitationRenewForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        error_messages={"required": _("Enter your email address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
