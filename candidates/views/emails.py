"""Placeholder: replaced by the real views of this area."""

from django.http import Http404
from django.urls import path


def email_template_list(request, **kwargs):
    raise Http404


def email_template_edit(request, **kwargs):
    raise Http404


def email_template_preview(request, **kwargs):
    raise Http404


def application_reject(request, **kwargs):
    raise Http404


def application_email(request, **kwargs):
    raise Http404


urlpatterns = [
    path("kantoor/sjablonen/", email_template_list, name="email_template_list"),
    path("kantoor/sjablonen/<int:pk>/", email_template_edit, name="email_template_edit"),
    path(
        "kantoor/sjablonen/<int:pk>/voorbeeld/",
        email_template_preview,
        name="email_template_preview",
    ),
    path("kantoor/vacatures/<int:pk>/afwijzen/", application_reject, name="application_reject"),
    path("kantoor/sollicitaties/<int:pk>/email/", application_email, name="application_email"),
]
