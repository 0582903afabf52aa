"""The Django admin: every model of the project is registered and its pages load."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.candidates.factories import ApplicationFactory, StageChangeFactory
from tests.vacancies.factories import (
    CommitteeMemberFactory,
    ContactPersonFactory,
    PlanningPhaseFactory,
    RequirementFactory,
    ResponsibilityFactory,
)
from vacancies.models import ClientContact, ClientUnit

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("accounts", "vacancies", "candidates")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="beheer", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def rows():
    application = ApplicationFactory()
    vacancy = application.vacancy
    StageChangeFactory(application=application)
    application.notes.create(candidate=application.candidate, text="Sterke kandidaat")
    document = application.documents.create(
        kind="cv", file="documents/ab/x.pdf", original_name="cv.pdf", size=1, sha256="0" * 64
    )
    document.accesses.create(by_candidate=True)
    application.releases.create()
    ResponsibilityFactory(vacancy=vacancy)
    RequirementFactory(vacancy=vacancy)
    ContactPersonFactory(vacancy=vacancy)
    PlanningPhaseFactory(vacancy=vacancy)
    CommitteeMemberFactory(vacancy=vacancy)
    ClientUnit.objects.create(client=vacancy.client, name="BIJ12")
    ClientContact.objects.create(client=vacancy.client, name="Jan Jansen")
    return vacancy


def project_models():
    return [
        model
        for app_label in PROJECT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.auto_created
    ]


def test_every_model_is_registered():
    missing = [model.__name__ for model in project_models() if not admin.site.is_registered(model)]
    assert missing == []


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_changelist_and_change_page_load(admin_client, rows, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    response = admin_client.get(changelist)
    assert response.status_code == 200

    obj = model.objects.first()
    if obj is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        response = admin_client.get(change)
        assert response.status_code == 200
        assert "documents/ab/x.pdf" not in response.content.decode()  # private files stay unlinked


def test_vacancy_change_page_has_its_inlines(admin_client, rows):
    response = admin_client.get(reverse("admin:vacancies_vacancy_change", args=[rows.pk]))

    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == {"responsibilities", "requirements", "contacts", "phases", "committee"}


def test_admin_search_and_filters(admin_client, rows):
    url = reverse("admin:vacancies_vacancy_changelist")
    assert admin_client.get(url, {"q": "Algemeen"}).context["cl"].result_count == 1
    assert admin_client.get(url, {"q": "onbekend"}).context["cl"].result_count == 0
    assert admin_client.get(url, {"status__exact": "draft"}).context["cl"].result_count == 0


def test_committee_member_cannot_use_the_admin(client, committee_user):
    client.force_login(committee_user)
    response = client.get(reverse("admin:vacancies_vacancy_changelist"))
    assert response.status_code == 302
