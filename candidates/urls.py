from .views import backoffice, candidate_page, documents, public

app_name = "candidates"

urlpatterns = [
    *public.urlpatterns,
    *documents.urlpatterns,
    *backoffice.urlpatterns,
    *candidate_page.urlpatterns,
]
