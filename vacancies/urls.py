from .views import clients, committee, dashboard, planning, vacancies

app_name = "vacancies"

urlpatterns = [
    *dashboard.urlpatterns,
    *clients.urlpatterns,
    *vacancies.urlpatterns,
    *planning.urlpatterns,
    *committee.urlpatterns,
]
