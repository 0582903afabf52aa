"""The candidate's own page: the private link to it, and what a candidate can do there.

The link carries the application's access token (secrets.token_urlsafe(32)) signed with the
site's secret key, so a link is both unguessable and tamper-evident.
"""

import hashlib
import io
import json
import logging
import re
import zipfile

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Assessment, Candidate
from candidates.services import notifications
from candidates.services.documents import document_log_access
from candidates.services.retention import link_valid_q
from candidates.services.stages import application_move

LINK_SALT = "candidate-page"
MISSING_EXPLANATION = _(
    "We could not find the file of this document in our storage, so it is not in this download. "
    "We have been notified; contact us if you need it."
)
# Translators: name of a file in the data export; no spaces.
MISSING_FILE_NAME = _("missing-documents.txt")
WITHDRAWN_REASON = _("Withdrawn by the candidate")

logger = logging.getLogger(__name__)


# The private link ------------------------------------------------------------------------------


def status_link_token(application: Application) -> str:
    return signing.dumps({"a": application.access_token}, salt=LINK_SALT)


def status_url(application: Application) -> str:
    """The absolute address of the candidate's page, for emails."""
    return settings.SITE_URL + reverse("candidates:status", args=[status_link_token(application)])


def application_from_link(signed: str) -> Application | None:
    """The application a link points to; None for a tampered, foreign or unknown link, and for
    an application whose data was erased or whose procedure ended a year ago or more
    (candidates.services.retention)."""
    try:
        data = signing.loads(signed, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    token = data.get("a") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token:
        return None
    return (
        Application.objects.select_related(
            "candidate", "vacancy__client", "vacancy__lead_consultant"
        )
        .filter(access_token=token)
        .filter(link_valid_q())
        .first()
    )


# What the candidate can do -----------------------------------------------------------------


def application_withdraw(*, application: Application) -> Application:
    """Withdraw on the candidate's own request. Refused (ValidationError) when already final."""
    with translation.override(settings.LANGUAGE_CODE):  # read by the consultants
        reason = str(WITHDRAWN_REASON)
    return application_move(
        application=application, to_stage=Application.Stage.WITHDRAWN, by=None, reason=reason
    )


def application_request_erasure(*, application: Application) -> bool:
    """Record the candidate's request to erase their data, on each of their applications, and
    tell the lead consultants. Asking again changes nothing and sends nothing; returns whether
    this call recorded a new request."""
    with transaction.atomic():
        ids = list(
            Application.objects.select_for_update()
            .filter(candidate_id=application.candidate_id, erasure_requested_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not ids:
            return False
        Application.objects.filter(pk__in=ids).update(erasure_requested_at=timezone.now())
        for pk in ids:
            notifications.notify_erasure_requested(application_id=pk)
    return True


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", name).strip("._") or "document.pdf"


def candidate_export(*, application: Application, ip_address: str | None = None) -> bytes:
    """A ZIP of everything held about the candidate: data.json (their data, every application
    with its stage history, notes and the consultant's assessment) and their documents."""
    candidate = Candidate.objects.get(pk=application.candidate_id)
    applications = (
        candidate.applications.select_related("vacancy__client")
        .prefetch_related(
            "stage_changes__changed_by",
            "notes__author",
            "documents",
            "assessment__scores__requirement",
        )
        .order_by("created_at", "pk")
    )
    buffer = io.BytesIO()
    data = {
        "exported_at": timezone.now(),
        "candidate": {
            field: getattr(candidate, field)
            for field in (
                "first_name",
                "last_name",
                "email",
                "phone",
                "current_position",
                "current_organisation",
                "linkedin_url",
                "language",
                "created_at",
            )
        },
        "applications": [],
    }
    missing = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for app in applications:
            documents = []
            for document in app.documents.all():
                try:
                    with document.file.open("rb") as handle:
                        content = handle.read()
                except OSError:  # FileNotFoundError, or storage that cannot be reached
                    logger.error("Export of candidate %s: file of document %s is missing",
                                 candidate.pk, document.pk)  # fmt: skip
                    missing.append(_missing_document(app, document))
                    documents.append(missing[-1])
                    continue
                path = f"documents/{app.pk}-{document.kind}-{_safe_name(document.original_name)}"
                archive.writestr(path, content)
                document_log_access(document=document, by_candidate=True, ip_address=ip_address)
                documents.append(
                    {
                        "kind": str(document.get_kind_display()),
                        "original_name": document.original_name,
                        "size": len(content),
                        "sha256": hashlib.sha256(content).hexdigest(),
                        "uploaded_at": document.uploaded_at,
                        "file": path,
                    }
                )
            data["applications"].append(
                {
                    "vacancy": app.vacancy.title,
                    "client": app.vacancy.client.name,
                    "applied_at": app.created_at,
                    "source": str(app.get_source_display()),
                    "stage": str(app.get_stage_display()),
                    "rejection_reason": (
                        str(app.get_rejection_code_display()) if app.rejection_code else ""
                    ),
                    "rejection_explanation": app.rejection_reason,
                    "assessment": _assessment_export(app),
                    "consent_talent_pool": app.consent_talent_pool,
                    "privacy_accepted_at": app.privacy_accepted_at,
                    "erasure_requested_at": app.erasure_requested_at,
                    "stage_history": [
                        {
                            "from": change.get_from_stage_display() if change.from_stage else "",
                            "to": change.get_to_stage_display(),
                            "at": change.changed_at,
                            "by": str(change.changed_by) if change.changed_by else "",
                            "reason": change.reason,
                        }
                        for change in app.stage_changes.all()
                    ],
                    "notes": [
                        {
                            "text": note.text,
                            "at": note.created_at,
                            "by": str(note.author) if note.author else "",
                        }
                        for note in app.notes.all()
                    ],
                    "documents": documents,
                }
            )
        if missing:
            data["missing_documents"] = missing
            archive.writestr(str(MISSING_FILE_NAME), _missing_text(missing))
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
    return buffer.getvalue()


def _missing_document(application: Application, document) -> dict:
    return {
        "kind": str(document.get_kind_display()),
        "original_name": document.original_name,
        "vacancy": application.vacancy.title,
        "uploaded_at": document.uploaded_at,
        "sha256": document.sha256,
        "file": "",
        "missing": str(MISSING_EXPLANATION),
    }


def _missing_text(missing: list[dict]) -> str:
    lines = [str(MISSING_EXPLANATION), ""]
    lines += [f"- {item['kind']}: {item['original_name']} ({item['vacancy']})" for item in missing]
    return "\n".join(lines) + "\n"


def _assessment_export(application: Application) -> dict | None:
    try:
        assessment = application.assessment
    except Assessment.DoesNotExist:
        return None
    return {
        "summary": assessment.summary,
        "recommendation": (
            str(assessment.get_recommendation_display()) if assessment.recommendation else ""
        ),
        "scores": [
            {"requirement": score.requirement.text, "score": score.score, "text": score.text}
            for score in assessment.scores.all()
        ],
    }


def check_document(*, application: Application, document_id: int):
    """The candidate's own document of this application, or a ValidationError."""
    document = application.documents.filter(pk=document_id).first()
    if document is None:
        raise ValidationError(_("No such document."), code="not_found")
    return document
