"""The selection committee of a vacancy: adding members with their role, changing and removing them.

Inviting members by email comes with the committee issue; nothing here sends mail.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..models import CommitteeMember, Vacancy

User = get_user_model()

CHAIR_TAKEN = _("This committee already has a chair.")
ALREADY_MEMBER = _("This person is already on the committee.")
EMAIL_TAKEN = _("There is already an account with this email address; pick it from the list.")


def _check_chair(*, vacancy: Vacancy, role: str, exclude_pk=None) -> None:
    if role != CommitteeMember.Role.CHAIR:
        return
    chairs = vacancy.committee.filter(role=CommitteeMember.Role.CHAIR)
    if exclude_pk is not None:
        chairs = chairs.exclude(pk=exclude_pk)
    if chairs.exists():
        raise ValidationError({"role": CHAIR_TAKEN})


def user_create_for_committee(*, email: str, first_name: str, last_name: str) -> User:
    """A new account with the committee role; the email address is the username.

    The account has no usable password until the member is invited (a later issue).
    """
    email = User.objects.normalize_email(email.strip())
    if not email:
        raise ValidationError({"email": _("Enter the email address of the new member.")})
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise ValidationError({"email": EMAIL_TAKEN})
    user = User(
        username=email,
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=User.Role.COMMITTEE,
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def committee_member_add(
    *,
    vacancy: Vacancy,
    user=None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    role: str,
    organisation: str = "",
) -> CommitteeMember:
    """Seat `user` (or a new account made from email and name) on the committee of `vacancy`.

    Raises ValidationError (keyed by field) for a second chair or a person already on the
    committee; in that case nothing is saved, not even the new account.
    """
    _check_chair(vacancy=vacancy, role=role)
    if user is None:
        user = user_create_for_committee(email=email, first_name=first_name, last_name=last_name)
    elif vacancy.committee.filter(user=user).exists():
        raise ValidationError({"user": ALREADY_MEMBER})
    member = CommitteeMember(
        vacancy=vacancy, user=user, role=role, organisation=organisation.strip()
    )
    member.full_clean()
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError as error:  # a concurrent request won the race
        raise ValidationError(
            CHAIR_TAKEN if role == CommitteeMember.Role.CHAIR else ALREADY_MEMBER
        ) from error
    return member


@transaction.atomic
def committee_member_update(
    *, member: CommitteeMember, role: str, organisation: str | None = None
) -> CommitteeMember:
    """Change the role (and the organisation / function) of a member; one chair at most."""
    _check_chair(vacancy=member.vacancy, role=role, exclude_pk=member.pk)
    member.role = role
    fields = ["role"]
    if organisation is not None:
        member.organisation = organisation.strip()
        fields.append("organisation")
    member.full_clean()
    try:
        with transaction.atomic():
            member.save(update_fields=fields)
    except IntegrityError as error:
        raise ValidationError({"role": CHAIR_TAKEN}) from error
    return member


@transaction.atomic
def committee_member_remove(*, member: CommitteeMember) -> None:
    """Take `member` off the committee; their account stays (they may sit on other committees)."""
    member.delete()
