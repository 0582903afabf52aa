"""The confidential candidate overview (PDF) for the committee: what it prints, on every page
whose copy it is; the cache; the making in the request and in Celery with progress; a failure;
who may download it, and the log of each copy made and downloaded.

Real WeasyPrint renders are few (they take about a second): the tests of the cache, the progress,
the failure and the access use a stand-in for `render_pdf` that returns a small real PDF and
counts its calls.
"""

import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from candidates.models import (
    Application,
    Assessment,
    AssessmentScore,
    CandidateOverview,
    DocumentAccess,
)
from candidates.services import overview as services
from candidates.services.release import application_release, application_release_withdraw
from tests.accounts.factories import RecruiterFactory, UserFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.candidates.pdfs import make_pdf, private_storage_fixture, stored_files  # noqa: F401
from tests.vacancies.factories import (
    CommitteeMemberFactory,
    RequirementFactory,
    VacancyFactory,
)
from vacancies.models import Vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

Status = CandidateOverview.Status


def page_url(vacancy):
    return reverse("candidates:overview", args=[vacancy.pk])


def download_url(overview):
    return reverse("candidates:overview_download", args=[overview.pk])


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page, white space made single spaces."""
    reader = PdfReader(io.BytesIO(content))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def release(vacancy, *, first, last, position="Directeur", organisation="Provincie Utrecht"):
    application = ApplicationFactory(
        vacancy=vacancy,
        stage=Application.Stage.SHORTLIST,
        candidate=CandidateFactory(
            first_name=first,
            last_name=last,
            current_position=position,
            current_organisation=organisation,
        ),
    )
    application_release(application=application, by=None)
    return application


def assess(application, *, summary="", career="", recommendation="", scores=()):
    assessment = Assessment.objects.create(
        application=application,
        summary=summary,
        career=career,
        recommendation=recommendation,
    )
    for requirement, score, text in scores:
        AssessmentScore.objects.create(
            assessment=assessment, requirement=requirement, score=score, text=text
        )
    return assessment


@pytest.fixture
def procedure():
    """A procedure in its committee round: two requirements; two released candidates with the
    consultant's assessment and one unreleased; a member (Marieke van Dam), the chair, a member
    of another committee and a recruiter."""
    vacancy = VacancyFactory(title="Algemeen Directeur", status=Vacancy.Status.CLOSED)
    strategy = RequirementFactory(vacancy=vacancy, order=1, text="Strategisch leiderschap")
    network = RequirementFactory(vacancy=vacancy, order=2, text="Bestuurlijk netwerk")
    bakker = release(
        vacancy, first="Anne", last="Bakker", position="Secretaris", organisation="Waterschap Rijn"
    )
    assess(
        bakker,
        summary="Verbindend en besluitvaardig.",
        career="2015-2026 Secretaris Waterschap Rijn",
        recommendation=Assessment.Recommendation.PROPOSE,
        scores=[(strategy, 4, "Bouwde de strategie van het waterschap."), (network, 5, "")],
    )
    wit = release(vacancy, first="Petra", last="de Wit", position="Directeur Bedrijfsvoering")
    assess(wit, summary="Sterk in bedrijfsvoering.", scores=[(strategy, 3, "Vooral uitvoerend.")])
    hidden = ApplicationFactory(
        vacancy=vacancy, candidate=CandidateFactory(first_name="Karel", last_name="Geheim")
    )
    member = CommitteeMemberFactory(
        vacancy=vacancy,
        user=UserFactory(username="marieke", first_name="Marieke", last_name="van Dam"),
    )
    chair = CommitteeMemberFactory(
        vacancy=vacancy, user=UserFactory(username="voorzitter"), role="chair"
    )
    other = CommitteeMemberFactory(user=UserFactory(username="ander"))
    return {
        "vacancy": vacancy,
        "requirements": (strategy, network),
        "bakker": bakker,
        "wit": wit,
        "hidden": hidden,
        "member": member.user,
        "chair": chair.user,
        "other": other.user,
        "recruiter": RecruiterFactory(
            username="werver", first_name="Inge", last_name="Diepenhorst"
        ),
    }


class Renders:
    """A stand-in for `render_pdf`: a small real PDF; counts its calls, keeps the contexts and
    what the row said while it rendered."""

    def __init__(self, fail: Exception | None = None):
        self.calls = []
        self.fail = fail

    def __call__(self, *, template, context, stylesheets=()):
        row = CandidateOverview.objects.filter(status=Status.RUNNING).first()
        self.calls.append({"context": context, "progress": row.progress if row else None})
        if self.fail is not None:
            raise self.fail
        return make_pdf(f"Overzicht voor {context['content']['made_for']}")


@pytest.fixture
def renders(monkeypatch):
    fake = Renders()
    monkeypatch.setattr(services, "render_pdf", fake)
    return fake


# --- what it prints ---


def test_every_page_is_marked_confidential_with_the_members_name_and_the_date(client, procedure):
    """One real render: a long career runs over several pages; each page, the cover included,
    carries "Vertrouwelijk", the member's full name and the date; the candidates' facts follow
    in order; the unreleased candidate is absent; typed HTML is printed as text."""
    vacancy, bakker = procedure["vacancy"], procedure["bakker"]
    career = "\n".join(f"{year} Functie nummer {year} <b>vet</b>" for year in range(1900, 2020))
    Assessment.objects.filter(application=bakker).update(
        career=career + "\n<img src='http://evil.example/x.png'> einde loopbaan"
    )
    client.force_login(procedure["member"])
    made_at = datetime(2026, 5, 20, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(made_at, tick=False):
        response = client.post(page_url(vacancy))
    assert response.status_code == 302
    overview = CandidateOverview.objects.get()
    assert (overview.status, overview.progress) == (Status.DONE, 100)

    response = client.get(download_url(overview))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert (
        "kandidatenoverzicht-algemeen-directeur-2026-05-20.pdf" in response["Content-Disposition"]
    )
    pages = pdf_pages(body(response))

    assert len(pages) >= 4  # the cover, Bakker over two pages or more, De Wit
    for number, text in enumerate(pages, start=1):
        # The running header and the diagonal watermark.
        assert "Vertrouwelijk · gemaakt voor Marieke van Dam" in text, number
        assert "VERTROUWELIJK · MARIEKE VAN DAM" in text, number
        assert "20 mei 2026, 10:30" in text, number
        assert f"{number} / {len(pages)}" in text, number

    whole = " ".join(pages)
    cover = pages[0]
    assert "Kandidatenoverzicht" in cover
    assert "Algemeen Directeur" in cover
    assert "Interprovinciaal Overleg (IPO)" in cover
    assert "Gemaakt voor Marieke van Dam op 20 mei 2026, 10:30" in cover
    facts = [
        "Anne Bakker",
        "Secretaris, Waterschap Rijn",
        "Loopbaan",
        "1900 Functie nummer 1900 <b>vet</b>",
        "<img src='http://evil.example/x.png'> einde loopbaan",
        "Strategisch leiderschap",
        "Score: 4 van 5",
        "Bouwde de strategie van het waterschap.",
        "Bestuurlijk netwerk",
        "Score: 5 van 5",
        "Verbindend en besluitvaardig.",
        "Voordragen aan de commissie",
        "Petra de Wit",
        "Directeur Bedrijfsvoering, Provincie Utrecht",
        "Score: 3 van 5",
        "Vooral uitvoerend.",
        "Niet gescoord",
        "Sterk in bedrijfsvoering.",
        "Nog geen advies",
    ]
    body_text = " ".join(pages[1:])
    positions = [body_text.find(fact) for fact in facts]
    assert -1 not in positions, [f for f, p in zip(facts, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert "Karel" not in whole and "Geheim" not in whole


# --- the cache ---


def test_asked_again_with_nothing_changed_the_same_copy_is_served(client, procedure, renders):
    vacancy = procedure["vacancy"]
    client.force_login(procedure["member"])
    client.post(page_url(vacancy))
    client.post(page_url(vacancy))
    assert len(renders.calls) == 1
    overview = CandidateOverview.objects.get()
    assert overview.status == Status.DONE
    response = client.get(page_url(vacancy))
    assert download_url(overview) in response.content.decode()
    assert 'data-state="done"' in response.content.decode()


def test_a_change_in_what_is_printed_makes_a_new_copy_and_removes_the_old_file(
    client, procedure, renders, private_storage
):
    vacancy, member = procedure["vacancy"], procedure["member"]
    client.force_login(member)
    client.post(page_url(vacancy))
    first = CandidateOverview.objects.get()

    release(vacancy, first="Jan", last="Nieuw")
    assert services.overview_fingerprint(vacancy, member) != first.fingerprint
    client.post(page_url(vacancy))
    Assessment.objects.filter(application=procedure["wit"]).update(summary="Bijgesteld.")
    client.post(page_url(vacancy))
    AssessmentScore.objects.filter(text="Vooral uitvoerend.").update(score=2)
    client.post(page_url(vacancy))

    assert len(renders.calls) == 4
    rows = list(CandidateOverview.objects.order_by("pk"))
    assert len({row.fingerprint for row in rows}) == 4
    assert all(row.status == Status.DONE for row in rows)
    # Only the newest copy keeps its file; the older ones are no longer downloadable.
    assert [bool(row.file) for row in rows] == [False, False, False, True]
    assert len(stored_files(private_storage)) == 1
    assert client.get(download_url(first)).status_code == 404
    assert client.get(download_url(rows[-1])).status_code == 200


def test_the_fingerprint_depends_on_the_content_and_the_person_not_on_the_time(procedure):
    vacancy, member, chair = procedure["vacancy"], procedure["member"], procedure["chair"]
    fingerprint = services.overview_fingerprint(vacancy, member)
    assert services.overview_fingerprint(vacancy, member) == fingerprint
    assert services.overview_fingerprint(vacancy, chair) != fingerprint
    application_release_withdraw(application=procedure["wit"], by=None)
    assert services.overview_fingerprint(vacancy, member) != fingerprint


# --- made in the request, in Celery, with progress ---


def test_many_candidates_are_made_in_celery_and_the_page_shows_the_progress(
    client, procedure, renders, django_capture_on_commit_callbacks
):
    vacancy = procedure["vacancy"]
    for number in range(3):
        release(vacancy, first=f"Kandidaat{number}", last="Extra")
    client.force_login(procedure["member"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(page_url(vacancy))
    assert response.status_code == 302
    assert len(callbacks) == 1  # handed to Celery once committed
    overview = CandidateOverview.objects.get()
    assert overview.status == Status.PENDING and not renders.calls

    # Waiting: the page polls its status part every second and, without JavaScript, refreshes.
    page = client.get(page_url(vacancy)).content.decode()
    assert 'data-state="working"' in page
    assert 'hx-trigger="every 1s"' in page
    assert '<meta http-equiv="refresh"' in page
    assert 'id="overview-refresh"' in page
    CandidateOverview.objects.filter(pk=overview.pk).update(status=Status.RUNNING, progress=40)
    part = client.get(page_url(vacancy), headers={"HX-Request": "true"}).content.decode()
    assert 'value="40"' in part and "Voortgang: 40%" in part
    assert "<html" not in part and 'hx-trigger="every 1s"' in part

    # The worker (in-process here) makes it.
    CandidateOverview.objects.filter(pk=overview.pk).update(status=Status.PENDING, progress=0)
    callbacks[0]()
    overview.refresh_from_db()
    assert (overview.status, overview.progress) == (Status.DONE, 100)
    assert overview.finished_at is not None
    # Rendered once all five candidates were written: half way.
    assert [call["progress"] for call in renders.calls] == [50]
    part = client.get(page_url(vacancy), headers={"HX-Request": "true"}).content.decode()
    assert 'data-state="done"' in part and "hx-trigger" not in part
    assert download_url(overview) in part


def test_a_task_that_runs_twice_makes_the_overview_once(procedure, renders):
    from candidates.tasks import overview_generate

    overview = CandidateOverview.objects.create(
        vacancy=procedure["vacancy"], user=procedure["member"], fingerprint="x" * 64
    )
    assert overview_generate(overview.pk) == Status.DONE
    assert overview_generate(overview.pk) is None
    assert len(renders.calls) == 1


def test_a_failed_render_is_marked_failed_with_a_dutch_message_and_can_be_retried(
    client, procedure, monkeypatch
):
    vacancy = procedure["vacancy"]
    failing = Renders(fail=ValueError("WeasyPrint ging stuk"))
    monkeypatch.setattr(services, "render_pdf", failing)
    client.force_login(procedure["member"])
    client.post(page_url(vacancy))
    overview = CandidateOverview.objects.get()
    assert overview.status == Status.FAILED
    assert "WeasyPrint ging stuk" in overview.error
    assert not overview.file and not DocumentAccess.objects.exists()

    page = client.get(page_url(vacancy)).content.decode()
    assert "Het kandidatenoverzicht kon niet worden gemaakt." in page
    assert "WeasyPrint ging stuk" not in page  # the reason is for the recruiter
    assert "Opnieuw proberen" in page
    assert client.get(download_url(overview)).status_code == 404

    monkeypatch.setattr(services, "render_pdf", Renders())
    client.post(page_url(vacancy))
    overview.refresh_from_db()
    assert (overview.status, overview.error) == (Status.DONE, "")
    assert CandidateOverview.objects.count() == 1


def test_without_released_candidates_there_is_nothing_to_make(client, renders):
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    member = CommitteeMemberFactory(vacancy=vacancy).user
    client.force_login(member)
    page = client.get(page_url(vacancy)).content.decode()
    assert 'id="overview-empty"' in page and 'id="overview-request"' not in page
    response = client.post(page_url(vacancy), follow=True)
    assert "Er zijn nog geen kandidaten aan de commissie voorgelegd" in response.content.decode()
    assert not CandidateOverview.objects.exists() and not renders.calls


# --- who may have it ---


def test_only_the_person_it_was_made_for_downloads_it(client, procedure, renders):
    vacancy = procedure["vacancy"]
    client.force_login(procedure["member"])
    client.post(page_url(vacancy))
    mine = CandidateOverview.objects.get()
    assert client.get(download_url(mine)).status_code == 200

    for user in (procedure["chair"], procedure["other"], procedure["recruiter"]):
        client.force_login(user)
        assert client.get(download_url(mine)).status_code == 404, user
    # A member of another committee does not know the vacancy's overview page either.
    client.force_login(procedure["other"])
    assert client.get(page_url(vacancy)).status_code == 404
    assert client.post(page_url(vacancy)).status_code == 404

    client.logout()
    response = client.get(download_url(mine))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    response = client.get(page_url(vacancy))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))

    # The recruiter has their own copy made, and downloads it.
    client.force_login(procedure["recruiter"])
    client.post(page_url(vacancy))
    theirs = CandidateOverview.objects.exclude(pk=mine.pk).get()
    assert theirs.user == procedure["recruiter"]
    assert client.get(download_url(theirs)).status_code == 200

    # Once the procedure ends, the member's copy is gone for them.
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.APPOINTED)
    client.force_login(procedure["member"])
    assert client.get(download_url(mine)).status_code == 404
    assert client.get(page_url(vacancy)).status_code == 404


def test_each_copy_made_and_each_download_is_logged_and_shown_to_the_recruiter(
    client, procedure, renders
):
    vacancy, member = procedure["vacancy"], procedure["member"]
    client.force_login(member)
    client.post(page_url(vacancy))
    overview = CandidateOverview.objects.get()
    client.get(download_url(overview), REMOTE_ADDR="192.0.2.7")
    client.get(download_url(overview), REMOTE_ADDR="192.0.2.7")

    log = DocumentAccess.objects.filter(overview=overview).order_by("pk")
    assert [(row.user, row.vacancy, row.document) for row in log] == [(member, vacancy, None)] * 3
    assert [row.ip_address for row in log] == [None, "192.0.2.7", "192.0.2.7"]
    assert log[0].accessed_at == overview.finished_at
    assert [row.action for row in log] == ["made", "opened", "opened"]

    page = client.get(page_url(vacancy)).content.decode()
    assert 'id="overview-log"' not in page  # the log is the recruiter's

    client.force_login(procedure["recruiter"])
    page = client.get(page_url(vacancy)).content.decode()
    assert page.count('class="overview-made"') == 1
    assert page.count('class="overview-downloaded"') == 2
    assert "Marieke van Dam" in page and "192.0.2.7" in page


def test_the_page_takes_the_same_number_of_queries_for_few_and_many_candidates(
    client, procedure, renders, django_assert_max_num_queries
):
    vacancy = procedure["vacancy"]
    client.force_login(procedure["recruiter"])
    client.post(page_url(vacancy))
    with django_assert_max_num_queries(12) as few:
        client.get(page_url(vacancy))
    for number in range(8):
        assess(release(vacancy, first=f"K{number}", last="Extra"), summary="x")
    with django_assert_max_num_queries(12) as many:
        client.get(page_url(vacancy))
    assert len(few.captured_queries) == len(many.captured_queries)


def test_the_portal_and_the_decision_page_link_to_the_overview(client, procedure):
    vacancy = procedure["vacancy"]
    client.force_login(procedure["member"])
    page = client.get(reverse("candidates:committee_vacancy", args=[vacancy.pk]))
    assert page_url(vacancy) in page.content.decode()
    assert "Kandidatenoverzicht (pdf)" in page.content.decode()
    client.force_login(procedure["recruiter"])
    page = client.get(reverse("candidates:decision", args=[vacancy.pk]))
    assert page_url(vacancy) in page.content.decode()


def test_a_row_left_running_by_a_lost_worker_is_made_again(client, procedure, renders):
    vacancy, member = procedure["vacancy"], procedure["member"]
    overview = CandidateOverview.objects.create(
        vacancy=vacancy,
        user=member,
        fingerprint=services.overview_fingerprint(vacancy, member),
        status=Status.RUNNING,
        progress=30,
    )
    client.force_login(member)
    client.post(page_url(vacancy))
    overview.refresh_from_db()
    assert overview.status == Status.RUNNING and not renders.calls  # still being made
    CandidateOverview.objects.filter(pk=overview.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    client.post(page_url(vacancy))
    overview.refresh_from_db()
    assert overview.status == Status.DONE and len(renders.calls) == 1


def test_content_that_comes_back_is_made_again_as_a_new_copy_and_the_log_stays_right(
    client, procedure, renders
):
    """A release withdrawn and given again: the content is as before, but that copy's file
    was deleted when the other was made; a new copy is made, each making logged once."""
    vacancy, member = procedure["vacancy"], procedure["member"]
    client.force_login(member)
    client.post(page_url(vacancy))
    application_release_withdraw(application=procedure["wit"], by=None)
    client.post(page_url(vacancy))
    application_release(application=procedure["wit"], by=None)
    client.post(page_url(vacancy))

    assert len(renders.calls) == 3
    first, second, third = CandidateOverview.objects.order_by("pk")
    assert first.fingerprint.startswith("retired:") and not first.file
    assert second.fingerprint.startswith("retired:") and not second.file
    assert third.fingerprint == services.overview_fingerprint(vacancy, member) and third.file
    assert [row.made for row in services.overview_access_log(vacancy=vacancy)] == [True] * 3


def test_a_copy_whose_file_was_lost_is_made_again(client, procedure, renders):
    vacancy = procedure["vacancy"]
    client.force_login(procedure["member"])
    client.post(page_url(vacancy))
    lost = CandidateOverview.objects.get()
    lost.file.storage.delete(lost.file.name)
    assert client.get(download_url(lost)).status_code == 404
    client.post(page_url(vacancy))
    assert len(renders.calls) == 2
    new = CandidateOverview.objects.exclude(pk=lost.pk).get()
    assert new.status == Status.DONE
    assert client.get(download_url(new)).status_code == 200
