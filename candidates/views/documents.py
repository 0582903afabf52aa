"""Downloads of candidate documents: access checked, every download logged."""

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.decorators.cache import never_cache

from candidates.access import can_view_document
from candidates.models import Document
from candidates.services.documents import document_open
from candidates.views.public import client_address


def document_response(document: Document, handle, *, inline: bool = False) -> FileResponse:
    """The file under its original name, as an attachment (saved) or inline (opened in the
    browser's PDF viewer); never cached."""
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=document.original_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
def document_download(request, pk):
    """A recruiter, or a member of the vacancy's committee when the application is released to
    it (`candidates.access`); anyone else logged in gets 404, an anonymous user the login.
    `?inline=1` opens the PDF in the browser instead of saving it; both are logged alike."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    document = get_object_or_404(
        Document.objects.select_related("application__vacancy").defer("text"), pk=pk
    )
    if not can_view_document(request.user, document):
        raise Http404
    try:
        handle = document_open(
            document=document, user=request.user, ip_address=client_address(request)
        )
    except FileNotFoundError as exc:
        raise Http404 from exc
    return document_response(document, handle, inline=request.GET.get("inline") == "1")


urlpatterns = [
    path("kantoor/kandidaten/documenten/<int:pk>/", document_download, name="document_download"),
]
