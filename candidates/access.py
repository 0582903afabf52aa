"""Who may see what: the one place that decides access to vacancies, applications, documents
and notes.

Recruiters (the search firm) see everything of the firm. A member of a vacancy's selection
committee sees that vacancy while its procedure runs (not yet appointed or cancelled; a vacancy
closed for applications still runs), and of it only the applications released to the committee
(an open `ApplicationRelease`), with their documents and their shareable notes; internal notes
never. Anonymous users see nothing here (the public pages do not ask this module).

Views ask these functions and answer 404 when the answer is no: what a user may not know exists,
does not exist for them.
"""

from django.db.models import Exists, OuterRef, QuerySet

from candidates.models import Application, ApplicationRelease, Document, Note
from vacancies.models import CommitteeMember, Vacancy

# A procedure is over once someone is appointed or it is cancelled; the committee's access ends.
ENDED = (Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED)


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_manage(user) -> bool:
    """The recruiter back office: clients, vacancies, the pipeline, templates, exports."""
    return _active(user) and user.is_recruiter


def vacancies_visible_to(user) -> QuerySet[Vacancy]:
    """Every vacancy for a recruiter; the running procedures a committee member sits on."""
    if can_manage(user):
        return Vacancy.objects.all()
    if not _active(user):
        return Vacancy.objects.none()
    return Vacancy.objects.filter(committee__user=user).exclude(status__in=ENDED)


def can_view_vacancy(user, vacancy: Vacancy) -> bool:
    if can_manage(user):
        return True
    if not _active(user) or vacancy.status in ENDED:
        return False
    return CommitteeMember.objects.filter(vacancy_id=vacancy.pk, user_id=user.pk).exists()


def _released() -> Exists:
    return Exists(
        ApplicationRelease.objects.filter(application=OuterRef("pk"), withdrawn_at__isnull=True)
    )


def application_is_released(application: Application) -> bool:
    return ApplicationRelease.objects.filter(
        application_id=application.pk, withdrawn_at__isnull=True
    ).exists()


def applications_visible_to(user, vacancy: Vacancy) -> QuerySet[Application]:
    """The applications of `vacancy` the user may see: all for a recruiter, the released ones
    for a member of its committee while the procedure runs, none for anyone else."""
    applications = Application.objects.filter(vacancy_id=vacancy.pk)
    if can_manage(user):
        return applications
    if not can_view_vacancy(user, vacancy):
        return Application.objects.none()
    return applications.filter(_released())


def can_view_application(user, application: Application) -> bool:
    if can_manage(user):
        return True
    if not _active(user):
        return False
    return can_view_vacancy(user, application.vacancy) and application_is_released(application)


def documents_visible_to(user, application: Application) -> QuerySet[Document]:
    if not can_view_application(user, application):
        return Document.objects.none()
    return Document.objects.filter(application_id=application.pk)


def can_view_document(user, document: Document) -> bool:
    if not _active(user):
        return False
    return can_view_application(user, document.application)


def can_view_note(user, note: Note) -> bool:
    """Recruiters read every note; a committee member only a shareable note about an
    application they may see. Internal notes, and notes about the candidate in general, never."""
    if can_manage(user):
        return True
    if note.visibility != Note.Visibility.SHAREABLE or note.application_id is None:
        return False
    return can_view_application(user, note.application)
