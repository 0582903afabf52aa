"""Inviting committee members by email, and the invitation link.

STUB: created by the coordinator so every URL exists; the owner replaces these views.
"""

from django.http import Http404
from django.urls import path


def committee_invite(request, pk):
    raise Http404


def committee_invite_resend(request, pk, member_pk):
    raise Http404


def invitation_accept(request, token):
    raise Http404


def invitation_renew(request):
    raise Http404


urlpatterns = [
    path("vacatures/<int:pk>/commissie/uitnodigen/", committee_invite, name="committee_invite"),
    path(
        "vacatures/<int:pk>/commissie/<int:member_pk>/opnieuw-uitnodigen/",
        committee_invite_resend,
        name="committee_invite_resend",
    ),
]

# Mounted at the site's root under the namespace "invitations" (recruitment/urls.py).
public_urlpatterns = [
    path("uitnodiging/nieuwe-link/", invitation_renew, name="renew"),
    path("uitnodiging/<str:token>/", invitation_accept, name="accept"),
]
