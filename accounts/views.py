"""Logging in: recruiters land in the back office, everyone else on the public vacancies."""

from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url


class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Without a `next`, a committee member would land on the back office and get a 404."""
        user = self.request.user
        if user.is_authenticated and not user.is_recruiter:
            return resolve_url("candidates:vacancy_list")
        return super().get_default_redirect_url()
