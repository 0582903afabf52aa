"""The profile (functieprofiel) of a vacancy: its content, its published versions, its display.

`profile_content` is everything the public page and the PDF print, as plain JSON: texts, lists,
terms, procedure, contacts and planning. Publishing a vacancy records that content as a
`ProfileVersion` (`profile_publish`); an edit of a published vacancy records a new version when
the content changed (`profile_record_change`). A version's label is the month it was published,
in Dutch: "April 2026". The public page and the public PDF show the latest version; the back
office shows the vacancy as it is now.

`profile_display` turns stored content back into what the templates print: dates and amounts as
values the formatting filters take, choices as their labels, and the numbered sections, in the
order of the seed profile, without the empty ones.
"""

import hashlib
import json
import logging
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models import JSONField as JSONOutput
from django.utils import formats, timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import pgettext

from ..models import ContactPerson, PlanningPhase, ProfileVersion, Vacancy

CONTACT_FIELDS = ("name", "job_title", "organisation", "topic", "email", "phone")
PHASE_FIELDS = (
    "kind",
    "activity",
    "starts_on",
    "ends_on",
    "date_note",
    "responsible",
    "is_parallel",
)
logger = logging.getLogger(__name__)

PROFILE_PREFETCH = ("responsibilities", "requirements", "contacts", "phases", "locations")


# --- content -------------------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def profile_content(vacancy: Vacancy) -> dict:
    """Everything the profile prints, as JSON-serialisable data (codes, ISO dates, decimal
    strings). Uses the vacancy's prefetched rows when it has them."""
    return {
        "title": vacancy.title,
        "client": vacancy.client.name,
        "search_firm": vacancy.search_firm,
        "intro": vacancy.intro,
        "texts": {
            "organisation": vacancy.organisation_text,
            "reason": vacancy.reason_text,
            "position": vacancy.position_text,
            "candidate": vacancy.candidate_text,
            "terms": vacancy.terms_text,
            "procedure": vacancy.procedure_text,
        },
        "responsibilities": [row.text for row in vacancy.responsibilities.all()],
        "requirements": [row.text for row in vacancy.requirements.all()],
        "terms": {
            "employment_type": vacancy.employment_type,
            "contract_form": vacancy.contract_form,
            "interim_start": _iso(vacancy.interim_start),
            "interim_end": _iso(vacancy.interim_end),
            "hours_per_week": _decimal(vacancy.hours_per_week),
            "salary_scale": vacancy.salary_scale,
            "salary_min_month": _decimal(vacancy.salary_min_month),
            "salary_max_month": _decimal(vacancy.salary_max_month),
            "ikb_percentage": _decimal(vacancy.ikb_percentage),
            "locations": sorted(str(location) for location in vacancy.locations.all()),
        },
        "procedure": {
            "published_on": _iso(vacancy.published_on),
            "closing_date": _iso(vacancy.closing_date),
            "how_to_apply": vacancy.how_to_apply,
            "application_email": vacancy.application_email,
            "has_assessment": vacancy.has_assessment,
            "has_references": vacancy.has_references,
            "has_pre_employment_check": vacancy.has_pre_employment_check,
        },
        "contacts": [
            {name: getattr(contact, name) for name in CONTACT_FIELDS}
            for contact in vacancy.contacts.all()
        ],
        "planning": [
            {
                **{name: getattr(phase, name) for name in PHASE_FIELDS},
                "starts_on": _iso(phase.starts_on),
                "ends_on": _iso(phase.ends_on),
            }
            for phase in vacancy.phases.all()
        ],
    }


def profile_fingerprint(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def profile_label(day: date) -> str:
    """The version's name as the profile prints it: the month, in Dutch: "April 2026"."""
    with translation.override(settings.LANGUAGE_CODE):
        return capfirst(formats.date_format(day, "F Y"))


# --- versions ------------------------------------------------------------------------------------


def _record(*, vacancy: Vacancy, by, day: date) -> ProfileVersion | None:
    """Record the vacancy's current profile as a new version, unless it equals the latest."""
    locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    # Read back from the database: what is stored, not what a form left on an instance.
    fresh = with_profile_rows(Vacancy.objects).get(pk=locked.pk)
    content = profile_content(fresh)
    fingerprint = profile_fingerprint(content)
    latest = locked.profile_versions.order_by("-number").only("number", "fingerprint").first()
    if latest is not None and latest.fingerprint == fingerprint:
        return None
    version = ProfileVersion.objects.create(
        vacancy=locked,
        number=(latest.number + 1) if latest else 1,
        label=profile_label(day),
        content=content,
        fingerprint=fingerprint,
        published_by=by if by is not None and by.is_authenticated else None,
    )
    Vacancy.objects.filter(pk=locked.pk).update(profile_version=version.label)
    vacancy.profile_version = version.label
    return version


@transaction.atomic
def profile_publish(*, vacancy: Vacancy, by) -> ProfileVersion | None:
    """Record the profile as it is published: version 1 on the first publication (labelled with
    the publication date's month), a new version on a later publication when it changed since.
    Returns the new version, or None when the latest one already says the same."""
    day = timezone.localdate()
    if vacancy.published_on and not vacancy.profile_versions.exists():
        day = vacancy.published_on
    return _record(vacancy=vacancy, by=by, day=day)


@transaction.atomic
def profile_record_change(*, vacancy: Vacancy, by) -> ProfileVersion | None:
    """After an edit: a published vacancy whose profile changed gets a new version (this month's
    label); the old one stays readable. Nothing for a vacancy that is not published, nor when
    the content is unchanged."""
    status = Vacancy.objects.filter(pk=vacancy.pk).values_list("status", flat=True).first()
    if status != Vacancy.Status.PUBLISHED:
        return None
    return _record(vacancy=vacancy, by=by, day=timezone.localdate())


# --- reading -------------------------------------------------------------------------------------


def with_profile_rows(queryset: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    """The vacancies with everything `profile_content` reads, in a fixed number of queries."""
    return queryset.select_related("client").prefetch_related(*PROFILE_PREFETCH)


def with_latest_version(queryset: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    """The vacancies with their latest version's content, label, number and fingerprint, in the
    same query (`latest_profile`, `latest_profile_label`, ...; None without one)."""
    latest = ProfileVersion.objects.filter(vacancy=OuterRef("pk")).order_by("-number")
    return queryset.annotate(
        latest_profile=Subquery(latest.values("content")[:1], output_field=JSONOutput()),
        latest_profile_label=Subquery(latest.values("label")[:1]),
        latest_profile_number=Subquery(latest.values("number")[:1]),
        latest_profile_fingerprint=Subquery(latest.values("fingerprint")[:1]),
    )


def profile_published(vacancy: Vacancy) -> dict:
    """What the public sees: the latest published version, for display. A vacancy published
    before versions were recorded (or made without `vacancy_set_status`) shows its current
    content with its `profile_version` label. Annotate with `with_latest_version` to save the
    version's query."""
    if hasattr(vacancy, "latest_profile"):
        content, label = vacancy.latest_profile, vacancy.latest_profile_label
    else:
        version = vacancy.profile_versions.order_by("-number").only("content", "label").first()
        content, label = (version.content, version.label) if version else (None, None)
    if content is None:
        return profile_display(profile_content(vacancy), label=vacancy.profile_version)
    return profile_display(content, label=label)


def profile_current(vacancy: Vacancy) -> dict:
    """The profile as it is now (the back office), for display."""
    return profile_display(profile_content(vacancy), label=vacancy.profile_version)


# --- display -------------------------------------------------------------------------------------


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _amount(value: str | None) -> Decimal | None:
    return None if value in (None, "") else Decimal(value)


def _label(choices, value: str) -> str:
    return str(dict(choices).get(value, value))


def _phase(row: dict) -> PlanningPhase:
    """An unsaved planning phase: the planning partials print it like a stored one."""
    fields = {name: row.get(name) for name in PHASE_FIELDS if name in row}
    fields["starts_on"] = _date(row.get("starts_on"))
    fields["ends_on"] = _date(row.get("ends_on"))
    return PlanningPhase(**fields)


def _contact(row: dict) -> ContactPerson:
    return ContactPerson(**{name: row.get(name) or "" for name in CONTACT_FIELDS})


def profile_display(content: dict, *, label: str = "") -> dict:
    """Stored content as the profile templates print it, with its numbered sections: in the
    seed's order (the organisation, the reason, the position, the candidate, the terms, the
    procedure), an empty one left out and the others numbered 1, 2, 3, ... without a gap."""
    texts = content.get("texts", {})
    stored_terms = content.get("terms", {})
    stored_procedure = content.get("procedure", {})
    terms = {
        "employment_type": _label(Vacancy.EmploymentType.choices, stored_terms["employment_type"]),
        "contract_form": _label(Vacancy.ContractForm.choices, stored_terms["contract_form"]),
        "is_interim": stored_terms["employment_type"] == Vacancy.EmploymentType.INTERIM,
        "interim_start": _date(stored_terms.get("interim_start")),
        "interim_end": _date(stored_terms.get("interim_end")),
        "hours_per_week": _amount(stored_terms.get("hours_per_week")),
        "salary_scale": stored_terms.get("salary_scale", ""),
        "salary_min_month": _amount(stored_terms.get("salary_min_month")),
        "salary_max_month": _amount(stored_terms.get("salary_max_month")),
        "ikb_percentage": _amount(stored_terms.get("ikb_percentage")),
        "locations": stored_terms.get("locations", []),
    }
    procedure = {
        **stored_procedure,
        "published_on": _date(stored_procedure.get("published_on")),
        "closing_date": _date(stored_procedure.get("closing_date")),
    }
    profile = {
        "title": content.get("title", ""),
        "client": content.get("client", ""),
        "search_firm": content.get("search_firm", ""),
        "intro": content.get("intro", ""),
        "label": label or "",
        "texts": texts,
        "responsibilities": content.get("responsibilities", []),
        "requirements": content.get("requirements", []),
        "terms": terms,
        "procedure": procedure,
        "contacts": [_contact(row) for row in content.get("contacts", [])],
        "phases": [_phase(row) for row in content.get("planning", [])],
    }
    profile["sections"] = _sections(profile)
    return profile


def _sections(profile: dict) -> list[dict]:
    texts, terms, procedure = profile["texts"], profile["terms"], profile["procedure"]
    has_terms = bool(
        texts.get("terms")
        or terms["hours_per_week"]
        or terms["salary_scale"]
        or terms["salary_min_month"]
        or terms["salary_max_month"]
        or terms["ikb_percentage"] is not None
        or terms["locations"]
        or (terms["is_interim"] and (terms["interim_start"] or terms["interim_end"]))
    )
    has_procedure = bool(
        texts.get("procedure")
        or procedure.get("closing_date")
        or procedure.get("how_to_apply")
        or procedure.get("application_email")
        or profile["contacts"]
        or profile["phases"]
    )
    candidates = [
        ("organisation", profile["client"], bool(texts.get("organisation"))),
        (
            "reason",
            pgettext("profile section", "Reason for the vacancy"),
            bool(texts.get("reason")),
        ),
        (
            "position",
            pgettext("profile section", "The position and its environment"),
            bool(texts.get("position") or profile["responsibilities"]),
        ),
        (
            "candidate",
            pgettext("profile section", "The candidate"),
            bool(texts.get("candidate") or profile["requirements"]),
        ),
        ("terms", pgettext("profile section", "Terms of employment"), has_terms),
        ("procedure", pgettext("profile section", "The procedure"), has_procedure),
    ]
    shown = [(key, heading) for key, heading, filled in candidates if filled]
    return [
        {"key": key, "number": number, "heading": heading}
        for number, (key, heading) in enumerate(shown, start=1)
    ]


def profile_versions(vacancy: Vacancy) -> QuerySet[ProfileVersion]:
    """The versions of a vacancy, newest first, without their content."""
    return (
        vacancy.profile_versions.select_related("published_by")
        .defer("content")
        .order_by(F("number").desc())
    )


# --- the PDF -------------------------------------------------------------------------------------

PDF_TEMPLATE = "pdf/profile.html"
PDF_STYLESHEETS = ["css/print/profile.css"]
PDF_CACHE_SECONDS = 24 * 60 * 60


def profile_pdf_context(profile: dict) -> dict:
    return {
        "profile": profile,
        "firm_name": settings.FIRM_NAME,
        "firm_logo": settings.FIRM_LOGO,
        "firm_colours": settings.FIRM_COLOURS,
    }


def profile_pdf(*, profile: dict) -> bytes:
    """The profile (as `profile_display` gives it) as an A4 PDF with the firm's cover."""
    # WeasyPrint loads Pango and friends: only in the processes that make a PDF.
    from recruitment.lib.pdf import render_pdf

    return render_pdf(
        template=PDF_TEMPLATE, context=profile_pdf_context(profile), stylesheets=PDF_STYLESHEETS
    )


def profile_pdf_cached(*, profile: dict, fingerprint: str | None) -> bytes:
    """The PDF of a recorded version, made once per version, language and firm and then served
    from the cache for a day: the public download costs no rendering. Without a `fingerprint` (no
    version recorded) it is rendered every time. A cache that is down only costs the rendering."""
    if not fingerprint:
        return profile_pdf(profile=profile)
    firm = profile_fingerprint(
        {"name": settings.FIRM_NAME, "logo": settings.FIRM_LOGO, **settings.FIRM_COLOURS}
    )
    key = ":".join(
        [
            "profile-pdf",
            fingerprint,
            slugify(profile["label"]),
            translation.get_language(),
            firm[:16],
        ]
    )
    try:
        pdf = cache.get(key)
    except Exception:
        logger.warning("The cache is down: the profile PDF is rendered anew.", exc_info=True)
        pdf = None
    if pdf is None:
        pdf = profile_pdf(profile=profile)
        try:
            cache.set(key, pdf, PDF_CACHE_SECONDS)
        except Exception:
            logger.warning("The cache is down: the profile PDF is not kept.", exc_info=True)
    return pdf


def profile_pdf_filename(vacancy: Vacancy, profile: dict) -> str:
    """functieprofiel-ipo-algemeen-directeur-2026-april-2026.pdf"""
    parts = (pgettext("file name", "profile"), vacancy.reference, slugify(profile["label"]))
    return "-".join(part for part in parts if part) + ".pdf"
