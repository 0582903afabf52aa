from django.shortcuts import render

from .access import recruiter_required


@recruiter_required
def dashboard(request):
    return render(request, "vacancies/dashboard.html", {})
