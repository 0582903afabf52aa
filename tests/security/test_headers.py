"""Headers on every page (issue 7): a Content-Security-Policy without inline script or style, a
Permissions-Policy, and `Cache-Control: private, no-store` wherever there is personal data. The
test walks every URL pattern of the project, as a recruiter and as a visitor, and also checks that
no page carries inline script, event-handler attributes or style attributes (which the policy
would block in the browser)."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from candidates.models import Document, EmailTemplate
from candidates.services.candidate_page import status_link_token
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture  # noqa: F401
from tests.vacancies.factories import (
    CommitteeMemberFactory,
    PlanningPhaseFactory,
    RequirementFactory,
    VacancyFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

# Data blocks (json_script: type="application/json") are not run, and the policy allows them.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE
)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
# Admin pages are Django's own (with their own inline script): not walked, but checked below.
SKIPPED_NAMESPACES = ("admin",)


def url_patterns(resolver=None, prefix="", namespace=""):
    """(name, route) of every URL pattern, with its namespace."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, prefix + str(pattern.pattern)


@pytest.fixture
def objects(recruiter):
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        vacancy = VacancyFactory(lead_consultant=recruiter)
        application = ApplicationFactory(vacancy=vacancy)
    RequirementFactory(vacancy=vacancy)
    phase = PlanningPhaseFactory(vacancy=vacancy)
    member = CommitteeMemberFactory(vacancy=vacancy)
    document = Document(
        application=application, kind="cv", original_name="cv.pdf", size=1, sha256="0" * 64
    )
    document.file.save("cv.pdf", ContentFile(make_pdf("CV")), save=True)
    return {
        "vacancy": vacancy,
        "application": application,
        "phase": phase,
        "member": member,
        "document": document,
        "template": EmailTemplate.objects.order_by("pk").first(),
    }


def kwargs_for(route: str, objects: dict) -> dict:
    """Values for the route's parameters, from the objects (by what the path says before them)."""
    vacancy, application = objects["vacancy"], objects["application"]
    values = {}
    for match in re.finditer(r"<(?:(\w+):)?(\w+)>", route):
        name, before = match.group(2), route[: match.start()]
        if name == "pk":
            if "opdrachtgevers/" in before:
                value = vacancy.client_id
            elif "sollicitaties/" in before:
                value = application.pk
            elif "documenten/" in before:
                value = objects["document"].pk
            elif "sjablonen/" in before:
                value = objects["template"].pk if objects["template"] else 1
            elif "kandidaten/" in before and "vacatures/" not in before:
                value = application.candidate_id
            else:
                value = vacancy.pk
        else:
            value = {
                "reference": vacancy.reference,
                "signed": status_link_token(application),
                "document_id": objects["document"].pk,
                "phase_pk": objects["phase"].pk,
                "member_pk": objects["member"].pk,
                "stage": "applied",
                "kind": "acknowledgement",
                "language": "nl",
                "uidb64": "MQ",
                "token": "set-password",
            }.get(name, 1)
        values[name] = value
    return values


def pages(objects):
    for name, route in url_patterns():
        if not name or name.split(":")[0] in SKIPPED_NAMESPACES:
            continue
        yield name, reverse(name, kwargs=kwargs_for(route, objects))


def check_headers(response, url):
    csp = response.get("Content-Security-Policy", "")
    assert csp, f"{url}: no Content-Security-Policy"
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"], url
    assert "'unsafe-inline'" not in directives["style-src"], url
    assert "'none'" in directives["object-src"] and "'none'" in directives["frame-ancestors"], url
    assert "camera=()" in response.get("Permissions-Policy", ""), f"{url}: no Permissions-Policy"


def no_store(response) -> bool:
    cache = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= cache


def check_inline(response, url):
    if "text/html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), f"{url}: inline <script>"
    assert not EVENT_HANDLER.search(html), f"{url}: an on...= attribute"
    assert not STYLE_ATTRIBUTE.search(html), f"{url}: a style attribute"


def test_every_page_for_a_recruiter_has_the_headers_and_no_inline_script(recruiter_client, objects):
    walked = []
    for name, url in pages(objects):
        response = recruiter_client.get(url)
        assert response.status_code != 500, url
        check_headers(response, url)
        assert no_store(response), f"{url}: personal data without Cache-Control: private, no-store"
        check_inline(response, url)
        walked.append((name, response.status_code))
    ok = [name for name, status in walked if status == 200]
    # The walk reached the real pages, not only their 404s.
    reached = (
        "candidates:dashboard",
        "vacancies:detail",
        "candidates:candidate_detail",
        "candidates:application_list",
        "accounts:account",
        "candidates:board",
    )
    for name in reached:
        assert name in ok, walked


def test_every_page_for_a_visitor_has_the_headers_and_no_inline_script(client, objects):
    personal = ("candidates:status", "login", "password_reset", "accounts:")
    for name, url in pages(objects):
        response = client.get(url)
        assert response.status_code != 500, url
        check_headers(response, url)
        check_inline(response, url)
        if name.startswith(personal):
            assert no_store(response), f"{url}: personal data without Cache-Control"
    # The candidate's own page is one of them, and it was really shown.
    status = client.get(
        reverse("candidates:status", args=[status_link_token(objects["application"])])
    )
    assert status.status_code == 200
    assert no_store(status)


def test_error_pages_have_the_headers(client):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    check_headers(response, "/bestaat-niet/")


def test_the_language_switch_works_without_inline_script(client):
    html = client.get(reverse("candidates:vacancy_list")).content.decode()

    assert "data-submit-on-change" in html
    assert 'src="/static/js/app.js"' in html
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>' in html
