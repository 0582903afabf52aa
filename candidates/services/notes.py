"""Notes of the consultants on a candidate or on one of their applications."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, Candidate, Note
from candidates.services.search import candidate_reindex, clean_text

NOTE_MAX_LENGTH = 10_000


def note_add(
    *,
    candidate: Candidate,
    author,
    text: str,
    visibility: str = Note.Visibility.INTERNAL,
    application: Application | None = None,
) -> Note:
    """Add a note by `author` about `candidate` (and, when given, about one of their
    applications) and make it searchable. Raises ValidationError on an empty or too long text,
    an unknown visibility, or an application of another candidate."""
    text = (text or "").replace("\x00", "").strip()
    if not clean_text(text):
        raise ValidationError(_("Write a note first."), code="empty")
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            _("A note has at most %(max)s characters.")
            % {"max": number_format(NOTE_MAX_LENGTH, force_grouping=True)},
            code="too_long",
        )
    if visibility not in Note.Visibility.values:
        raise ValidationError(_("Choose who may see the note."), code="invalid_visibility")
    if application is not None and application.candidate_id != candidate.pk:
        raise ValidationError(
            _("That application is not one of this candidate's."), code="invalid_application"
        )
    with transaction.atomic():
        note = Note.objects.create(
            candidate=candidate,
            application=application,
            author=author if author is not None and author.is_authenticated else None,
            text=text,
            visibility=visibility,
        )
        candidate_reindex(candidate_id=candidate.pk)
    return note
