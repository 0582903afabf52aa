"""Insight: the funnel, the sources, the time in each stage and the time to the shortlist, per
vacancy and across vacancies. The tables are the figures; Chart.js (served by the app, when it
is installed) draws the same figures next to them from data passed with `json_script`."""

from django import forms
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import path
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.selectors import insight as selectors
from vacancies.access import recruiter_required
from vacancies.models import Client, Vacancy

CHARTJS = "vendor/chartjs/chart.umd.min.js"


def _chartjs_url() -> str | None:
    """The address of Chart.js, or None when it is not installed (no npm on the machine): the
    page then shows its tables only."""
    if not (finders.find(CHARTJS) or staticfiles_storage.exists(CHARTJS)):
        return None
    try:
        return static(CHARTJS)
    except ValueError:  # installed after collectstatic: not in the manifest
        return None


def _days(value: float | None) -> str:
    return "–" if value is None else formats.number_format(value, 1, use_l10n=True)


def _chart(*, title, labels, datasets, unit, horizontal=False) -> dict:
    """One chart's data for insight.js, with a summary in words for its aria-label.
    `datasets` is a list of (label, values); `unit` is "applications" or "days"."""
    show = _days if unit == "days" else str
    summary = ". ".join(
        "{}: {}".format(
            title if len(datasets) == 1 else f"{title}, {name}",
            "; ".join(
                f"{label} {show(value)}" for label, value in zip(labels, values, strict=True)
            ),
        )
        for name, values in datasets
    )
    return {
        "labels": [str(label) for label in labels],
        "datasets": [{"label": str(name), "data": list(values)} for name, values in datasets],
        "unit": unit,
        "axis": _("Days") if unit == "days" else _("Applications"),
        "horizontal": horizontal,
        "summary": summary,
    }


def _count_charts(counts: selectors.Counts, sources: list[selectors.SourceRow]) -> dict:
    funnel = counts.funnel
    return {
        "funnel": _chart(
            title=_("Funnel"),
            labels=[_("All applications"), *(row.label for row in funnel)],
            datasets=[(_("Reached"), [counts.total, *(row.reached for row in funnel)])],
            unit="applications",
            horizontal=True,
        ),
        "current": _chart(
            title=_("Applications per stage now"),
            labels=[row.label for row in counts.current],
            datasets=[(_("Now in this stage"), [row.count for row in counts.current])],
            unit="applications",
        ),
        "sources": _chart(
            title=_("How far each source got"),
            labels=[_("Applications"), *(row.label for row in funnel)],
            datasets=[
                (source.label, [source.total, *(row.reached for row in source.funnel)])
                for source in sources
            ],
            unit="applications",
        ),
    }


def _vacancy_charts(figures: selectors.VacancyInsight) -> dict:
    charts = _count_charts(figures.counts, figures.sources)
    times = figures.stage_times
    charts["stage_times"] = _chart(
        title=_("Days in each stage"),
        labels=[row.label for row in times],
        datasets=[
            (_("Median"), [_round(row.median) for row in times]),
            (_("Average"), [_round(row.average) for row in times]),
        ],
        unit="days",
    )
    return charts


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@recruiter_required
def insight_vacancy(request, pk):
    """Insight into one vacancy: funnel, sources, time in each stage, time to the shortlist."""
    vacancy = get_object_or_404(Vacancy.objects.select_related("client", "lead_consultant"), pk=pk)
    figures = selectors.vacancy_insight(vacancy=vacancy)
    return render(
        request,
        "candidates/insight_vacancy.html",
        {
            "vacancy": vacancy,
            "insight": figures,
            "charts": _vacancy_charts(figures) if figures.counts.total else None,
            "chartjs_url": _chartjs_url(),
        },
    )


class InsightFilterForm(forms.Form):
    """The selection of the overview: status, client and year of the closing date. A value that
    is not one of the choices is refused with a message and that filter is left out."""

    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    client = forms.TypedChoiceField(
        label=gettext_lazy("Client"), coerce=int, empty_value=None, required=False
    )
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year of the closing date"),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, clients, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Every status")), *Vacancy.Status.choices]
        self.fields["client"].choices = [("", _("Every client")), *clients]
        self.fields["year"].choices = [("", _("Every year")), *((y, str(y)) for y in years)]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filters(self) -> dict:
        """The valid filters; a refused one is left out (its error is shown with the field)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "status": data.get("status") or "",
            "client_id": data.get("client"),
            "year": data.get("year"),
        }


@recruiter_required
def insight(request):
    """Insight across vacancies: a row per vacancy and the figures of the whole selection."""
    form = InsightFilterForm(
        request.GET or None,
        clients=list(Client.objects.order_by("name").values_list("pk", "name")),
        years=selectors.insight_years(),
    )
    filters = form.filters() if form.is_bound else {}
    overview = selectors.insight_overview(**filters)
    return render(
        request,
        "candidates/insight.html",
        {
            "form": form,
            "filtered": any(filters.values()),
            "overview": overview,
            "charts": (
                _count_charts(overview.counts, overview.sources) if overview.counts.total else None
            ),
            "chartjs_url": _chartjs_url(),
        },
    )


urlpatterns = [
    path("kantoor/inzicht/", insight, name="insight"),
    path("kantoor/vacatures/<int:pk>/inzicht/", insight_vacancy, name="insight_vacancy"),
]
