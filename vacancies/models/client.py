from django.db import models
from django.utils.translation import gettext_lazy as _


class Client(models.Model):
    """An organisation that commissions a search (opdrachtgever)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    context = models.TextField(
        _("context"),
        blank=True,
        help_text=_("Background on the organisation, its course and its challenges."),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class ClientLocation(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)

    class Meta:
        ordering = ["client", "name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "name"], name="vacancies_clientlocation_unique_name"
            )
        ]

    def __str__(self):
        return self.name if self.name == self.city else f"{self.name} ({self.city})"


class ClientUnit(models.Model):
    """A part of the client organisation, such as IPO-bureau, BIJ12 or HNP."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=120)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)
    location = models.ForeignKey(
        ClientLocation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("location"),
    )
    staff_count = models.PositiveIntegerField(_("approximate staff"), null=True, blank=True)

    class Meta:
        ordering = ["client", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "name"], name="vacancies_clientunit_unique_name"
            )
        ]

    def __str__(self):
        return self.abbreviation or self.name


class ClientContact(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=160, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["client", "name"]
        verbose_name = _("client contact")
        verbose_name_plural = _("client contacts")

    def __str__(self):
        return self.name
