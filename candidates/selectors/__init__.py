"""Reads for the public vacancy pages and the recruiter's candidate pages."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from candidates.models import (
    Application,
    ApplicationEmail,
    ApplicationRelease,
    Candidate,
    CandidateMerge,
    Document,
    DocumentAccess,
    Note,
    StageChange,
)
from candidates.selectors.assessment import ASSESSMENT_PREFETCH
from vacancies.models import Client, ContactPerson, Vacancy

# Statuses in which a vacancy can be seen by the public. A closed vacancy stays readable (it says
# that applications are closed); drafts, appointed and cancelled vacancies are not shown.
PUBLIC_STATUSES = (Vacancy.Status.PUBLISHED, Vacancy.Status.CLOSED)


def vacancy_public_list(*, query: str = "", client_id: int | None = None) -> QuerySet[Vacancy]:
    """Published vacancies, optionally filtered by a text search and a client."""
    vacancies = (
        Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
        .select_related("client")
        .prefetch_related("locations")
        .order_by("closing_date", "title")
    )
    query = query.strip()
    if query:
        for word in query.split()[:8]:
            vacancies = vacancies.filter(
                Q(title__icontains=word)
                | Q(client__name__icontains=word)
                | Q(client__short_name__icontains=word)
                | Q(intro__icontains=word)
                | Q(position_text__icontains=word)
                | Q(locations__city__icontains=word)
            ).distinct()
    if client_id:
        vacancies = vacancies.filter(client_id=client_id)
    return vacancies


def vacancy_public_clients() -> QuerySet[Client]:
    """Clients that have a published vacancy: the choices of the list's client filter."""
    return (
        Client.objects.filter(vacancies__status=Vacancy.Status.PUBLISHED)
        .distinct()
        .order_by("name")
    )


def vacancy_public_get(*, reference: str) -> Vacancy:
    """A publicly visible vacancy with everything its profile shows, or 404."""
    queryset = (
        Vacancy.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("client", "lead_consultant")
        .prefetch_related("responsibilities", "requirements", "contacts", "phases", "locations")
    )
    return get_object_or_404(queryset, reference=reference)


def vacancy_contact_email(vacancy: Vacancy) -> str:
    """The address a candidate writes to about the procedure: the contact person for the
    procedure, else the lead consultant, else the vacancy's application address."""
    contacts = [c for c in vacancy.contacts.all() if c.email]
    for topic in (ContactPerson.Topic.PROCEDURE, ContactPerson.Topic.BOTH):
        for contact in contacts:
            if contact.topic == topic:
                return contact.email
    if vacancy.lead_consultant and vacancy.lead_consultant.email:
        return vacancy.lead_consultant.email
    if vacancy.application_email:
        return vacancy.application_email
    return contacts[0].email if contacts else ""


def candidate_detail_get(*, pk: int) -> Candidate:
    """A candidate with everything their page shows, in a fixed number of queries: applications
    (vacancy and client joined) with their stage history, documents and emails (outbox row
    joined), the notes (author and application joined), newest first, and the merges into this
    record."""
    applications = (
        Application.objects.select_related("vacancy__client", "assessment__updated_by")
        .prefetch_related(
            *ASSESSMENT_PREFETCH,  # the consultant's assessment (_assessment_summary.html)
            Prefetch(
                "stage_changes",
                queryset=StageChange.objects.select_related("changed_by").order_by(
                    "changed_at", "pk"
                ),
            ),
            Prefetch("documents", queryset=Document.objects.defer("text").order_by("kind", "pk")),
            Prefetch(  # released to the committee? (the open release, if any)
                "releases",
                queryset=ApplicationRelease.objects.filter(withdrawn_at__isnull=True),
                to_attr="open_releases",
            ),
            Prefetch(
                "emails",
                queryset=ApplicationEmail.objects.select_related("email", "sent_by").order_by(
                    "-created_at", "-pk"
                ),
            ),
        )
        .order_by("-created_at", "-pk")
    )
    notes = Note.objects.select_related("author", "application__vacancy").order_by(
        "-created_at", "-pk"
    )
    return get_object_or_404(
        Candidate.objects.defer("search_text").prefetch_related(
            Prefetch("applications", queryset=applications),
            Prefetch("notes", queryset=notes),
            Prefetch("merges", queryset=CandidateMerge.objects.select_related("merged_by")),
        ),
        pk=pk,
    )


def document_accesses_for_candidate(*, candidate: Candidate) -> QuerySet[DocumentAccess]:
    """Who opened which of the candidate's documents, and when; newest first."""
    return (
        DocumentAccess.objects.filter(document__application__candidate=candidate)
        .select_related("user", "document__application__vacancy")
        .order_by("-accessed_at", "-pk")
    )


def application_list(
    *, search: str = "", vacancy_id: int | None = None, stage: str = ""
) -> QuerySet[Application]:
    """Applications for the recruiter's list, newest first, with what a row shows joined in.

    `search` matches every word against the candidate's name, email, position and organisation.
    """
    applications = Application.objects.select_related("candidate", "vacancy__client").order_by(
        "-created_at", "-pk"
    )
    for word in search.split()[:8]:
        applications = applications.filter(
            Q(candidate__first_name__icontains=word)
            | Q(candidate__last_name__icontains=word)
            | Q(candidate__email__icontains=word)
            | Q(candidate__current_position__icontains=word)
            | Q(candidate__current_organisation__icontains=word)
        )
    if vacancy_id:
        applications = applications.filter(vacancy_id=vacancy_id)
    if stage:
        applications = applications.filter(stage=stage)
    return applications
