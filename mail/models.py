from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One email to send, and once sent, the record that it was sent.

    The unique `key` ("application-received:42:candidate") makes queueing idempotent: a message
    is queued once and only once, however often the code that queues it runs. A worker sends it
    after claiming the row with a conditional UPDATE, so two workers never send the same message.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    to = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=8)
    template = models.CharField(
        _("template"), max_length=100, help_text=_("Name of the templates in templates/emails/.")
    )
    context = models.JSONField(_("context"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # After a failed attempt the next one waits, longer each time (mail.services.outbox).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="mail_outgoingemail_unsent",
            )
        ]

    def __str__(self):
        return self.key

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None
