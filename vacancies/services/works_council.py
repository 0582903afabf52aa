"""The works council's advice on the appointment (Wet op de ondernemingsraden, article 30).

A step of the procedure that is on by default (`Vacancy.works_council_advice`): the advice is
asked once the committee has its preferred candidate, and while the step is on the appointment
cannot be recorded before the advice is in (`candidates.services.stages.application_move`).
These functions are the one writer of the step and of its record (WorksCouncilAdvice). Once the
procedure has ended (appointed or cancelled) the record no longer changes.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Vacancy, WorksCouncilAdvice

logger = logging.getLogger(__name__)

ENDED = (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED)


def _locked(vacancy: Vacancy) -> Vacancy:
    """The vacancy, locked; refused once its procedure has ended."""
    locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if locked.status in ENDED:
        raise ValidationError(
            _("The procedure has ended: the works council's advice can no longer be changed."),
            code="ended",
        )
    return locked


def _advice(vacancy: Vacancy) -> WorksCouncilAdvice:
    advice, _created = WorksCouncilAdvice.objects.get_or_create(vacancy=vacancy)
    return advice


def _check_not_future(field: str, day) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("This date lies in the future.")}, code="future")


@transaction.atomic
def works_council_set_required(*, vacancy: Vacancy, required: bool, by) -> Vacancy:
    """Switch the step on or off for `vacancy`. While it is on, nobody can be appointed before
    the works council's advice is recorded."""
    locked = _locked(vacancy)
    required = bool(required)
    if locked.works_council_advice != required:
        locked.works_council_advice = required
        locked.save(update_fields=["works_council_advice", "updated_at"])
        logger.info(
            "Works council step of vacancy %s switched %s by user %s",
            locked.pk,
            "on" if required else "off",
            getattr(by, "pk", None),
        )
    return locked


@transaction.atomic
def works_council_request(*, vacancy: Vacancy, on, by) -> WorksCouncilAdvice:
    """Record that the advice was asked on the day `on` (today or earlier; not after the advice
    came in)."""
    locked = _locked(vacancy)
    if on is None:
        raise ValidationError({"requested_on": _("Enter the date.")}, code="required")
    _check_not_future("requested_on", on)
    advice = _advice(locked)
    if advice.received_on and on > advice.received_on:
        raise ValidationError(
            {"requested_on": _("The advice cannot have been asked after it was received.")},
            code="after_received",
        )
    advice.requested_on = on
    advice.requested_by = by
    advice.save()
    return advice


@transaction.atomic
def works_council_record_advice(
    *, vacancy: Vacancy, received_on, content: str, by
) -> WorksCouncilAdvice:
    """Record the advice: the day it came in (today or earlier, not before it was asked) and
    what it says. Recording it again corrects it."""
    locked = _locked(vacancy)
    content = (content or "").strip()
    errors = {}
    if received_on is None:
        errors["received_on"] = [_("Enter the date.")]
    elif received_on > timezone.localdate():
        errors["received_on"] = [_("This date lies in the future.")]
    if not content:
        errors["content"] = [_("Write down what the works council advised.")]
    if errors:
        raise ValidationError(errors)
    advice = _advice(locked)
    if advice.requested_on and received_on < advice.requested_on:
        raise ValidationError(
            {"received_on": _("The advice cannot have been received before it was asked.")},
            code="before_requested",
        )
    advice.received_on = received_on
    advice.content = content
    advice.recorded_by = by
    advice.save()
    return advice
