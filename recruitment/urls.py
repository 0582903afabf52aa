from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from accounts.views import LoginView, PasswordResetConfirmView, PasswordResetView
from vacancies.views.invitations import public_urlpatterns as invitation_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # One way in, with the lockout and the second factor: the admin logs in through /login/.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("admin/", admin.site.urls),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verzonden/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include("accounts.urls")),
    path("kantoor/", include("vacancies.urls")),
    path("", include((invitation_urls, "invitations"))),
    path("", include("candidates.urls")),
]
