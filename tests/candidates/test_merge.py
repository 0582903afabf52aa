"""Merging two records of one person: everything moves, the merge is logged, the refusals."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import (
    Application,
    ApplicationEmail,
    Candidate,
    CandidateMerge,
    Document,
    DocumentAccess,
    Note,
    StageChange,
)
from candidates.services.documents import document_store
from candidates.services.merge import candidate_merge
from mail.models import OutgoingEmail
from tests.candidates.factories import ApplicationFactory, CandidateFactory, StageChangeFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


def merge_url(candidate, **query):
    url = reverse("candidates:candidate_merge", args=[candidate.pk])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def html(response):
    return response.content.decode()


def application_with_everything(candidate, title, stage=Application.Stage.APPLIED):
    application = ApplicationFactory(
        candidate=candidate,
        vacancy=VacancyFactory(title=title),
        stage=stage,
        rejection_code="profile" if stage == Application.Stage.REJECTED else "",
    )
    StageChangeFactory(application=application, from_stage="", to_stage="applied")
    for kind in (Document.Kind.MOTIVATION, Document.Kind.CV):
        document = document_store(
            application=application,
            kind=kind,
            upload=upload(make_pdf(f"{kind} {title}")),
            stored=[],
        )
        DocumentAccess.objects.create(document=document, ip_address="198.51.100.7")
    email = OutgoingEmail.objects.create(
        key=f"test:{application.pk}", to=candidate.email, language="nl", template="x"
    )
    ApplicationEmail.objects.create(application=application, email=email, kind="rejection")
    Note.objects.create(candidate=candidate, application=application, text=f"Over {title}")
    return application


@pytest.fixture
def keep():
    return CandidateFactory(
        first_name="Inge",
        last_name="Jansen",
        email="inge.jansen@example.nl",
        phone="06 1111 1111",
        current_organisation="Provincie Utrecht",
    )


@pytest.fixture
def remove():
    return CandidateFactory(
        first_name="Inge",
        last_name="Jansen-de Vries",
        email="i.jansen@werk.nl",
        phone="06 2222 2222",
        current_organisation="Provincie Utrecht",
        linkedin_url="https://www.linkedin.com/in/ijdv",
    )


# The service ------------------------------------------------------------------------------------


def test_merge_moves_applications_documents_notes_emails_and_history_and_logs_it(
    keep, remove, recruiter
):
    kept_application = application_with_everything(keep, "Griffier")
    moved_a = application_with_everything(remove, "Algemeen Directeur")
    moved_b = application_with_everything(remove, "Directeur Bedrijfsvoering")
    Note.objects.create(candidate=remove, text="Losse notitie")
    earlier = CandidateMerge.objects.create(
        kept=remove, removed_pk=999, removed_name="I. Jansen", removed_email="ij@oud.nl"
    )
    removed_pk = remove.pk

    merge = candidate_merge(
        keep=keep, remove=remove, by=recruiter, fields_from_remove=["phone", "linkedin_url"]
    )

    assert not Candidate.objects.filter(pk=removed_pk).exists()
    assert set(keep.applications.values_list("pk", flat=True)) == {
        kept_application.pk,
        moved_a.pk,
        moved_b.pk,
    }
    assert Document.objects.filter(application__candidate=keep).count() == 6
    assert DocumentAccess.objects.filter(document__application__candidate=keep).count() == 6
    assert StageChange.objects.filter(application__candidate=keep).count() == 3
    assert ApplicationEmail.objects.filter(application__candidate=keep).count() == 3
    assert Note.objects.filter(candidate=keep).count() == 4
    assert not Note.objects.filter(candidate_id=removed_pk).exists()
    earlier.refresh_from_db()
    assert earlier.kept == keep
    keep.refresh_from_db()
    assert keep.phone == "06 2222 2222"
    assert keep.linkedin_url == "https://www.linkedin.com/in/ijdv"
    assert keep.email == "inge.jansen@example.nl"
    assert keep.last_name == "Jansen"
    assert merge.kept == keep
    assert merge.removed_pk == removed_pk
    assert merge.removed_name == "Inge Jansen-de Vries"
    assert merge.removed_email == "i.jansen@werk.nl"
    assert merge.merged_by == recruiter
    assert merge.moved == {
        "applications": 2,
        "documents": 4,
        "stage_changes": 2,
        "emails": 2,
        "notes": 3,
        "merges": 1,
        "fields": ["phone", "linkedin_url"],
    }


def test_the_kept_record_can_take_the_email_address_of_the_removed_one(keep, remove, recruiter):
    candidate_merge(keep=keep, remove=remove, by=recruiter, fields_from_remove=["email"])

    keep.refresh_from_db()
    assert keep.email == "i.jansen@werk.nl"
    assert Candidate.objects.count() == 1


def test_after_the_merge_the_kept_record_is_found_by_the_removed_notes(keep, remove, recruiter):
    Note.objects.create(candidate=remove, text="Kent de provincie Zeeland door en door")

    candidate_merge(keep=keep, remove=remove, by=recruiter)

    keep.refresh_from_db()
    assert "zeeland" in keep.search_text


def test_merge_refreshes_the_search_text_of_the_kept_record(keep, remove, recruiter, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "candidates.services.sourcing.candidate_reindex_if_available",
        lambda **kwargs: calls.append(kwargs),
    )
    monkeypatch.setattr(
        "candidates.services.merge.candidate_reindex_if_available",
        lambda **kwargs: calls.append(kwargs),
    )

    candidate_merge(keep=keep, remove=remove, by=recruiter)

    assert calls == [{"candidate_id": keep.pk}]


def test_a_merge_with_themselves_is_refused(keep, recruiter):
    with pytest.raises(ValidationError) as error:
        candidate_merge(keep=keep, remove=keep, by=recruiter)

    assert error.value.code == "self"
    assert "Een kandidaat kan niet met zichzelf worden samengevoegd." in error.value.messages
    assert Candidate.objects.filter(pk=keep.pk).exists()
    assert not CandidateMerge.objects.exists()


def test_two_appointed_records_are_refused(keep, remove, recruiter):
    application_with_everything(keep, "Griffier", stage=Application.Stage.APPOINTED)
    application_with_everything(remove, "Algemeen Directeur", stage=Application.Stage.APPOINTED)

    with pytest.raises(ValidationError) as error:
        candidate_merge(keep=keep, remove=remove, by=recruiter)

    assert error.value.code == "both_appointed"
    assert "“Griffier”" in error.value.messages[0]
    assert "“Algemeen Directeur”" in error.value.messages[0]
    assert Candidate.objects.count() == 2
    assert remove.applications.count() == 1
    assert not CandidateMerge.objects.exists()


def test_one_appointed_record_may_be_merged(keep, remove, recruiter):
    application_with_everything(keep, "Griffier", stage=Application.Stage.APPOINTED)
    application_with_everything(remove, "Algemeen Directeur", stage=Application.Stage.REJECTED)

    candidate_merge(keep=keep, remove=remove, by=recruiter)

    assert keep.applications.count() == 2


def test_two_applications_for_the_same_vacancy_are_refused_naming_it(keep, remove, recruiter):
    vacancy = VacancyFactory(title="Algemeen Directeur IPO")
    ApplicationFactory(candidate=keep, vacancy=vacancy)
    ApplicationFactory(candidate=remove, vacancy=vacancy, stage=Application.Stage.SOURCED)

    with pytest.raises(ValidationError) as error:
        candidate_merge(keep=keep, remove=remove, by=recruiter)

    assert error.value.code == "same_vacancy"
    assert error.value.messages == [
        "Beide dossiers hebben een sollicitatie voor “Algemeen Directeur IPO”. Eén persoon "
        "heeft één sollicitatie per vacature, dus deze dossiers kunnen niet worden samengevoegd."
    ]
    assert Candidate.objects.count() == 2
    assert not CandidateMerge.objects.exists()


def test_unknown_fields_and_vanished_records_are_refused(keep, remove, recruiter):
    with pytest.raises(ValidationError) as error:
        candidate_merge(keep=keep, remove=remove, by=recruiter, fields_from_remove=["search_text"])
    assert error.value.code == "field"

    gone = CandidateFactory()
    Candidate.objects.filter(pk=gone.pk).delete()
    with pytest.raises(ValidationError) as error:
        candidate_merge(keep=keep, remove=gone, by=recruiter)
    assert error.value.code == "gone"
    assert Candidate.objects.count() == 2


# The page ---------------------------------------------------------------------------------------


def test_the_page_searches_the_other_record_by_name_or_email(recruiter_client, keep, remove):
    CandidateFactory(first_name="Kees", last_name="Smit", email="kees@example.nl")

    start = recruiter_client.get(merge_url(keep))
    by_name = recruiter_client.get(merge_url(keep, q="jansen"))
    by_email = recruiter_client.get(merge_url(keep, q="I.Jansen@WERK.nl"))

    assert start.status_code == 200
    assert "Een ander dossier samenvoegen met Inge Jansen" in html(start)
    assert "Zoek het andere dossier" in html(start)
    for response in (by_name, by_email):
        page = html(response)
        assert "Inge Jansen-de Vries" in page
        assert f"?other={remove.pk}" in page
        assert "Kees Smit" not in page
        assert f"?other={keep.pk}" not in page


@pytest.mark.parametrize("query", ["'\"&|!:*()", "%", "_", "a\x00b", "\x00", "x" * 10_000, "   "])
def test_any_search_text_is_answered(recruiter_client, keep, remove, query):
    response = recruiter_client.get(merge_url(keep), {"q": query})

    assert response.status_code == 200
    assert "Inge Jansen-de Vries" not in html(response)


def test_the_page_shows_both_records_side_by_side(recruiter_client, keep, remove):
    application_with_everything(remove, "Algemeen Directeur")

    response = recruiter_client.get(merge_url(keep, other=remove.pk))

    assert response.status_code == 200
    page = html(response)
    for text in [
        "Vergelijk de twee dossiers",
        f"Dit dossier, blijft (nummer {keep.pk})",
        f"Ander dossier, verdwijnt (nummer {remove.pk})",
        "06 1111 1111",
        "06 2222 2222",
        "Algemeen Directeur",
        "2 documenten",
        "Ik heb gecontroleerd dat deze twee dossiers over dezelfde persoon gaan.",
        "Liever het andere dossier behouden",
    ]:
        assert text in page, text
    # A choice only where the values differ: the organisation is the same on both.
    assert 'name="field_phone"' in page
    assert 'name="field_current_organisation"' not in page


def test_merging_from_the_page_per_field_logs_it_on_the_kept_page(
    recruiter_client, recruiter, keep, remove
):
    application_with_everything(remove, "Algemeen Directeur")
    removed_pk = remove.pk

    response = recruiter_client.post(
        merge_url(keep),
        {
            "other": remove.pk,
            "field_phone": "remove",
            "field_last_name": "keep",
            "field_email": "keep",
            "field_linkedin_url": "remove",
            "whole": "",
            "confirm": "on",
        },
        follow=True,
    )

    assert response.request["PATH_INFO"] == reverse("candidates:candidate_detail", args=[keep.pk])
    page = html(response)
    assert f"Inge Jansen-de Vries (nummer {removed_pk}) is samengevoegd met dit dossier." in page
    assert "Samengevoegde dossiers" in page
    assert "i.jansen@werk.nl" in page
    assert "sollicitaties: 1, documenten: 2, notities: 1, e-mails: 1, fasewijzigingen: 1" in page
    assert "Overgenomen uit het samengevoegde dossier:" in page
    assert "telefoon, LinkedIn" in page
    assert str(recruiter) in page
    keep.refresh_from_db()
    assert keep.phone == "06 2222 2222"
    assert keep.last_name == "Jansen"
    assert recruiter_client.get(merge_url(remove)).status_code == 404


def test_all_fields_from_the_other_record(recruiter_client, keep, remove):
    recruiter_client.post(
        merge_url(keep),
        {"other": remove.pk, "whole": "remove", "field_phone": "keep", "confirm": "1"},
    )

    keep.refresh_from_db()
    assert (keep.last_name, keep.email, keep.phone) == (
        "Jansen-de Vries",
        "i.jansen@werk.nl",
        "06 2222 2222",
    )


def test_the_kept_page_without_merges_offers_the_merge(recruiter_client, keep):
    page = html(recruiter_client.get(reverse("candidates:candidate_detail", args=[keep.pk])))

    assert "Er zijn nog geen andere dossiers met dit dossier samengevoegd." in page
    assert merge_url(keep) in page


def test_without_confirmation_nothing_is_merged(recruiter_client, keep, remove):
    response = recruiter_client.post(merge_url(keep), {"other": remove.pk, "field_phone": "remove"})

    assert response.status_code == 400
    assert "Bevestig dat deze twee dossiers over dezelfde persoon gaan." in html(response)
    assert Candidate.objects.count() == 2


def test_the_page_refuses_a_merge_with_themselves(recruiter_client, keep):
    shown = recruiter_client.get(merge_url(keep, other=keep.pk))
    posted = recruiter_client.post(merge_url(keep), {"other": keep.pk, "confirm": "on"})

    for response in (shown, posted):
        assert "Een kandidaat kan niet met zichzelf worden samengevoegd." in html(response)
        assert 'id="merge-form"' not in html(response)
    assert posted.status_code == 400
    assert Candidate.objects.filter(pk=keep.pk).exists()


def test_the_page_refuses_two_appointed_records(recruiter_client, keep, remove):
    application_with_everything(keep, "Griffier", stage=Application.Stage.APPOINTED)
    application_with_everything(remove, "Algemeen Directeur", stage=Application.Stage.APPOINTED)

    shown = recruiter_client.get(merge_url(keep, other=remove.pk))
    posted = recruiter_client.post(merge_url(keep), {"other": remove.pk, "confirm": "on"})

    assert "Beide dossiers zijn benoemd (“Griffier” en “Algemeen Directeur”)." in html(shown)
    assert 'id="merge-form"' not in html(shown)
    assert posted.status_code == 400
    assert Candidate.objects.count() == 2


def test_the_page_refuses_two_applications_for_one_vacancy(recruiter_client, keep, remove):
    vacancy = VacancyFactory(title="Algemeen Directeur IPO")
    ApplicationFactory(candidate=keep, vacancy=vacancy)
    ApplicationFactory(candidate=remove, vacancy=vacancy)

    shown = recruiter_client.get(merge_url(keep, other=remove.pk))
    posted = recruiter_client.post(merge_url(keep), {"other": remove.pk, "confirm": "on"})

    assert "Beide dossiers hebben een sollicitatie voor “Algemeen Directeur IPO”." in html(shown)
    assert posted.status_code == 400
    assert Candidate.objects.count() == 2


@pytest.mark.parametrize("other", ["abc", "-5", "0", "99999", "1" * 30, ""])
def test_an_unknown_other_record_is_a_message_not_an_error(recruiter_client, keep, other):
    shown = recruiter_client.get(merge_url(keep), {"other": other})
    posted = recruiter_client.post(merge_url(keep), {"other": other, "confirm": "on"})

    assert shown.status_code == 200
    assert posted.status_code == 400
    if other:
        assert "Het andere dossier bestaat niet meer" in html(shown)
    assert Candidate.objects.count() == 1


def test_a_record_merged_meanwhile_is_reported(recruiter_client, recruiter, keep, remove):
    third = CandidateFactory(email="derde@example.nl")
    candidate_merge(keep=third, remove=remove, by=recruiter)

    response = recruiter_client.post(merge_url(keep), {"other": remove.pk, "confirm": "on"})

    assert response.status_code == 400
    assert "Het andere dossier bestaat niet meer" in html(response)


def test_the_comparison_takes_the_same_queries_with_few_and_many_applications(
    recruiter_client, keep, remove, django_assert_max_num_queries
):
    def measure():
        with django_assert_max_num_queries(20) as captured:
            response = recruiter_client.get(merge_url(keep, other=remove.pk))
        assert response.status_code == 200
        return len(captured.captured_queries)

    ApplicationFactory(candidate=remove)
    ApplicationFactory(candidate=keep)
    few = measure()
    for _ in range(30):
        ApplicationFactory(candidate=remove)
        ApplicationFactory(candidate=keep)

    assert measure() == few


# Access -----------------------------------------------------------------------------------------


def test_committee_member_gets_404_even_for_a_candidate_of_their_vacancy(
    client, committee_user, keep, remove
):
    vacancy = VacancyFactory()
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)
    ApplicationFactory(candidate=keep, vacancy=vacancy, stage=Application.Stage.COMMITTEE)
    client.force_login(committee_user)

    assert client.get(merge_url(keep)).status_code == 404
    assert client.get(merge_url(keep, other=remove.pk)).status_code == 404
    assert client.post(merge_url(keep), {"other": remove.pk, "confirm": "on"}).status_code == 404
    assert Candidate.objects.count() == 2


def test_anonymous_is_sent_to_the_login_page(client, keep, remove):
    for response in (
        client.get(merge_url(keep)),
        client.post(merge_url(keep), {"other": remove.pk, "confirm": "on"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert Candidate.objects.count() == 2


def test_unknown_candidate_is_404(recruiter_client):
    assert recruiter_client.get(
        reverse("candidates:candidate_merge", args=[99999])
    ).status_code == (404)
