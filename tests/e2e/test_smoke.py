"""Chromium through Playwright against the live server: the setup every browser journey uses."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser


def test_login_page_renders_and_refuses_a_wrong_password(live_server, page, recruiter):
    recruiter.set_password("juist-wachtwoord-2026")
    recruiter.save()

    page.goto(live_server.url + reverse("login"))
    assert page.locator("html").get_attribute("lang") == "nl"
    page.fill("input[name=username]", recruiter.username)
    page.fill("input[name=password]", "fout")
    page.click("button[type=submit]")

    page.wait_for_load_state()
    assert page.url.startswith(live_server.url + reverse("login"))
    assert page.locator("input[name=username]").input_value() == recruiter.username
    assert page.locator(".alert-danger").count() == 1


def test_login_with_the_right_password_leaves_the_login_page(live_server, page, recruiter):
    recruiter.set_password("juist-wachtwoord-2026")
    recruiter.save()

    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", recruiter.username)
    page.fill("input[name=password]", "juist-wachtwoord-2026")
    page.click("button[type=submit]")

    page.wait_for_url(lambda url: "/login/" not in url)
    cookies = {cookie["name"] for cookie in page.context.cookies()}
    assert "sessionid" in cookies
