from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import Application, ApplicationEmail, EmailTemplate, StageChange
from candidates.services.rejections import application_reject, applications_reject
from candidates.services.stages import application_move
from mail.models import OutgoingEmail
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory

pytestmark = pytest.mark.django_db

REASON = Application.RejectionReason


@pytest.fixture
def vacancy():
    consultant = RecruiterFactory(
        username="inge", first_name="Inge", last_name="Diepenhorst", email="inge@example.org"
    )
    vacancy = VacancyFactory(lead_consultant=consultant)
    PlanningPhaseFactory(vacancy=vacancy, order=2, starts_on=date(2026, 5, 18))
    return vacancy


def application_for(vacancy, first_name="Anna", last_name="de Vries", language="nl", **kwargs):
    candidate = CandidateFactory(
        first_name=first_name,
        last_name=last_name,
        language=language,
        email=f"{first_name.lower()}@example.org",
    )
    return ApplicationFactory(vacancy=vacancy, candidate=candidate, **kwargs)


def texts(kind=EmailTemplate.Kind.REJECT_AFTER_LETTER, language="nl"):
    template = EmailTemplate.objects.get(kind=kind, language=language)
    return template.subject, template.body


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# The service ------------------------------------------------------------------------------------


def test_a_rejection_moves_records_and_emails_the_candidate(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy)
    subject, body = texts()
    with django_capture_on_commit_callbacks(execute=True):
        moved, sent = application_reject(
            application=application,
            by=recruiter,
            rejection_code=REASON.EXPERIENCE,
            reason="Te weinig bestuurlijke ervaring",
            subject=subject,
            body=body,
            kind=EmailTemplate.Kind.REJECT_AFTER_LETTER,
        )

    assert moved.stage == Application.Stage.REJECTED
    assert moved.rejection_code == REASON.EXPERIENCE
    assert moved.rejection_reason == "Te weinig bestuurlijke ervaring"
    change = StageChange.objects.get(application=application, to_stage="rejected")
    assert change.changed_by == recruiter
    assert change.rejection_code == REASON.EXPERIENCE
    assert change.reason == "Te weinig bestuurlijke ervaring"

    assert sent == ApplicationEmail.objects.get(application=application)
    assert sent.kind == "reject_after_letter" and sent.sent_by == recruiter
    assert sent.email.key == f"rejection:{application.pk}:{change.pk}"
    assert sent.email.template == "candidate_message"
    assert sent.email.context["subject"] == "Uw sollicitatie naar de functie van Algemeen Directeur"
    assert sent.email.context["body"].startswith("Geachte Anna de Vries,")
    sent.email.refresh_from_db()
    assert sent.email.is_sent

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Uw sollicitatie naar de functie van Algemeen Directeur"
    assert "Inge Diepenhorst" in message.body
    assert "{{" not in message.body
    # The reason stays internal.
    assert "bestuurlijke ervaring" not in message.body


def test_the_email_is_sent_only_after_the_commit(vacancy, recruiter, mailoutbox):
    subject, body = texts()
    application_reject(
        application=application_for(vacancy),
        by=recruiter,
        rejection_code=REASON.PROFILE,
        reason="",
        subject=subject,
        body=body,
    )
    assert mailoutbox == []  # the test's transaction never commits
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 1


def test_a_rejection_without_email_sends_nothing(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy)
    with django_capture_on_commit_callbacks(execute=True):
        moved, sent = application_reject(
            application=application,
            by=recruiter,
            rejection_code=REASON.WITHDREW,
            reason="",
            subject="",
            body="",
            send_email=False,
        )
    assert moved.stage == "rejected" and sent is None
    assert mailoutbox == [] and not ApplicationEmail.objects.exists()


def test_a_refused_rejection_changes_and_sends_nothing(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy, stage=Application.Stage.WITHDRAWN)
    subject, body = texts()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        application_reject(
            application=application,
            by=recruiter,
            rejection_code=REASON.PROFILE,
            reason="",
            subject=subject,
            body=body,
        )
    application.refresh_from_db()
    assert application.stage == "withdrawn"
    assert mailoutbox == [] and not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    ("code", "reason", "subject", "body"),
    [
        ("other", "", "Afwijzing", "Tekst"),  # "other" needs an explanation
        ("", "", "Afwijzing", "Tekst"),  # a reason is needed
        ("profile", "", "Afwijzing", "Beste {{ candidate.firstname }}"),
        ("profile", "", "", "Tekst"),  # an email needs a subject
    ],
)
def test_bad_input_rejects_nothing(vacancy, recruiter, code, reason, subject, body):
    application = application_for(vacancy)
    with pytest.raises(ValidationError):
        application_reject(
            application=application,
            by=recruiter,
            rejection_code=code,
            reason=reason,
            subject=subject,
            body=body,
        )
    application.refresh_from_db()
    assert application.stage == "applied"
    assert not StageChange.objects.filter(application=application).exists()
    assert not OutgoingEmail.objects.exists()


def test_line_breaks_in_the_subject_are_stripped_and_html_in_the_body_is_escaped(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy)
    with django_capture_on_commit_callbacks(execute=True):
        application_reject(
            application=application,
            by=recruiter,
            rejection_code=REASON.PROFILE,
            reason="",
            subject="Afwijzing\r\nBcc: iedereen@example.org\nX-Kop: ja",
            body="Geachte {{ candidate.full_name }},\r\n\r\n"
            '<script>alert("x")</script> & <b>tot ziens</b>',
        )
    message = mailoutbox[0]
    assert message.subject == "Afwijzing Bcc: iedereen@example.org X-Kop: ja"
    assert message.bcc == [] and message.extra_headers == {}
    assert "\r" not in message.body
    html = message.alternatives[0][0]
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert "<p>Geachte Anna de Vries,</p>" in html  # line breaks kept


def test_a_candidates_name_with_html_is_escaped_in_the_html_part(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy, last_name="<img src=x onerror=alert(1)>")
    subject, body = texts()
    with django_capture_on_commit_callbacks(execute=True):
        application_reject(
            application=application,
            by=recruiter,
            rejection_code=REASON.PROFILE,
            reason="",
            subject=subject,
            body=body,
        )
    html = mailoutbox[0].alternatives[0][0]
    assert "<img" not in html and "&lt;img src=x" in html


def test_bulk_rejection_gives_each_candidate_their_own_email_in_their_language(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    anna = application_for(vacancy, "Anna")
    bram = application_for(vacancy, "Bram")
    claire = application_for(vacancy, "Claire", language="en")
    done = application_for(vacancy, "Dirk", stage=Application.Stage.APPOINTED)
    with django_capture_on_commit_callbacks(execute=True):
        result = applications_reject(
            applications=[anna, bram, claire, done],
            by=recruiter,
            rejection_code=REASON.STRONGER,
            reason="",
            texts={"nl": texts(language="nl"), "en": texts(language="en")},
            kind=EmailTemplate.Kind.REJECT_AFTER_LETTER,
        )
    assert [a.pk for a in result.rejected] == [anna.pk, bram.pk, claire.pk]
    assert [(a.pk, "Benoemd" in m or "Appointed" in m) for a, m in result.refused] == [
        (done.pk, True)
    ]
    assert len(mailoutbox) == 3
    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert by_recipient["anna@example.org"].body.startswith("Geachte Anna de Vries,")
    assert by_recipient["bram@example.org"].body.startswith("Geachte Bram de Vries,")
    assert by_recipient["claire@example.org"].body.startswith("Dear Claire de Vries,")
    assert ApplicationEmail.objects.count() == 3
    done.refresh_from_db()
    assert done.stage == "appointed"


# The page ---------------------------------------------------------------------------------------


def reject_url(vacancy, *applications):
    url = reverse("candidates:application_reject", args=[vacancy.pk])
    return url + "?" + "&".join(f"applications={a.pk}" for a in applications)


def test_the_page_shows_the_selection_with_the_template_in_the_candidates_language(
    recruiter_client, vacancy
):
    anna = application_for(vacancy, "Anna")
    response = recruiter_client.get(reject_url(vacancy, anna))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Anna de Vries" in content
    assert "Afwijzen na" not in content
    form = response.context["form"]
    assert form.initial["kind"] == "reject_after_letter"
    assert form.initial["subject_nl"] == texts()[0]
    assert "Heeft zich teruggetrokken" in content  # the reasons
    assert "Geen e-mail versturen" in content
    assert "Geachte Anna de Vries," in content  # the preview
    assert "1 sollicitatie afwijzen" in content


def test_after_an_interview_the_interview_template_is_the_default(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna", stage=Application.Stage.SHORTLIST)
    response = recruiter_client.get(reject_url(vacancy, anna))
    assert response.context["form"].initial["kind"] == "reject_after_interview"

    # Moved back to the longlist after the preselection: still after an interview.
    bram = application_for(vacancy, "Bram", stage=Application.Stage.LONGLIST)
    StageChange.objects.create(application=bram, from_stage="longlist", to_stage="preselection")
    response = recruiter_client.get(reject_url(vacancy, bram))
    assert response.context["form"].initial["kind"] == "reject_after_interview"

    # Mixed: the letter, with a note.
    claire = application_for(vacancy, "Claire")
    response = recruiter_client.get(reject_url(vacancy, anna, claire))
    assert response.context["form"].initial["kind"] == "reject_after_letter"
    assert response.context["mixed"]


def test_several_languages_get_one_text_each(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna")
    claire = application_for(vacancy, "Claire", language="en")
    response = recruiter_client.get(reject_url(vacancy, anna, claire))
    form = response.context["form"]
    assert form.initial["subject_nl"] == texts(language="nl")[0]
    assert form.initial["subject_en"] == texts(language="en")[0]
    content = response.content.decode()
    assert "Onderwerp (Nederlands)" in content and "Onderwerp (Engels)" in content
    assert "Dear Claire de Vries," in content


def test_foreign_and_final_applications_are_left_out_and_named(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna")
    done = application_for(
        vacancy, "Dirk", stage=Application.Stage.REJECTED, rejection_code="other"
    )
    other = ApplicationFactory(
        vacancy=VacancyFactory(), candidate=CandidateFactory(first_name="Geheim", last_name="X")
    )
    url = reject_url(vacancy, anna, done, other) + "&applications=abc&applications=999999"
    response = recruiter_client.get(url)
    content = response.content.decode()
    assert response.context["applications"] == [anna]
    assert "3 geselecteerde sollicitaties zijn weggelaten" in content
    assert "Dirk de Vries (Afgewezen)" in content
    assert "Geheim" not in content  # another vacancy's candidate is not revealed


def test_nothing_to_reject(recruiter_client, vacancy):
    response = recruiter_client.get(reverse("candidates:application_reject", args=[vacancy.pk]))
    assert response.status_code == 200
    assert "Er is geen sollicitatie om af te wijzen" in response.content.decode()
    response = recruiter_client.post(
        reverse("candidates:application_reject", args=[vacancy.pk]), {"action": "reject"}
    )
    assert response.status_code == 200
    assert response.context["form"] is None


def post_data(*applications, **extra):
    subject, body = texts()
    data = {
        "applications": [a.pk for a in applications],
        "rejection_code": "profile",
        "reason": "",
        "kind": "reject_after_letter",
        "email": "send",
        "subject_nl": subject,
        "body_nl": body,
        "action": "reject",
        **{f"seen_{a.pk}": a.stage for a in applications},
    }
    data.update(extra)
    return data


def test_rejecting_in_bulk_through_the_page(
    recruiter_client, recruiter, vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    anna = application_for(vacancy, "Anna")
    bram = application_for(vacancy, "Bram", stage=Application.Stage.LONGLIST)
    claire = application_for(vacancy, "Claire", language="en")
    subject_en, body_en = texts(language="en")
    data = post_data(anna, bram, claire, subject_en=subject_en, body_en=body_en)
    data["subject_nl"] = "Uw sollicitatie, {{ candidate.first_name }}"
    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter_client.post(
            reverse("candidates:application_reject", args=[vacancy.pk]), data
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("candidates:board", args=[vacancy.pk])
    assert messages_of(response) == [
        "3 sollicitaties afgewezen. 3 kandidaten krijgen elk een eigen e-mail."
    ]
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects == [
        "Uw sollicitatie, Anna",
        "Uw sollicitatie, Bram",
        "Your application for the position of Algemeen Directeur",
    ]
    for application in (anna, bram, claire):
        application.refresh_from_db()
        assert application.stage == "rejected" and application.rejection_code == "profile"
        assert application.emails.get().sent_by == recruiter


def test_one_refusal_does_not_stop_the_others(
    recruiter_client, vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    anna = application_for(vacancy, "Anna")
    bram = application_for(vacancy, "Bram")
    dirk = application_for(vacancy, "Dirk")
    data = post_data(anna, bram, dirk)
    # While the page was open, someone moved Bram and someone else rejected Dirk.
    application_move(
        application=bram,
        to_stage="longlist",
        by=RecruiterFactory(first_name="Piet", last_name="Smit"),
    )
    application_move(application=dirk, to_stage="rejected", rejection_code="profile")
    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter_client.post(
            reverse("candidates:application_reject", args=[vacancy.pk]), data
        )
    assert response.status_code == 302
    shown = messages_of(response)
    assert shown[0].startswith("1 sollicitatie afgewezen.")
    assert shown[1].startswith("Niet afgewezen: Dirk de Vries.")
    assert "Afgewezen" in shown[1]
    assert shown[2].startswith("Niet afgewezen: Bram de Vries.")
    assert "Piet Smit" in shown[2]
    assert [m.to for m in mailoutbox] == [["anna@example.org"]]
    bram.refresh_from_db()
    assert bram.stage == "longlist"


def test_rejecting_without_an_email(
    recruiter_client, vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    anna = application_for(vacancy, "Anna")
    data = post_data(anna, email="none", subject_nl="", body_nl="")
    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter_client.post(
            reverse("candidates:application_reject", args=[vacancy.pk]), data
        )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.stage == "rejected"
    assert mailoutbox == [] and not ApplicationEmail.objects.exists()


@pytest.mark.parametrize(
    ("extra", "field", "shown"),
    [
        ({"rejection_code": "other", "reason": " "}, "reason", "Licht de afwijzing toe"),
        ({"rejection_code": "nonsense"}, "rejection_code", "Selecteer een geldige keuze"),
        (
            {"body_nl": "Geachte {{ candidate.firstname }},\nMijn eigen tekst."},
            "body_nl",
            "Onbekende invulplek: {{ candidate.firstname }}",
        ),
        ({"subject_nl": "{% if 1 %}x{% endif %}"}, "subject_nl", "niet toegestaan"),
        ({"subject_nl": ""}, "subject_nl", "Dit veld is verplicht"),
    ],
)
def test_bad_input_on_the_page_rejects_nothing_and_keeps_the_text(
    recruiter_client, vacancy, mailoutbox, extra, field, shown
):
    anna = application_for(vacancy, "Anna")
    data = post_data(anna, **extra)
    response = recruiter_client.post(
        reverse("candidates:application_reject", args=[vacancy.pk]), data
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    content = response.content.decode()
    assert shown in content
    assert "Er is nog niets afgewezen" in content
    if "body_nl" in extra:
        assert "Mijn eigen tekst." in content
    anna.refresh_from_db()
    assert anna.stage == "applied"
    assert not OutgoingEmail.objects.exists()


def test_choosing_another_template_loads_its_text(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna")
    data = post_data(
        anna, action="load", kind="reject_after_interview", reason="Mijn notitie", body_nl="oud"
    )
    response = recruiter_client.post(
        reverse("candidates:application_reject", args=[vacancy.pk]), data
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_bound
    assert form.initial["body_nl"] == texts(EmailTemplate.Kind.REJECT_AFTER_INTERVIEW)[1]
    assert form.initial["reason"] == "Mijn notitie"  # the rest is kept
    anna.refresh_from_db()
    assert anna.stage == "applied"


def test_the_preview_shows_the_edited_text(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna")
    data = post_data(anna, action="preview", body_nl="Beste {{ candidate.first_name }}, tot ziens.")
    response = recruiter_client.post(
        reverse("candidates:application_reject", args=[vacancy.pk]), data
    )
    assert response.status_code == 200
    assert "Beste Anna, tot ziens." in response.content.decode()
    anna.refresh_from_db()
    assert anna.stage == "applied"


def test_a_safe_next_address_is_followed_and_a_foreign_one_ignored(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna")
    bram = application_for(vacancy, "Bram")
    url = reverse("candidates:application_reject", args=[vacancy.pk])
    response = recruiter_client.post(url, post_data(anna, next="/kantoor/vacatures/"))
    assert response["Location"] == "/kantoor/vacatures/"
    response = recruiter_client.post(url, post_data(bram, next="https://evil.example.org/"))
    assert response["Location"] == reverse("candidates:board", args=[vacancy.pk])


def test_the_page_query_count_does_not_grow_with_the_selection(
    recruiter_client, vacancy, django_assert_num_queries, django_assert_max_num_queries
):
    from candidates.models import Candidate

    def make(count, start):
        candidates = Candidate.objects.bulk_create(
            Candidate(
                first_name="K",
                last_name=str(i),
                email=f"k{i}@example.org",
                language=["nl", "en"][i % 2],
            )
            for i in range(start, start + count)
        )
        return Application.objects.bulk_create(
            Application(candidate=c, vacancy=vacancy, access_token=f"t{c.pk}") for c in candidates
        )

    few = make(10, 0)
    recruiter_client.get(reject_url(vacancy, *few))  # warm up
    with django_assert_max_num_queries(9) as small:
        recruiter_client.get(reject_url(vacancy, *few))
    many = few + make(990, 10)
    with django_assert_num_queries(len(small.captured_queries)):
        response = recruiter_client.get(reject_url(vacancy, *many[:400]))
    assert len(response.context["applications"]) == 400


# An email to one candidate ----------------------------------------------------------------------


def email_url(application):
    return reverse("candidates:application_email", args=[application.pk])


def test_the_email_page_prefills_the_fitting_template(recruiter_client, vacancy):
    anna = application_for(vacancy, "Anna", stage=Application.Stage.LONGLIST)
    response = recruiter_client.get(email_url(anna))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["kind"] == "invite_preselection"
    template = EmailTemplate.objects.get(kind="invite_preselection", language="nl")
    assert form.initial["subject_nl"] == template.subject
    content = response.content.decode()
    assert "Uitnodiging voor een gesprek: Algemeen Directeur" in content  # the preview
    assert "maandag 18 mei" in content

    response = recruiter_client.get(email_url(anna), {"kind": "invite_committee"})
    assert response.context["form"].initial["kind"] == "invite_committee"


def test_sending_an_email_to_one_candidate(
    recruiter_client, recruiter, vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    claire = application_for(vacancy, "Claire", language="en")
    template = EmailTemplate.objects.get(kind="invite_preselection", language="en")
    data = {
        "kind": "invite_preselection",
        "subject_en": template.subject,
        "body_en": template.body + "\n\nP.S. Bring your ID.",
        "token": "abcdefghijklmnopqrst",
        "action": "send",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = recruiter_client.post(email_url(claire), data)
        again = recruiter_client.post(email_url(claire), data)  # sent twice: once
    assert response.status_code == 302 and again.status_code == 302
    url = reverse("candidates:candidate_detail", args=[claire.candidate_id])
    assert response["Location"] == f"{url}#application-{claire.pk}"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.subject == "Invitation to an interview: Algemeen Directeur"
    assert "Dear Claire de Vries," in message.body and "P.S. Bring your ID." in message.body
    assert "Monday 18 May" in message.body
    sent = ApplicationEmail.objects.get()
    assert sent.application == claire and sent.kind == "invite_preselection"
    assert sent.sent_by == recruiter
    claire.refresh_from_db()
    assert claire.stage == "applied"  # an email moves nothing


def test_a_bad_email_is_not_sent_and_the_text_is_kept(recruiter_client, vacancy, mailoutbox):
    anna = application_for(vacancy, "Anna")
    data = {
        "kind": "invite_preselection",
        "subject_nl": "Uitnodiging",
        "body_nl": "Beste {{ kandidaat.voornaam }}, mijn zorgvuldige tekst.",
        "action": "send",
    }
    response = recruiter_client.post(email_url(anna), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Onbekende invulplek: {{ kandidaat.voornaam }}" in content
    assert "mijn zorgvuldige tekst." in content
    assert not OutgoingEmail.objects.exists()

    response = recruiter_client.post(email_url(anna), {**data, "body_nl": "x", "kind": "nope"})
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert not OutgoingEmail.objects.exists()


def test_the_email_page_of_an_unknown_application_is_404(recruiter_client):
    assert recruiter_client.get("/kantoor/sollicitaties/999999/email/").status_code == 404


# Access -----------------------------------------------------------------------------------------


def test_a_committee_member_gets_404_and_changes_nothing(client, committee_user, vacancy):
    anna = application_for(vacancy, "Anna")
    client.force_login(committee_user)
    assert client.get(reject_url(vacancy, anna)).status_code == 404
    url = reverse("candidates:application_reject", args=[vacancy.pk])
    assert client.post(url, post_data(anna)).status_code == 404
    assert client.get(email_url(anna)).status_code == 404
    assert client.post(email_url(anna), {"action": "send"}).status_code == 404
    anna.refresh_from_db()
    assert anna.stage == "applied" and not OutgoingEmail.objects.exists()


def test_anonymous_users_go_to_the_login_page(client, vacancy):
    anna = application_for(vacancy, "Anna")
    for url in (reject_url(vacancy, anna), email_url(anna)):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(
        reverse("candidates:application_reject", args=[vacancy.pk]), post_data(anna)
    )
    assert response.status_code == 302 and "/login/" in response["Location"]
    anna.refresh_from_db()
    assert anna.stage == "applied"


def test_an_unknown_vacancy_is_404(recruiter_client):
    assert recruiter_client.get("/kantoor/vacatures/999999/afwijzen/").status_code == 404


def test_absurd_addresses_and_ids_are_refused_calmly(recruiter_client, vacancy):
    huge = "9" * 30
    for url in (
        f"/kantoor/vacatures/{huge}/afwijzen/",
        f"/kantoor/sollicitaties/{huge}/email/",
        f"/kantoor/sjablonen/{huge}/",
        f"/kantoor/sjablonen/{huge}/voorbeeld/",
    ):
        assert recruiter_client.get(url).status_code == 404, url
    url = reverse("candidates:application_reject", args=[vacancy.pk])
    response = recruiter_client.get(url, {"applications": [huge, "-3", "0", "x" * 5000, " "]})
    assert response.status_code == 200
    assert response.context["left_out"] == 5
    many = [str(i) for i in range(1, 1000)]  # more than a page takes; none of this vacancy
    response = recruiter_client.get(url, {"applications": many})
    assert response.status_code == 200 and response.context["left_out"] == 999
