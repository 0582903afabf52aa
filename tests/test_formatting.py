"""Dates and amounts as a Dutch user expects them, through the locale (never by hand)."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from vacancies.templatetags.formatting import daterange, longdate, money, percent, shortdate


def render(source, **context):
    return Template("{% load formatting %}" + source).render(Context(context))


def test_dutch_date_amount_and_percentage():
    with translation.override("nl"):
        assert longdate(date(2026, 5, 15)) == "vrijdag 15 mei 2026"
        assert shortdate(date(2026, 5, 15)) == "15 mei 2026"
        assert money(Decimal("8850.88")) == "€ 8.850,88"
        assert money(Decimal("262000")) == "€ 262.000,00"
        assert percent(Decimal("21.82")) == "21,82%"
        assert percent(Decimal("8.00")) == "8%"


def test_dutch_in_a_template():
    with translation.override("nl"):
        html = render(
            "{{ day|longdate }} {{ amount|money }} {{ ikb|percent }}",
            day=date(2026, 5, 15),
            amount=Decimal("8850.88"),
            ikb=Decimal("21.82"),
        )
    assert html == "vrijdag 15 mei 2026 € 8.850,88 21,82%"


def test_dutch_date_ranges():
    with translation.override("nl"):
        assert daterange(date(2026, 6, 15), date(2026, 6, 26)) == "15 – 26 juni 2026"
        assert daterange(date(2026, 5, 29), date(2026, 6, 10)) == "29 mei – 10 juni 2026"
        assert daterange(None, date(2026, 6, 30)) == "30 juni 2026"


def test_english_for_comparison():
    with translation.override("en"):
        assert longdate(date(2026, 5, 15)) == "Friday 15 May 2026"
        assert money(Decimal("8850.88")) == "€ 8,850.88"
        assert percent(Decimal("21.82")) == "21.82%"


@pytest.mark.django_db
def test_vacancy_page_as_a_dutch_recruiter_sees_it(client):
    from tests.accounts.factories import RecruiterFactory
    from tests.vacancies.factories import VacancyFactory

    vacancy = VacancyFactory()
    client.force_login(RecruiterFactory(language="nl"))
    client.cookies["django_language"] = "nl"

    response = client.get(vacancy.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "vrijdag 15 mei 2026" in html  # closing date
    assert "vrijdag 17 april 2026" in html  # publication date
    assert "€ 8.850,88" in html
    assert "€ 12.568,14" in html
    assert "21,82%" in html
    assert "€ 183.726,10" in html  # yearly maximum
