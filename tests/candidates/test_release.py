"""Release of an application to the committee, and its withdrawal: recorded and idempotent."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from candidates.models import Application, ApplicationRelease
from candidates.services.release import application_release, application_release_withdraw
from candidates.services.stages import application_move
from tests.candidates.factories import ApplicationFactory
from tests.vacancies.factories import CommitteeMemberFactory

pytestmark = pytest.mark.django_db


def test_release_and_withdrawal_are_recorded_and_idempotent(recruiter):
    application = ApplicationFactory()

    first = application_release(application=application, by=recruiter)
    again = application_release(application=application, by=None)

    assert again == first
    assert (first.released_by, first.withdrawn_at) == (recruiter, None)
    withdrawn = application_release_withdraw(application=application, by=recruiter)
    assert withdrawn == first
    assert withdrawn.withdrawn_at is not None and withdrawn.withdrawn_by == recruiter
    assert application_release_withdraw(application=application, by=recruiter) is None

    second = application_release(application=application, by=recruiter)
    # The history: what the committee saw, and since when.
    rows = list(ApplicationRelease.objects.filter(application=application).order_by("pk"))
    assert rows == [first, second]
    assert rows[0].withdrawn_at is not None and rows[1].withdrawn_at is None
    assert rows[0].released_at <= rows[0].withdrawn_at <= rows[1].released_at


def test_one_open_release_per_application():
    application = ApplicationFactory()
    ApplicationRelease.objects.create(application=application)

    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationRelease.objects.create(application=application)


def test_a_withdrawn_candidate_is_not_released(recruiter):
    application = ApplicationFactory(stage=Application.Stage.WITHDRAWN)

    with pytest.raises(ValidationError):
        application_release(application=application, by=recruiter)
    assert not ApplicationRelease.objects.exists()


def test_moving_to_the_shortlist_releases(recruiter):
    application = ApplicationFactory(stage=Application.Stage.PRESELECTION)

    application_move(application=application, to_stage=Application.Stage.SHORTLIST, by=recruiter)

    release = ApplicationRelease.objects.get(application=application)
    assert (release.released_by, release.withdrawn_at) == (recruiter, None)
    # On to the committee round: still the same release.
    application_move(application=application, to_stage=Application.Stage.COMMITTEE, by=recruiter)
    assert ApplicationRelease.objects.filter(application=application).count() == 1


def test_a_candidate_who_withdraws_is_no_longer_released(recruiter):
    application = ApplicationFactory(stage=Application.Stage.PRESELECTION)
    application_move(application=application, to_stage=Application.Stage.SHORTLIST, by=recruiter)

    application_move(
        application=application, to_stage=Application.Stage.WITHDRAWN, by=None, reason="Weg"
    )

    release = ApplicationRelease.objects.get(application=application)
    assert release.withdrawn_at is not None and release.withdrawn_by is None


def test_recruiter_releases_and_withdraws_from_the_candidate_page(recruiter_client, recruiter):
    application = ApplicationFactory(stage=Application.Stage.LONGLIST)
    page = reverse("candidates:candidate_detail", args=[application.candidate_id])
    assert "Niet vrijgegeven aan de commissie" in recruiter_client.get(page).content.decode()

    response = recruiter_client.post(
        reverse("candidates:application_release", args=[application.pk]), follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"#application-{application.pk}")
    assert "Vrijgegeven aan de commissie sinds" in html
    assert ApplicationRelease.objects.get(application=application).released_by == recruiter

    response = recruiter_client.post(
        reverse("candidates:application_release_withdraw", args=[application.pk]), follow=True
    )
    assert "Niet vrijgegeven aan de commissie" in response.content.decode()
    assert ApplicationRelease.objects.get(application=application).withdrawn_by == recruiter


def test_release_endpoints_refuse_others_and_bad_input(client, recruiter_client):
    application = ApplicationFactory(stage=Application.Stage.WITHDRAWN)
    url = reverse("candidates:application_release", args=[application.pk])
    withdraw_url = reverse("candidates:application_release_withdraw", args=[application.pk])

    response = recruiter_client.post(url, follow=True)
    assert response.status_code == 200
    assert "kan niet worden vrijgegeven" in response.content.decode()
    assert not ApplicationRelease.objects.exists()
    response = recruiter_client.post(withdraw_url, follow=True)
    assert "was niet vrijgegeven" in response.content.decode()
    assert recruiter_client.get(url).status_code == 405
    assert (
        recruiter_client.post(reverse("candidates:application_release", args=[999_999])).status_code
        == 404
    )

    client.logout()
    member = CommitteeMemberFactory(vacancy=application.vacancy).user
    anonymous = client.post(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("login"))
    client.force_login(member)
    assert client.post(url).status_code == 404
    assert client.post(withdraw_url).status_code == 404
    assert not ApplicationRelease.objects.exists()
