from .views import clients, committee, planning, vacancies

app_name = "vacancies"

urlpatterns = [
    *clients.urlpatterns,
    *vacancies.urlpatterns,
    *planning.urlpatterns,
    *committee.urlpatterns,
]
