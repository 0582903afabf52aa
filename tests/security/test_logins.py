"""Logins (issue 7): lockout per account and per address, password reset, the second factor for
recruiters, sessions that end when idle, and the user's own recent logins."""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/login/"


def client_from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def post_login(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.fixture
def otp_required(settings):
    settings.OTP_REQUIRED_FOR_RECRUITERS = True


@pytest.fixture
def moment():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


# Lockout (django-axes) ----------------------------------------------------------------------------


def test_settings_lock_out_per_account_and_per_address():
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_RESET_ON_SUCCESS


def test_account_is_locked_after_repeated_failures_with_a_dutch_message(moment):
    user = RecruiterFactory(username="inge")
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        # Each failure from another address: the lock is on the account.
        response = post_login(client_from(f"198.51.100.{number + 1}"), "inge", "fout")
        assert response.status_code == 200
        assert "Voer een juiste gebruikersnaam" in response.content.decode()

    response = post_login(client_from("198.51.100.50"), "inge", "fout")

    assert response.status_code == 429
    html = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert "Wacht 15 minuten en probeer het opnieuw." in html
    # Even the right password does not help now, from yet another address.
    locked = post_login(client_from("198.51.100.60"), "inge")
    assert locked.status_code == 429
    assert "_auth_user_id" not in locked.client.session
    # Another account from those addresses is not affected.
    UserFactory(username="marieke")
    assert post_login(client_from("198.51.100.61"), "marieke").status_code == 302
    assert user.pk


def test_address_is_locked_after_failures_on_many_accounts(moment):
    RecruiterFactory(username="inge")
    attacker = client_from("203.0.113.66")
    for number in range(settings.AXES_FAILURE_LIMIT):
        post_login(attacker, f"gok{number}", "fout")

    response = post_login(attacker, "inge")

    assert response.status_code == 429
    assert "Wacht 15 minuten" in response.content.decode()
    # From elsewhere the account still logs in.
    assert post_login(client_from("198.51.100.7"), "inge").status_code == 302


def test_lockout_is_released_after_the_cool_off(moment):
    RecruiterFactory(username="inge")
    client = client_from("198.51.100.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "inge", "fout")
    assert post_login(client, "inge").status_code == 429

    moment.shift(timedelta(minutes=16))
    response = post_login(client, "inge")

    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    # A success clears the count.
    assert not AccessAttempt.objects.filter(username="inge").exists()


def test_the_lockout_counts_the_real_address_behind_the_proxy(settings, moment):
    """Behind the TLS proxy every request comes from the proxy: the lockout counts the address
    the proxy forwards, so one attacker does not lock out the whole office."""
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    settings.TRUSTED_PROXY_COUNT = 1
    RecruiterFactory(username="inge")
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for number in range(settings.AXES_FAILURE_LIMIT):
        post_login(attacker, f"gok{number}", "fout")
    assert post_login(attacker, "inge").status_code == 429

    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")

    assert post_login(colleague, "inge").status_code == 302
    assert AccessAttempt.objects.filter(ip_address="203.0.113.66").exists()


# Password reset ---------------------------------------------------------------------------------


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/wachtwoord-herstellen/\S+/)", message.body).group(1)


def test_password_reset_by_email_for_every_user(client, mailoutbox):
    user = UserFactory(username="marieke", email="marieke@example.org")

    response = client.post(reverse("password_reset"), {"email": "marieke@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    [message] = mailoutbox
    assert message.to == ["marieke@example.org"]
    assert "Kies een nieuw wachtwoord" in message.subject
    assert "marieke" in message.body
    form = client.get(reset_link(message), follow=True)
    assert "Kies een nieuw wachtwoord" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Nieuw-Wachtwoord-2026!", "new_password2": "Nieuw-Wachtwoord-2026!"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nieuw-Wachtwoord-2026!")
    # The link works once.
    again = client.get(reset_link(message), follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()


def test_password_reset_answers_the_same_for_an_unknown_address(client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert mailoutbox == []
    page = client.get(response.url).content.decode()
    assert "Als er een account met dit e-mailadres bestaat" in page


def test_password_reset_lifts_the_lockout_of_the_account(client, mailoutbox, moment):
    UserFactory(username="marieke", email="marieke@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client_from("198.51.100.30"), "marieke", "fout")
    assert post_login(client_from("198.51.100.31"), "marieke").status_code == 429

    client.post(reverse("password_reset"), {"email": "marieke@example.org"})
    form = client.get(reset_link(mailoutbox[0]), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Nieuw-Wachtwoord-2026!", "new_password2": "Nieuw-Wachtwoord-2026!"},
    )

    assert (
        post_login(client_from("198.51.100.31"), "marieke", "Nieuw-Wachtwoord-2026!").status_code
        == 302
    )


def test_password_reset_requests_are_limited_per_address(client, mailoutbox):
    UserFactory(username="marieke", email="marieke@example.org")
    for _ in range(5):
        client.post(reverse("password_reset"), {"email": "marieke@example.org"})

    response = client.post(reverse("password_reset"), {"email": "marieke@example.org"})

    assert response.status_code == 429
    assert "Te veel verzoeken" in response.content.decode()
    assert len(mailoutbox) == 5


def test_login_page_links_to_the_password_reset(client):
    assert reverse("password_reset") in client.get(LOGIN).content.decode()


# Two-factor login -----------------------------------------------------------------------------


@pytest.mark.usefixtures("otp_required")
def test_recruiter_without_an_app_enrols_at_the_first_login_and_is_then_logged_in(moment):
    RecruiterFactory(username="inge")
    client = Client()

    response = post_login(client, "inge")

    assert response.status_code == 302
    assert response.url == reverse("accounts:login_enrol")
    assert "_auth_user_id" not in client.session  # the password alone logs nobody in
    # The back office is closed until the code is given.
    assert client.get(reverse("vacancies:vacancy_list")).status_code == 302
    page = client.get(response.url)
    html = page.content.decode()
    assert "Stel uw authenticator-app in" in html
    assert reverse("accounts:otp_qr") in html
    qr = client.get(reverse("accounts:otp_qr"))
    assert qr["Content-Type"] == "image/png"
    assert qr.content.startswith(b"\x89PNG")
    device = TOTPDevice.objects.get(user__username="inge", confirmed=False)
    secret = page.context["secret"].replace(" ", "")
    assert len(secret) >= 32

    done = client.post(reverse("accounts:login_enrol"), {"code": code_for(device)})

    assert done.status_code == 302
    assert done.url == reverse(settings.LOGIN_REDIRECT_URL)
    device.refresh_from_db()
    assert device.confirmed
    assert client.session["_auth_user_id"]
    assert client.get(reverse("vacancies:vacancy_list")).status_code == 200


@pytest.mark.usefixtures("otp_required")
def test_recruiter_with_an_app_logs_in_with_password_and_code(moment):
    user = RecruiterFactory(username="inge")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()

    response = post_login(client, "inge", next="/kantoor/vacatures/")
    assert response.url == reverse("accounts:login_code")
    wrong = client.post(response.url, {"code": "000000" if code_for(device) != "000000" else "1"})
    assert wrong.status_code == 200
    assert "Deze code klopt niet" in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    moment.shift(timedelta(seconds=31))  # past the throttle of one wrong code
    done = client.post(reverse("accounts:login_code"), {"code": code_for(device)})

    assert done.status_code == 302
    assert done.url == "/kantoor/vacatures/"
    assert client.get("/kantoor/vacatures/").status_code == 200


@pytest.mark.usefixtures("otp_required")
def test_wrong_codes_are_throttled(moment):
    user = RecruiterFactory(username="inge")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    post_login(client, "inge")
    client.post(reverse("accounts:login_code"), {"code": "123456"})
    client.post(reverse("accounts:login_code"), {"code": "654321"})

    # Even the right code waits until the throttle has passed.
    response = client.post(reverse("accounts:login_code"), {"code": code_for(device)})

    assert "Te veel foute codes" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("otp_required")
def test_the_code_step_expires_with_the_password_step(moment):
    RecruiterFactory(username="inge")
    client = Client()
    post_login(client, "inge")

    moment.shift(timedelta(minutes=6))
    response = client.get(reverse("accounts:login_enrol"))

    assert response.status_code == 302
    assert response.url == reverse("login")


@pytest.mark.usefixtures("otp_required")
def test_a_recruiter_session_without_the_second_factor_is_ended(client):
    """A session from before the setting (or from any other way in) does not reach the back
    office: the middleware logs it out."""
    client.force_login(RecruiterFactory())

    response = client.get(reverse("vacancies:vacancy_list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("otp_required")
def test_committee_member_logs_in_with_the_password_alone():
    UserFactory(username="marieke")
    client = Client()

    response = post_login(client, "marieke")

    assert response.status_code == 302
    assert response.url == reverse("candidates:committee_home")
    assert client.session["_auth_user_id"]


def test_without_the_setting_a_recruiter_logs_in_with_the_password_alone():
    """The embedded demo (DEBUG on): `make run` prints logins that work with the password."""
    RecruiterFactory(username="inge")
    client = Client()

    response = post_login(client, "inge")

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_the_setting_is_on_unless_debug(tmp_path):
    from tests.test_settings import production_env, run

    code = "from django.conf import settings as s; print(s.OTP_REQUIRED_FOR_RECRUITERS)"
    production = run(["-c", code], tmp_path, **production_env())
    demo = run(["-c", code], tmp_path, DEBUG="1")

    assert production.stdout.strip() == "True", production.stderr
    assert demo.stdout.strip() == "False", demo.stderr


def test_admin_login_goes_through_the_login_with_lockout_and_code(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url == "/login/?next=/admin/"


def test_anyone_may_set_up_an_app_from_the_account_page_and_then_needs_it(moment):
    user = UserFactory(username="marieke")
    client = Client()
    client.force_login(user)
    page = client.get(reverse("accounts:account"))
    assert "Authenticator-app instellen" in page.content.decode()
    client.get(reverse("accounts:otp_enrol"))
    device = TOTPDevice.objects.get(user=user)

    response = client.post(reverse("accounts:otp_enrol"), {"code": code_for(device)})

    assert response.status_code == 302
    client.logout()
    moment.shift(timedelta(seconds=31))
    assert post_login(client, "marieke").url == reverse("accounts:login_code")


# Sessions -----------------------------------------------------------------------------------


def test_sessions_end_after_eight_hours_without_a_request(moment):
    """Old code: sessions lasted 14 days, however idle."""
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    client = Client()
    client.force_login(RecruiterFactory())
    url = reverse("vacancies:vacancy_list")

    moment.shift(timedelta(hours=7, minutes=50))
    assert client.get(url).status_code == 200  # still active: this request extends it
    moment.shift(timedelta(hours=7, minutes=50))
    assert client.get(url).status_code == 200
    moment.shift(timedelta(hours=8, minutes=1))

    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_active_session_is_saved_at_most_every_few_minutes(moment, django_assert_num_queries):
    """No database write on every request: the extension happens once per refresh interval."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(RecruiterFactory())
    url = reverse("accounts:account")
    client.get(url)
    with CaptureQueriesContext(connection) as quiet:
        client.get(url)
    moment.shift(timedelta(seconds=settings.SESSION_REFRESH_SECONDS + 1))
    with CaptureQueriesContext(connection) as refreshed:
        client.get(url)

    writes = [q["sql"] for q in refreshed if q["sql"].startswith("UPDATE")]
    assert not [q for q in quiet if q["sql"].startswith("UPDATE")]
    assert any("django_session" in sql for sql in writes)


# Recent logins ----------------------------------------------------------------------------------


def test_a_user_sees_their_recent_logins(moment):
    RecruiterFactory(username="inge")
    UserFactory(username="marieke")
    post_login(Client(REMOTE_ADDR="198.51.100.77"), "marieke")
    client = Client(REMOTE_ADDR="198.51.100.42", HTTP_USER_AGENT="Firefox/140.0")
    post_login(client, "inge")

    page = client.get(reverse("accounts:account"))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Uw recente inlogmomenten" in html
    assert "198.51.100.42" in html
    assert "Firefox/140.0" in html
    assert "198.51.100.77" not in html  # someone else's
    assert AccessLog.objects.filter(username="inge").count() == 1
    assert (
        reverse("accounts:account")
        in client.get(reverse("vacancies:vacancy_list")).content.decode()
    )


def test_account_page_needs_a_login(client):
    response = client.get(reverse("accounts:account"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
