"""The rules of the domain model: database constraints, status transitions and the WNT check."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from candidates.models import Application
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import (
    CommitteeMemberFactory,
    ContactPersonFactory,
    DraftVacancyFactory,
    PlanningPhaseFactory,
    VacancyFactory,
)
from vacancies import services
from vacancies.models import CommitteeMember, Vacancy, WntCeiling

pytestmark = pytest.mark.django_db


# Before the 2026 IPO closing date (15 May 2026), so that publishing is still possible.
before_closing = time_machine.travel("2026-04-20 10:00 +02:00", tick=False)


def refused(factory, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


# Database constraints ------------------------------------------------------


def test_salary_minimum_cannot_exceed_maximum():
    refused(VacancyFactory, salary_min_month=Decimal("13000"), salary_max_month=Decimal("12000"))
    VacancyFactory(salary_min_month=Decimal("12000"), salary_max_month=Decimal("12000"))


def test_interim_must_end_after_it_starts():
    refused(
        VacancyFactory,
        employment_type=Vacancy.EmploymentType.INTERIM,
        interim_start=date(2020, 3, 1),
        interim_end=date(2019, 9, 1),
    )
    refused(
        VacancyFactory,
        employment_type=Vacancy.EmploymentType.INTERIM,
        interim_start=date(2019, 9, 1),
        interim_end=date(2019, 9, 1),
    )


def test_closing_date_not_before_publication():
    refused(VacancyFactory, published_on=date(2026, 5, 16), closing_date=date(2026, 5, 15))


def test_ikb_and_hours_in_range():
    refused(VacancyFactory, ikb_percentage=Decimal("120"))
    refused(VacancyFactory, hours_per_week=Decimal("0"))


def test_phase_cannot_end_before_it_starts():
    refused(PlanningPhaseFactory, starts_on=date(2026, 6, 10), ends_on=date(2026, 6, 8))
    PlanningPhaseFactory(starts_on=date(2026, 6, 8), ends_on=None)


def test_one_application_per_candidate_per_vacancy():
    application = ApplicationFactory()
    refused(ApplicationFactory, candidate=application.candidate, vacancy=application.vacancy)
    ApplicationFactory(candidate=application.candidate)  # another vacancy is fine


def test_candidate_email_is_unique_regardless_of_case():
    CandidateFactory(email="Jan.Jansen@example.org")
    refused(CandidateFactory, email="jan.jansen@EXAMPLE.org")


def test_rejection_needs_a_reason():
    refused(ApplicationFactory, stage=Application.Stage.REJECTED, rejection_reason="")


def test_contact_person_must_be_reachable():
    refused(ContactPersonFactory, email="", phone="")
    ContactPersonFactory(email="", phone="070 123 4567")


def test_committee_has_one_chair():
    vacancy = VacancyFactory()
    CommitteeMemberFactory(vacancy=vacancy, role=CommitteeMember.Role.CHAIR)
    refused(CommitteeMemberFactory, vacancy=vacancy, role=CommitteeMember.Role.CHAIR)
    CommitteeMemberFactory(vacancy=vacancy, role=CommitteeMember.Role.MEMBER)


def test_constraint_messages_come_from_full_clean():
    vacancy = VacancyFactory.build(
        salary_min_month=Decimal("13000"), salary_max_month=Decimal("12000")
    )
    with pytest.raises(ValidationError) as error:
        vacancy.full_clean(exclude=["client", "lead_consultant", "reference"])
    assert "Het minimumsalaris kan niet hoger zijn dan het maximum." in error.value.messages


# Status transitions --------------------------------------------------------


@before_closing
def test_publish_a_complete_draft_sets_publication_date():
    vacancy = DraftVacancyFactory(published_on=None)

    vacancy = services.vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.PUBLISHED)

    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.PUBLISHED
    assert vacancy.published_on == date(2026, 4, 20)


@time_machine.travel("2026-05-16 10:00 +02:00", tick=False)
def test_publish_after_the_closing_date_is_refused():
    vacancy = DraftVacancyFactory(published_on=None)  # closes 15 May 2026

    with pytest.raises(ValidationError) as error:
        services.vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.PUBLISHED)

    assert error.value.code == "closing_date_passed"
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.published_on is None


@pytest.mark.parametrize(
    ("missing", "label"),
    [
        ({"closing_date": None}, "sluitingsdatum"),
        ({"how_to_apply": "", "application_email": ""}, "wijze van solliciteren"),
        ({"salary_max_month": None, "salary_min_month": None, "salary_scale": ""}, "salaris"),
        ({"hours_per_week": None}, "uren per week"),
    ],
)
@before_closing
def test_publish_requires_what_a_candidate_needs(missing, label):
    vacancy = DraftVacancyFactory(**missing)

    with pytest.raises(ValidationError) as error:
        services.vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.PUBLISHED)

    assert label in error.value.messages[0]
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT


@before_closing
def test_publish_interim_requires_its_period():
    vacancy = DraftVacancyFactory(employment_type=Vacancy.EmploymentType.INTERIM)

    with pytest.raises(ValidationError, match="interimperiode"):
        services.vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.PUBLISHED)


def test_cancelled_cannot_be_published():
    vacancy = VacancyFactory(status=Vacancy.Status.CANCELLED)

    with pytest.raises(ValidationError) as error:
        services.vacancy_set_status(vacancy=vacancy, status=Vacancy.Status.PUBLISHED)

    assert error.value.code == "invalid_transition"
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.CANCELLED


@pytest.mark.parametrize("status", Vacancy.Status.values)
def test_appointed_is_final(status):
    vacancy = VacancyFactory(status=Vacancy.Status.APPOINTED)

    assert not vacancy.can_move_to(status)
    with pytest.raises(ValidationError):
        services.vacancy_set_status(vacancy=vacancy, status=status)


@before_closing
def test_the_way_through_a_procedure():
    vacancy = DraftVacancyFactory()
    for status in (Vacancy.Status.PUBLISHED, Vacancy.Status.CLOSED, Vacancy.Status.APPOINTED):
        vacancy = services.vacancy_set_status(vacancy=vacancy, status=status)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.APPOINTED


def test_draft_cannot_skip_to_closed():
    with pytest.raises(ValidationError):
        DraftVacancyFactory().check_transition(Vacancy.Status.CLOSED)


# WNT -----------------------------------------------------------------------


def test_2026_ceiling_is_data():
    assert WntCeiling.for_year(2026).amount == Decimal("262000")
    # A year that is not known yet falls back on the latest known one.
    assert WntCeiling.for_year(2099).year == WntCeiling.objects.order_by("-year").first().year


def test_ipo_2026_terms_do_not_exceed_the_wnt():
    vacancy = VacancyFactory()  # € 12.568,14 a month, IKB 21,82%, closing in 2026

    # 12 × 12.568,14 = 150.817,68; plus 21,82% IKB = 183.726,10
    assert vacancy.yearly_maximum == Decimal("183726.10")
    assert vacancy.wnt_ceiling().year == 2026
    assert vacancy.wnt_excess() is None


def test_monthly_maximum_of_20000_with_ikb_exceeds_the_2026_ceiling():
    vacancy = VacancyFactory(salary_max_month=Decimal("20000"), ikb_percentage=Decimal("21.82"))

    # 240.000 + 21,82% = 292.368 > 262.000
    assert vacancy.yearly_maximum == Decimal("292368.00")
    assert vacancy.wnt_excess() == Decimal("30368.00")


def test_no_wnt_check_without_a_maximum():
    assert VacancyFactory(salary_max_month=None, salary_min_month=None).wnt_excess() is None


def test_wnt_ceiling_follows_the_closing_year():
    vacancy = VacancyFactory(
        published_on=date(2020, 1, 10),
        closing_date=date(2020, 2, 1),
        salary_max_month=Decimal("14000"),
        salary_min_month=Decimal("9000"),
        ikb_percentage=Decimal("21.82"),
    )
    # 168.000 + 21,82% = 204.657,60: above 2020's 201.000, below 2026's 262.000.
    assert vacancy.wnt_ceiling().year == 2020
    assert vacancy.wnt_excess() == Decimal("3657.60")
