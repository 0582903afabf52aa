from datetime import date
from decimal import Decimal

import factory

from tests.accounts.factories import RecruiterFactory, UserFactory
from vacancies.models import (
    Client,
    ClientLocation,
    CommitteeMember,
    ContactPerson,
    PlanningPhase,
    Requirement,
    Responsibility,
    Vacancy,
)


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client
        django_get_or_create = ("name",)

    name = "Interprovinciaal Overleg"
    short_name = "IPO"
    context = "Het IPO verbindt, vertegenwoordigt én versterkt de provincies."


class ClientLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientLocation
        django_get_or_create = ("client", "name")

    client = factory.SubFactory(ClientFactory)
    name = "Den Haag"
    city = "Den Haag"


class VacancyFactory(factory.django.DjangoModelFactory):
    """The 2026 IPO vacancy as the seed states it, published."""

    class Meta:
        model = Vacancy

    client = factory.SubFactory(ClientFactory)
    title = "Algemeen Directeur"
    reference = factory.Sequence(lambda n: f"ipo-algemeen-directeur-{n}")
    lead_consultant = factory.SubFactory(RecruiterFactory)
    search_firm = "Chasse Executive Search"
    status = Vacancy.Status.PUBLISHED
    profile_version = "April 2026"
    organisation_text = "De twaalf provincies van Nederland hebben elk hun eigen karakter."
    reason_text = "De positie Algemeen Directeur IPO wordt momenteel ad interim ingevuld."
    position_text = (
        "De Algemeen Directeur vormt samen met de Plaatsvervangend Algemeen Directeur "
        "het directieteam."
    )
    candidate_text = "De Algemeen Directeur beschikt over een scherp strategisch inzicht."
    employment_type = Vacancy.EmploymentType.PERMANENT
    contract_form = Vacancy.ContractForm.EMPLOYMENT
    hours_per_week = Decimal("36")
    salary_scale = "18"
    salary_min_month = Decimal("8850.88")
    salary_max_month = Decimal("12568.14")
    ikb_percentage = Decimal("21.82")
    published_on = date(2026, 4, 17)
    closing_date = date(2026, 5, 15)
    how_to_apply = "Motivatie en curriculum vitae in twee separate pdf-bestanden."
    application_email = "info@chassesearch.nl"


class DraftVacancyFactory(VacancyFactory):
    status = Vacancy.Status.DRAFT


class ResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responsibility

    vacancy = factory.SubFactory(VacancyFactory)
    order = factory.Sequence(int)
    text = "Ontwikkelen en realiseren van de lange termijnstrategie."


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    vacancy = factory.SubFactory(VacancyFactory)
    order = factory.Sequence(int)
    text = "Academisch werk- en denkniveau."


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    vacancy = factory.SubFactory(VacancyFactory)
    name = "Inge Diepenhorst"
    organisation = "Chasse Executive Search"
    topic = ContactPerson.Topic.BOTH
    email = "info@chassesearch.nl"


class PlanningPhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanningPhase

    vacancy = factory.SubFactory(VacancyFactory)
    order = factory.Sequence(int)
    kind = PlanningPhase.Kind.PRESELECTION
    activity = "Voorselectie en interviews kandidaten door Chasse"
    starts_on = date(2026, 5, 18)
    ends_on = date(2026, 5, 29)


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    vacancy = factory.SubFactory(VacancyFactory)
    user = factory.SubFactory(UserFactory)
    role = CommitteeMember.Role.MEMBER
