"""The export of a vacancy's pipeline: one row per application, as CSV (for Dutch Excel: UTF-8
with a byte order mark and `;` between fields) and as an Excel workbook with the stage history on
a second sheet. Three queries, however many applications the vacancy has; rows are read as plain
values (no model instances), so 5,000 applications stay cheap.

Text typed by people (names, reasons, notes) can start with `=`, `+`, `-` or `@`; a spreadsheet
would run it as a formula. In CSV such a cell gets a leading apostrophe; in Excel every text cell
is written as text, never as a formula.
"""

import csv
import io
import re
from collections import defaultdict
from datetime import datetime

from django.db.models import Avg, Case, IntegerField, Value, When
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from candidates.models import Application, Assessment, AssessmentScore, StageChange
from vacancies.models import Vacancy

# Cells that a spreadsheet would read as a formula (or a command) when they start with these;
# the full-width forms too, which some versions of Excel treat alike.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters an xlsx file cannot hold (control characters other than tab, newline, return).
ILLEGAL_XLSX = re.compile(r"[\000-\010\013\014\016-\037]")
XLSX_TEXT_MAX = 32_767
MAX_WIDTH = 60
# Excel's built-in date-time format (number 22): shown in the reader's own regional format.
XLSX_DATETIME = "m/d/yy h:mm"


# Reading -----------------------------------------------------------------------------------


def _stage_order():
    return Case(
        *[When(stage=stage, then=Value(i)) for i, stage in enumerate(Application.Stage.values)],
        output_field=IntegerField(),
    )


def _user_name(first: str | None, last: str | None, username: str | None) -> str:
    """What str(user) gives (accounts.User: full name, else username), from plain values."""
    return f"{first or ''} {last or ''}".strip() or (username or "")


def pipeline_rows(*, vacancy: Vacancy) -> list[dict]:
    """The vacancy's applications in stage order, then by name, as dicts with the candidate's
    data, the recommendation, the average score (`average`) and the stage history (`history`:
    dicts in time order). Three queries."""
    applications = list(
        Application.objects.filter(vacancy=vacancy)
        .annotate(stage_order=_stage_order())
        .order_by("stage_order", "candidate__last_name", "candidate__first_name", "pk")
        .values(
            "pk",
            "stage",
            "source",
            "outreach",
            "rejection_code",
            "rejection_reason",
            "created_at",
            "stage_changed_at",
            "candidate__first_name",
            "candidate__last_name",
            "candidate__email",
            "candidate__phone",
            "candidate__current_position",
            "candidate__current_organisation",
            "assessment__recommendation",
        )
    )
    averages = dict(
        AssessmentScore.objects.filter(
            assessment__application__vacancy=vacancy, score__isnull=False
        )
        .order_by()
        .values_list("assessment__application_id")
        .annotate(average=Avg("score"))
        .values_list("assessment__application_id", "average")
    )
    history = defaultdict(list)
    changes = (
        StageChange.objects.filter(application__vacancy=vacancy)
        .order_by("application_id", "changed_at", "pk")
        .values(
            "application_id",
            "from_stage",
            "to_stage",
            "changed_at",
            "reason",
            "rejection_code",
            "changed_by__first_name",
            "changed_by__last_name",
            "changed_by__username",
        )
    )
    for change in changes:
        change["by"] = _user_name(
            change.pop("changed_by__first_name"),
            change.pop("changed_by__last_name"),
            change.pop("changed_by__username"),
        )
        history[change["application_id"]].append(change)
    for row in applications:
        average = averages.get(row["pk"])
        row["average"] = None if average is None else float(average)
        row["history"] = history.get(row["pk"], [])
        row["name"] = f"{row['candidate__first_name']} {row['candidate__last_name']}".strip()
    return applications


class _Labels:
    """The translated labels of the choices, looked up once per export."""

    def __init__(self):
        def table(choices):
            return {"": "", None: "", **{value: str(label) for value, label in choices}}

        self.stage = table(Application.Stage.choices)
        self.source = table(Application.Source.choices)
        self.outreach = table(Application.Outreach.choices)
        self.rejection = table(Application.RejectionReason.choices)
        self.recommendation = table(Assessment.Recommendation.choices)
        self._dates = {}

    def short_date(self, value: datetime) -> str:
        day = timezone.localtime(value).date()
        if day not in self._dates:
            self._dates[day] = formats.date_format(day, "SHORT_DATE_FORMAT")
        return self._dates[day]


def _label(table: dict, value) -> str:
    return table.get(value, value or "")


# What a row says ---------------------------------------------------------------------------


def _headers() -> list[str]:
    return [
        capfirst(header)
        for header in (
            _("Name"),
            _("Email"),
            _("Phone"),
            _("Current position"),
            _("Organisation"),
            _("Source"),
            _("Outreach"),
            _("Stage"),
            _("Days in stage"),
            _("Reason for rejection"),
            _("Explanation of the rejection"),
            _("Average score"),
            _("Recommendation"),
            _("Applied or added on"),
        )
    ]


def _history_headers() -> list[str]:
    return [
        capfirst(header)
        for header in (
            _("Name"),
            _("Email"),
            _("When"),
            _("From"),
            _("To"),
            _("By"),
            _("Reason for rejection"),
            _("Reason"),
        )
    ]


def _values(row: dict, now: datetime, labels: _Labels) -> list:
    return [
        row["name"],
        row["candidate__email"],
        row["candidate__phone"],
        row["candidate__current_position"],
        row["candidate__current_organisation"],
        _label(labels.source, row["source"]),
        _label(labels.outreach, row["outreach"]),
        _label(labels.stage, row["stage"]),
        max(0, (now - row["stage_changed_at"]).days),
        _label(labels.rejection, row["rejection_code"]),
        row["rejection_reason"],
        row["average"],
        _label(labels.recommendation, row["assessment__recommendation"]),
        timezone.localtime(row["created_at"]),
    ]


def _history_values(row: dict, change: dict, labels: _Labels) -> list:
    return [
        row["name"],
        row["candidate__email"],
        timezone.localtime(change["changed_at"]),
        _label(labels.stage, change["from_stage"]),
        _label(labels.stage, change["to_stage"]),
        change["by"],
        _label(labels.rejection, change["rejection_code"]),
        change["reason"],
    ]


def _history_text(changes: list[dict], labels: _Labels) -> str:
    """12-5-2026 Gesolliciteerd → Longlist (Inge Diepenhorst); 20-5-2026 Longlist → ..."""
    entries = []
    for change in changes:
        when = labels.short_date(change["changed_at"])
        text = f"{when} {_label(labels.stage, change['to_stage'])}"
        if change["from_stage"]:
            text = (
                f"{when} {_label(labels.stage, change['from_stage'])}"
                f" → {_label(labels.stage, change['to_stage'])}"
            )
        if change["by"]:
            text += f" ({change['by']})"
        detail = []
        if change["rejection_code"]:
            detail.append(_label(labels.rejection, change["rejection_code"]))
        if change["reason"]:
            detail.append(" ".join(change["reason"].split()))
        if detail:
            text += ": " + ", ".join(detail)
        entries.append(text)
    return "; ".join(entries)


def _filename(vacancy: Vacancy, extension: str) -> str:
    prefix = pgettext("file name of an export", "pipeline")
    return f"{prefix}-{vacancy.reference}-{timezone.localdate().isoformat()}.{extension}"


# CSV ---------------------------------------------------------------------------------------


def csv_safe(value: str) -> str:
    """A text a spreadsheet shows as text: a leading apostrophe before a formula start."""
    if value and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, float):
        return formats.number_format(value, decimal_pos=1, use_l10n=True)
    if isinstance(value, int):
        return str(value)
    return csv_safe(str(value))


def pipeline_csv(*, vacancy: Vacancy) -> tuple[bytes, int, str]:
    """The pipeline as CSV: (content, number of applications, file name)."""
    rows = pipeline_rows(vacancy=vacancy)
    now = timezone.now()
    labels = _Labels()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in [*_headers(), capfirst(_("Stage history"))]])
    for row in rows:
        values = [*_values(row, now, labels), _history_text(row["history"], labels)]
        writer.writerow([_csv_cell(v) for v in values])
    content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    return content, len(rows), _filename(vacancy, "csv")


# Excel -------------------------------------------------------------------------------------


def _xlsx_cell(sheet, value):
    """What to append for `value`: a plain value where openpyxl stores it as it is, a cell with
    a format for dates and scores, and a cell forced to text where openpyxl would otherwise read
    a formula (`=...`) or an error code (`#N/A`)."""
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))  # already local time
        cell.number_format = XLSX_DATETIME
        return cell
    if isinstance(value, float):
        cell = WriteOnlyCell(sheet, value=round(value, 2))
        cell.number_format = "0.0"
        return cell
    if value is None or isinstance(value, int):
        return value
    text = ILLEGAL_XLSX.sub("", str(value))[:XLSX_TEXT_MAX]
    if not text:
        return None  # an empty cell is not written at all
    if text.startswith(("=", "#")):
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, float | int):
        return 6
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_sheet(sheet, headers: list[str], rows: list[list]) -> None:
    """A header row in bold that stays in view, columns as wide as their content (within
    reason), a filter on the header, then the rows."""
    for index, header in enumerate(headers, start=1):
        width = max([_width(header), *(_width(row[index - 1]) for row in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])


def pipeline_xlsx(*, vacancy: Vacancy) -> tuple[bytes, int, str]:
    """The pipeline as an Excel workbook: a sheet with one row per application and a sheet
    "History" with one row per stage change. Returns (content, applications, file name)."""
    rows = pipeline_rows(vacancy=vacancy)
    now = timezone.now()
    labels = _Labels()
    workbook = Workbook(write_only=True)
    pipeline = workbook.create_sheet(_sheet_title(pgettext("sheet of an export", "Pipeline")))
    _write_sheet(pipeline, _headers(), [_values(row, now, labels) for row in rows])
    history = workbook.create_sheet(_sheet_title(pgettext("sheet of an export", "History")))
    _write_sheet(
        history,
        _history_headers(),
        [_history_values(row, change, labels) for row in rows for change in row["history"]],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), len(rows), _filename(vacancy, "xlsx")


def _sheet_title(title: str) -> str:
    return re.sub(r"[\\/*?:\[\]]", "", title)[:31]
