from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.services import session_mark_active

        # Session bookkeeping, not domain logic: the idle timeout counts from the login.
        user_logged_in.connect(session_mark_active, dispatch_uid="accounts.session_mark_active")
