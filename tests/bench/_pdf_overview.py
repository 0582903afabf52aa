"""The candidate overview case of `tests.bench.pdf`: a procedure with 10 released candidates,
each fully assessed against six requirements, and a committee member who has their overview made
and downloads it.

Each "download" of the case is what the member waits for when the content changed: the POST that
has the overview made (in Celery, which the bench runs in-process, as `make run` does: more than
three candidates), then the GET of the file. The cache is emptied before each one (otherwise the
second POST would serve the copy made by the first, and render nothing).
"""

from dataclasses import dataclass

CAREER = "\n".join(
    f"{2022 - 4 * n}–{2026 - 4 * n} {title}"
    for n, title in enumerate(
        [
            "Directeur Bedrijfsvoering, Provincie Utrecht",
            "Plaatsvervangend secretaris-directeur, Waterschap Rivierenland",
            "Hoofd Financiën en Control, Gemeente Arnhem",
            "Programmamanager Omgevingswet, Ministerie van BZK",
            "Senior beleidsadviseur, Interprovinciaal Overleg",
            "Beleidsmedewerker, Provincie Gelderland",
        ]
    )
)
SUMMARY = (
    "Een verbindende bestuurder met een scherp strategisch inzicht en ruime ervaring in het "
    "openbaar bestuur. Kent het provinciale speelveld van binnenuit, weet belangen te verbinden "
    "en heeft aantoonbaar resultaat geboekt in complexe, politiek gevoelige trajecten. "
) * 2
EXPLANATION = (
    "Heeft in de huidige rol de organisatie door een reorganisatie geleid en daarbij draagvlak "
    "gehouden bij medewerkers, bestuur en partners; concrete voorbeelden in het gesprek gegeven."
)
REQUIREMENTS = [
    "Academisch werk- en denkniveau",
    "Ruime ervaring in een eindverantwoordelijke leidinggevende functie",
    "Kennis van en ervaring met het openbaar bestuur, bij voorkeur provinciaal",
    "Strategisch inzicht en politiek-bestuurlijke sensitiviteit",
    "Verbindend leiderschap en een coachende stijl",
    "Een relevant netwerk in het provinciale en landelijke speelveld",
]


@dataclass
class _Response:
    status_code: int
    content: bytes


class MakeAndDownload:
    """Stands in for the test client of a case: `get(url)` has the member's overview made
    anew (the POST of the overview page) and downloads it (`url`: the overview page)."""

    def __init__(self, client, *, vacancy, user):
        self.client, self.vacancy, self.user = client, vacancy, user

    def get(self, url):
        from django.urls import reverse

        from candidates.models import CandidateOverview

        CandidateOverview.objects.filter(vacancy=self.vacancy, user=self.user).delete()
        made = self.client.post(url)
        assert made.status_code == 302, made.status_code
        overview = CandidateOverview.objects.get(vacancy=self.vacancy, user=self.user)
        assert overview.status == CandidateOverview.Status.DONE, overview.error
        response = self.client.get(reverse("candidates:overview_download", args=[overview.pk]))
        return _Response(response.status_code, b"".join(response.streaming_content))


def overview_case(*, candidates: int = 10):
    """The case's Document (see tests.bench.pdf): the HTML is that of one real making."""
    import tempfile

    from django.conf import settings
    from django.template.loader import render_to_string
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from accounts.models import User
    from candidates.models import Application, Assessment, AssessmentScore, Candidate
    from candidates.services import overview as services
    from candidates.services.release import application_release
    from tests.bench.pdf import Document
    from tests.vacancies.factories import VacancyFactory
    from vacancies.models import CommitteeMember, Requirement

    # The overviews are written to a throw-away folder, not to the data directory.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tempfile.mkdtemp()},
        },
    }
    vacancy = VacancyFactory(status="closed", reference="bench-kandidatenoverzicht")
    requirements = [
        Requirement.objects.create(vacancy=vacancy, order=n, text=text)
        for n, text in enumerate(REQUIREMENTS)
    ]
    for n in range(candidates):
        application = Application.objects.create(
            vacancy=vacancy,
            stage=Application.Stage.SHORTLIST,
            candidate=Candidate.objects.create(
                first_name="Kandidaat",
                last_name=f"Nummer {n + 1:02d}",
                email=f"k{n}@bench.nl",
                current_position="Directeur Bedrijfsvoering",
                current_organisation="Provincie Utrecht",
            ),
        )
        application_release(application=application, by=None)
        assessment = Assessment.objects.create(
            application=application,
            career=CAREER,
            summary=SUMMARY,
            recommendation=Assessment.Recommendation.PROPOSE,
        )
        AssessmentScore.objects.bulk_create(
            AssessmentScore(
                assessment=assessment, requirement=r, score=1 + (n + i) % 5, text=EXPLANATION
            )
            for i, r in enumerate(requirements)
        )
    member = User.objects.create_user(
        "bench-lid", password="x", first_name="Marieke", last_name="van Dam"
    )
    CommitteeMember.objects.create(vacancy=vacancy, user=member)
    client = Client()
    client.force_login(member)
    stand_in = MakeAndDownload(client, vacancy=vacancy, user=member)
    url = reverse("candidates:overview", args=[vacancy.pk])

    # The template and context of one real making, for the floor.
    captured = {}
    real = services.render_pdf

    def capture(**kwargs):
        captured.update(kwargs)
        return real(**kwargs)

    services.render_pdf = capture
    try:
        stand_in.get(url)
    finally:
        services.render_pdf = real
    with translation.override(captured["context"]["content"]["language"]):
        html = render_to_string(captured["template"], captured["context"])
    return Document(url=url, client=stand_in, html=html, stylesheets=captured["stylesheets"])
