"""Inviting committee members by email, the invitation link, and the member's first password.

The recruiter invites a member by email address:
- An address of an account that can log in (active, with a password) is simply seated on the
  committee and told so by email, with a link to the login page and the password reset.
- Any other address gets an invitation: a new account (role committee, no usable password) when
  there is none, the seat on the committee, and a link, valid for `CommitteeInvitation.VALID_FOR`
  and used once, with which the member chooses a password. An account without a password (a
  member seated before invitations existed) is invited the same way, without a new account.
- A recruiter's address is refused: a consultant of the firm is no committee member.

The link's key is never stored at rest. The invitation row holds the SHA-256 of the link token
(`CommitteeInvitation.token_hash`), which cannot be turned back into a link. The outbox row of
the email holds a random seed instead of the token; the token is the HMAC of that seed under
the SECRET_KEY (`_link_token`), computed again when the email is rendered
(settings.MAIL_CONTEXT_BUILDERS -> `invitation_link_context`). So the database alone (a backup,
a leaked dump) opens no account: like Django's password reset links, a working link needs the
SECRET_KEY too. A changed SECRET_KEY makes links of unsent emails unknown; the member then asks
for a new one (`invitation_renew_request`).

What a link says when it does not work (`invitation_state`): used (the member set a password:
log in or reset it), replaced (a newer link was sent), expired, or unknown (mistyped, tampered,
or the member was taken off the committee). Nobody learns from a bad link whose it was.

Accepting is single use: a conditional UPDATE on `accepted_at IS NULL` claims the invitation,
so two tabs (or two people with the link) cannot both set a password.
"""

import base64
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mail.services.outbox import email_queue

from ..models import CommitteeInvitation, CommitteeMember, Vacancy
from ..templatetags.formatting import longdate
from .committee import committee_member_add

User = get_user_model()

LINK_SALT = "vacancies.committee-invitation"
# A link token is 43 characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 100
# Asking for a new link again within this time sends nothing new: the last email is on its way.
RENEW_INTERVAL = timedelta(minutes=5)

RECRUITER_REFUSED = _(
    "This address belongs to a consultant of the firm. A consultant cannot be a committee member."
)
SEVERAL_ACCOUNTS = _(
    "Several accounts have this email address. Pick the right one under 'Add a member'."
)
PROCEDURE_OVER = _("The procedure of this vacancy is over; nobody can be invited any more.")
CAN_LOG_IN = _(
    "%(name)s can log in already. A forgotten password can be reset from the login page."
)
ENTER_EMAIL = _("Enter the email address of the member.")


class State:
    """What an invitation link is worth now."""

    VALID = "valid"
    USED = "used"
    REPLACED = "replaced"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


class InvitationInvalid(Exception):
    """The link cannot be used (any more); `state` says why."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


# The link ---------------------------------------------------------------------------------------


def _link_token(seed: str) -> str:
    digest = salted_hmac(LINK_SALT, seed, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def invitation_link_context(context: dict) -> dict:
    """MAIL_CONTEXT_BUILDERS for committee_invitation: the link, made from the stored seed when
    the email is rendered and never stored."""
    seed = context.get("link_seed")
    if not isinstance(seed, str) or not seed:
        return {"invitation_url": ""}
    return {"invitation_url": _absolute(reverse("invitations:accept", args=[_link_token(seed)]))}


def invitation_for_token(token: str) -> CommitteeInvitation | None:
    """The invitation of this link token, whatever its state; None for a token we never made."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return (
        CommitteeInvitation.objects.select_related("member__vacancy__client", "member__user")
        .filter(token_hash=CommitteeInvitation.hash_token(token))
        .first()
    )


def invitation_state(invitation: CommitteeInvitation | None) -> str:
    """One of `State`: used before replaced before expired."""
    if invitation is None:
        return State.UNKNOWN
    if invitation.accepted_at is not None:
        return State.USED
    if invitation.replaced_at is not None:
        return State.REPLACED
    if invitation.is_expired:
        return State.EXPIRED
    return State.VALID


# Emails -----------------------------------------------------------------------------------------


def _common_context(member: CommitteeMember, by) -> dict:
    """Said in the recipient's language (call inside translation.override)."""
    user, vacancy = member.user, member.vacancy
    return {
        "name": user.get_full_name() or user.username,
        "username": user.get_username(),
        "vacancy_title": vacancy.title,
        "client_name": vacancy.client.name,
        "role": str(member.get_role_display()).lower(),
        "invited_by": (by.get_full_name() or by.get_username()) if by is not None else "",
        "search_firm": vacancy.search_firm,
    }


def _moment(value) -> str:
    """woensdag 2 december 2026 om 14:05, in the active language and the site's time zone."""
    local = timezone.localtime(value)
    return gettext("%(date)s at %(time)s") % {
        "date": longdate(local.date()),
        "time": formats.time_format(local, "H:i"),
    }


def _queue_invitation_email(invitation: CommitteeInvitation, *, seed: str, by) -> None:
    member = invitation.member
    user = member.user
    with translation.override(user.language):
        context = {
            **_common_context(member, by),
            "valid_until": _moment(invitation.expires_at),
            "renew_url": _absolute(reverse("invitations:renew")),
            # The link itself is made when the email is rendered: invitation_link_context.
            "invitation_id": invitation.pk,
            "link_seed": seed,
        }
    email_queue(
        key=f"committee-invitation:{invitation.pk}",
        to=invitation.email,
        template="committee_invitation",
        context=context,
        language=user.language,
    )


def _queue_added_email(member: CommitteeMember, *, by) -> None:
    user = member.user
    with translation.override(user.language):
        context = {
            **_common_context(member, by),
            "login_url": _absolute(reverse("login")),
            "password_reset_url": _absolute(reverse("password_reset")),
        }
    email_queue(
        key=f"committee-added:{member.pk}",
        to=user.email,
        template="committee_added",
        context=context,
        language=user.language,
    )


# Inviting ---------------------------------------------------------------------------------------


def _can_log_in(user) -> bool:
    return user.is_active and user.has_usable_password()


def _check_running(vacancy: Vacancy) -> None:
    if vacancy.status in (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED):
        raise ValidationError(PROCEDURE_OVER)


def _username_for(email: str) -> str:
    """The email address, made unique (jan@ipo.nl, jan@ipo.nl-2, ...) and at most 150 long."""
    base = email.lower()[:150]
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        suffix = f"-{number}"
        candidate = base[: 150 - len(suffix)] + suffix
    return candidate


def _user_create(*, email: str, first_name: str, last_name: str):
    user = User(
        username=_username_for(email),
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=User.Role.COMMITTEE,
        language="nl",
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def _existing_user(email: str):
    users = list(User.objects.filter(email__iexact=email).order_by("pk")[:2])
    if any(user.role == User.Role.RECRUITER for user in users):
        raise ValidationError({"email": RECRUITER_REFUSED})
    if len(users) > 1:
        raise ValidationError({"email": SEVERAL_ACCOUNTS})
    return users[0] if users else None


def _invitation_create(*, member: CommitteeMember, by) -> CommitteeInvitation:
    """A new link for `member`; the open ones are replaced. Queues the email."""
    # One resend at a time per member: the later one waits and replaces the first.
    CommitteeMember.objects.select_for_update().filter(pk=member.pk).first()
    now = timezone.now()
    member.invitations.filter(accepted_at__isnull=True, replaced_at__isnull=True).update(
        replaced_at=now
    )
    seed = secrets.token_urlsafe(32)
    invitation = CommitteeInvitation.objects.create(
        member=member,
        email=member.user.email,
        token_hash=CommitteeInvitation.hash_token(_link_token(seed)),
        created_at=now,
        created_by=by,
        expires_at=now + CommitteeInvitation.VALID_FOR,
    )
    _queue_invitation_email(invitation, seed=seed, by=by)
    return invitation


@transaction.atomic
def committee_invite(
    *,
    vacancy: Vacancy,
    email: str,
    first_name: str = "",
    last_name: str = "",
    role: str,
    organisation: str = "",
    by=None,
) -> tuple[CommitteeMember, CommitteeInvitation | None]:
    """Seat the person with this email address on the committee of `vacancy` and tell them.

    Returns the seat and the invitation (None when an existing account was simply added).
    Raises ValidationError (keyed by field where there is one) for a recruiter's address, a
    second chair, a person already on the committee or a procedure that is over; nothing is
    saved then, not even a new account.
    """
    _check_running(vacancy)
    email = User.objects.normalize_email((email or "").strip())
    if not email:
        raise ValidationError({"email": ENTER_EMAIL})
    user = _existing_user(email)
    if user is None:
        user = _user_create(email=email, first_name=first_name, last_name=last_name)
    try:
        member = committee_member_add(
            vacancy=vacancy, user=user, role=role, organisation=organisation
        )
    except ValidationError as error:
        if hasattr(error, "error_dict") and "user" in error.error_dict:
            raise ValidationError({"email": error.error_dict["user"]}) from error
        raise
    if _can_log_in(user):
        _queue_added_email(member, by=by)
        return member, None
    return member, _invitation_create(member=member, by=by)


@transaction.atomic
def committee_invite_resend(*, member: CommitteeMember, by=None) -> CommitteeInvitation:
    """A new link for a member who has no password yet; the open links stop working."""
    user = member.user
    _check_running(member.vacancy)
    if user.role == User.Role.RECRUITER:
        raise ValidationError(RECRUITER_REFUSED)
    if _can_log_in(user):
        raise ValidationError(CAN_LOG_IN % {"name": user})
    return _invitation_create(member=member, by=by)


# Accepting --------------------------------------------------------------------------------------


@transaction.atomic
def invitation_accept(*, token: str, password: str):
    """Use the link once: set the member's password and activate the account. Returns the user.

    Raises InvitationInvalid (with its state) for a link that cannot be used, and the password
    validators' ValidationError for a weak password (nothing is used up then).
    """
    invitation = invitation_for_token(token)
    state = invitation_state(invitation)
    if state != State.VALID:
        raise InvitationInvalid(state)
    user = invitation.member.user
    password_validation.validate_password(password, user)
    now = timezone.now()
    claimed = CommitteeInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, replaced_at__isnull=True, expires_at__gt=now
    ).update(accepted_at=now)
    if not claimed:  # another tab (or a resend) was first
        invitation.refresh_from_db()
        raise InvitationInvalid(invitation_state(invitation))
    # The member has an account now: their open links to other committees are used up too.
    CommitteeInvitation.objects.filter(
        member__user=user, accepted_at__isnull=True, replaced_at__isnull=True
    ).update(accepted_at=now)
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    return user


@transaction.atomic
def invitation_renew_request(*, email: str) -> int:
    """Someone asks for a new link for this address. A member with an invitation they never
    accepted gets a fresh one (per committee); nobody else gets anything. The caller answers the
    same whatever happened. Returns how many links were sent (for tests and logs only)."""
    email = (email or "").strip()
    if not email:
        return 0
    now = timezone.now()
    members = (
        CommitteeMember.objects.select_related("user", "vacancy__client")
        .filter(user__email__iexact=email, invitations__isnull=False)
        .exclude(user__role=User.Role.RECRUITER)
        .exclude(vacancy__status__in=(Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED))
        .exclude(invitations__accepted_at__isnull=False)
        .distinct()
    )
    sent = 0
    for member in members:
        if _can_log_in(member.user):
            continue
        latest = member.invitations.order_by("-created_at", "-pk").first()
        if latest.is_usable and latest.created_at > now - RENEW_INTERVAL:
            continue
        _invitation_create(member=member, by=None)
        sent += 1
    return sent
