"""The selection committee screens of the recruiter back office."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import UserFactory
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from vacancies import services
from vacancies.models import CommitteeMember

pytestmark = pytest.mark.django_db

Role = CommitteeMember.Role
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def vacancy(db):
    return VacancyFactory()


def url(name, vacancy, member=None):
    args = [vacancy.pk] if member is None else [vacancy.pk, member.pk]
    return reverse(f"vacancies:{name}", args=args)


def add(client, vacancy, **data):
    data.setdefault("role", Role.MEMBER)
    return client.post(url("committee_member_add", vacancy), data, **EN)


# The page ------------------------------------------------------------------------------------


def test_committee_page_lists_members_with_role_and_organisation(recruiter_client, vacancy):
    user = UserFactory(first_name="Jan", last_name="Markink", email="j.markink@ipo.nl")
    CommitteeMemberFactory(vacancy=vacancy, user=user, role=Role.CHAIR, organisation="IPO-bestuur")
    CommitteeMemberFactory(vacancy=VacancyFactory(), organisation="Elders")  # another committee

    response = recruiter_client.get(url("committee", vacancy), **EN)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Jan Markink" in html
    assert "j.markink@ipo.nl" in html
    assert 'value="IPO-bestuur"' in html
    assert '<option value="chair" selected>Chair</option>' in html
    assert "Elders" not in html


def test_committee_list_partial_shows_the_members(vacancy):
    user = UserFactory(first_name="Ada", last_name="Bos", email="ada@example.org")
    member = CommitteeMemberFactory(
        vacancy=vacancy, user=user, role=Role.WORKS_COUNCIL, organisation="OR IPO"
    )

    html = render_to_string(
        "vacancies/_committee_list.html", {"vacancy": vacancy, "members": [member]}
    )

    assert "Ada Bos" in html and "ada@example.org" in html and "OR IPO" in html
    assert str(Role.WORKS_COUNCIL.label) in html
    assert "<form" not in html


# Adding --------------------------------------------------------------------------------------


def test_add_an_existing_user_with_a_role(recruiter_client, vacancy, committee_user):
    response = add(
        recruiter_client, vacancy, user=committee_user.pk, role=Role.CHAIR, organisation="IPO"
    )

    assert response.status_code == 302
    assert response["Location"] == url("committee", vacancy)
    member = vacancy.committee.get()
    assert (member.user, member.role, member.organisation) == (committee_user, Role.CHAIR, "IPO")


def test_add_a_new_user_creates_a_committee_account(recruiter_client, vacancy):
    response = add(
        recruiter_client,
        vacancy,
        first_name="Petra",
        last_name="de Vries",
        email="p.devries@provincie.nl",
        role=Role.HR,
    )

    assert response.status_code == 302
    user = User.objects.get(email="p.devries@provincie.nl")
    assert user.username == "p.devries@provincie.nl"
    assert (user.first_name, user.last_name, user.role) == (
        "Petra",
        "de Vries",
        User.Role.COMMITTEE,
    )
    assert not user.has_usable_password()
    assert vacancy.committee.get().user == user
    assert vacancy.committee.get().role == Role.HR


def test_adding_the_same_user_twice_is_refused(recruiter_client, vacancy, committee_user):
    CommitteeMemberFactory(vacancy=vacancy, user=committee_user, role=Role.MEMBER)

    response = add(recruiter_client, vacancy, user=committee_user.pk, role=Role.ADVISER)

    assert response.status_code == 200
    assert "This person is already on the committee." in response.content.decode()
    assert vacancy.committee.get().role == Role.MEMBER


def test_a_second_chair_is_refused(recruiter_client, vacancy, committee_user):
    CommitteeMemberFactory(vacancy=vacancy, role=Role.CHAIR)

    existing = add(recruiter_client, vacancy, user=committee_user.pk, role=Role.CHAIR)
    new = add(
        recruiter_client,
        vacancy,
        first_name="Kees",
        last_name="Jansen",
        email="kees@example.org",
        role=Role.CHAIR,
    )

    for response in (existing, new):
        assert response.status_code == 200
        assert "This committee already has a chair." in response.content.decode()
    assert vacancy.committee.count() == 1
    assert not User.objects.filter(email="kees@example.org").exists()  # nothing partial


def test_a_chair_of_another_committee_does_not_count(recruiter_client, vacancy, committee_user):
    CommitteeMemberFactory(vacancy=VacancyFactory(), role=Role.CHAIR)

    response = add(recruiter_client, vacancy, user=committee_user.pk, role=Role.CHAIR)

    assert response.status_code == 302
    assert vacancy.committee.get().role == Role.CHAIR


def test_new_account_with_a_known_email_address_is_refused(recruiter_client, vacancy):
    UserFactory(email="bekend@example.org")

    response = add(
        recruiter_client, vacancy, first_name="A", last_name="B", email="Bekend@example.org"
    )

    assert response.status_code == 200
    assert "There is already an account with this email address" in response.content.decode()
    assert User.objects.filter(email__iexact="bekend@example.org").count() == 1
    assert not vacancy.committee.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Pick an existing user or fill in the name and email of a new account."),
        ({"first_name": "Anna"}, "Enter the email address of the new member."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"first_name": "Anna", "email": "anna@example.org"}, "Enter the last name"),
    ],
)
def test_an_incomplete_form_shows_why_and_saves_nothing(recruiter_client, vacancy, data, message):
    users = User.objects.count()

    response = add(recruiter_client, vacancy, **data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == users
    assert not vacancy.committee.exists()


def test_existing_user_and_new_account_together_are_refused(recruiter_client, vacancy):
    user = UserFactory()

    response = add(recruiter_client, vacancy, user=user.pk, email="ander@example.org")

    assert "Pick an existing user or fill in a new account, not both." in response.content.decode()
    assert not vacancy.committee.exists()
    assert not User.objects.filter(email="ander@example.org").exists()


def test_committee_member_add_service_refuses_a_second_chair(vacancy):
    CommitteeMemberFactory(vacancy=vacancy, role=Role.CHAIR)

    with pytest.raises(ValidationError) as error:
        services.committee_member_add(vacancy=vacancy, user=UserFactory(), role=Role.CHAIR)

    assert "role" in error.value.message_dict
    assert vacancy.committee.count() == 1


# Changing and removing -----------------------------------------------------------------------


def test_change_the_role_of_a_member(recruiter_client, vacancy):
    member = CommitteeMemberFactory(vacancy=vacancy, role=Role.MEMBER)

    response = recruiter_client.post(
        url("committee_member_role", vacancy, member),
        {"role": Role.ADVISER, "organisation": "Provincie Utrecht"},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.organisation) == (Role.ADVISER, "Provincie Utrecht")


def test_changing_a_role_to_a_second_chair_is_refused(recruiter_client, vacancy):
    CommitteeMemberFactory(vacancy=vacancy, role=Role.CHAIR)
    member = CommitteeMemberFactory(vacancy=vacancy, role=Role.MEMBER, organisation="IPO")

    response = recruiter_client.post(
        url("committee_member_role", vacancy, member),
        {"role": Role.CHAIR, "organisation": "Gewijzigd"},
        **EN,
    )

    assert response.status_code == 200
    assert "This committee already has a chair." in response.content.decode()
    member.refresh_from_db()
    assert (member.role, member.organisation) == (Role.MEMBER, "IPO")


def test_the_chair_keeps_the_chair_when_saving_again(recruiter_client, vacancy):
    chair = CommitteeMemberFactory(vacancy=vacancy, role=Role.CHAIR)

    response = recruiter_client.post(
        url("committee_member_role", vacancy, chair), {"role": Role.CHAIR, "organisation": "X"}
    )

    assert response.status_code == 302
    chair.refresh_from_db()
    assert (chair.role, chair.organisation) == (Role.CHAIR, "X")


def test_remove_a_member_keeps_the_account(recruiter_client, vacancy):
    member = CommitteeMemberFactory(vacancy=vacancy)
    other = CommitteeMemberFactory(vacancy=vacancy)

    response = recruiter_client.post(url("committee_member_remove", vacancy, member))

    assert response.status_code == 302
    assert list(vacancy.committee.all()) == [other]
    assert User.objects.filter(pk=member.user_id).exists()


def test_a_member_of_another_committee_is_not_found(recruiter_client, vacancy):
    elsewhere = CommitteeMemberFactory(vacancy=VacancyFactory(), role=Role.MEMBER)

    remove = recruiter_client.post(url("committee_member_remove", vacancy, elsewhere))
    role = recruiter_client.post(
        url("committee_member_role", vacancy, elsewhere), {"role": Role.HR}
    )

    assert (remove.status_code, role.status_code) == (404, 404)
    elsewhere.refresh_from_db()
    assert elsewhere.role == Role.MEMBER


# Access --------------------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page(client, vacancy, committee_user):
    member = CommitteeMemberFactory(vacancy=vacancy)
    addresses = [
        ("get", url("committee", vacancy)),
        ("post", url("committee_member_add", vacancy)),
        ("post", url("committee_member_role", vacancy, member)),
        ("post", url("committee_member_remove", vacancy, member)),
    ]

    for method, address in addresses:
        response = getattr(client, method)(address, {"user": committee_user.pk, "role": "hr"})
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("login")), address
    assert list(vacancy.committee.all()) == [member]
    assert vacancy.committee.get().role == Role.MEMBER


def test_committee_members_do_not_find_the_committee_screens(client, vacancy, committee_user):
    member = CommitteeMemberFactory(vacancy=vacancy, user=committee_user)  # their own committee
    client.force_login(committee_user)

    assert client.get(url("committee", vacancy)).status_code == 404
    for address in (
        url("committee_member_add", vacancy),
        url("committee_member_role", vacancy, member),
        url("committee_member_remove", vacancy, member),
    ):
        response = client.post(address, {"user": committee_user.pk, "role": Role.CHAIR})
        assert response.status_code == 404, address
    member.refresh_from_db()
    assert member.role == Role.MEMBER
    assert vacancy.committee.count() == 1


def test_every_recruiter_can_open_the_committee(client, recruiter, vacancy):
    for user in (recruiter, vacancy.lead_consultant):
        client.force_login(user)
        assert client.get(url("committee", vacancy)).status_code == 200
    assert client.get(reverse("vacancies:committee", args=[999_999])).status_code == 404


def test_committee_page_query_count_does_not_grow_with_more_members(
    recruiter_client, vacancy, django_assert_max_num_queries
):
    CommitteeMemberFactory.create_batch(2, vacancy=vacancy)
    with django_assert_max_num_queries(6):
        small = recruiter_client.get(url("committee", vacancy))
    CommitteeMemberFactory.create_batch(10, vacancy=vacancy)
    with django_assert_max_num_queries(6):
        large = recruiter_client.get(url("committee", vacancy))

    assert small.content.decode().count('id="member-') == 2
    assert large.content.decode().count('id="member-') == 12
