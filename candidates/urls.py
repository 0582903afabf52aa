from .views import (
    assessment,
    backoffice,
    board,
    candidate_page,
    database,
    documents,
    emails,
    insight,
    office,
    public,
    release,
    sourcing,
    submitted,
)

app_name = "candidates"

urlpatterns = [
    *public.urlpatterns,
    *documents.urlpatterns,
    *backoffice.urlpatterns,
    *candidate_page.urlpatterns,
    *office.urlpatterns,
    *board.urlpatterns,
    *database.urlpatterns,
    *emails.urlpatterns,
    *assessment.urlpatterns,
    *insight.urlpatterns,
    *sourcing.urlpatterns,
    *submitted.urlpatterns,
    *release.urlpatterns,
]
