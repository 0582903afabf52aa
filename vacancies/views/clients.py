from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from .. import selectors
from ..access import recruiter_required
from ..forms import ClientForm, client_formsets, save_with_formsets
from ..models import Client


@recruiter_required
def client_list(request):
    return render(request, "vacancies/client_list.html", {"clients": selectors.client_list()})


@recruiter_required
def client_detail(request, pk):
    return render(
        request, "vacancies/client_detail.html", {"client": selectors.client_detail(pk=pk)}
    )


def _client_form(request, client: Client):
    """Create or edit a client with its locations, units and contacts: all of it, or nothing."""
    data = request.POST if request.method == "POST" else None
    form = ClientForm(data, instance=client)
    formsets = client_formsets(data=data, instance=client)
    if data is not None:
        created = client.pk is None
        if saved := save_with_formsets(form, formsets):
            client = saved
            if created:
                messages.success(request, _("Client “%(client)s” created.") % {"client": client})
            else:
                messages.success(request, _("Client “%(client)s” saved.") % {"client": client})
            return redirect("vacancies:client_detail", pk=client.pk)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "vacancies/client_form.html",
        {"form": form, "formsets": formsets, "client": client},
    )


@recruiter_required
def client_create(request):
    return _client_form(request, Client())


@recruiter_required
def client_edit(request, pk):
    return _client_form(request, get_object_or_404(Client, pk=pk))


urlpatterns = [
    path("opdrachtgevers/", client_list, name="client_list"),
    path("opdrachtgevers/nieuw/", client_create, name="client_create"),
    path("opdrachtgevers/<int:pk>/", client_detail, name="client_detail"),
    path("opdrachtgevers/<int:pk>/bewerken/", client_edit, name="client_edit"),
]
