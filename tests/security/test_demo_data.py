"""`load_demo` on a real site (issue 7): refused with DEBUG off unless forced, and never a
superuser then (its passwords are in the README)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from tests.candidates.pdfs import private_storage_fixture  # noqa: F401
from vacancies.models import Vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


def load(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match=r"DEBUG staat uit|DEBUG is off"):
        load()

    assert not Vacancy.objects.exists()
    assert not User.objects.exists()


def test_forced_with_debug_off_it_loads_without_a_superuser(settings):
    settings.DEBUG = False

    load("--force")

    assert Vacancy.objects.exists()
    assert User.objects.filter(username="inge").exists()
    assert not User.objects.filter(is_superuser=True).exists()
    assert not User.objects.filter(is_staff=True).exists()


def test_with_debug_on_the_demo_has_its_admin(settings):
    settings.DEBUG = True

    load("--if-empty")

    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == [
        "inge"
    ]
