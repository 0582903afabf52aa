"""Only recruiters reach the back office: anonymous users are sent to log in, everyone else gets a
404 (so that not even the existence of a page or a vacancy leaks)."""

import pytest
from django.urls import reverse

from tests.vacancies.factories import ClientFactory, CommitteeMemberFactory, VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(committee_user):
    vacancy = VacancyFactory()
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user)
    return {"vacancy": vacancy, "client": ClientFactory()}


def back_office_urls(objects):
    vacancy, client = objects["vacancy"].pk, objects["client"].pk
    return [
        reverse("candidates:dashboard"),
        reverse("vacancies:client_list"),
        reverse("vacancies:client_create"),
        reverse("vacancies:client_detail", args=[client]),
        reverse("vacancies:client_edit", args=[client]),
        reverse("vacancies:vacancy_list"),
        reverse("vacancies:vacancy_create"),
        reverse("vacancies:detail", args=[vacancy]),
        reverse("vacancies:vacancy_edit", args=[vacancy]),
    ]


def test_anonymous_is_sent_to_login(client, objects):
    for url in back_office_urls(objects):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == f"{reverse('login')}?next={url}"
    status_url = reverse("vacancies:vacancy_status", args=[objects["vacancy"].pk])
    assert client.post(status_url, {"status": "closed"}).url.startswith(reverse("login"))


def test_committee_member_gets_404_even_on_their_own_vacancy(client, committee_user, objects):
    client.force_login(committee_user)
    for url in back_office_urls(objects):
        assert client.get(url).status_code == 404, url
    status_url = reverse("vacancies:vacancy_status", args=[objects["vacancy"].pk])
    assert client.post(status_url, {"status": "closed"}).status_code == 404
    objects["vacancy"].refresh_from_db()
    assert objects["vacancy"].status == "published"


def test_inactive_recruiter_is_sent_to_login(client, recruiter, objects):
    recruiter.is_active = False
    recruiter.save()
    client.force_login(recruiter)
    response = client.get(reverse("candidates:dashboard"))
    assert response.status_code == 302


def test_recruiter_reaches_every_page(recruiter_client, objects):
    for url in back_office_urls(objects):
        assert recruiter_client.get(url).status_code == 200, url


def test_login_then_dashboard(client, recruiter):
    response = client.post(
        reverse("login"),
        {"username": "consultant", "password": "correct horse battery staple"},
        follow=True,
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == reverse("candidates:dashboard")


def test_committee_member_login_lands_on_my_committees_not_the_back_office(client, committee_user):
    response = client.post(
        reverse("login"),
        {"username": "commissielid", "password": "correct horse battery staple"},
    )

    assert response.status_code == 302
    assert response.url == reverse("candidates:committee_home")
    assert response.wsgi_request.user == committee_user
    # Logged in already: the login page sends them there too, never to the back office.
    assert client.get(reverse("login")).url == reverse("candidates:committee_home")
