"""PDF documents: the time a download takes against WeasyPrint rendering the same HTML alone.

    make bench BENCH=pdf
    .venv/bin/python -m tests.bench.pdf [--postgres] [--repeat 10] [--case profile]

Each case in CASES prepares its document in a throw-away database and gives back the URL a user
downloads it from and the document's HTML with its stylesheets. The "download" column is the median
of `repeat` GETs through Django's test client with DEBUG off (query, template, URL fetcher,
WeasyPrint, response); the "floor" is WeasyPrint alone on the same HTML and stylesheets (its own
default fetcher, nothing else). The ratio is what the project adds to WeasyPrint.
"""

import argparse
import io
import statistics
import time
from dataclasses import dataclass

from pypdf import PdfReader

from tests.bench._common import add_database_arguments, setup_django


@dataclass(frozen=True)
class Document:
    url: str  # where it is downloaded
    client: object  # a django.test.Client allowed to download it
    html: str  # the HTML the download renders
    stylesheets: list[str]  # paths under the static directory


def profile_case() -> Document:
    """The 2026 IPO seed profile (the demo's texts, rows, contact and planning), published, from
    its public download."""
    from datetime import timedelta

    from django.template.loader import render_to_string
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from accounts.models import User
    from candidates.demo import builder
    from vacancies.services import profile

    today = timezone.localdate()
    client, locations = builder._ipo()
    lead = User.objects.create_user("bench", password="x", role=User.Role.RECRUITER)
    vacancy = builder._ipo_vacancy(
        reference="ipo-algemeen-directeur-2026",
        client=client,
        locations=locations,
        lead=lead,
        published_on=today,
        closing_date=today + timedelta(weeks=4),
        today=today,
    )
    profile.profile_publish(vacancy=vacancy, by=lead)
    content = profile.profile_published(vacancy)
    html = render_to_string(profile.PDF_TEMPLATE, profile.profile_pdf_context(content))
    return Document(
        url=reverse("candidates:vacancy_pdf", args=[vacancy.reference]),
        client=Client(),
        html=html,
        stylesheets=profile.PDF_STYLESHEETS,
    )


def overview_case() -> Document:
    """The confidential candidate overview of 10 fully assessed candidates, made anew for a
    committee member (the POST, Celery in-process) and downloaded: see tests/bench/_pdf_overview.py.
    """
    from tests.bench._pdf_overview import overview_case as case

    return case(candidates=10)


# name: a function that prepares the document (called once, in the bench database).
CASES = {
    "profile": profile_case,
    "overview": overview_case,
}


def weasyprint_alone(html: str, stylesheets: list[str]) -> bytes:
    from weasyprint import CSS, HTML

    from recruitment.lib.pdf import static_roots

    root = static_roots()[0]
    return HTML(string=html, base_url=f"{root}/").write_pdf(
        stylesheets=[CSS(filename=str(root / name)) for name in stylesheets]
    )


def medians(functions: dict, repeat: int, *, warmup: int = 1) -> dict[str, float]:
    """Median seconds of each function, called in turns (so that a machine busy for a while
    slows them alike)."""
    for function in functions.values():
        for _ in range(warmup):
            function()
    times = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            started = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="default: all")
    add_database_arguments(parser)
    args = parser.parse_args()
    setup_django(args, name="recruitment_bench_pdf")
    from django.utils import translation

    translation.activate("nl")

    print(f"{'document':<28} {'pages':>6} {'download ms':>12} {'floor ms':>10} {'ratio':>6}")
    for name in args.case or CASES:
        document = CASES[name]()

        def download(document=document):
            response = document.client.get(document.url)
            assert response.status_code == 200, (document.url, response.status_code)
            return response.content

        pages = len(PdfReader(io.BytesIO(download())).pages)
        result = medians(
            {
                "download": download,
                "floor": lambda document=document: weasyprint_alone(
                    document.html, document.stylesheets
                ),
            },
            args.repeat,
        )
        full, floor = result["download"], result["floor"]
        print(
            f"{name:<28} {pages:>6} {full * 1000:>12.0f} {floor * 1000:>10.0f} {full / floor:>6.2f}"
        )


if __name__ == "__main__":
    main()
