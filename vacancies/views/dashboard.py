from django.shortcuts import render
from django.urls import path

from ..access import recruiter_required


@recruiter_required
def dashboard(request):
    return render(request, "vacancies/dashboard.html", {})


urlpatterns = [
    path("", dashboard, name="dashboard"),
]
