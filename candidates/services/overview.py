"""The confidential candidate overview (kandidatenoverzicht) of a vacancy, made for one person.

What it prints is what that person may see (`candidates.access.committee_applications`: the
applications released to the committee) with the consultant's assessment of each. Every page
carries their name and the moment it was made, so a copy that leaves the room says whose it was.

- `overview_content` reads everything the PDF prints into plain data; `overview_fingerprint` is
  the hash of it. A `CandidateOverview` row is one (vacancy, user, fingerprint): asked again while
  nothing printed changed, the same file is served (the cache); any change makes a new row.
  Once a newer copy is made, the older copies' files are deleted and their rows "retired"
  (their fingerprint given up, so the same content can be made again as a new row); the rows
  stay, as the log refers to them.
- `overview_request` gets or creates the row of the current content and has it made: in the
  request for a few candidates, else by the Celery task `candidates.tasks.overview_generate`,
  which calls `overview_build` (it reports its progress on the row as it goes).
- Each overview made and each download is logged in `DocumentAccess` (user, vacancy, overview),
  the access log of the candidates' documents, a making with `action` "made"; see
  `overview_access_log`.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from candidates import access
from candidates.models import Assessment, AssessmentScore, CandidateOverview, DocumentAccess
from recruitment.lib.pdf import render_pdf

logger = logging.getLogger(__name__)

Status = CandidateOverview.Status

TEMPLATE = "pdf/candidate_overview.html"
CANDIDATE_TEMPLATE = "pdf/_candidate_overview_candidate.html"
STYLESHEETS = ["css/print/overview.css"]
# Part of the fingerprint: raise it when the templates change what an overview prints, so that
# copies made with the old layout are made again.
LAYOUT = 1
# Up to this many candidates the overview is made in the request (a second or two); more go to
# Celery, and the page shows the progress.
SYNC_MAX = 3
# A row still "being made" after this long lost its worker: a new request makes it again.
STALE_AFTER = timedelta(minutes=10)


class OverviewError(ValidationError):
    """An overview that cannot be requested or made; the message is for the user."""


# --- what is printed ---


def _language(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.language if getattr(user, "language", None) in codes else settings.LANGUAGE_CODE


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def overview_content(*, vacancy, user) -> dict:
    """Everything the overview of `vacancy` made for `user` prints (except the moment it is
    made), as plain data: the vacancy, the person, the requirements and per released candidate
    (in the portal's order) their position, career and the consultant's assessment. Four queries,
    however many candidates."""
    applications = (
        access.committee_applications(user, vacancy)
        .select_related("candidate", "assessment")
        .only(
            "pk",
            "vacancy_id",
            "candidate__first_name",
            "candidate__last_name",
            "candidate__current_position",
            "candidate__current_organisation",
            "assessment__summary",
            "assessment__career",
            "assessment__recommendation",
        )
        .prefetch_related(
            Prefetch("assessment__scores", queryset=AssessmentScore.objects.order_by())
        )
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    requirements = list(vacancy.requirements.order_by("order", "pk").values_list("pk", "text"))
    language = _language(user)
    labels = dict(Assessment.Recommendation.choices)
    candidates = []
    with translation.override(language):
        for application in applications:
            try:
                assessment = application.assessment
            except Assessment.DoesNotExist:
                assessment = None
            given = {s.requirement_id: s for s in assessment.scores.all()} if assessment else {}
            scores = []
            for pk, text in requirements:
                score = given.get(pk)
                scores.append(
                    {
                        "requirement": text,
                        "score": score.score if score else None,
                        "text": score.text if score else "",
                    }
                )
            candidate = application.candidate
            recommendation = assessment.recommendation if assessment else ""
            candidates.append(
                {
                    "name": candidate.full_name,
                    "position": candidate.current_position,
                    "organisation": candidate.current_organisation,
                    "career": assessment.career if assessment else "",
                    "summary": assessment.summary if assessment else "",
                    "recommendation": str(labels.get(recommendation, "")),
                    "scores": scores,
                }
            )
    return {
        "layout": LAYOUT,
        "language": language,
        "vacancy": {"title": vacancy.title, "client": vacancy.client.display_name},
        "made_for": _person(user),
        "requirements": [text for _pk, text in requirements],
        "candidates": candidates,
    }


def content_fingerprint(content: dict) -> str:
    data = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()


def overview_fingerprint(vacancy, user) -> str:
    """The hash of everything the overview of `vacancy` for `user` prints, the moment of making
    left out: equal as long as the same overview would be printed."""
    return content_fingerprint(overview_content(vacancy=vacancy, user=user))


def overview_current(*, vacancy, user) -> tuple[CandidateOverview | None, dict]:
    """The row of the overview of the current content (None: not asked for yet) and the
    content."""
    content = overview_content(vacancy=vacancy, user=user)
    overview = CandidateOverview.objects.filter(
        vacancy_id=vacancy.pk, user_id=user.pk, fingerprint=content_fingerprint(content)
    ).first()
    return overview, content


def overview_file_exists(overview: CandidateOverview) -> bool:
    if not overview.file:
        return False
    try:
        return overview.file.storage.exists(overview.file.name)
    except Exception:  # a storage that cannot answer: make the file again
        logger.warning("Could not check overview file %s", overview.file.name, exc_info=True)
        return False


# --- asking for it ---


def overview_request(*, vacancy, user) -> CandidateOverview:
    """The overview of `vacancy` for `user` with the current content: the ready one when it was
    made before and its file is there (nothing is made again), else a row that is being made.
    A few candidates are made right here; more by Celery, once this transaction commits.
    The caller checked `access.can_view_vacancy`. OverviewError when no candidate is released.
    """
    content = overview_content(vacancy=vacancy, user=user)
    if not content["candidates"]:
        raise OverviewError(
            _(
                "No candidates have been released to the committee yet: "
                "there is no overview to make."
            ),
            code="empty",
        )
    fingerprint = content_fingerprint(content)
    with transaction.atomic():
        overview = (
            CandidateOverview.objects.select_for_update()
            .filter(vacancy_id=vacancy.pk, user_id=user.pk, fingerprint=fingerprint)
            .first()
        )
        if overview is not None and overview.status == Status.DONE:
            if overview_file_exists(overview):
                return overview
            # Its file is gone: the row stays as the record of that copy, a new one is made.
            _retire(overview)
            overview = None
        if overview is None:
            overview, _created = CandidateOverview.objects.get_or_create(
                vacancy=vacancy, user=user, fingerprint=fingerprint
            )
        elif overview.status == Status.RUNNING:
            if overview.created_at >= timezone.now() - STALE_AFTER:
                return overview
            _restart(overview)  # its worker was lost
        elif overview.status == Status.FAILED:
            _restart(overview)
    if len(content["candidates"]) <= SYNC_MAX:
        overview_build(overview_id=overview.pk)
        overview.refresh_from_db()
    else:
        # A pending row is handed to Celery again on every request: the task claims the row
        # (pending -> running), so a second hand-over does nothing.
        transaction.on_commit(lambda: overview_enqueue(overview_id=overview.pk), robust=True)
    return overview


def _restart(overview: CandidateOverview) -> None:
    CandidateOverview.objects.filter(pk=overview.pk).update(
        status=Status.PENDING, progress=0, error="", created_at=timezone.now()
    )
    overview.refresh_from_db()


def _retire(overview: CandidateOverview) -> None:
    """A made copy whose file is gone keeps its row (the log refers to it) but gives up its
    fingerprint, so that the same content can be made again as a new row."""
    CandidateOverview.objects.filter(pk=overview.pk).update(
        fingerprint=f"retired:{overview.pk}", file=""
    )


def overview_enqueue(*, overview_id: int) -> bool:
    """Hand the making of the overview to Celery. A broker that is down is logged, not raised:
    the row stays pending and the next request hands it over again."""
    from candidates.tasks import overview_generate

    try:
        overview_generate.delay(overview_id)
    except Exception:  # kombu.exceptions.OperationalError, OSError, redis errors, ...
        logger.warning("Could not hand overview %s to the task queue.", overview_id, exc_info=True)
        return False
    return True


# --- making it ---


def _progress(overview_id: int, value: int) -> None:
    CandidateOverview.objects.filter(pk=overview_id, status=Status.RUNNING).update(
        progress=max(0, min(value, 99))
    )


def _fail(overview: CandidateOverview, error: str) -> str:
    CandidateOverview.objects.filter(pk=overview.pk, status=Status.RUNNING).update(
        status=Status.FAILED, error=error[:2000], finished_at=timezone.now()
    )
    return Status.FAILED


def overview_filename(overview: CandidateOverview) -> str:
    """kandidatenoverzicht-algemeen-directeur-2026-05-14.pdf"""
    made = timezone.localtime(overview.finished_at or overview.created_at)
    title = slugify(overview.vacancy.title)[:60] or "vacature"
    return f"kandidatenoverzicht-{title}-{made:%Y-%m-%d}.pdf"


@dataclass
class _Made:
    pdf: bytes
    fingerprint: str


def _make(overview: CandidateOverview) -> _Made:
    """The PDF of the overview as its content is now, reporting progress: 5% once read, up to
    50% as each candidate's pages are written, 90% once WeasyPrint is done."""
    vacancy, user = overview.vacancy, overview.user
    if not access.can_view_vacancy(user, vacancy):
        raise OverviewError(_("You no longer have access to this vacancy."), code="access")
    content = overview_content(vacancy=vacancy, user=user)
    if not content["candidates"]:
        raise OverviewError(
            _("No candidates are released to the committee any more."), code="empty"
        )
    _progress(overview.pk, 5)
    made_at = timezone.now()
    count = len(content["candidates"])
    sections = []
    with translation.override(content["language"]):
        for number, candidate in enumerate(content["candidates"], start=1):
            sections.append(
                render_to_string(
                    CANDIDATE_TEMPLATE,
                    {"candidate": candidate, "number": number, "count": count},
                )
            )
            _progress(overview.pk, 5 + 45 * number // count)
        context = {
            "content": content,
            # Each section was rendered (and its text escaped) by CANDIDATE_TEMPLATE.
            "sections": sections,
            "made_at": made_at,
            "firm_name": settings.FIRM_NAME,
            "firm_logo": settings.FIRM_LOGO,
            "firm_colours": settings.FIRM_COLOURS,
        }
        pdf = render_pdf(template=TEMPLATE, context=context, stylesheets=STYLESHEETS)
    _progress(overview.pk, 90)
    return _Made(pdf=pdf, fingerprint=content_fingerprint(content))


def overview_build(*, overview_id: int) -> str | None:
    """Make the PDF of a pending overview: claim the row (pending -> running), render, store the
    file in the private storage, mark it done and log it; on any error mark it failed with the
    reason. Returns the new status, or None when the row was not pending (made already, or
    being made): a task that runs twice does the work once. Never raises."""
    if not CandidateOverview.objects.filter(pk=overview_id, status=Status.PENDING).update(
        status=Status.RUNNING, progress=0, error=""
    ):
        return None
    overview = CandidateOverview.objects.select_related("vacancy__client", "user").get(
        pk=overview_id
    )
    try:
        made = _make(overview)
    except OverviewError as exc:
        return _fail(overview, exc.messages[0])
    except Exception as exc:
        logger.exception("Could not make candidate overview %s", overview_id)
        return _fail(overview, f"{type(exc).__name__}: {exc}")
    if made.fingerprint != overview.fingerprint:
        # Something printed changed since the request: the file shows the content of now, so
        # the row takes its fingerprint, unless a row of that content exists already.
        try:
            with transaction.atomic():
                CandidateOverview.objects.filter(pk=overview_id).update(
                    fingerprint=made.fingerprint
                )
        except IntegrityError:
            return _fail(
                overview, _("The candidates' details changed while the overview was being made.")
            )
    try:
        return _store(overview, made.pdf)
    except Exception as exc:
        logger.exception("Could not store candidate overview %s", overview_id)
        return _fail(overview, f"{type(exc).__name__}: {exc}")


def _store(overview: CandidateOverview, pdf: bytes) -> str | None:
    """Write the file, then in one transaction mark the row done and log the making. When the
    row is no longer running (a request found it stale and has it made again), the file is
    deleted and nothing is recorded."""
    field = CandidateOverview._meta.get_field("file")
    name = field.storage.save(field.generate_filename(overview, "overview.pdf"), ContentFile(pdf))
    try:
        with transaction.atomic():
            log = DocumentAccess.objects.create(
                overview=overview,
                vacancy_id=overview.vacancy_id,
                user_id=overview.user_id,
                action=DocumentAccess.Action.MADE,
            )
            finished = CandidateOverview.objects.filter(
                pk=overview.pk, status=Status.RUNNING
            ).update(status=Status.DONE, progress=100, file=name, finished_at=log.accessed_at)
            if not finished:
                transaction.set_rollback(True)
    except Exception:
        field.storage.delete(name)
        raise
    if not finished:
        field.storage.delete(name)
        return None
    _delete_older_files(overview, before=log.accessed_at)
    return Status.DONE


def _delete_older_files(overview: CandidateOverview, *, before) -> None:
    """The copies made earlier for the same person and vacancy show content that is no longer
    current: their files are deleted and their rows retired (the rows and the log stay)."""
    older = (
        CandidateOverview.objects.filter(
            vacancy_id=overview.vacancy_id, user_id=overview.user_id, finished_at__lt=before
        )
        .exclude(pk=overview.pk)
        .exclude(file="")
    )
    for row in older:
        try:
            row.file.storage.delete(row.file.name)
        except Exception:
            logger.warning("Could not delete old overview file %s", row.file.name, exc_info=True)
            continue
        _retire(row)


# --- reading it ---


def overview_open(*, overview: CandidateOverview, user, ip_address: str | None = None):
    """Open the overview's file for reading and log the download. FileNotFoundError (nothing
    logged) when there is no file. The caller checked `access.can_download_overview` and closes
    the file (FileResponse does)."""
    if overview.status != Status.DONE or not overview.file:
        raise FileNotFoundError(overview.pk)
    handle = overview.file.storage.open(overview.file.name, "rb")
    DocumentAccess.objects.create(
        overview=overview,
        vacancy_id=overview.vacancy_id,
        user=user,
        ip_address=ip_address or None,
    )
    return handle


@dataclass
class OverviewLogRow:
    access: DocumentAccess
    # True: the overview was made (for access.user); False: downloaded.
    made: bool


def overview_access_log(*, vacancy, limit: int = 200) -> list[OverviewLogRow]:
    """Who had an overview of `vacancy` made and who downloaded one, and when: newest first."""
    rows = (
        DocumentAccess.objects.filter(vacancy_id=vacancy.pk, document__isnull=True)
        .select_related("user", "overview")
        .order_by("-accessed_at", "-pk")[:limit]
    )
    return [
        OverviewLogRow(
            access=row,
            made=row.action == DocumentAccess.Action.MADE,
        )
        for row in rows
    ]
