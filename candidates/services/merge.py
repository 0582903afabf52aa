"""Merging two records of one person into one.

Everything that hangs on the removed record moves to the kept one: applications (and with them
their documents, stage history, assessments, emails and document access log), notes and the log
of earlier merges. The merge is logged on the kept record (CandidateMerge) and the removed record
is deleted, all in one transaction with both records and their applications locked.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from candidates.models import (
    Application,
    ApplicationEmail,
    Candidate,
    CandidateMerge,
    Document,
    Note,
    StageChange,
)
from candidates.services.sourcing import candidate_reindex_if_available

logger = logging.getLogger(__name__)

# The contact fields the consultant may take from the removed record, in the order shown.
MERGE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "current_position",
    "current_organisation",
    "linkedin_url",
    "language",
)
# What the merge moves itself; any other model that points at a candidate is moved as well.
_HANDLED = {Application, Note, CandidateMerge}


def _quoted(vacancies) -> str:
    return ", ".join(f"“{title}”" for title in sorted(vacancies))


def merge_check(*, keep: Candidate, remove: Candidate, applications) -> None:
    """Raise a ValidationError when these records may not be merged.

    `applications` holds the applications of both records (with their vacancies). Refused: a
    record with itself; two records that are both appointed somewhere; two records with an
    application for the same vacancy (one person has one application per vacancy)."""
    if keep.pk == remove.pk:
        raise ValidationError(_("A candidate cannot be merged with themselves."), code="self")
    kept = [a for a in applications if a.candidate_id == keep.pk]
    removed = [a for a in applications if a.candidate_id == remove.pk]
    kept_appointed = [a.vacancy.title for a in kept if a.stage == Application.Stage.APPOINTED]
    removed_appointed = [a.vacancy.title for a in removed if a.stage == Application.Stage.APPOINTED]
    if kept_appointed and removed_appointed:
        raise ValidationError(
            _(
                "Both records are appointed (%(kept)s and %(removed)s). Two appointed "
                "candidates are not merged."
            )
            % {"kept": _quoted(kept_appointed), "removed": _quoted(removed_appointed)},
            code="both_appointed",
        )
    kept_vacancies = {a.vacancy_id for a in kept}
    shared = {a.vacancy.title for a in removed if a.vacancy_id in kept_vacancies}
    if shared:
        raise ValidationError(
            _(
                "Both records have an application for %(vacancies)s. One person has one "
                "application per vacancy, so these records cannot be merged."
            )
            % {"vacancies": _quoted(shared)},
            code="same_vacancy",
        )


def candidate_merge_check(*, keep: Candidate, remove: Candidate) -> None:
    """The checks of `candidate_merge`, without changing anything (for the page before the
    confirmation)."""
    applications = Application.objects.filter(candidate_id__in=[keep.pk, remove.pk]).select_related(
        "vacancy"
    )
    merge_check(keep=keep, remove=remove, applications=list(applications))


def candidate_merge(
    *, keep: Candidate, remove: Candidate, by, fields_from_remove=()
) -> CandidateMerge:
    """Merge `remove` into `keep`, taking the contact fields named in `fields_from_remove` (out
    of MERGE_FIELDS) from `remove`. Returns the log row. Raises ValidationError when the merge is
    refused (see `merge_check`) or a record no longer exists; then nothing changes."""
    fields_from_remove = list(dict.fromkeys(fields_from_remove))
    unknown = [name for name in fields_from_remove if name not in MERGE_FIELDS]
    if unknown:
        raise ValidationError(_("Unknown field: %(name)s.") % {"name": unknown[0]}, code="field")
    if keep.pk == remove.pk:
        raise ValidationError(_("A candidate cannot be merged with themselves."), code="self")
    with transaction.atomic():
        # Both rows locked, always in the same order, so that two merges cannot deadlock.
        locked = {
            c.pk: c
            for c in Candidate.objects.select_for_update()
            .filter(pk__in=[keep.pk, remove.pk])
            .order_by("pk")
        }
        if len(locked) != 2:
            raise ValidationError(
                _("One of the records no longer exists (merged or erased)."), code="gone"
            )
        keep, remove = locked[keep.pk], locked[remove.pk]
        applications = list(
            Application.objects.select_for_update(of=("self",))
            .filter(candidate_id__in=[keep.pk, remove.pk])
            .select_related("vacancy")
            .order_by("pk")
        )
        merge_check(keep=keep, remove=remove, applications=applications)

        moved_ids = [a.pk for a in applications if a.candidate_id == remove.pk]
        moved = {
            "applications": len(moved_ids),
            "documents": Document.objects.filter(application_id__in=moved_ids).count(),
            "stage_changes": StageChange.objects.filter(application_id__in=moved_ids).count(),
            "emails": ApplicationEmail.objects.filter(application_id__in=moved_ids).count(),
        }
        Application.objects.filter(pk__in=moved_ids).update(candidate=keep)
        moved["notes"] = Note.objects.filter(candidate=remove).update(candidate=keep)
        moved["merges"] = CandidateMerge.objects.filter(kept=remove).update(kept=keep)
        for relation in Candidate._meta.related_objects:
            if relation.related_model in _HANDLED or not relation.one_to_many:
                continue
            name = relation.field.name
            count = relation.related_model._base_manager.filter(**{name: remove}).update(
                **{name: keep}
            )
            if count:
                moved[relation.related_model._meta.label_lower] = count
        moved["fields"] = fields_from_remove

        removed = {name: getattr(remove, name) for name in MERGE_FIELDS}
        removed_pk = remove.pk
        remove.delete()
        if fields_from_remove:
            for name in fields_from_remove:
                setattr(keep, name, removed[name])
            keep.save(update_fields=fields_from_remove)
        merge = CandidateMerge.objects.create(
            kept=keep,
            removed_pk=removed_pk,
            removed_name=f"{removed['first_name']} {removed['last_name']}".strip()[:255],
            removed_email=removed["email"],
            moved=moved,
            merged_by=by,
        )
        candidate_reindex_if_available(candidate_id=keep.pk)
    logger.info(
        "Candidate %s merged into %s by %s: %s", removed_pk, keep.pk, getattr(by, "pk", None), moved
    )
    return merge
