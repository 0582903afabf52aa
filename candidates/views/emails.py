"""Email templates, the rejection of applications with an email, and an email to one candidate.

Plain forms that work without JavaScript: a button loads the chosen template's text, a button
shows the preview, a button sends. With htmx, choosing another template swaps in its text.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from candidates.forms_emails import (
    ApplicationEmailForm,
    EmailTemplateForm,
    RejectForm,
    add_service_errors,
)
from candidates.models import Application, EmailTemplate
from candidates.selectors import emails as selectors
from candidates.services import email_templates as service
from candidates.services.rejections import applications_reject, rejection_kind_default
from vacancies.access import recruiter_required
from vacancies.models import Vacancy

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]
# At most this many applications are rejected in one go.
MAX_SELECTED = 500


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


# Templates ------------------------------------------------------------------------------------


@recruiter_required
def email_template_list(request):
    templates = selectors.email_templates_all()
    rows = [
        {
            "kind": kind,
            "cells": [
                {"language": code, "name": name, "template": templates.get((kind.value, code))}
                for code, name in settings.LANGUAGES
            ],
        }
        for kind in EmailTemplate.Kind
    ]
    return render(
        request,
        "candidates/email_template_list.html",
        {"rows": rows, "languages": settings.LANGUAGES},
    )


def _placeholders():
    return [
        (f"{{{{ {name} }}}}", description) for name, description in service.PLACEHOLDERS.items()
    ]


def _edit_page(request, *, template: EmailTemplate, form, created: bool):
    return render(
        request,
        "candidates/email_template_edit.html",
        {
            "template": template,
            "kind_label": EmailTemplate.Kind(template.kind).label,
            "language_name": LANGUAGE_NAMES.get(template.language, template.language),
            "form": form,
            "placeholders": _placeholders(),
            "creating": created,
        },
    )


@recruiter_required
def email_template_edit(request, pk):
    template = get_object_or_404(EmailTemplate, pk=pk)
    if request.method == "POST":
        form = EmailTemplateForm(request.POST)
        if form.is_valid():
            try:
                service.email_template_save(
                    template=template,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The template “%(kind)s” (%(language)s) has been saved.")
                    % {
                        "kind": template.get_kind_display(),
                        "language": LANGUAGE_NAMES.get(template.language),
                    },
                )
                return redirect("candidates:email_template_list")
    else:
        form = EmailTemplateForm(initial={"subject": template.subject, "body": template.body})
    return _edit_page(request, template=template, form=form, created=False)


@recruiter_required
def email_template_create(request, kind, language):
    if kind not in EmailTemplate.Kind.values or language not in LANGUAGE_NAMES:
        raise Http404
    existing = EmailTemplate.objects.filter(kind=kind, language=language).first()
    if existing is not None:
        return redirect("candidates:email_template_edit", pk=existing.pk)
    template = EmailTemplate(kind=kind, language=language)
    form = EmailTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.email_template_create(
                kind=kind,
                language=language,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The template has been created."))
            return redirect("candidates:email_template_list")
    return _edit_page(request, template=template, form=form, created=True)


@recruiter_required
def email_template_preview(request, pk):
    template = get_object_or_404(EmailTemplate, pk=pk)
    raw = request.GET.get("application")
    selected_id = _int(raw) if raw else None
    choices, application = selectors.preview_applications(selected_id=selected_id)
    if raw and application is None:
        messages.warning(request, _("That application does not exist; choose one from the list."))
        choices, application = selectors.preview_applications()
    rendered = error = None
    if application is not None:
        try:
            rendered = service.email_render(
                application=application,
                subject=template.subject,
                body=template.body,
                kind=template.kind,
                by=request.user,
                language=template.language,
            )
        except ValidationError as exc:
            # A template saved before the rules were this strict.
            error = " ".join(exc.messages)
    return render(
        request,
        "candidates/email_template_preview.html",
        {
            "template": template,
            "kind_label": template.get_kind_display(),
            "language_name": LANGUAGE_NAMES.get(template.language, template.language),
            "choices": choices,
            "application": application,
            "rendered": rendered,
            "error": error,
            "other_language": (
                LANGUAGE_NAMES.get(application.candidate.language)
                if application and application.candidate.language != template.language
                else None
            ),
        },
    )


# Previews of edited texts -------------------------------------------------------------------------


def _previews(form, groups: dict[str, list[Application]], by, kind: str) -> list[dict]:
    """Per language, the texts of the form rendered for the first candidate in that language."""
    previews = []
    for language, applications in groups.items():
        if form.is_bound:
            subject = form.data.get(f"subject_{language}", "")
            body = form.data.get(f"body_{language}", "")
        else:
            subject = form.initial.get(f"subject_{language}", "")
            body = form.initial.get(f"body_{language}", "")
        item = {
            "language": language,
            "language_name": LANGUAGE_NAMES.get(language, language),
            "application": applications[0],
            "count": len(applications),
        }
        try:
            item["rendered"] = service.email_render(
                application=applications[0], subject=subject, body=body, kind=kind, by=by
            )
        except ValidationError:
            item["rendered"] = None  # the errors show on the fields
        previews.append(item)
    return previews


def _template_texts(kind: str, languages: list[str]) -> dict[str, str]:
    texts = {}
    for language, template in service.email_templates_for(kind=kind, languages=languages).items():
        texts[f"subject_{language}"] = template.subject if template else ""
        texts[f"body_{language}"] = template.body if template else ""
    return texts


def _as_initial(form) -> dict:
    """The values a user submitted, as initial values (to show the form again without errors)."""
    return {name: form.data.get(name, "") for name in form.fields}


# Rejection ----------------------------------------------------------------------------------------


def _selected_ids(values: list[str]) -> tuple[list[int], int]:
    """The distinct ids among `values` (at most MAX_SELECTED), and how many were no id."""
    ids, invalid = [], 0
    for value in values[:MAX_SELECTED]:
        number = _int(value)
        if number is None:
            invalid += 1
        elif number not in ids:
            ids.append(number)
    return ids, invalid


def _by_language(applications: list[Application]) -> dict[str, list[Application]]:
    groups: dict[str, list[Application]] = {}
    for application in applications:
        groups.setdefault(application.candidate.language, []).append(application)
    order = {code: i for i, code in enumerate(LANGUAGE_ORDER)}
    return dict(sorted(groups.items(), key=lambda item: order.get(item[0], len(order))))


def _back_url(request, vacancy: Vacancy) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("candidates:board", args=[vacancy.pk])


@recruiter_required
def application_reject(request, pk):
    """Reject the selected applications of a vacancy (`?applications=<id>&applications=...`),
    each candidate with their own email in their own language, or without an email."""
    vacancy = get_object_or_404(Vacancy.objects.select_related("client"), pk=pk)
    source = request.POST if request.method == "POST" else request.GET
    raw = source.getlist("applications")
    ids, invalid = _selected_ids(raw)
    found = selectors.applications_to_reject(vacancy=vacancy, ids=ids)
    rejectable = [a for a in found if a.can_move_to(Application.Stage.REJECTED)]
    final = [a for a in found if a not in rejectable]
    left_out = invalid + len(ids) - len(found) + max(0, len(raw) - MAX_SELECTED)
    groups = _by_language(rejectable)
    languages = list(groups)
    interviewed = [a.interviewed or a.stage in selectors.INTERVIEWED_STAGES for a in rejectable]
    default_kind = rejection_kind_default(reached_interview=bool(rejectable) and all(interviewed))
    back_url = _back_url(request, vacancy)

    form = None
    if request.method == "POST" and rejectable:
        form = RejectForm(request.POST, languages=languages)
        action = request.POST.get("action")
        if action == "load":
            kind = request.POST.get("kind")
            kind = kind if kind in service.REJECTION_KINDS else default_kind
            initial = {**_as_initial(form), **_template_texts(kind, languages), "kind": kind}
            form = RejectForm(initial=initial, languages=languages)
        elif action == "reject" and form.is_valid():
            expected = {
                a.pk: request.POST.get(f"seen_{a.pk}")
                for a in rejectable
                if request.POST.get(f"seen_{a.pk}") in Application.Stage.values
            }
            result = applications_reject(
                applications=rejectable,
                by=request.user,
                rejection_code=form.cleaned_data["rejection_code"],
                reason=form.cleaned_data["reason"],
                texts=form.texts(),
                send_email=form.send_email,
                kind=form.cleaned_data["kind"],
                expected_stages=expected,
            )
            # Those that became final since the page was shown are refusals too.
            result.refused[:0] = [(a, _final_message(a)) for a in final]
            _report(request, result)
            return redirect(back_url)
    elif rejectable:
        form = RejectForm(
            initial={
                "kind": default_kind,
                "email": RejectForm.SEND,
                **_template_texts(default_kind, languages),
            },
            languages=languages,
        )

    kind = default_kind
    if form is not None:
        chosen = (form.data if form.is_bound else form.initial).get("kind")
        kind = chosen if chosen in service.REJECTION_KINDS else default_kind
    return render(
        request,
        "candidates/reject.html",
        {
            "vacancy": vacancy,
            "active": "board",
            "form": form,
            "applications": rejectable,
            "final": final,
            "left_out": left_out,
            "mixed": bool(rejectable) and any(interviewed) and not all(interviewed),
            "language_fields": [
                (
                    LANGUAGE_NAMES.get(language, language),
                    form[f"subject_{language}"],
                    form[f"body_{language}"],
                    len(groups[language]),
                )
                for language in languages
            ]
            if form is not None
            else [],
            "previews": _previews(form, groups, request.user, kind) if form is not None else [],
            "placeholders": _placeholders(),
            "back_url": back_url,
            "next": request.POST.get("next") or request.GET.get("next") or "",
        },
    )


def _final_message(application: Application) -> str:
    try:
        application.check_move(Application.Stage.REJECTED, rejection_code="other", reason="-")
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def _report(request, result) -> None:
    count = len(result.rejected)
    if count:
        message = ngettext(
            "%(count)d application rejected.", "%(count)d applications rejected.", count
        ) % {"count": count}
        if result.emails:
            message += " " + ngettext(
                "%(count)d candidate gets their own email.",
                "%(count)d candidates each get their own email.",
                len(result.emails),
            ) % {"count": len(result.emails)}
        messages.success(request, message)
    for application, reason in result.refused:
        messages.error(
            request,
            _("Not rejected: %(name)s. %(reason)s")
            % {"name": application.candidate.full_name, "reason": reason},
        )
    if not count and not result.refused:
        messages.info(request, _("Nothing was rejected."))


# An email to one candidate ------------------------------------------------------------------------


def _default_kind(application: Application) -> str:
    if application.stage in (Application.Stage.SHORTLIST, Application.Stage.COMMITTEE):
        return EmailTemplate.Kind.INVITE_COMMITTEE
    if application.stage in Application.FINAL:
        return EmailTemplate.Kind.ACKNOWLEDGEMENT
    return EmailTemplate.Kind.INVITE_PRESELECTION


@recruiter_required
def application_email(request, pk):
    """Write an email from a template (editable before sending) to one application's candidate."""
    application = selectors.application_for_email_page(pk=pk)
    if application is None:
        raise Http404
    language = application.candidate.language
    groups = {language: [application]}
    form = ApplicationEmailForm(request.POST or None, language=language)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "load":
            kind = request.POST.get("kind")
            kind = kind if kind in EmailTemplate.Kind.values else _default_kind(application)
            initial = {**_as_initial(form), **_template_texts(kind, [language]), "kind": kind}
            form = ApplicationEmailForm(initial=initial, language=language)
        elif action == "send" and form.is_valid():
            try:
                service.application_email_send(
                    application=application,
                    by=request.user,
                    kind=form.cleaned_data["kind"],
                    subject=form.cleaned_data[f"subject_{language}"],
                    body=form.cleaned_data[f"body_{language}"],
                    token=form.cleaned_data["token"],
                )
            except ValidationError as error:
                add_service_errors(form, error, prefix=f"_{language}")
            else:
                messages.success(
                    request,
                    _("The email to %(name)s is on its way.")
                    % {"name": application.candidate.full_name},
                )
                url = reverse("candidates:candidate_detail", args=[application.candidate_id])
                return redirect(f"{url}#application-{application.pk}")
    else:
        requested = request.GET.get("kind")
        kind = requested if requested in EmailTemplate.Kind.values else _default_kind(application)
        form = ApplicationEmailForm(
            initial={
                "kind": kind,
                "token": service.send_token(),
                **_template_texts(kind, [language]),
            },
            language=language,
        )
    values = form.data if form.is_bound else form.initial
    kind = values.get("kind") if values.get("kind") in EmailTemplate.Kind.values else ""
    return render(
        request,
        "candidates/application_email.html",
        {
            "application": application,
            "candidate": application.candidate,
            "vacancy": application.vacancy,
            "form": form,
            "language_name": LANGUAGE_NAMES.get(language, language),
            "subject_field": form[f"subject_{language}"],
            "body_field": form[f"body_{language}"],
            "previews": _previews(form, groups, request.user, kind),
            "placeholders": _placeholders(),
        },
    )


urlpatterns = [
    path("kantoor/sjablonen/", email_template_list, name="email_template_list"),
    path("kantoor/sjablonen/<int:pk>/", email_template_edit, name="email_template_edit"),
    path(
        "kantoor/sjablonen/nieuw/<str:kind>/<str:language>/",
        email_template_create,
        name="email_template_create",
    ),
    path(
        "kantoor/sjablonen/<int:pk>/voorbeeld/",
        email_template_preview,
        name="email_template_preview",
    ),
    path("kantoor/vacatures/<int:pk>/afwijzen/", application_reject, name="application_reject"),
    path("kantoor/sollicitaties/<int:pk>/email/", application_email, name="application_email"),
]
