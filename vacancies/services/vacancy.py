from django.db import transaction

from ..models import Vacancy


@transaction.atomic
def vacancy_set_status(*, vacancy: Vacancy, status: str) -> Vacancy:
    """Move a vacancy to `status`, or raise ValidationError with a translated message."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    vacancy.check_transition(status)
    vacancy.status = status
    fields = ["status", "updated_at"]
    if status == Vacancy.Status.PUBLISHED and vacancy.published_on is None:
        from django.utils import timezone

        vacancy.published_on = timezone.localdate()
        fields.append("published_on")
    if status in (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED):
        from django.utils import timezone

        vacancy.ended_at = timezone.now()
        fields.append("ended_at")
    vacancy.save(update_fields=fields)
    return vacancy
