"""Every URL of the project, asked by every role, against an explicit table of the answers.

A new URL fails this test until its row is added to `EXPECTED`, so nobody adds a view without
deciding who may open it. The roles are those that exist today: anonymous (someone without a
link), the candidate (their private signed link; anonymous elsewhere), a member of another
vacancy's committee, a member of this vacancy's committee, and a recruiter.

Every URL is asked with GET; the answers: 200, "login" (a redirect to the login page), 302
(another redirect), 403, 404 (what the user may not know exists) and 405 (GET on a POST-only view,
once the user may reach it). Left out, with their reason:
- `admin/`: Django's admin has its own gate (`is_staff`, tested in tests/security) and generates
  its URLs per model; it is not a role of the procedure.
- `i18n/`: Django's language switch, open to everyone by design and holding no data.
"""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from candidates.models import (
    Application,
    CandidateOverview,
    ConflictOfInterest,
    Document,
    EmailTemplate,
    Interview,
    Note,
)
from candidates.services.candidate_page import status_link_token
from candidates.services.documents import document_store
from candidates.services.release import application_release
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, upload  # noqa: F401
from tests.vacancies.factories import CommitteeMemberFactory, PlanningPhaseFactory, VacancyFactory
from vacancies.services.profile import profile_publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

EXCLUDED_PREFIXES = ("admin/", "i18n/")
ROLES = (
    "anonymous",
    "candidate",
    "other_member",
    "member",
    "conflicted_member",
    "chair",
    "recruiter",
)
MEMBERS = ("other_member", "member", "conflicted_member", "chair")

L = "login"
# The back office: anonymous to the login page, every other user 404.
BACK = {"anonymous": L, "candidate": L, **dict.fromkeys(MEMBERS, 404), "recruiter": 200}
# The same for a POST-only back-office view asked with GET.
BACK_POST = {**BACK, "recruiter": 405}
PUBLIC = dict.fromkeys(ROLES, 200)

# The candidate's private pages: the candidate (their link) acts; anyone without it gets 404; a
# logged-in user with the link sees the page without actions and may not act (403).
STATUS_ACTION = {"anonymous": 404, "candidate": 200, **dict.fromkeys(MEMBERS, 403)}
STATUS_ACTION["recruiter"] = 403
LOGGED_IN = {"anonymous": L, "candidate": L, **dict.fromkeys(MEMBERS, 200), "recruiter": 200}
# The login steps after the password: without a pending login, back to the login page.
LOGIN_STEP = dict.fromkeys(ROLES, L)
# The committee's pages of this vacancy: its members (with or without a conflict, the chair)
# and the recruiter; a member of another vacancy may not know it exists.
COMMITTEE = {**LOGGED_IN, "other_member": 404}

EXPECTED = {
    # Django's authentication views, our templates.
    "login": {
        "anonymous": 200,
        "candidate": 200,
        **dict.fromkeys(MEMBERS, 302),
        "recruiter": 302,
    },  # a logged-in user is sent on
    "logout": dict.fromkeys(ROLES, 405),  # POST only
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,  # an invalid link: a page that says so
    "password_reset_complete": PUBLIC,
    "accounts:login_code": LOGIN_STEP,
    "accounts:login_enrol": LOGIN_STEP,
    "accounts:otp_qr": {**LOGGED_IN, "anonymous": 404, "candidate": 404},
    "accounts:account": LOGGED_IN,
    "accounts:otp_enrol": LOGGED_IN,
    # The recruiter's back office (vacancies).
    "vacancies:client_list": BACK,
    "vacancies:client_create": BACK,
    "vacancies:client_detail": BACK,
    "vacancies:client_edit": BACK,
    "vacancies:vacancy_list": BACK,
    "vacancies:vacancy_create": BACK,
    "vacancies:detail": BACK,
    "vacancies:vacancy_edit": BACK,
    "vacancies:vacancy_status": BACK_POST,
    "vacancies:planning": BACK,
    "vacancies:planning_generate": BACK_POST,
    "vacancies:phase_create": BACK,
    "vacancies:phase_row": {**BACK, "recruiter": 302},  # without htmx: to the planning
    "vacancies:phase_edit": BACK,
    "vacancies:phase_delete": BACK_POST,
    "vacancies:phase_move": BACK_POST,
    "vacancies:committee": BACK,
    "vacancies:committee_member_add": BACK_POST,
    "vacancies:committee_member_role": BACK_POST,
    "vacancies:committee_member_remove": BACK_POST,
    "vacancies:committee_invite": BACK_POST,
    "vacancies:committee_invite_resend": BACK_POST,
    "vacancies:works_council": BACK,
    # The profile's versions (the world's vacancy has version 1) and its PDF.
    "vacancies:profile_versions": BACK,
    "vacancies:profile_version": BACK,
    "vacancies:profile_pdf": BACK,
    # The invitation link (tampered here: a page that says so) and asking for a new one.
    "invitations:accept": PUBLIC,
    "invitations:renew": PUBLIC,
    # The committee portal: my committees (a recruiter is sent to the dashboard), the vacancy,
    # a released candidate (the unreleased one is 404 for members: tested in tests/candidates).
    "candidates:committee_home": {**LOGGED_IN, "recruiter": 302},
    "candidates:committee_vacancy": COMMITTEE,
    "candidates:committee_application": COMMITTEE,
    # Scoring is the members' own: not with a conflict, not by the recruiter.
    "candidates:scorecard": {**COMMITTEE, "conflicted_member": 404, "recruiter": 404},
    "candidates:conflict_declare": {**COMMITTEE, "recruiter": 404},
    # The matrix: the chair and the recruiter.
    "candidates:score_matrix": {**COMMITTEE, "member": 404, "conflicted_member": 404},
    # Interviews: every logged-in user has a schedule (their own); the calendar file of an
    # interview for those who attend it (the member and the chair) and the recruiter.
    "candidates:committee_schedule": LOGGED_IN,
    "candidates:interview_ics": {**COMMITTEE, "conflicted_member": 404},
    "candidates:interview_list": BACK,
    "candidates:interview_create": BACK,
    "candidates:interview_edit": BACK,
    "candidates:interview_cancel": BACK_POST,
    "candidates:status_interview": STATUS_ACTION,
    "candidates:status_interview_ics": STATUS_ACTION,
    # References (the recruiter records them; the chair reads them in the portal), the
    # candidate's consent, and the decision.
    "candidates:references": BACK,
    "candidates:status_references": STATUS_ACTION,
    "candidates:decision": BACK,
    "candidates:nominate": BACK_POST,
    "candidates:appoint": BACK_POST,
    "candidates:inform_remaining": BACK,
    # The public site.
    "candidates:vacancy_list": PUBLIC,
    "candidates:privacy": PUBLIC,
    "candidates:vacancy": PUBLIC,
    # The profile PDF is public only while the vacancy is published; the world's vacancy is
    # closed (published: tests/vacancies/test_profile_pdf.py).
    "candidates:vacancy_pdf": dict.fromkeys(ROLES, 404),
    "candidates:apply": PUBLIC,  # closed: the page says so
    "candidates:applied": PUBLIC,
    # The candidate's own page.
    "candidates:status": {**STATUS_ACTION, **dict.fromkeys(MEMBERS, 200), "recruiter": 200},
    "candidates:status_withdraw": STATUS_ACTION,
    "candidates:status_erasure": STATUS_ACTION,
    "candidates:status_export": STATUS_ACTION,
    "candidates:status_document": STATUS_ACTION,
    # A document of the released application: the recruiter and this vacancy's committee.
    "candidates:document_download": {
        **BACK,
        "member": 200,
        "conflicted_member": 200,
        "chair": 200,
    },
    # The candidate overview (PDF): whoever sees the vacancy has one made for themselves; its
    # file only for the person it was made for (here the member's copy).
    "candidates:overview": COMMITTEE,
    "candidates:overview_download": {
        **dict.fromkeys(ROLES, 404),
        "anonymous": L,
        "candidate": L,
        "member": 200,
    },
    # The recruiter's back office (candidates).
    "candidates:application_list": BACK,
    "candidates:candidate_detail": BACK,
    "candidates:dashboard": BACK,
    "candidates:board": BACK,
    "candidates:board_column": BACK,
    "candidates:board_bulk_move": BACK_POST,
    "candidates:application_move": BACK,
    "candidates:candidate_list": BACK,
    "candidates:note_add": BACK_POST,
    "candidates:email_template_list": BACK,
    "candidates:email_template_edit": BACK,
    "candidates:email_template_create": {**BACK, "recruiter": 302},  # exists: to its edit page
    "candidates:email_template_preview": BACK,
    "candidates:application_reject": BACK,
    "candidates:application_email": BACK,
    "candidates:assessment_edit": BACK,
    "candidates:pipeline_export_csv": BACK,
    "candidates:pipeline_export_xlsx": BACK,
    "candidates:insight": BACK,
    "candidates:insight_vacancy": BACK,
    "candidates:source_add": BACK,
    "candidates:application_outreach": BACK_POST,
    "candidates:candidate_merge": BACK,
    "candidates:application_details_review": BACK_POST,
    "candidates:application_release": BACK_POST,
    "candidates:application_release_withdraw": BACK_POST,
    "candidates:erasure_postpone": BACK,  # retention: postpone an erasure
}


def url_patterns(resolver=None, prefix="", namespace=""):
    """(name, route) of every URL pattern, walking the included resolvers."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(EXCLUDED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, route, inner)
        else:
            assert isinstance(pattern, URLPattern)
            yield (f"{namespace}{pattern.name}" if pattern.name else None), route


@pytest.fixture
def world():
    """One vacancy with a released and an unreleased application (both with a document), a
    shareable note, a planning phase and a committee; another vacancy with its own member."""
    vacancy = VacancyFactory(status="closed")
    released = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)
    application_release(application=released, by=None)
    unreleased = ApplicationFactory(vacancy=vacancy)
    documents = {
        application.pk: document_store(
            application=application,
            kind=Document.Kind.CV,
            upload=upload(make_pdf("CV"), "cv.pdf"),
            stored=[],
        )
        for application in (released, unreleased)
    }
    member = CommitteeMemberFactory(vacancy=vacancy, user=UserFactory(username="lid"))
    conflicted = CommitteeMemberFactory(vacancy=vacancy, user=UserFactory(username="conflict"))
    ConflictOfInterest.objects.create(
        member=conflicted, application=released, explanation="Oud-collega"
    )
    chair = CommitteeMemberFactory(
        vacancy=vacancy, user=UserFactory(username="voorzitter"), role="chair"
    )
    other = CommitteeMemberFactory(user=UserFactory(username="ander"))
    starts = timezone.now() + timedelta(days=7)
    interview = Interview.objects.create(
        application=released, starts_at=starts, ends_at=starts + timedelta(hours=1), place="Utrecht"
    )
    interview.members.set([member, chair])
    note = Note.objects.create(
        candidate=released.candidate, application=released, text="Sterk", visibility="shareable"
    )
    profile_publish(vacancy=vacancy, by=None)  # profile version 1
    overview = CandidateOverview(
        vacancy=vacancy, user=member.user, fingerprint="0" * 64, status="done", progress=100
    )
    overview.file.save("overview.pdf", ContentFile(make_pdf("Overzicht")), save=False)
    overview.finished_at = timezone.now()
    overview.save()
    return {
        "vacancy": vacancy,
        "client": vacancy.client,
        "released": released,
        "unreleased": unreleased,
        "document": documents[released.pk],
        "unreleased_document": documents[unreleased.pk],
        "phase": PlanningPhaseFactory(vacancy=vacancy),
        "member": member,
        "conflicted_member": conflicted,
        "chair": chair,
        "other_member": other,
        "interview": interview,
        "recruiter": RecruiterFactory(username="werver"),
        "note": note,
        "overview": overview,
        "template": EmailTemplate.objects.order_by("pk").first()
        or EmailTemplate.objects.create(
            kind="acknowledgement", language="nl", subject="S", body="B"
        ),
        "signed": status_link_token(released),
    }


# Which object a URL's `pk` is, when it is not the vacancy.
PK_OF = {
    "vacancies:client_detail": "client",
    "vacancies:client_edit": "client",
    "candidates:document_download": "document",
    "candidates:overview_download": "overview",
    "candidates:candidate_detail": "candidate",
    "candidates:note_add": "candidate",
    "candidates:candidate_merge": "candidate",
    "candidates:application_move": "released",
    "candidates:application_email": "released",
    "candidates:assessment_edit": "released",
    "candidates:application_outreach": "released",
    "candidates:application_details_review": "released",
    "candidates:application_release": "released",
    "candidates:application_release_withdraw": "released",
    "candidates:committee_application": "released",
    "candidates:scorecard": "released",
    "candidates:conflict_declare": "released",
    "candidates:references": "released",
    "candidates:interview_ics": "interview",
    "candidates:interview_edit": "interview",
    "candidates:interview_cancel": "interview",
    "candidates:email_template_edit": "template",
    "candidates:email_template_preview": "template",
    "candidates:erasure_postpone": "released",
}


def url_for(name, route, world, role):
    kwargs = {}
    for param in re.findall(r"<(?:\w+:)?(\w+)>", route):
        if param == "pk":
            key = PK_OF.get(name, "vacancy")
            obj = world["released"].candidate if key == "candidate" else world[key]
            kwargs[param] = obj.pk
        elif param == "signed":
            # Only the candidate has their link; anyone else tries a tampered one. Logged-in
            # users are given the real link (a consultant opening it from the outbox).
            signed = world["signed"]
            kwargs[param] = signed + "x" if role == "anonymous" else signed
        else:
            kwargs[param] = {
                "reference": world["vacancy"].reference,
                "document_id": world["document"].pk,
                "phase_pk": world["phase"].pk,
                "member_pk": world["member"].pk,
                "interview_pk": world["interview"].pk,
                "number": 1,  # the profile version
                "stage": "applied",
                "kind": "acknowledgement",
                "language": "nl",
                "uidb64": "MQ",
                # The password reset's "set-password"; an invitation link that was tampered with.
                "token": "set-password" if name == "password_reset_confirm" else "x" * 43,
            }[param]
    return reverse(name, kwargs=kwargs)


def client_for(client, role, world):
    user = {
        "other_member": world["other_member"].user,
        "member": world["member"].user,
        "conflicted_member": world["conflicted_member"].user,
        "chair": world["chair"].user,
        "recruiter": world["recruiter"],
    }.get(role)
    if user is not None:
        client.force_login(user)
    return client


def answer(response):
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return L
    return response.status_code


def test_every_url_has_a_row_in_the_table():
    names = [name for name, _route in url_patterns()]
    assert None not in names, "every URL outside admin/ and i18n/ needs a name"
    missing = sorted(set(names) - set(EXPECTED))
    assert not missing, f"add these URLs to EXPECTED in {__name__}: {missing}"
    unknown = sorted(set(EXPECTED) - set(names))
    assert not unknown, f"these rows of EXPECTED name no URL: {unknown}"
    for name, row in EXPECTED.items():
        assert set(row) == set(ROLES), name


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_every_role_as_the_table_says(client, world, role):
    client = client_for(client, role, world)
    differences = {}
    for name, route in url_patterns():
        response = client.get(url_for(name, route, world, role))
        got = answer(response)
        expected = EXPECTED.get(name, {}).get(role)
        if got != expected:
            differences[name] = (expected, got)
    assert not differences, f"{role}: {{name: (expected, got)}} = {differences}"
