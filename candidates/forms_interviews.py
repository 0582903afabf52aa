"""Forms of interviews: the recruiter's slot (date and times in Europe/Amsterdam, as a Dutch user
types them) and the candidate's answer. Whether a slot may be planned is the service's decision
(`candidates.services.interviews`); these forms only read what was typed."""

from datetime import UTC, datetime, timedelta

from django import forms
from django.core.validators import URLValidator
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, ApplicationRelease, Interview
from candidates.services.calendar import AMSTERDAM
from candidates.services.interviews import NOTE_MAX_LENGTH
from vacancies.models import CommitteeMember, Vacancy

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H%M"]
# A typing error such as 2062 for 2026 is caught here.
FURTHEST = timedelta(days=2 * 366)


class ApplicationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.candidate.full_name} ({obj.get_stage_display()})"


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = obj.user.get_full_name() or obj.user.username
        return f"{name} ({obj.get_role_display()})"


def plannable_applications(vacancy: Vacancy):
    """The applications of `vacancy` released to the committee and still in the procedure."""
    released = ApplicationRelease.objects.filter(
        application=OuterRef("pk"), withdrawn_at__isnull=True
    )
    return (
        Application.objects.filter(vacancy_id=vacancy.pk)
        .filter(Exists(released))
        .exclude(stage__in=Application.FINAL)
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


class InterviewForm(forms.Form):
    application = ApplicationChoiceField(
        label=_("Candidate"),
        queryset=Application.objects.none(),
        empty_label=_("Choose a candidate"),
        error_messages={
            "required": _("Choose the candidate to interview."),
            "invalid_choice": _(
                "Choose one of the candidates released to the committee and still in the procedure."
            ),
        },
    )
    date = forms.DateField(
        label=_("Date"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date of the interview."),
            "invalid": _("Enter a date such as 15-06-2026."),
        },
    )
    starts_at = forms.TimeField(
        label=_("Start time"),
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Enter the start time."),
            "invalid": _("Enter a time such as 10:30."),
        },
    )
    ends_at = forms.TimeField(
        label=_("End time"),
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Enter the end time."),
            "invalid": _("Enter a time such as 11:30."),
        },
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        help_text=_("Address and room; leave empty for an interview by video only."),
    )
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The link to join, such as a Teams or Zoom meeting."),
        error_messages={"invalid": _("Enter a web address such as https://teams.microsoft.com/…")},
    )
    members = MemberChoiceField(
        label=_("Attending committee members"),
        queryset=CommitteeMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose members of this vacancy's committee.")},
    )

    def __init__(self, *args, vacancy: Vacancy, interview: Interview | None = None, **kwargs):
        self.vacancy = vacancy
        self.interview = interview
        if interview is not None:
            start = interview.starts_at.astimezone(AMSTERDAM)
            kwargs.setdefault("initial", {}).update(
                {
                    "date": start.date(),
                    "starts_at": start.time(),
                    "ends_at": interview.ends_at.astimezone(AMSTERDAM).time(),
                    "place": interview.place,
                    "video_url": interview.video_url,
                    "members": [member.pk for member in interview.members.all()],
                }
            )
        super().__init__(*args, **kwargs)
        if interview is not None:
            del self.fields["application"]
        else:
            self.fields["application"].queryset = plannable_applications(vacancy)
        self.fields["members"].queryset = (
            CommitteeMember.objects.filter(vacancy_id=vacancy.pk)
            .select_related("user")
            .order_by("role", "user__last_name", "user__first_name", "pk")
        )

    @staticmethod
    def _moment(day, time, field, form):
        """The wall-clock time in Amsterdam; a time that does not exist there (the hour skipped
        when summer time starts) is refused rather than silently moved."""
        naive = datetime.combine(day, time.replace(second=0, microsecond=0))
        aware = naive.replace(tzinfo=AMSTERDAM)
        back = aware.astimezone(UTC).astimezone(AMSTERDAM).replace(tzinfo=None)
        if back != naive:
            form.add_error(
                field, _("This time does not exist on that day (summer time starts at 2:00).")
            )
            return None
        return aware

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("starts_at"), data.get("ends_at")
        if day and day > timezone.localdate() + FURTHEST:
            self.add_error("date", _("Choose a date within two years."))
            return data
        if not (day and start and end):
            return data
        starts = self._moment(day, start, "starts_at", self)
        ends = self._moment(day, end, "ends_at", self)
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The interview must end after it starts."))
        data["start"], data["end"] = starts, ends
        return data


class InterviewResponseForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (Interview.Response.CONFIRMED, _("I confirm this time")),
            (Interview.Response.OTHER_SLOT, _("I would like another time")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you confirm this time or would like another one."),
            "invalid_choice": _("Choose one of the answers."),
        },
    )
    note = forms.CharField(
        label=_("Remark"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("If you would like another time: which days and times suit you?"),
    )
