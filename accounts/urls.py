"""The login steps after the password, and the user's own account page."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/code/", views.login_code, name="login_code"),
    path("login/app-instellen/", views.login_enrol, name="login_enrol"),
    path("login/app-instellen/qr.png", views.otp_qr, name="otp_qr"),
    path("account/", views.account, name="account"),
    path("account/app-instellen/", views.otp_enrol, name="otp_enrol"),
]
