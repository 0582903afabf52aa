"""The recruiter back office. Each module holds the views of one screen and its `urlpatterns`."""
