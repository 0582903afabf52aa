"""Who may see what: the one place that decides access to vacancies, applications, documents
and notes.

Recruiters (the search firm) see everything of the firm. A member of a vacancy's selection
committee sees that vacancy while its procedure runs (not yet appointed or cancelled; a vacancy
closed for applications still runs), and of it only the applications released to the committee
(an open `ApplicationRelease`), with their documents and their shareable notes; internal notes
never. Anonymous users see nothing here (the public pages do not ask this module).

The committee round: a member scores each released application they have no declared conflict
with; they see others' scores of it only once they have submitted their own (and never with a
conflict). The chair and the recruiter see the whole matrix, the conflicts and the references.
A member sees the interviews they attend.

Views ask these functions and answer 404 when the answer is no: what a user may not know exists,
does not exist for them.
"""

from django.db.models import Exists, OuterRef, QuerySet

from candidates.models import (
    Application,
    ApplicationRelease,
    ConflictOfInterest,
    Document,
    Interview,
    Note,
    Scorecard,
)
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


def seat(user, vacancy: Vacancy) -> CommitteeMember | None:
    """The user's seat on the committee of `vacancy` while its procedure runs, else None."""
    if not _active(user) or vacancy.status in ENDED:
        return None
    return CommitteeMember.objects.filter(vacancy_id=vacancy.pk, user_id=user.pk).first()


def seats_of(user) -> QuerySet[CommitteeMember]:
    """The user's seats on committees of running procedures."""
    if not _active(user):
        return CommitteeMember.objects.none()
    return CommitteeMember.objects.filter(user_id=user.pk).exclude(vacancy__status__in=ENDED)


def is_chair(user, vacancy: Vacancy) -> bool:
    member = seat(user, vacancy)
    return member is not None and member.role == CommitteeMember.Role.CHAIR


def has_conflict(member: CommitteeMember | None, application: Application) -> bool:
    if member is None:
        return False
    return ConflictOfInterest.objects.filter(
        member_id=member.pk, application_id=application.pk
    ).exists()


def can_declare_conflict(user, application: Application) -> bool:
    """A member of the committee, about a released application."""
    return seat(user, application.vacancy) is not None and can_view_application(user, application)


def can_score(user, application: Application) -> bool:
    """A committee member (not the recruiter) scores a released application of a running
    procedure, unless they declared a conflict with it."""
    member = seat(user, application.vacancy)
    if member is None or not can_view_application(user, application):
        return False
    return not has_conflict(member, application)


def has_submitted(member: CommitteeMember | None, application: Application) -> bool:
    if member is None:
        return False
    return Scorecard.objects.filter(
        member_id=member.pk, application_id=application.pk, submitted_at__isnull=False
    ).exists()


def can_see_scores(user, application: Application) -> bool:
    """Others' scores of `application`: the recruiter; the chair (without a conflict); a member
    once they submitted their own scorecard of it (never with a conflict)."""
    if can_manage(user):
        return True
    member = seat(user, application.vacancy)
    if member is None or not can_view_application(user, application):
        return False
    if has_conflict(member, application):
        return False
    return member.role == CommitteeMember.Role.CHAIR or has_submitted(member, application)


def can_view_matrix(user, vacancy: Vacancy) -> bool:
    """The matrix of scores (members by candidates), with the conflicts: recruiter and chair."""
    return can_manage(user) or is_chair(user, vacancy)


def can_view_references(user, application: Application) -> bool:
    """References: the recruiter, and the chair of a released application's committee."""
    if can_manage(user):
        return True
    return is_chair(user, application.vacancy) and can_view_application(user, application)


def interviews_visible_to(user) -> QuerySet[Interview]:
    """Every interview for a recruiter; for a member, the planned interviews they attend of
    released applications of running procedures."""
    if can_manage(user):
        return Interview.objects.all()
    if not _active(user):
        return Interview.objects.none()
    return (
        Interview.objects.filter(members__user_id=user.pk)
        .exclude(application__vacancy__status__in=ENDED)
        .filter(
            Exists(
                ApplicationRelease.objects.filter(
                    application=OuterRef("application"), withdrawn_at__isnull=True
                )
            )
        )
        .distinct()
    )


def can_view_interview(user, interview: Interview) -> bool:
    if can_manage(user):
        return True
    return interviews_visible_to(user).filter(pk=interview.pk).exists()


# --- portal ---


def committee_applications(user, vacancy: Vacancy) -> QuerySet[Application]:
    """What the committee of `vacancy` sees: its applications released to the committee, for a
    member of it while the procedure runs and for a recruiter (their preview of the portal);
    none for anyone else."""
    return applications_visible_to(user, vacancy).filter(_released())


def all_applications_visible_to(user) -> QuerySet[Application]:
    """Every application the user may see, across vacancies: all for a recruiter; for a
    committee member the released applications of the running procedures they sit on."""
    if can_manage(user):
        return Application.objects.all()
    return Application.objects.filter(vacancy__in=vacancies_visible_to(user)).filter(_released())


def notes_visible_to(user, application: Application) -> QuerySet[Note]:
    """The notes about `application` the user may read (as `can_view_note`): all for a
    recruiter; the shareable ones for a member who may see the application; none otherwise."""
    notes = Note.objects.filter(application_id=application.pk)
    if can_manage(user):
        return notes
    if not can_view_application(user, application):
        return Note.objects.none()
    return notes.filter(visibility=Note.Visibility.SHAREABLE)


# --- overview_pdf ---


def can_request_overview(user, vacancy: Vacancy) -> bool:
    """The candidate overview of a vacancy, made for oneself: whoever may see the vacancy (its
    committee while the procedure runs, a recruiter); it shows the released applications."""
    return can_view_vacancy(user, vacancy)


def can_download_overview(user, overview) -> bool:
    """An overview's file: only the person it was made for (their name is on every page), and
    only while they may still see its vacancy. Not a recruiter's copy for a member, nor the
    reverse."""
    return (
        _active(user) and overview.user_id == user.pk and can_view_vacancy(user, overview.vacancy)
    )
