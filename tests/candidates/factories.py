import factory

from candidates.models import Application, Candidate, StageChange
from tests.vacancies.factories import VacancyFactory


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.org")
    phone = "06 1234 5678"
    current_position = "Directeur"
    current_organisation = "Provincie Utrecht"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    candidate = factory.SubFactory(CandidateFactory)
    vacancy = factory.SubFactory(VacancyFactory)
    stage = Application.Stage.APPLIED
    source = Application.Source.APPLIED


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    application = factory.SubFactory(ApplicationFactory)
    from_stage = Application.Stage.APPLIED
    to_stage = Application.Stage.LONGLIST
