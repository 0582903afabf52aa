"""The recruiter's candidate page: data, applications with their history, documents, access log."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from candidates.models import Application, Document
from candidates.services.documents import document_log_access, document_store
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory, StageChangeFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


def add_document(application, kind=Document.Kind.CV, name="cv.pdf"):
    return document_store(
        application=application,
        kind=kind,
        upload=upload(make_pdf(f"{kind} {application.pk}"), name),
        stored=[],
    )


def add_application(candidate, title="Algemeen Directeur"):
    application = ApplicationFactory(candidate=candidate, vacancy=VacancyFactory(title=title))
    StageChangeFactory(application=application, from_stage="", to_stage="applied")
    add_document(application, Document.Kind.MOTIVATION, "motivatie.pdf")
    add_document(application, Document.Kind.CV, "cv.pdf")
    return application


@pytest.fixture
def candidate():
    return CandidateFactory(first_name="Inge", last_name="Jansen", email="inge@example.nl")


def detail_url(candidate):
    return reverse("candidates:candidate_detail", args=[candidate.pk])


def test_recruiter_sees_data_applications_history_documents_and_access_log(
    recruiter_client, recruiter, candidate
):
    application = add_application(candidate, "Algemeen Directeur IPO")
    StageChangeFactory(
        application=application,
        from_stage="applied",
        to_stage="longlist",
        changed_by=recruiter,
        reason="Sterk profiel",
    )
    Application.objects.filter(pk=application.pk).update(stage=Application.Stage.LONGLIST)
    cv = application.documents.get(kind=Document.Kind.CV)
    colleague = RecruiterFactory(first_name="Petra", last_name="de Vries")
    document_log_access(document=cv, user=colleague, ip_address="198.51.100.4")
    document_log_access(document=cv, by_candidate=True)

    response = recruiter_client.get(detail_url(candidate))

    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Inge Jansen",
        "inge@example.nl",
        "Algemeen Directeur IPO",
        "Sterk profiel",
        escape(str(recruiter)),  # a name such as "van 't Erve" is escaped in the page
        "motivatie.pdf",
        reverse("candidates:document_download", args=[cv.pk]),
        "Petra de Vries",
        "198.51.100.4",
    ]:
        assert text in html, text
    assert list(response.context["accesses"])[1].user == colleague
    assert response.context["accesses"][0].by_candidate
    [shown] = response.context["applications"]
    assert shown.stage == Application.Stage.LONGLIST
    assert [c.to_stage for c in shown.stage_changes.all()] == ["applied", "longlist"]


def test_anonymous_is_sent_to_the_login_page(client, candidate):
    response = client.get(detail_url(candidate))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_committee_member_gets_404(client, candidate):
    application = add_application(candidate)
    member = CommitteeMemberFactory(vacancy=application.vacancy)
    client.force_login(member.user)

    assert client.get(detail_url(candidate)).status_code == 404


def test_unknown_candidate_is_404(recruiter_client):
    assert (
        recruiter_client.get(reverse("candidates:candidate_detail", args=[999_999])).status_code
        == 404
    )


def test_query_count_does_not_grow_with_applications_and_downloads(
    recruiter_client, candidate, django_assert_max_num_queries
):
    add_application(candidate)
    with django_assert_max_num_queries(16) as baseline:
        recruiter_client.get(detail_url(candidate))

    for number in range(4):
        application = add_application(candidate, f"Directeur {number}")
        for document in application.documents.all():
            document_log_access(document=document, user=RecruiterFactory())
        StageChangeFactory(application=application, from_stage="applied", to_stage="longlist")

    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = recruiter_client.get(detail_url(candidate))
    assert len(response.context["applications"]) == 5
