"""What the browser journeys share: logging in through the login page, screenshots, and a check
that a page fits the width of the screen."""

import pytest
from django.urls import reverse

PASSWORD = "juist-wachtwoord-2026"


def log_in(page, live_server, user, *, start_url):
    """Open `start_url` as an anonymous visitor, get sent to the login page, log in there and come
    back to `start_url`, as a person following a bookmark does."""
    user.set_password(PASSWORD)
    user.save()
    page.goto(live_server.url + start_url)
    page.wait_for_url(lambda url: reverse("login") in url)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit]")
    page.wait_for_url(lambda url: reverse("login") not in url)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen it was opened on (0: it fits, no
    sideways scrolling). Compared with the context's viewport, not with window.innerWidth: a phone
    browser zooms out to show an overflowing page whole, and innerWidth grows with it."""
    width = page.viewport_size["width"]
    return page.evaluate(f"Math.max(0, document.documentElement.scrollWidth - {width})")


@pytest.fixture
def screenshot(tmp_path):
    """Save a full-page screenshot into the test's temporary folder; returns its path."""

    def take(page, name):
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
