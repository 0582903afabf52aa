from django.contrib import admin

from .models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["key", "to", "template", "language", "created_at", "sent_at", "attempts"]
    list_filter = ["template", "language", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["key", "to"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]
    date_hierarchy = "created_at"
