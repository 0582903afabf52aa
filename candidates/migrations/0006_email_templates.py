from django.db import migrations

SIGNATURE = {
    "nl": "Met vriendelijke groet,\n\n{{ consultant.name }}\nChasse Executive Search\n"
    "{{ consultant.email }}",
    "en": "Kind regards,\n\n{{ consultant.name }}\nChasse Executive Search\n{{ consultant.email }}",
}

TEMPLATES = {
    ("acknowledgement", "nl"): (
        "Ontvangstbevestiging: uw sollicitatie als {{ vacancy.title }}",
        """Geachte {{ candidate.full_name }},

Hartelijk dank voor uw sollicitatie naar de functie van {{ vacancy.title }} bij {{ vacancy.client }}. Wij hebben uw motivatiebrief en cv in goede orde ontvangen en stellen uw belangstelling zeer op prijs.

Na de sluitingsdatum bestuderen wij alle sollicitaties zorgvuldig en leggen wij ze naast het profiel van de functie. De volgende stap in de procedure: {{ next_phase.activity }}, {{ next_phase.dates }}. U hoort in elk geval van ons of wij u uitnodigen voor een kennismakingsgesprek.

Op uw persoonlijke pagina kunt u de voortgang van uw sollicitatie volgen. Deze link is alleen voor u bedoeld:
{{ status_url }}

Heeft u in de tussentijd vragen over de functie of de procedure? Dan kunt u altijd contact met ons opnemen.

""",
    ),
    ("acknowledgement", "en"): (
        "Your application for the position of {{ vacancy.title }} has been received",
        """Dear {{ candidate.full_name }},

Thank you for your application for the position of {{ vacancy.title }} at {{ vacancy.client }}. We have received your letter and CV, and we greatly appreciate your interest.

After the closing date we will study every application carefully against the profile of the position. The next step in the procedure: {{ next_phase.activity }}, {{ next_phase.dates }}. In any case, we will let you know whether we invite you for an introductory interview.

On your own page you can follow the progress of your application. This link is meant for you alone:
{{ status_url }}

Should you have any questions about the position or the procedure in the meantime, please do not hesitate to contact us.

""",
    ),
    ("invite_preselection", "nl"): (
        "Uitnodiging voor een gesprek: {{ vacancy.title }}",
        """Geachte {{ candidate.full_name }},

Dank u wel voor uw sollicitatie naar de functie van {{ vacancy.title }} bij {{ vacancy.client }}. Wij hebben uw brief en cv met veel interesse gelezen en nodigen u graag uit voor een verkennend gesprek met {{ consultant.name }}.

De gesprekken vinden plaats in de periode {{ next_phase.dates }}. Wilt u ons laten weten welke momenten u in die periode goed uitkomen? Wij stemmen dan graag een tijdstip en plaats met u af.

In het gesprek maken wij graag nader kennis met u: uw loopbaan, uw motivatie en uw beeld van de functie. Uiteraard is er ook alle ruimte voor uw vragen over de organisatie en de procedure.

Op uw persoonlijke pagina vindt u de stand van zaken van uw sollicitatie:
{{ status_url }}

Wij zien uit naar uw reactie.

""",
    ),
    ("invite_preselection", "en"): (
        "Invitation to an interview: {{ vacancy.title }}",
        """Dear {{ candidate.full_name }},

Thank you for your application for the position of {{ vacancy.title }} at {{ vacancy.client }}. We read your letter and CV with great interest, and we would be pleased to invite you for an exploratory interview with {{ consultant.name }}.

The interviews take place in the period {{ next_phase.dates }}. Could you let us know which moments in that period suit you? We will then gladly agree a time and place with you.

In the interview we would like to get to know you better: your career, your motivation and your view of the position. There is of course ample room for your questions about the organisation and the procedure.

On your own page you will find the status of your application:
{{ status_url }}

We look forward to hearing from you.

""",
    ),
    ("reject_after_letter", "nl"): (
        "Uw sollicitatie naar de functie van {{ vacancy.title }}",
        """Geachte {{ candidate.full_name }},

Hartelijk dank voor uw sollicitatie naar de functie van {{ vacancy.title }} bij {{ vacancy.client }}, en voor de tijd en aandacht die u daarin heeft gestoken.

Wij hebben alle sollicitaties zorgvuldig gelezen en vergeleken met het profiel van de functie. Hoewel uw achtergrond zeker waardevol is, sluit die naar ons oordeel minder goed aan bij wat deze functie vraagt dan die van andere kandidaten. Wij hebben daarom besloten u niet uit te nodigen voor een gesprek.

Wij begrijpen dat dit een teleurstellend bericht voor u kan zijn. Stelt u een toelichting op prijs, dan kunt u contact opnemen met {{ consultant.name }} via {{ consultant.email }}.

Wij wensen u veel succes in uw verdere loopbaan.

""",
    ),
    ("reject_after_letter", "en"): (
        "Your application for the position of {{ vacancy.title }}",
        """Dear {{ candidate.full_name }},

Thank you for your application for the position of {{ vacancy.title }} at {{ vacancy.client }}, and for the time and care you put into it.

We have read every application carefully and compared it with the profile of the position. Although your background is certainly valuable, in our judgement it matches what this position requires less closely than that of other candidates. We have therefore decided not to invite you for an interview.

We realise this may be disappointing news. Should you wish to hear more about our decision, please contact {{ consultant.name }} at {{ consultant.email }}.

We wish you every success in your further career.

""",
    ),
    ("reject_after_interview", "nl"): (
        "Uw kandidatuur voor de functie van {{ vacancy.title }}",
        """Geachte {{ candidate.full_name }},

Hartelijk dank voor het gesprek dat wij met u mochten voeren over de functie van {{ vacancy.title }} bij {{ vacancy.client }}, en voor het vertrouwen dat u ons daarmee heeft gegeven.

Na zorgvuldige afweging hebben wij besloten u niet voor te dragen voor de volgende fase van de procedure. Dat is geen eenvoudige beslissing geweest. Het veld van kandidaten was sterk, en uiteindelijk sloot het profiel van andere kandidaten nauwer aan bij wat deze functie op dit moment vraagt.

Wij lichten ons besluit graag persoonlijk aan u toe. U kunt daarvoor contact opnemen met {{ consultant.name }} via {{ consultant.email }}.

Wij hebben u met veel plezier leren kennen en wensen u alle goeds voor de toekomst.

""",
    ),
    ("reject_after_interview", "en"): (
        "Your candidacy for the position of {{ vacancy.title }}",
        """Dear {{ candidate.full_name }},

Thank you for the conversation we had with you about the position of {{ vacancy.title }} at {{ vacancy.client }}, and for the trust you placed in us.

After careful consideration we have decided not to put you forward for the next phase of the procedure. This was not an easy decision. The field of candidates was strong, and in the end the profile of other candidates matched more closely what this position requires at this moment.

We would be glad to explain our decision to you in person. Please contact {{ consultant.name }} at {{ consultant.email }}.

It was a pleasure to get to know you, and we wish you all the best for the future.

""",
    ),
    ("invite_committee", "nl"): (
        "Uitnodiging voor de gespreksronde: {{ vacancy.title }}",
        """Geachte {{ candidate.full_name }},

Met genoegen laten wij u weten dat de selectiecommissie van {{ vacancy.client }} u graag uitnodigt voor een gesprek over de functie van {{ vacancy.title }}.

De gesprekken met de selectiecommissie staan gepland voor {{ next_phase.dates }}. Wij nemen binnenkort contact met u op om het precieze tijdstip en de locatie met u af te stemmen.

Ter voorbereiding ontvangt u van ons nadere informatie over de samenstelling van de commissie en het verloop van het gesprek. Heeft u in de tussentijd vragen, dan kunt u altijd contact opnemen met {{ consultant.name }} via {{ consultant.email }}.

Wij wensen u een goede voorbereiding en een prettig gesprek toe.

""",
    ),
    ("invite_committee", "en"): (
        "Invitation to the interview round: {{ vacancy.title }}",
        """Dear {{ candidate.full_name }},

We are pleased to let you know that the selection committee of {{ vacancy.client }} would like to invite you for an interview about the position of {{ vacancy.title }}.

The interviews with the selection committee are planned for {{ next_phase.dates }}. We will contact you shortly to agree the exact time and place with you.

To help you prepare, we will send you more information about the members of the committee and the course of the interview. Should you have any questions in the meantime, please contact {{ consultant.name }} at {{ consultant.email }}.

We wish you a good preparation and a pleasant conversation.

""",
    ),
}


def create_templates(apps, schema_editor):
    EmailTemplate = apps.get_model("candidates", "EmailTemplate")
    for (kind, language), (subject, body) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(
            kind=kind,
            language=language,
            defaults={"subject": subject, "body": body + SIGNATURE[language]},
        )


def delete_templates(apps, schema_editor):
    EmailTemplate = apps.get_model("candidates", "EmailTemplate")
    for kind, language in TEMPLATES:
        EmailTemplate.objects.filter(kind=kind, language=language).delete()


class Migration(migrations.Migration):
    """The default email templates, in Dutch and English."""

    dependencies = [("candidates", "0005_search")]

    operations = [migrations.RunPython(create_templates, delete_templates)]
