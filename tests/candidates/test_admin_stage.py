"""The admin shows an application's stage and its history, and a vacancy's status, read-only:
application_move and vacancy_set_status are their only writers."""

import pytest
from django.contrib import admin
from django.urls import reverse

from candidates.models import Application, StageChange
from tests.accounts.factories import UserFactory
from tests.candidates.factories import ApplicationFactory, StageChangeFactory
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="beheer", is_staff=True, is_superuser=True))
    return client


def change_form_data(response):
    """The change form's fields as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        data[name] = value.pk if hasattr(value, "pk") else value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return data


def test_the_application_admin_cannot_change_the_stage(admin_client):
    application = ApplicationFactory(stage=Application.Stage.APPLIED)
    url = reverse("admin:candidates_application_change", args=[application.pk])
    response = admin_client.get(url)

    assert "stage" not in response.context["adminform"].form.fields
    assert "stage" in admin.site._registry[Application].get_readonly_fields(response.wsgi_request)
    data = change_form_data(response) | {"stage": Application.Stage.APPOINTED}
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    application.refresh_from_db()
    assert application.stage == Application.Stage.APPLIED
    assert not application.stage_changes.exists()


def test_the_stage_history_cannot_be_added_changed_or_deleted_in_the_admin(admin_client):
    change = StageChangeFactory()
    model_admin = admin.site._registry[StageChange]
    request = admin_client.get(reverse("admin:index")).wsgi_request

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, change)
    assert not model_admin.has_delete_permission(request, change)
    url = reverse("admin:candidates_stagechange_change", args=[change.pk])
    admin_client.post(url, {"to_stage": Application.Stage.APPOINTED, "reason": "x"})
    change.refresh_from_db()
    assert change.to_stage == Application.Stage.LONGLIST


def test_the_vacancy_admin_shows_the_status_read_only(admin_client):
    from tests.vacancies.factories import VacancyFactory

    vacancy = VacancyFactory(status=Vacancy.Status.DRAFT)
    url = reverse("admin:vacancies_vacancy_change", args=[vacancy.pk])
    response = admin_client.get(url)

    assert "status" not in response.context["adminform"].form.fields
    data = change_form_data(response) | {"status": Vacancy.Status.APPOINTED}
    admin_client.post(url, data)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DRAFT
