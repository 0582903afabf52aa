"""The one access rule (`candidates.access`): recruiters see the firm's work; a committee member
sees the released applications of the running procedures they sit on; anonymous nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from candidates import access
from candidates.models import Application, Document, DocumentAccess, Note
from candidates.services.documents import document_store
from candidates.services.release import application_release, application_release_withdraw
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


def cv(application):
    return document_store(
        application=application,
        kind=Document.Kind.CV,
        upload=upload(make_pdf("CV"), "CV Jansen.pdf"),
        stored=[],
    )


@pytest.fixture
def procedure(recruiter):
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    released = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)
    application_release(application=released, by=recruiter)
    unreleased = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.PRESELECTION)
    member = CommitteeMemberFactory(vacancy=vacancy).user
    other = CommitteeMemberFactory(vacancy=VacancyFactory()).user
    return vacancy, released, unreleased, member, other


def test_recruiter_sees_everything(recruiter, procedure):
    vacancy, released, unreleased, _member, _other = procedure
    internal = Note.objects.create(candidate=released.candidate, application=released, text="x")

    assert access.can_manage(recruiter)
    assert access.can_view_vacancy(recruiter, vacancy)
    assert set(access.applications_visible_to(recruiter, vacancy)) == {released, unreleased}
    assert access.can_view_application(recruiter, unreleased)
    assert access.can_view_note(recruiter, internal)
    assert vacancy in access.vacancies_visible_to(recruiter)


def test_member_sees_only_released_applications_of_their_vacancy(procedure):
    vacancy, released, unreleased, member, _other = procedure

    assert not access.can_manage(member)
    assert list(access.vacancies_visible_to(member)) == [vacancy]
    assert access.can_view_vacancy(member, vacancy)
    assert list(access.applications_visible_to(member, vacancy)) == [released]
    assert access.can_view_application(member, released)
    assert not access.can_view_application(member, unreleased)
    document = cv(released)
    assert access.can_view_document(member, document)
    assert list(access.documents_visible_to(member, released)) == [document]
    hidden = cv(unreleased)
    assert not access.can_view_document(member, hidden)
    assert not access.documents_visible_to(member, unreleased).exists()


def test_member_of_another_vacancy_and_anonymous_see_nothing(procedure):
    vacancy, released, _unreleased, _member, other = procedure
    document = cv(released)

    for user in (other, AnonymousUser()):
        assert not access.can_manage(user)
        assert vacancy not in access.vacancies_visible_to(user)
        assert not access.can_view_vacancy(user, vacancy)
        assert not access.applications_visible_to(user, vacancy).exists()
        assert not access.can_view_application(user, released)
        assert not access.can_view_document(user, document)
        assert not access.documents_visible_to(user, released).exists()
    assert not access.vacancies_visible_to(AnonymousUser()).exists()


def test_member_reads_shareable_notes_of_released_applications_only(procedure):
    _vacancy, released, unreleased, member, _other = procedure

    def note(application, visibility, *, general=False):
        return Note.objects.create(
            candidate=application.candidate,
            application=None if general else application,
            text="Notitie",
            visibility=visibility,
        )

    assert access.can_view_note(member, note(released, Note.Visibility.SHAREABLE))
    assert not access.can_view_note(member, note(released, Note.Visibility.INTERNAL))
    assert not access.can_view_note(member, note(unreleased, Note.Visibility.SHAREABLE))
    assert not access.can_view_note(member, note(released, Note.Visibility.SHAREABLE, general=True))


@pytest.mark.parametrize("status", [Vacancy.Status.APPOINTED, Vacancy.Status.CANCELLED])
def test_member_loses_access_when_the_procedure_ends(procedure, status, client):
    vacancy, released, _unreleased, member, _other = procedure
    document = cv(released)
    client.force_login(member)
    url = reverse("candidates:document_download", args=[document.pk])
    assert client.get(url).status_code == 200

    Vacancy.objects.filter(pk=vacancy.pk).update(status=status)
    vacancy.refresh_from_db()
    released.refresh_from_db()

    assert not access.can_view_vacancy(member, vacancy)
    assert not access.vacancies_visible_to(member).exists()
    assert not access.applications_visible_to(member, vacancy).exists()
    assert not access.can_view_application(member, released)
    assert client.get(url).status_code == 404
    assert DocumentAccess.objects.count() == 1  # only the first download


def test_an_inactive_member_sees_nothing(procedure):
    vacancy, released, _unreleased, member, _other = procedure
    member.is_active = False
    member.save()

    assert not access.can_view_vacancy(member, vacancy)
    assert not access.can_view_application(member, released)


def test_member_downloads_a_released_document_logged_and_gets_404_on_an_unreleased_one(
    procedure, client
):
    _vacancy, released, unreleased, member, other = procedure
    shown, hidden = cv(released), cv(unreleased)
    client.force_login(member)

    response = client.get(reverse("candidates:document_download", args=[shown.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    access_row = DocumentAccess.objects.get()
    assert (access_row.document, access_row.user) == (shown, member)

    assert client.get(reverse("candidates:document_download", args=[hidden.pk])).status_code == 404

    application_release_withdraw(application=released, by=None)
    assert client.get(reverse("candidates:document_download", args=[shown.pk])).status_code == 404

    client.force_login(other)
    application_release(application=released, by=None)
    assert client.get(reverse("candidates:document_download", args=[shown.pk])).status_code == 404
    assert DocumentAccess.objects.count() == 1
