from django.urls import path

from . import views

app_name = "candidates"

urlpatterns = [
    path("", views.vacancy_list, name="vacancy_list"),
    path("vacatures/<slug:reference>/", views.vacancy_detail, name="vacancy"),
]
