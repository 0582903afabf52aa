from .views import clients, committee, invitations, planning, profile, vacancies, works_council

app_name = "vacancies"

urlpatterns = [
    *clients.urlpatterns,
    *vacancies.urlpatterns,
    *planning.urlpatterns,
    *committee.urlpatterns,
    *invitations.urlpatterns,
    *works_council.urlpatterns,
    *profile.urlpatterns,
]
