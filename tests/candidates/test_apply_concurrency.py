"""Two identical submissions at the same moment make one application (PostgreSQL)."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection

from candidates.models import Application, Candidate, Document, StageChange
from candidates.services.applications import application_submit
from tests.candidates.pdfs import (
    make_pdf,
    private_storage_fixture,  # noqa: F401
    stored_files,
    upload,
)
from tests.vacancies.factories import VacancyFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_identical_submissions_at_the_same_moment_make_one_application(
    requires_postgres, private_storage, monkeypatch
):
    monkeypatch.setattr(
        "candidates.services.applications.notify_application_received", lambda **kwargs: None
    )
    vacancy = VacancyFactory()
    motivation, cv = make_pdf("Motivatie"), make_pdf("CV", pages=2)
    data = {
        "first_name": "Inge",
        "last_name": "Jansen",
        "email": "inge.jansen@example.nl",
        "phone": "06 1234 5678",
    }
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        try:
            barrier.wait(timeout=10)
            application_submit(
                vacancy=vacancy,
                data=data,
                motivation=upload(motivation, "motivatie.pdf"),
                cv=upload(cv, "cv.pdf"),
                ip_address="203.0.113.1",
            )
            outcomes.append("created")
        except ValidationError as error:
            outcomes.append(error.code)
        except Exception as error:  # reported below, not swallowed
            outcomes.append(repr(error))
        finally:
            connection.close()

    moment = datetime(2026, 5, 15, 23, 59, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=True):
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert sorted(outcomes) == ["already_applied", "created"]
    assert Candidate.objects.count() == 1
    assert Application.objects.count() == 1
    assert StageChange.objects.count() == 1
    assert Document.objects.count() == 2
    assert len(stored_files(private_storage)) == 2
