from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import ApplicationEmail, EmailTemplate
from candidates.services.email_templates import (
    PLACEHOLDERS,
    application_email_send,
    email_render,
    email_template_render,
    email_template_save,
    email_text_check,
)
from candidates.services.notifications import DASH
from tests.accounts.factories import RecruiterFactory
from tests.candidates.factories import ApplicationFactory, CandidateFactory
from tests.vacancies.factories import PlanningPhaseFactory, VacancyFactory
from vacancies.models import PlanningPhase

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy():
    consultant = RecruiterFactory(
        username="inge",
        first_name="Inge",
        last_name="Diepenhorst",
        email="inge@example.org",
        phone="06 5555 1234",
    )
    vacancy = VacancyFactory(lead_consultant=consultant)
    PlanningPhaseFactory(vacancy=vacancy, order=2)  # preselection, 18 - 29 May 2026
    PlanningPhaseFactory(
        vacancy=vacancy,
        order=3,
        kind=PlanningPhase.Kind.COMMITTEE_INTERVIEWS,
        activity="Gespreksronde selectiecommissie",
        starts_on=date(2026, 6, 15),
        ends_on=date(2026, 6, 15),
    )
    return vacancy


def application_for(vacancy, *, language="nl", **candidate):
    candidate = CandidateFactory(
        first_name="Anna", last_name="de Vries", language=language, **candidate
    )
    return ApplicationFactory(vacancy=vacancy, candidate=candidate)


def template(kind=EmailTemplate.Kind.INVITE_PRESELECTION, language="nl"):
    return EmailTemplate.objects.get(kind=kind, language=language)


# The default texts ------------------------------------------------------------------------------


def test_every_kind_has_a_default_text_in_dutch_and_english():
    for kind in EmailTemplate.Kind.values:
        for language, _name in settings.LANGUAGES:
            found = EmailTemplate.objects.get(kind=kind, language=language)
            email_text_check(found.subject)
            email_text_check(found.body)
    dutch = template(EmailTemplate.Kind.REJECT_AFTER_LETTER, "nl").body
    assert "Geachte {{ candidate.full_name }}" in dutch
    assert " uw " in dutch
    assert " je " not in dutch


# Checking placeholders --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Beste {{ candidate.firstname }},", "{{ candidate.firstname }}"),
        ("Beste {{candidate.voornaam}},", "{{ candidate.voornaam }}"),
        ("{{ vacancy.client.name }}", "{{ vacancy.client.name }}"),
        ("{{ candidate.email }}", "{{ candidate.email }}"),
        ("{{ settings.SECRET_KEY }}", "{{ settings.SECRET_KEY }}"),
        ("{{ candidate.first_name|upper }}", "{{ candidate.first_name|upper }}"),
        ("{% if candidate %}x{% endif %}", "{% if candidate %}"),
        ("{% load static %}", "{% load static %}"),
        ("{% debug %}", "{% debug %}"),
        ("Beste {{ candidate.first_name }", "{{ candidate.first_name }"),
        ("{{ }}", "{{ }}"),
    ],
)
def test_a_text_with_anything_but_the_allowed_placeholders_is_refused(text, named):
    with pytest.raises(ValidationError) as error:
        email_text_check(text)
    assert named in " ".join(error.value.messages)


def test_a_misspelled_placeholder_gets_a_suggestion():
    with pytest.raises(ValidationError) as error:
        email_text_check("Beste {{ candidate.firstname }},")
    assert error.value.messages == [
        "Onbekende invulplek: {{ candidate.firstname }}. Bedoelt u {{ candidate.first_name }}?"
    ]


def test_every_allowed_placeholder_passes():
    text = " ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)
    assert email_text_check(text) == set(PLACEHOLDERS)
    assert email_text_check("Geen invulplekken, wel {accolades} en 100% inzet.") == set()


def test_saving_a_refused_template_changes_nothing(recruiter):
    preselection = template()
    before = (preselection.subject, preselection.body)
    with pytest.raises(ValidationError) as error:
        email_template_save(
            template=preselection,
            subject="Uitnodiging {{ vacancy.titel }}",
            body="Beste {{ candidate.first_name }}",
            by=recruiter,
        )
    assert "{{ vacancy.titel }}" in error.value.message_dict["subject"][0]
    preselection.refresh_from_db()
    assert (preselection.subject, preselection.body) == before


def test_a_subject_is_saved_as_one_line(recruiter):
    preselection = email_template_save(
        template=template(),
        subject="Uitnodiging\r\nBcc: iedereen@example.org",
        body="Tekst\r\nmet regels",
        by=recruiter,
    )
    preselection.refresh_from_db()
    assert preselection.subject == "Uitnodiging Bcc: iedereen@example.org"
    assert preselection.body == "Tekst\nmet regels"
    assert preselection.updated_by == recruiter


# Rendering --------------------------------------------------------------------------------------


def test_rendering_in_dutch_for_a_dutch_candidate(vacancy):
    application = application_for(vacancy)
    rendered = email_template_render(template=template(), application=application)
    assert rendered.language == "nl"
    assert rendered.subject == "Uitnodiging voor een gesprek: Algemeen Directeur"
    assert rendered.body.startswith("Geachte Anna de Vries,")
    assert f"maandag 18 mei{DASH}vrijdag 29 mei 2026" in rendered.body
    assert "Interprovinciaal Overleg (IPO)" in rendered.body
    assert "Inge Diepenhorst" in rendered.body
    assert f"{settings.SITE_URL}/mijn-sollicitatie/" in rendered.body
    assert "{{" not in rendered.body
    assert rendered.empty == []


def test_rendering_in_english_for_an_english_candidate(vacancy):
    application = application_for(vacancy, language="en")
    rendered = email_template_render(
        template=template(EmailTemplate.Kind.INVITE_COMMITTEE, "en"), application=application
    )
    assert rendered.language == "en"
    assert rendered.subject == "Invitation to the interview round: Algemeen Directeur"
    assert "Dear Anna de Vries," in rendered.body
    # The invitation to the committee round is about that round, dated in English.
    assert "Monday 15 June 2026" in rendered.body
    assert "maandag" not in rendered.body


def test_placeholders_without_data_are_reported_empty(vacancy):
    vacancy.phases.all().delete()
    rendered = email_template_render(template=template(), application=application_for(vacancy))
    assert rendered.empty == ["next_phase.dates"]


def test_candidate_data_is_not_read_as_template_syntax(vacancy):
    application = application_for(vacancy)
    application.candidate.first_name = "{% debug %}{{ settings.SECRET_KEY }}"
    application.candidate.last_name = "& <Bo>"
    rendered = email_render(
        application=application,
        subject="Hallo {{ candidate.first_name }}",
        body="Beste {{ candidate.last_name }}",
    )
    assert rendered.subject == "Hallo {% debug %}{{ settings.SECRET_KEY }}"
    assert rendered.body == "Beste & <Bo>"  # plain text: not escaped


def test_a_rendered_subject_is_one_line(vacancy):
    application = application_for(vacancy)
    application.candidate.last_name = "de Vries\r\nBcc: iedereen@example.org"
    rendered = email_render(
        application=application, subject="Voor {{ candidate.full_name }}", body="x"
    )
    assert "\n" not in rendered.subject and "\r" not in rendered.subject


# Sending one email ------------------------------------------------------------------------------


def test_an_email_from_a_template_goes_out_through_the_outbox(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy, email="anna@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sent = application_email_send(
            application=application,
            by=recruiter,
            kind=EmailTemplate.Kind.INVITE_PRESELECTION,
            subject="Uitnodiging {{ vacancy.title }}",
            body="Geachte {{ candidate.full_name }},\n\n<b>Welkom</b> op {{ next_phase.dates }}.",
            token="abcdefghijklmnop",
        )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Uitnodiging Algemeen Directeur"
    assert "Geachte Anna de Vries," in message.body
    assert "<b>Welkom</b>" in message.body  # plain text stays as written
    html = message.alternatives[0][0]
    assert "&lt;b&gt;Welkom&lt;/b&gt;" in html
    assert "<b>Welkom</b>" not in html
    assert sent.application == application and sent.sent_by == recruiter
    assert sent.kind == "invite_preselection"
    assert sent.email.context["subject"] == "Uitnodiging Algemeen Directeur"
    assert sent.email.context["body"].startswith("Geachte Anna de Vries,")
    assert sent.email.language == "nl"


def test_sending_the_same_form_twice_sends_once(
    vacancy, recruiter, mailoutbox, django_capture_on_commit_callbacks
):
    application = application_for(vacancy)
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            application_email_send(
                application=application,
                by=recruiter,
                kind=EmailTemplate.Kind.INVITE_PRESELECTION,
                subject="Uitnodiging",
                body="Tekst",
                token="abcdefghijklmnop",
            )
    assert len(mailoutbox) == 1
    assert ApplicationEmail.objects.count() == 1


# The pages --------------------------------------------------------------------------------------


def list_url():
    return reverse("candidates:email_template_list")


def test_the_list_shows_every_kind_in_every_language(recruiter_client):
    response = recruiter_client.get(list_url())
    assert response.status_code == 200
    content = response.content.decode()
    for kind in EmailTemplate.Kind:
        assert str(kind.label) in content  # the Dutch label
    assert "Afwijzing na een gesprek" in content
    for found in EmailTemplate.objects.all():
        assert reverse("candidates:email_template_edit", args=[found.pk]) in content


def test_a_missing_template_can_be_written(recruiter_client, recruiter):
    template(EmailTemplate.Kind.ACKNOWLEDGEMENT, "en").delete()
    url = reverse("candidates:email_template_create", args=["acknowledgement", "en"])
    assert url in recruiter_client.get(list_url()).content.decode()
    response = recruiter_client.post(
        url, {"subject": "Thank you", "body": "Dear {{ candidate.first_name }},"}
    )
    assert response.status_code == 302
    created = template(EmailTemplate.Kind.ACKNOWLEDGEMENT, "en")
    assert created.body == "Dear {{ candidate.first_name }}," and created.updated_by == recruiter
    wrong = reverse("candidates:email_template_create", args=["x", "en"])
    assert recruiter_client.get(wrong).status_code == 404


def test_editing_saves_a_valid_template(recruiter_client, recruiter):
    preselection = template()
    url = reverse("candidates:email_template_edit", args=[preselection.pk])
    response = recruiter_client.get(url)
    content = response.content.decode()
    assert preselection.subject in content
    assert "{{ candidate.first_name }}" in content  # the placeholders are listed
    assert "De voornaam van de kandidaat" in content
    response = recruiter_client.post(
        url, {"subject": "Gesprek {{ vacancy.title }}", "body": "Beste {{ candidate.first_name }}"}
    )
    assert response.status_code == 302
    preselection.refresh_from_db()
    assert preselection.subject == "Gesprek {{ vacancy.title }}"
    assert preselection.updated_by == recruiter


def test_editing_refuses_an_unknown_placeholder_and_keeps_the_text(recruiter_client):
    preselection = template()
    before = preselection.body
    url = reverse("candidates:email_template_edit", args=[preselection.pk])
    body = "Beste {{ candidate.firstname }},\n\nMijn lange tekst die niet verloren mag gaan."
    response = recruiter_client.post(url, {"subject": "Gesprek", "body": body})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Onbekende invulplek: {{ candidate.firstname }}" in content
    assert "Mijn lange tekst die niet verloren mag gaan." in content
    assert "Het sjabloon is niet opgeslagen" in content
    preselection.refresh_from_db()
    assert preselection.body == before


@pytest.mark.parametrize(
    "body",
    ["{% if x %}y{% endif %}", "{{ candidate.first_name|upper }}", "{{ candidate.first_name"],
)
def test_editing_refuses_tags_filters_and_broken_syntax(recruiter_client, body):
    preselection = template()
    before = preselection.body
    url = reverse("candidates:email_template_edit", args=[preselection.pk])
    response = recruiter_client.post(url, {"subject": "Gesprek", "body": body})
    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    preselection.refresh_from_db()
    assert preselection.body == before


def test_the_preview_uses_a_real_application_the_most_recent_by_default(recruiter_client, vacancy):
    older = application_for(vacancy)
    newer = ApplicationFactory(
        vacancy=vacancy, candidate=CandidateFactory(first_name="Bram", last_name="Jansen")
    )
    url = reverse("candidates:email_template_preview", args=[template().pk])
    response = recruiter_client.get(url)
    assert response.status_code == 200
    assert response.context["application"] == newer
    content = response.content.decode()
    assert "Geachte Bram Jansen," in content
    assert "Uitnodiging voor een gesprek: Algemeen Directeur" in content
    assert "maandag 18 mei" in content

    response = recruiter_client.get(url, {"application": older.pk})
    assert response.context["application"] == older
    assert "Geachte Anna de Vries," in response.content.decode()


def test_the_preview_of_an_unknown_application_falls_back(recruiter_client, vacancy):
    application = application_for(vacancy)
    url = reverse("candidates:email_template_preview", args=[template().pk])
    for value in ["999999", "abc", "-1", "1" * 40]:
        response = recruiter_client.get(url, {"application": value})
        assert response.status_code == 200
        assert response.context["application"] == application


def test_the_preview_of_a_template_in_another_language_says_so(recruiter_client, vacancy):
    application_for(vacancy, language="nl")
    url = reverse("candidates:email_template_preview", args=[template(language="en").pk])
    response = recruiter_client.get(url)
    content = response.content.decode()
    assert "Dear Anna de Vries," in content
    assert "Monday 18 May" in content  # dates in the template's language
    assert "Deze kandidaat leest Nederlands" in content


def test_the_preview_without_applications(recruiter_client):
    response = recruiter_client.get(
        reverse("candidates:email_template_preview", args=[template().pk])
    )
    assert response.status_code == 200
    assert "Er zijn nog geen sollicitaties" in response.content.decode()


def test_the_preview_query_count_does_not_grow_with_applications(
    recruiter_client, vacancy, django_assert_num_queries, django_assert_max_num_queries
):
    from candidates.models import Application, Candidate

    url = reverse("candidates:email_template_preview", args=[template().pk])

    def make(count, start):
        candidates = Candidate.objects.bulk_create(
            Candidate(first_name="K", last_name=str(i), email=f"k{i}@example.org")
            for i in range(start, start + count)
        )
        Application.objects.bulk_create(
            Application(candidate=c, vacancy=vacancy, access_token=f"t{c.pk}") for c in candidates
        )

    make(10, 0)
    recruiter_client.get(url)  # warm up (session, translations)
    with django_assert_max_num_queries(9) as small:
        recruiter_client.get(url)
    make(990, 10)
    with django_assert_num_queries(len(small.captured_queries)):
        recruiter_client.get(url)


# Access -----------------------------------------------------------------------------------------


def urls():
    preselection = template()
    return [
        list_url(),
        reverse("candidates:email_template_edit", args=[preselection.pk]),
        reverse("candidates:email_template_preview", args=[preselection.pk]),
        reverse("candidates:email_template_create", args=["acknowledgement", "nl"]),
    ]


def test_a_committee_member_gets_404(client, committee_user):
    client.force_login(committee_user)
    for url in urls():
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"subject": "x", "body": "y"}).status_code == 404, url


def test_anonymous_users_go_to_the_login_page(client):
    for url in urls():
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    preselection = template()
    before = preselection.body
    client.post(urls()[1], {"subject": "x", "body": "y"})
    preselection.refresh_from_db()
    assert preselection.body == before
