"""The project's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import include, path


def server_error(request):
    raise RuntimeError("on purpose")


def bad_request(request):
    raise SuspiciousOperation("on purpose")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("test-fouten/500/", server_error),
    path("test-fouten/400/", bad_request),
    path("test-fouten/403/", forbidden),
    path("", include("recruitment.urls")),
]
