"""Candidate documents: private files, downloads checked and logged."""

import pytest
from django.urls import reverse

from candidates.models import Document, DocumentAccess
from candidates.services.documents import (
    document_log_access,
    document_open_for_candidate,
    document_store,
)
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

CONTENT = make_pdf("Curriculum vitae Inge Jansen", pages=2)


@pytest.fixture
def document():
    application = ApplicationFactory()
    return document_store(
        application=application,
        kind=Document.Kind.CV,
        upload=upload(CONTENT, "CV Inge Jansen.pdf"),
        stored=[],
    )


def download_url(document):
    return reverse("candidates:document_download", args=[document.pk])


def test_recruiter_downloads_the_file_and_the_download_is_logged(
    recruiter_client, recruiter, document
):
    response = recruiter_client.get(download_url(document), REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="CV Inge Jansen.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    access = DocumentAccess.objects.get()
    assert (access.document, access.user, access.by_candidate, access.ip_address) == (
        document,
        recruiter,
        False,
        "198.51.100.4",
    )


def test_anonymous_is_sent_to_the_login_page(client, document):
    response = client.get(download_url(document))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not DocumentAccess.objects.exists()


def test_committee_member_gets_404_even_on_the_vacancy_committee(client, document):
    member = CommitteeMemberFactory(vacancy=document.application.vacancy)
    client.force_login(member.user)

    response = client.get(download_url(document))

    assert response.status_code == 404
    assert not DocumentAccess.objects.exists()


def test_unknown_document_and_missing_file_are_404(recruiter_client, document):
    assert (
        recruiter_client.get(reverse("candidates:document_download", args=[999_999])).status_code
        == 404
    )
    document.file.storage.delete(document.file.name)

    assert recruiter_client.get(download_url(document)).status_code == 404
    assert not DocumentAccess.objects.exists()


def test_files_have_no_public_url(client, recruiter_client, document):
    """MEDIA_URL is not routed: not even a recruiter can fetch the file by its storage name."""
    public_path = document.file.url

    assert client.get(public_path).status_code == 404
    assert recruiter_client.get(public_path).status_code == 404
    assert "CV Inge Jansen" not in document.file.name


def test_candidate_access_is_logged_as_the_candidates(document):
    with document_open_for_candidate(document=document, ip_address="192.0.2.1") as handle:
        assert handle.read() == CONTENT
    document_log_access(document=document, user=RecruiterFactory())

    logged = list(DocumentAccess.objects.order_by("pk").values_list("by_candidate", "ip_address"))
    assert logged == [(True, "192.0.2.1"), (False, None)]
    assert DocumentAccess.objects.filter(by_candidate=True, user__isnull=True).count() == 1
