"""Releasing an application to the selection committee of its vacancy, and withdrawing it.

Both are recorded (`ApplicationRelease`): what the committee could see, and since when, stays
answerable. Both are idempotent. A move to the shortlist releases (`stages._after_move`); a
recruiter can release or withdraw by hand from the candidate's page.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, ApplicationRelease


def _lock(application: Application) -> Application:
    # The row lock serialises two releases (or a release and a withdrawal) of one application.
    return Application.objects.select_for_update().get(pk=application.pk)


def application_release(*, application: Application, by=None) -> ApplicationRelease:
    """Release `application` to the committee; the open release when it already is.
    A candidate who withdrew is not released (ValidationError)."""
    with transaction.atomic():
        locked = _lock(application)
        current = ApplicationRelease.objects.filter(
            application=locked, withdrawn_at__isnull=True
        ).first()
        if current is not None:
            return current
        if locked.stage == Application.Stage.WITHDRAWN:
            raise ValidationError(
                _("This candidate has withdrawn: the application cannot be released."),
                code="withdrawn",
            )
        return ApplicationRelease.objects.create(
            application=locked, released_at=timezone.now(), released_by=by
        )


def application_release_withdraw(*, application: Application, by=None) -> ApplicationRelease | None:
    """Withdraw the open release of `application`; returns it, or None when none was open."""
    with transaction.atomic():
        locked = _lock(application)
        current = ApplicationRelease.objects.filter(
            application=locked, withdrawn_at__isnull=True
        ).first()
        if current is None:
            return None
        current.withdrawn_at = timezone.now()
        current.withdrawn_by = by
        current.save(update_fields=["withdrawn_at", "withdrawn_by"])
        return current
