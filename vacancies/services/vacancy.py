from django.db import transaction
from django.utils import timezone

from ..models import Vacancy
from .profile import profile_publish


@transaction.atomic
def vacancy_set_status(*, vacancy: Vacancy, status: str, by=None) -> Vacancy:
    """Move a vacancy to `status`, or raise ValidationError with a translated message.

    Publishing records the published profile as a version (services.profile.profile_publish):
    version 1 the first time, a new one when the profile changed since the last publication.
    `by` is who did it (None: the system)."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    vacancy.check_transition(status)
    vacancy.status = status
    fields = ["status", "updated_at"]
    if status == Vacancy.Status.PUBLISHED and vacancy.published_on is None:
        vacancy.published_on = timezone.localdate()
        fields.append("published_on")
    if status in (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED):
        vacancy.ended_at = timezone.now()
        fields.append("ended_at")
    vacancy.save(update_fields=fields)
    if status == Vacancy.Status.PUBLISHED:
        profile_publish(vacancy=vacancy, by=by)
    return vacancy
