"""What the browser journeys share: logging in through the login page, screenshots, and a check
that a page fits the width of the screen."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.environment import require

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


AXE_JS = Path(settings.BASE_DIR) / ".tools/npm/node_modules/axe-core/axe.min.js"
# WCAG 2.1 A and AA, the standard the Dutch public sector holds its sites to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page, *, context: str = "document"):
    """Run axe-core (the pinned npm package, installed by `make npm-packages`) on the page as it
    is now and fail on any WCAG 2.1 A/AA violation, naming the rule and the elements.

    The script is evaluated through the browser's debugging protocol, so a Content-Security-
    Policy that forbids inline scripts does not stop it (and is not weakened for it)."""
    require(AXE_JS.exists(), f"needs axe-core at {AXE_JS} (make npm-packages; needs npm)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "([context, tags]) => axe.run(context === 'document' ? document : context,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [context, AXE_TAGS],
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"WCAG violations on {page.url}:\n" + "\n".join(problems)
