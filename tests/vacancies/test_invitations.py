"""Inviting committee members by email, the invitation link, and a member's login."""

import json
import re
import threading
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mail.models import OutgoingEmail
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.vacancies.factories import CommitteeMemberFactory, VacancyFactory
from vacancies.models import CommitteeInvitation, CommitteeMember, Vacancy
from vacancies.services import invitations as service

pytestmark = pytest.mark.django_db

User = get_user_model()
Role = CommitteeMember.Role
PASSWORD = "Bestuurskamer-2026!"
QUERIES = 6
LINK = re.compile(r"/uitnodiging/([A-Za-z0-9_-]{20,})/")


@pytest.fixture
def vacancy(db):
    return VacancyFactory(title="Algemeen Directeur")


@pytest.fixture
def send(mailoutbox, django_capture_on_commit_callbacks):
    """Run `call` and send the emails it queues (on commit, as in production)."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = call(*args, **kwargs)
        return result

    return run


def invite_url(vacancy):
    return reverse("vacancies:committee_invite", args=[vacancy.pk])


def resend_url(member):
    return reverse("vacancies:committee_invite_resend", args=[member.vacancy_id, member.pk])


def accept_url(token):
    return reverse("invitations:accept", args=[token])


def invite(client, vacancy, **data):
    data = {
        "email": "marieke.dekker@provincie.nl",
        "first_name": "Marieke",
        "last_name": "Dekker",
        "role": Role.MEMBER,
        "organisation": "Gedeputeerde Staten",
        **data,
    }
    return client.post(invite_url(vacancy), {f"invite-{k}": v for k, v in data.items()})


def token_in(message) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    assert settings.SITE_URL + accept_url(found.group(1)) in message.body
    assert accept_url(found.group(1)) in message.alternatives[0][0]
    return found.group(1)


def invited(send, vacancy, email="marieke.dekker@provincie.nl", **kwargs):
    """A new person invited through the service; returns (member, token from the email)."""
    from django.core import mail

    before = len(mail.outbox)
    member, invitation = send(
        service.committee_invite,
        vacancy=vacancy,
        email=email,
        first_name=kwargs.pop("first_name", "Marieke"),
        last_name=kwargs.pop("last_name", "Dekker"),
        role=kwargs.pop("role", Role.MEMBER),
        by=kwargs.pop("by", None),
        **kwargs,
    )
    assert invitation is not None
    assert len(mail.outbox) == before + 1
    return member, token_in(mail.outbox[-1])


def accept(client, token, password=PASSWORD, again=None):
    return client.post(
        accept_url(token), {"new_password1": password, "new_password2": again or password}
    )


def assert_invalid_page(response, state, *, renew=True):
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-state="{state}"' in html
    assert (reverse("invitations:renew") in html) is renew
    # Nothing about whose invitation it was, nor for which committee.
    assert "Marieke" not in html
    assert "provincie.nl" not in html
    assert "Algemeen Directeur" not in html
    return html


# Inviting ---------------------------------------------------------------------------------------


def test_inviting_a_new_person_creates_an_account_without_password_and_emails_a_link(
    recruiter_client, recruiter, vacancy, send, mailoutbox
):
    with time_machine.travel(timezone.now(), tick=False):
        response = send(invite, recruiter_client, vacancy)

        assert response.status_code == 302
        assert response.url == reverse("vacancies:committee", args=[vacancy.pk])
        user = User.objects.get(email="marieke.dekker@provincie.nl")
        assert user.username == "marieke.dekker@provincie.nl"
        assert user.role == User.Role.COMMITTEE
        assert user.language == "nl"
        assert not user.has_usable_password()
        assert (user.first_name, user.last_name) == ("Marieke", "Dekker")
        member = CommitteeMember.objects.get(vacancy=vacancy, user=user)
        assert member.organisation == "Gedeputeerde Staten"
        invitation = member.invitations.get()
        assert invitation.created_by == recruiter
        assert invitation.expires_at == timezone.now() + timedelta(days=7)

    (message,) = mailoutbox
    assert message.to == ["marieke.dekker@provincie.nl"]
    assert message.subject == "Uitnodiging: selectiecommissie Algemeen Directeur, " + (
        vacancy.client.name
    )
    assert "Geachte Marieke Dekker," in message.body
    assert "Uw gebruikersnaam is marieke.dekker@provincie.nl." in message.body
    token = token_in(message)
    assert invitation.token_hash == CommitteeInvitation.hash_token(token)
    assert settings.SITE_URL + reverse("invitations:renew") in message.body
    # The stored message holds no key to the account: not the token, not the link.
    stored = OutgoingEmail.objects.get(key=f"committee-invitation:{invitation.pk}")
    assert token not in json.dumps(stored.context)
    assert "invitation_url" not in stored.context
    assert token not in json.dumps(list(CommitteeInvitation.objects.values()), default=str)
    # The page says so.
    page = recruiter_client.get(response.url)
    assert "is per e-mail uitgenodigd" in page.content.decode()


def test_the_link_is_made_again_when_a_failed_email_is_sent_later(vacancy, send, mailoutbox):
    _member, token = invited(send, vacancy)
    stored = OutgoingEmail.objects.get(key__startswith="committee-invitation:")

    context = service.invitation_link_context(stored.context)

    assert context["invitation_url"] == settings.SITE_URL + accept_url(token)
    assert service.invitation_link_context({}) == {"invitation_url": ""}


def test_the_committee_page_shows_the_invitation_status_and_send_again(
    recruiter_client, vacancy, send
):
    pending, _token = invited(send, vacancy)
    accepted, token = invited(send, vacancy, email="jan@ipo.nl", first_name="Jan")
    service.invitation_accept(token=token, password=PASSWORD)
    never = CommitteeMemberFactory(vacancy=vacancy)
    never.user.set_unusable_password()
    never.user.save()
    with_account = CommitteeMemberFactory(vacancy=vacancy)

    html = recruiter_client.get(reverse("vacancies:committee", args=[vacancy.pk])).content.decode()

    def row(member):
        return html.split(f'id="member-{member.pk}"')[1].split("</tr>")[0]

    assert "Uitgenodigd" in row(pending)
    assert "geldig tot" in row(pending)
    assert resend_url(pending) in row(pending)
    assert "Geaccepteerd" in row(accepted)
    assert resend_url(accepted) not in row(accepted)
    assert "Nog niet uitgenodigd" in row(never)
    assert resend_url(never) in row(never)
    assert "Heeft een account" in row(with_account)
    assert resend_url(with_account) not in row(with_account)
    assert 'id="committee-invite-form"' in html
    assert 'for="id_invite-email"' in html


def test_an_expired_invitation_is_shown_with_send_again(recruiter_client, vacancy, send):
    member, _token = invited(send, vacancy)
    member.invitations.update(expires_at=timezone.now() - timedelta(minutes=1))

    html = recruiter_client.get(reverse("vacancies:committee", args=[vacancy.pk])).content.decode()

    row = html.split(f'id="member-{member.pk}"')[1].split("</tr>")[0]
    assert "Uitnodiging verlopen" in row
    assert resend_url(member) in row


def test_the_committee_page_query_count_is_the_same_for_3_and_30_invited_members(
    recruiter_client, vacancy, django_assert_num_queries
):
    # Session, user, vacancy, the members with their users, their invitations (one query for
    # all), and the users of the "Add a member" list.
    def members(count):
        for _ in range(count):
            member = CommitteeMemberFactory(vacancy=vacancy)
            service._invitation_create(member=member, by=None)

    url = reverse("vacancies:committee", args=[vacancy.pk])
    members(3)
    recruiter_client.get(url)  # the session and the like, warmed up
    with django_assert_num_queries(QUERIES):
        recruiter_client.get(url)
    members(27)
    with django_assert_num_queries(QUERIES):
        response = recruiter_client.get(url)
    assert response.content.decode().count("Uitgenodigd") == 30


def test_inviting_an_existing_account_adds_and_tells_them_without_an_invitation(
    recruiter_client, vacancy, send, mailoutbox
):
    user = UserFactory(
        email="Jan.Markink@ipo.nl", first_name="Jan", last_name="Markink", language="en"
    )

    response = send(invite, recruiter_client, vacancy, email="jan.markink@IPO.nl", first_name="X")

    assert response.status_code == 302
    assert User.objects.filter(email__iexact="jan.markink@ipo.nl").count() == 1
    user.refresh_from_db()
    assert user.first_name == "Jan"  # the typed name does not overwrite the account
    assert user.check_password("correct horse battery staple")
    member = CommitteeMember.objects.get(vacancy=vacancy, user=user)
    assert not member.invitations.exists()
    (message,) = mailoutbox
    assert message.to == ["Jan.Markink@ipo.nl"]
    # In the recipient's language.
    assert message.subject.startswith("You have been added to the selection committee of")
    assert settings.SITE_URL + reverse("login") in message.body
    assert settings.SITE_URL + reverse("password_reset") in message.body
    assert not LINK.search(message.body)
    page = recruiter_client.get(response.url).content.decode()
    assert "heeft al een account en is toegevoegd" in page


def test_an_account_without_password_is_invited_without_a_new_account(
    recruiter_client, vacancy, send, mailoutbox
):
    """A member seated through 'Add a member' before invitations existed can still get in."""
    user = UserFactory(email="ada@example.org")
    user.set_unusable_password()
    user.save()

    send(invite, recruiter_client, vacancy, email="ada@example.org")

    assert User.objects.filter(email="ada@example.org").count() == 1
    assert CommitteeInvitation.objects.get().member.user == user
    assert LINK.search(mailoutbox[0].body)


def test_a_recruiter_address_is_refused_and_the_form_keeps_what_was_typed(
    recruiter_client, vacancy, send, mailoutbox
):
    RecruiterFactory(email="inge@chassesearch.nl")

    response = send(
        invite, recruiter_client, vacancy, email="Inge@ChasseSearch.nl", organisation="Extern"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit adres hoort bij een consultant van het bureau." in html
    assert 'value="Inge@ChasseSearch.nl"' in html
    assert 'value="Extern"' in html
    assert not vacancy.committee.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "Vul het e-mailadres van het lid in."),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"role": "koning"}, "Selecteer een geldige keuze."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_saved(
    recruiter_client, vacancy, send, mailoutbox, data, message
):
    response = send(invite, recruiter_client, vacancy, **data)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Marieke"' in html
    assert not User.objects.filter(first_name="Marieke").exists()
    assert mailoutbox == []


def test_a_second_chair_or_a_second_seat_is_refused_and_no_account_is_left(
    recruiter_client, vacancy, send, mailoutbox
):
    CommitteeMemberFactory(vacancy=vacancy, role=Role.CHAIR)
    response = send(invite, recruiter_client, vacancy, role=Role.CHAIR)
    assert "Deze commissie heeft al een voorzitter." in response.content.decode()
    assert not User.objects.filter(email="marieke.dekker@provincie.nl").exists()

    send(invite, recruiter_client, vacancy)
    response = send(invite, recruiter_client, vacancy, email="MARIEKE.dekker@provincie.nl")
    assert "Deze persoon zit al in de commissie." in response.content.decode()
    assert User.objects.filter(email__iexact="marieke.dekker@provincie.nl").count() == 1
    assert len(mailoutbox) == 1


def test_nobody_is_invited_to_a_procedure_that_is_over(recruiter_client, send, mailoutbox):
    vacancy = VacancyFactory(status=Vacancy.Status.APPOINTED)
    response = send(invite, recruiter_client, vacancy)
    assert "De procedure van deze vacature is afgelopen" in response.content.decode()
    assert mailoutbox == []


def test_usernames_stay_unique(vacancy, send):
    UserFactory(username="marieke.dekker@provincie.nl", email="other@example.org")
    member, _token = invited(send, vacancy)
    assert member.user.username == "marieke.dekker@provincie.nl-2"


def test_only_a_recruiter_invites(client, vacancy, send, mailoutbox):
    member = CommitteeMemberFactory(vacancy=vacancy, role=Role.CHAIR)
    other = CommitteeMemberFactory(vacancy=VacancyFactory())

    response = send(invite, client, vacancy)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    for user in (member.user, other.user):
        client.force_login(user)
        assert send(invite, client, vacancy).status_code == 404
        assert client.post(resend_url(member)).status_code == 404
    assert not User.objects.filter(email="marieke.dekker@provincie.nl").exists()
    assert mailoutbox == []


# Sending again ----------------------------------------------------------------------------------


def test_send_again_replaces_the_link(recruiter_client, vacancy, send, mailoutbox):
    member, old = invited(send, vacancy)
    client = Client()  # the member's browser

    response = send(recruiter_client.post, resend_url(member))

    assert response.status_code == 302
    new = token_in(mailoutbox[-1])
    assert new != old
    assert member.invitations.count() == 2
    assert member.invitations.filter(replaced_at__isnull=True).count() == 1
    assert_invalid_page(client.get(accept_url(old)), "replaced")
    assert client.get(accept_url(new)).status_code == 200
    page = recruiter_client.get(response.url).content.decode()
    assert "Er is een nieuwe uitnodiging verstuurd" in page


def test_send_again_is_refused_for_someone_who_can_log_in(recruiter_client, vacancy, mailoutbox):
    member = CommitteeMemberFactory(vacancy=vacancy)

    response = recruiter_client.post(resend_url(member), follow=True)

    assert "kan al inloggen" in response.content.decode()
    assert not member.invitations.exists()
    assert mailoutbox == []


def test_send_again_of_another_vacancys_member_is_404(recruiter_client, vacancy):
    other = CommitteeMemberFactory(vacancy=VacancyFactory())
    url = reverse("vacancies:committee_invite_resend", args=[vacancy.pk, other.pk])
    assert recruiter_client.post(url).status_code == 404


# Accepting --------------------------------------------------------------------------------------


def test_the_link_shows_the_committee_and_a_password_form(client, vacancy, send):
    _member, token = invited(send, vacancy)

    response = client.get(accept_url(token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Welkom, Marieke Dekker." in html
    assert "Algemeen Directeur" in html
    assert "marieke.dekker@provincie.nl" in html  # the username to log in with later
    assert 'for="id_new_password1"' in html
    assert 'for="id_new_password2"' in html
    assert "no-store" in response["Cache-Control"]


def test_accepting_sets_the_password_logs_in_and_uses_the_link(client, vacancy, send):
    member, token = invited(send, vacancy)

    response = accept(client, token)

    assert response.status_code == 302
    assert response.url == reverse("candidates:committee_home")
    assert int(client.session["_auth_user_id"]) == member.user.pk
    user = User.objects.get(pk=member.user.pk)
    assert user.check_password(PASSWORD)
    assert user.is_active
    assert member.invitations.get().accepted_at is not None
    # The link is used now, in this session or any other.
    html = assert_invalid_page(Client().get(accept_url(token)), "used", renew=False)
    assert "Deze uitnodiging is al gebruikt" in html
    assert reverse("login") in html
    assert reverse("password_reset") in html
    # And the member logs in with the password from now on.
    fresh = Client()
    login = fresh.post(
        reverse("login"), {"username": "marieke.dekker@provincie.nl", "password": PASSWORD}
    )
    assert login.url == reverse("candidates:committee_home")


def test_accepting_uses_up_the_open_links_to_other_committees(client, vacancy, send):
    _member, first = invited(send, vacancy)
    _other, second = invited(send, VacancyFactory())
    assert first != second

    accept(client, first)

    assert_invalid_page(Client().get(accept_url(second)), "used", renew=False)


@pytest.mark.parametrize(
    ("password", "again", "message"),
    [
        ("kort1!", None, "Dit wachtwoord is te kort."),
        ("password123", None, "Dit wachtwoord is te algemeen."),
        (PASSWORD, PASSWORD + "x", "De twee wachtwoordvelden komen niet overeen."),
        ("marieke.dekker@provincie", None, "Het wachtwoord lijkt te veel op"),
    ],
)
def test_a_bad_password_is_refused_in_dutch_and_the_link_still_works(
    client, vacancy, send, password, again, message
):
    member, token = invited(send, vacancy)

    response = accept(client, token, password=password, again=again)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.get(pk=member.user.pk).has_usable_password()
    assert member.invitations.get().accepted_at is None
    assert accept(client, token).status_code == 302


def test_an_expired_link_says_so_and_offers_a_new_one(client, vacancy, send):
    member, token = invited(send, vacancy)

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        html = assert_invalid_page(client.get(accept_url(token)), "expired")
        assert "Deze uitnodiging is verlopen" in html
        response = accept(client, token)
        assert_invalid_page(response, "expired")

    assert not User.objects.get(pk=member.user.pk).has_usable_password()
    assert "_auth_user_id" not in client.session


def test_a_link_on_its_last_day_still_works(client, vacancy, send):
    _member, token = invited(send, vacancy)
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert accept(client, token).status_code == 302


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: t[:20],
        lambda t: t + "x",
        lambda t: "x" * 43,
        lambda t: "x" * 500,
    ],
)
def test_a_tampered_link_says_so_without_saying_whose(client, vacancy, send, tamper):
    member, token = invited(send, vacancy)

    html = assert_invalid_page(client.get(accept_url(tamper(token))), "unknown")
    assert "Deze uitnodigingslink werkt niet" in html
    assert_invalid_page(accept(client, tamper(token)), "unknown")
    assert not User.objects.get(pk=member.user.pk).has_usable_password()


def test_a_link_of_a_member_taken_off_the_committee_no_longer_works(client, vacancy, send):
    member, token = invited(send, vacancy)
    member.delete()
    assert_invalid_page(client.get(accept_url(token)), "unknown")


def test_two_tabs_cannot_both_accept(vacancy, send):
    """The second tab read the invitation before the first accepted; its conditional UPDATE
    finds it used, and the page says so."""
    member, token = invited(send, vacancy)
    stale = service.invitation_for_token(token)
    first, second = Client(), Client()
    assert first.get(accept_url(token)).status_code == 200
    assert second.get(accept_url(token)).status_code == 200

    assert accept(first, token).status_code == 302
    with mock.patch.object(service, "invitation_for_token", return_value=stale):
        response = accept(second, token, password="Een-ander-wachtwoord-9")

    assert_invalid_page(response, "used", renew=False)
    assert "_auth_user_id" not in second.session
    assert User.objects.get(pk=member.user.pk).check_password(PASSWORD)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_accepts_on_postgres_only_one_wins(vacancy, send):
    member, token = invited(send, vacancy)
    results = []
    barrier = threading.Barrier(2)

    def attempt(password):
        barrier.wait()
        try:
            service.invitation_accept(token=token, password=password)
            results.append("ok")
        except service.InvitationInvalid as error:
            results.append(error.state)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=attempt, args=(p,)) for p in (PASSWORD, "Een-ander-wachtwoord-9")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == ["ok", "used"]
    assert CommitteeInvitation.objects.get(member=member).accepted_at is not None


def test_a_logged_in_member_who_opens_a_bad_link_sees_the_same_page(client, vacancy):
    client.force_login(CommitteeMemberFactory(vacancy=vacancy).user)
    assert_invalid_page(client.get(accept_url("x" * 43)), "unknown")


# A new link -------------------------------------------------------------------------------------


def test_asking_for_a_new_link_answers_the_same_for_any_address(client, vacancy, send, mailoutbox):
    _member, old = invited(send, vacancy)
    mailoutbox.clear()
    UserFactory(email="heeft.account@example.org")
    url = reverse("invitations:renew")

    assert client.get(url).status_code == 200
    answers = []
    for email in (
        "onbekend@example.org",
        "heeft.account@example.org",
        "MARIEKE.dekker@provincie.nl",
    ):
        with time_machine.travel(timezone.now() + timedelta(minutes=10)):
            response = send(client.post, url, {"email": email})
        assert response.status_code == 200
        # The page without its CSRF tokens (masked anew on every page).
        answers.append(re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode()))

    assert answers[0] == answers[1] == answers[2]
    assert "Als er voor dit e-mailadres een uitnodiging" in answers[0]
    (message,) = mailoutbox
    assert message.to == ["marieke.dekker@provincie.nl"]
    new = token_in(message)
    assert_invalid_page(client.get(accept_url(old)), "replaced")
    assert accept(client, new).status_code == 302


def test_a_new_link_is_sent_for_an_expired_invitation_but_not_twice_in_a_row(
    client, vacancy, send, mailoutbox
):
    invited(send, vacancy)
    mailoutbox.clear()
    url = reverse("invitations:renew")

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        send(client.post, url, {"email": "marieke.dekker@provincie.nl"})
        send(client.post, url, {"email": "marieke.dekker@provincie.nl"})  # impatient
        assert len(mailoutbox) == 1
        assert accept(client, token_in(mailoutbox[0])).status_code == 302


def test_no_new_link_after_the_invitation_was_accepted(client, vacancy, send, mailoutbox):
    _member, token = invited(send, vacancy)
    service.invitation_accept(token=token, password=PASSWORD)
    mailoutbox.clear()

    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        send(client.post, reverse("invitations:renew"), {"email": "marieke.dekker@provincie.nl"})

    assert mailoutbox == []


def test_asking_for_a_new_link_is_rate_limited(client):
    url = reverse("invitations:renew")
    statuses = [client.post(url, {"email": f"x{n}@example.org"}).status_code for n in range(6)]
    assert statuses == [200, 200, 200, 200, 200, 429]


def test_the_renew_form_wants_an_address_in_dutch(client):
    response = client.post(reverse("invitations:renew"), {"email": ""})
    assert "Vul uw e-mailadres in." in response.content.decode()


# Logging in and the password reset ---------------------------------------------------------------


def test_a_member_who_logs_in_lands_on_my_committees(client, vacancy):
    CommitteeMemberFactory(vacancy=vacancy, user=UserFactory(username="marieke"))

    response = client.post(
        reverse("login"), {"username": "marieke", "password": "correct horse battery staple"}
    )

    assert response.status_code == 302
    assert response.url == reverse("candidates:committee_home")
    assert client.get(reverse("login")).url == reverse("candidates:committee_home")


def test_an_invited_member_with_a_password_can_reset_it(client, vacancy, send, mailoutbox):
    _member, token = invited(send, vacancy)
    service.invitation_accept(token=token, password=PASSWORD)
    mailoutbox.clear()

    response = client.post(reverse("password_reset"), {"email": "marieke.dekker@provincie.nl"})

    assert response.status_code == 302
    (message,) = mailoutbox
    link = re.search(r"/wachtwoord-herstellen/[^\s]+/", message.body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.request["PATH_INFO"],
        {"new_password1": "Nieuw-wachtwoord-2026", "new_password2": "Nieuw-wachtwoord-2026"},
    )
    assert done.status_code == 302
    assert User.objects.get(email="marieke.dekker@provincie.nl").check_password(
        "Nieuw-wachtwoord-2026"
    )


def test_an_account_that_needs_a_code_is_sent_to_the_login_after_accepting(
    client, vacancy, send, settings
):
    """A staff account must give a code from an app: accepting sets the password but the login
    page takes it through both steps."""
    settings.OTP_REQUIRED_FOR_RECRUITERS = True
    member, token = invited(send, vacancy)
    User.objects.filter(pk=member.user.pk).update(is_staff=True)

    response = accept(client, token)

    assert response.status_code == 302
    assert response.url == reverse("login")
    assert "_auth_user_id" not in client.session
    assert User.objects.get(pk=member.user.pk).check_password(PASSWORD)
