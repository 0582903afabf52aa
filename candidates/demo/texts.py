# ruff: noqa: E501, RUF001
"""The demo's Dutch texts, copied from the seed documents (../shared/seeds/) so that a clone
without the seeds still has them.

Profile texts are literal; only the markdown of the source (headings, bold, link targets) is
removed and a line broken in two by the source's page break is joined. The client context of the
IPO is a summary made of the 2023 documents' own sentences.
"""

# --- Algemeen Directeur IPO, April 2026 (ipo-algemeen-directeur-2026-chasse.txt) ---------------

IPO_2026_ORGANISATION = """\
De twaalf provincies van Nederland hebben elk hun eigen karakter, maar delen dezelfde opgave: regionale oplossingen vinden voor grote maatschappelijke thema's zoals water, wonen, energie, natuur en landbouw. Ook maken de provincies het verschil op de grote transitie van het landelijk gebied. Het Interprovinciaal Overleg (IPO) vertegenwoordigt hun gezamenlijke belangen, stimuleert innovatie en kennisdeling en fungeert als gesprekspartner van het Rijk. Daarnaast organiseert het IPO overleg en samenwerking tussen de twaalf provincies. Kortom, het IPO verbindt, vertegenwoordigt én versterkt de provincies.

Het IPO is een vereniging van, voor en door de provincies. De provincies zijn de leden van de vereniging en zijn vertegenwoordigd in het Bestuur en de Algemene Vergadering.

Binnen het IPO richt het onderdeel BIJ12 zich op de ondersteuning van de provincies bij de uitvoering van gemeenschappelijke opgaven, onder andere in het domein van de transitie natuur en stikstof.

Missie

Het Interprovinciaal Overleg zet zich in voor een slagvaardig en resultaatgericht provinciaal bestuur. Een bestuur dat door regionale kracht een bijdrage levert aan Nederland en de kwaliteit van het openbaar bestuur. Een bestuur dat verantwoordelijkheid neemt voor een samenhangende aanpak van maatschappelijke opgaven op (boven)regionaal niveau.

Om als twaalf provincies slagvaardig op te treden, heeft het IPO-bestuur het Bestuursprogramma-2023-2027 opgesteld. Met dit programma geeft het IPO-bestuur richting aan wat de provincies in gezamenlijkheid willen bereiken.

Het IPO is in 1986 opgericht en is de belangenbehartiger van en voor de provincies in 'Den Haag' en 'Brussel'. Ook is het IPO het platform van de provincies voor innovatie en kennisuitwisseling.

Organisatie

Tot 2003 kende het IPO de juridische vorm van een gemeenschappelijke regeling. Sinds 2003 is het IPO een vereniging met een bestuur en Algemene Vergadering.

Het IPO is gevestigd in Den Haag en beschikt daarnaast over een vertegenwoordiging in Brussel. BIJ12 is gevestigd in Utrecht. In totaal werken er circa 400 medewerkers bij IPO (circa 100) en BIJ12 (circa 300), waarvan een significant deel via externe inhuur (op projectmatige basis gefinancierd).

Meer informatie over het IPO is hier terug te vinden. Meer informatie over BIJ12 is hier te vinden.

In 2000 heeft het IPO samen met de Nederlandse provincies in Brussel het Huis van Nederlandse Provincies (HNP) opgericht. Voor een stevige en effectieve positionering en vertegenwoordiging in de Europese Unie is het van cruciaal belang om samen te werken en om zo proactief mogelijk te handelen.
"""


IPO_2026_REASON = """\
Tot voor kort kende de organisatie de posities van Algemeen Directeur IPO en Directeur BIJ12. Met oog op de doorontwikkeling van het IPO wordt een organisatiestructuur ingericht met een tweehoofdige directie: een Algemeen Directeur en een Plaatsvervangend Algemeen Directeur/Directeur BIJ12.

De positie van Plaatsvervangend Algemeen Directeur/Directeur BIJ12 is per 1 april 2026 ingevuld door de heer Stijn van Wely. De positie Algemeen Directeur IPO wordt momenteel ad interim ingevuld en nu ook vacant gesteld.
"""


IPO_2026_POSITION = """\
De Algemeen Directeur vormt samen met de Plaatsvervangend Algemeen Directeur het directieteam. Binnen deze collegiale directie worden taken en portefeuilles onderling afgestemd en is sprake van volledige wederzijdse vervangbaarheid.

De Algemeen Directeur is het eerste aanspreekpunt voor het Bestuur en de Algemene Vergadering en draagt de eindverantwoordelijkheid voor de gehele organisatie, inclusief alle bedrijfsfacetten. Daarnaast geeft de Algemeen Directeur leiding aan de managers in Den Haag (MT-leden en stafmanagers). De Plaatsvervangend Algemeen Directeur geeft leiding aan de managers van BIJ12 in Utrecht (MT-leden en stafmanagers) en onderhoudt de contacten met de bij BIJ12 betrokken stakeholders.

Het IPO bevindt zich in een fase van doorontwikkeling, waarin het verder aanscherpen van de koers, het versterken van de organisatie en het verdiepen van samenwerkingen centraal staan. De Algemeen Directeur bouwt voort op het fundament dat de afgelopen periode is gelegd en geeft richting aan deze ontwikkeling met oog voor de mensen en bedrijfsvoering binnen het IPO. Hij of zij bevordert de samenhang binnen de organisatie en in de samenwerking met externe partners en stuurt op een duurzaam effectieve en wendbare organisatie die haar prioriteiten scherp houdt. Hierbij wordt nauw samengewerkt met betrokken partijen zoals de Kring van Provinciesecretarissen.

De Algemeen Directeur draagt als WOR-bestuurder verantwoordelijkheid voor de verdere organisatieontwikkeling en werkt constructief samen met de centrale ondernemingsraad. Hij of zij informeert het kernbestuur, de COR en de medewerkers op transparante wijze, geeft richting aan besluitvormingsprocessen en bewaakt daarbij de balans tussen voortgang, zorgvuldigheid en draagvlak. De Algemeen Directeur legt verantwoording af aan het bestuur en opereert in nauwe afstemming met de plaatsvervangend directeur.

Door heldere kaders te stellen, organisatiebrede samenhang te versterken en strategische richting te geven, legt de Algemeen Directeur een stevige basis voor kwaliteit, continuïteit en wendbaarheid op lange termijn. Hij of zij bevordert een lerende organisatie, waarin reflectie, kennisdeling en continue verbetering vanzelfsprekend zijn en creëert de randvoorwaarden waarin professionals hun talent optimaal benutten, resultaten realiseren en zich ontwikkelen in lijn met de strategische doelstellingen.

De Algemeen Directeur vervult een prominente en zichtbare rol in het externe speelveld en fungeert als strategisch boegbeeld van het IPO richting Rijksoverheid, provincies en andere relevante partners. Hij of zij is vertegenwoordiger op hoog ambtelijk niveau, begrijpt wat er speelt in de buitenwereld en heeft een bepalende invloed op de positionering, het imago en de effectiviteit van het IPO binnen het (inter)nationale speelveld.

De Algemeen Directeur positioneert het IPO proactief in beleidsdiscussies en zorgt dat de gezamenlijke provinciale belangen tijdig en krachtig worden ingebracht. Daarbij wordt actief gestuurd op het versterken van de invloed van provincies in besluitvormingsprocessen en op het bouwen van duurzame coalities met publieke en private stakeholders. De Algemeen Directeur weet uiteenlopende belangen te verbinden en vertaalt externe ontwikkelingen naar kansen en richting voor de organisatie en haar achterban.

Tegelijkertijd versterkt de Algemeen Directeur de sturende rol van het IPO door strategische keuzes voor te leggen en te vertalen naar gezamenlijke ambtelijke besluiten. Daarbij borgt hij of zij een sterke verbinding tussen beleidsontwikkeling en uitvoering, zodat IPO, BIJ12 en het Huis van de Provincies in Brussel als één samenhangend geheel opereren.
"""


IPO_2026_RESPONSIBILITIES = [
    "Ontwikkelen en realiseren van de lange termijnstrategie, scherpe strategische keuzes maken en bepalen welke werkzaamheden niet tot de kerntaak behoren.",
    "Actief signaleren en agenderen van relevante maatschappelijke en politieke ontwikkelingen en deze vertalen naar de strategische positionering van het IPO.",
    "Eindverantwoordelijk voor de gehele organisatie en leidinggeven aan het managementteam in Den Haag.",
    "Richting geven aan de toekomst van de organisatie door een integrale visie te formuleren, de koers uit te zetten en de organisatie proactief aan te sturen.",
    "Prioriteren van interne thema's en zorgen dat deze samenhangend, succesvol en resultaatgericht worden opgepakt.",
    "Actief versterken van de organisatiecultuur en het verandervermogen, medewerkers betrekken en eigenaarschap, trots en vertrouwen bevorderen.",
    "Continu verbeteren van bedrijfsprocessen en systemen om maximale bijdrage te leveren aan de strategische doelen van de organisatie.",
    "Bouwen, onderhouden en beïnvloeden van strategische netwerken op bestuurlijk en ambtelijk topniveau.",
    "Sturen op effectieve belangenbehartiging in Den Haag en Brussel, in nauwe samenhang met het Huis van de Nederlandse Provincies.",
    "Vertegenwoordigen van het IPO en optreden als strategisch gesprekspartner voor topambtelijke en bestuurlijke stakeholders binnen het Rijk, medeoverheden en toonaangevende branche- en belangenorganisaties.",
    "Initiëren en versterken van samenwerkingsverbanden en allianties met externe partners, gericht op het vergroten van de slagkracht en zichtbaarheid van de provincies.",
]


IPO_2026_CANDIDATE = """\
De Algemeen Directeur beschikt over een scherp strategisch inzicht en neemt daadkrachtige beslissingen, met oog voor zowel strategische koers als de nodige organisatorische basis. Hij of zij opereert met gemak op meerdere niveaus binnen een politiek-bestuurlijke omgeving en weet daarin het verschil te maken voor de twaalf provincies. Het Interprovinciaal Overleg zoekt een verbindende Algemeen Directeur die samenhang creëert, richting geeft en zowel intern als extern het gezicht van de organisatie is.

De kandidaat is gewend aan een eindverantwoordelijke strategische rol in middelgrote organisaties en weet op bestuurlijk en ambtelijk topniveau invloed uit te oefenen. Hij of zij weet scherp te prioriteren, vertaalt visie naar concrete resultaten en combineert strategisch denken met praktische uitvoering. Samenwerking staat centraal: intern tussen afdelingen en teams en extern met partners en stakeholders. De Algemeen Directeur is toegankelijk en verbindend in de interne samenwerking, bevordert een open en veilige dialoog en zorgt voor samenhang tussen mensen, teams en opgaven. De directeur is in staat de organisatie verder te brengen in de professionalisering van bedrijfsvoering.

Politieke en bestuurlijke krachtenvelden worden feilloos aangevoeld, maatschappelijke ontwikkelingen vertaald naar strategische keuzes en verschillende belangen op constructieve wijze verbonden. De kandidaat durft keuzes te maken en richting te geven. Hij of zij creëert duidelijkheid en weet medewerkers te inspireren, te motiveren en in hun ontwikkeling te faciliteren.

De kandidaat beschikt over een sterk ontwikkeld extern profiel en beweegt zich overtuigend en met gezag binnen complexe bestuurlijke netwerken. Hij of zij heeft een scherp gevoel voor politieke verhoudingen en weet op het juiste moment invloed uit te oefenen. Met uitstekende communicatieve vaardigheden en een natuurlijke autoriteit vertegenwoordigt de kandidaat de gezamenlijke provincies op een verbindende en geloofwaardige manier. Daarbij wordt actief geïnvesteerd in duurzame relaties en wordt het IPO zichtbaar en relevant gepositioneerd in het bredere (inter)nationale speelveld.
"""


IPO_2026_REQUIREMENTS = [
    "Academisch werk- en denkniveau.",
    "Ervaring in het strategisch aansturen van organisaties binnen een politiek-bestuurlijke context.",
    "Ervaring in het leiden van middelgrote organisaties inclusief alle bijhorende bedrijfsvoeringsfacetten.",
    "Ervaring met organisatievraagstukken en verandertrajecten en vermogen om bedrijfsvoeringsprocessen te verbeteren.",
    "Aantoonbare ervaring met externe vertegenwoordiging en belangenbehartiging op hoog ambtelijk niveau.",
    "Een sterk en relevant netwerk of het vermogen dit snel op te bouwen.",
    "Uitstekende communicatieve en diplomatieke vaardigheden, met het vermogen om uiteenlopende belangen te verbinden en te beïnvloeden.",
    "Ervaring met het strategisch positioneren van organisaties in een complex krachtenveld en het vergroten van zichtbaarheid en impact.",
]


IPO_2026_TERMS = """\
De Algemeen Directeur wordt aangesteld in vaste dienst. De functie is gewaardeerd in salarisschaal 18 van de IPO-regeling (CAO provincies), met een bruto maandsalaris van minimaal € 8.850,88 en maximaal € 12.568,14 op basis van een werkweek van 36 uur, afhankelijk van kennis en ervaring.

Naast het salaris ontvangt de Algemeen Directeur een individueel keuzebudget (IKB) van 21,82% van het bruto jaarsalaris. Dit budget omvat onder meer het vakantiegeld (8%) en de eindejaarsuitkering (8,3%) en kan naar eigen inzicht worden ingezet.

De werkzaamheden van de Algemeen Directeur spelen zich zowel af op de locatie in Den Haag, als de locatie in Utrecht en vinden daarnaast plaats op andere locaties in het kader van externe contacten en overleggen.
"""


IPO_2026_PROCEDURE = """\
Voor het IPO begeleidt Chasse Executive Search de zoektocht naar het nieuwe lid College van Bestuur. Namens Chasse begeleidt Inge Diepenhorst de procedure.

Solliciteren - sluitingsdatum: vrijdag 15 mei 2026

Sluitingsdatum voor de schriftelijke sollicitatie met motivatie en curriculum vitae (in twee separate pdf-bestanden) is vrijdag 15 mei 2026 via info@chassesearch.nl.

Voorselectie en nadere informatie

Na de sluitingsdatum maakt Chasse een voorselectie van kandidaten die het beste passen gelet op het gezochte profiel en in vergelijking met het volledige krachtenveld aan kandidaten. Met deze kandidaten wordt een verdiepend gesprek gevoerd en is er eveneens ruimte voor verdiepende vragen over organisatie, context en opgave.

Eventuele vragen die van belang zijn voor de afweging om al dan niet te solliciteren kunnen via info@chassesearch.nl worden gesteld. Zo garanderen wij een volledige en tijdige beantwoording. Beantwoording volgt in de regel binnen één (werk)dag.

Op de sollicitatie is het privacy statement van Chasse van toepassing.
Meer informatie over het privacy statement is hier terug te lezen.
"""


IPO_2026_HOW_TO_APPLY = """\
Sluitingsdatum voor de schriftelijke sollicitatie met motivatie en curriculum vitae (in twee separate pdf-bestanden) is vrijdag 15 mei 2026 via info@chassesearch.nl.
"""


# --- Algemeen directeur IPO, 2020 (ipo-algemeen-directeur-2020.txt) ------------------------------

IPO_2020_INTRO = """\
Het Interprovinciaal Overleg (IPO) zoekt een nieuwe algemeen directeur. Een directeur die adviseur is van het gezamenlijk bestuur van de twaalf provincies, een directeur die leiding geeft aan de werkorganisaties in Den Haag en Utrecht, een directeur die complexe politiek-bestuurlijke dossiers aanpakt, een directeur die namens de gezamenlijke provincies met rijk, decentrale overheden, volksvertegenwoordigers en maatschappelijke partners onderhandelt. Een directeur met een visie op (de aanpak van) het (uit)bouwen van een netwerkorganisatie en het tot leven brengen van een vereniging gevormd door 12 autonome provincies. Kortom, wij zoeken een boegbeeld, met een stevig netwerk en kwaliteiten als verbinder – op alle niveaus, intern en extern.

Het Interprovinciaal Overleg zoekt een algemeen directeur met hart voor het Nederlandse middenbestuur. Een directeur die de komende jaren zich inzet voor bestendiging en versterking van de positie van de provincies in de aanpak van de maatschappelijke opgaven. Denk aan economisch herstel, het behalen van de klimaatdoelstellingen, het borgen van solide financiële verhoudingen in ons openbaar bestuur, en het laten zien van de kracht van de regionale aanpak. Hierbij treedt de algemeen directeur op als manager en strateeg die de programmatische aanpak van de opgaven onderbrengt in een meer integrale, samenhangende werkwijze. Dit doe je in samenwerking met de provincies. Daarnaast heeft de directeur aandacht voor het versterken van de verbinding met de werkorganisaties in Brussel (Huis van de Nederlandse Provincies), Den Haag (IPO-bureau) en Utrecht (uitvoeringsorganisatie BIJ12), en via deze lijnen de netwerkorganisatie van de provincies, en de vereniging IPO.
"""


IPO_2020_ORGANISATION = """\
Het Interprovinciaal Overleg, de vereniging

Het Interprovinciaal Overleg (IPO), de gezamenlijke provincies, is een vereniging van, voor en door de twaalf provincies. De provincies zijn de leden van de vereniging. De vereniging kent op basis van de statuten een algemene vergadering, een bestuur, adviescommissies, een bureau en een directeur. Het IPO is gevestigd in Den Haag en beschikt daarnaast over een vertegenwoordiging in Brussel (Huis van de Nederlandse Provincies; HNP) en een uitvoeringsorganisatie in Utrecht (BIJ12).

Het IPO behartigt de belangen van de gezamenlijke provincies voor die taken en dossiers waar de twaalf provincies van hebben afgesproken daarin samen op te trekken. De belangenbehartiging richt zich enerzijds op de onderhandelingen met het rijk, de partners bij de decentrale overheden en maatschappelijke organisaties, en anderzijds op de behandeling van tot leven brengen van een beleid en wetten door de Staten-Generaal.

Het IPO biedt de provincies een forum voor uitwisseling van kennis, ervaring en 'best practices' om de kwaliteit van beleid, werkwijze en uitvoering te vergroten. Hierbij is inbreng van buitenaf ook welkom, en wordt gestreefd naar een integrale benadering waarbij de kracht van de regio centraal staat.

Het IPO heeft de afgelopen periode de focus verlegd naar het pro-actief opereren bij grote(re) maatschappelijke opgaven. Een eigenstandige aanpak, of standpunt-formulering waarmee een (maatschappelijk of politiek) debat mede gestuurd kan worden verdient steeds meer de voorkeur boven een reactieve meer afwachtende houding.

Een overkoepelende doelstelling van de provincies om gezamenlijk op te trekken onder één noemer is het leveren van een stevige bijdrage aan de kwaliteit, effectiviteit en efficiency van het openbaar bestuur.

In de functies en taken van het IPO draait het om het hebben en inzetten van het juiste netwerk. Het IPO is bij uitstek een netwerkorganisatie, langs de inhoudelijke lijnen van een vraagstuk, tussen de provincies, en vooral ook het netwerk van rijk en andere partners. Het gezamenlijk optrekken met de Vereniging voor Nederlandse Gemeenten (VNG) en de Unie van Waterschappen (UvW) vormt een stevig onderdeel van het zijn van deze netwerkorganisatie. Vanuit het IPO worden de contacten onderhouden met het kabinet, de Staten-Generaal, de departementen, de instellingen van de Europese Unie en maatschappelijke organisaties op de beleidsterreinen waar de provincies actief zijn.

Het IPO-bestuur

Het bestuur bestaat uit twaalf leden (één gedeputeerde per provincie), vier adviseurs (drie Commissarissen van de Koning en één algemeen directeur/provinciesecretaris) en een onafhankelijke voorzitter. Sinds het voorjaar 2018 is Theo Bovens, Gouverneur van de Koning in Limburg, voorzitter van het bestuur, en daarmee van de gehele vereniging. Ieder bestuurslid heeft een eigen inhoudelijke portefeuille, zoals financiën, mobiliteit, energietransitie of vitaal platteland. De portefeuillehouder vitaal platteland in het bestuur is weer voorzitter van de bestuurlijke adviescommissie vitaal platteland waarin de twaalf gedeputeerden met deze portefeuille zitting hebben. De termijn van het bestuur is gelijk aan de termijn van Provinciale Staten. Het bestuur vergadert gemiddeld één maal per maand. De algemeen directeur is statutair secretaris van het bestuur.

Algemene Vergadering

De Algemene Vergadering wordt gevormd door 24 Statenleden, twee per provincie. Deze leden zijn voorgedragen door de 'eigen' Provinciale Staten. Formeel benoemt de Algemene Vergadering het IPO-bestuur en dient zij de financiële producten van het IPO goed te keuren. In de afgelopen jaren is een traject van 'versterkte samenwerking' ingezet teneinde de betrokkenheid van de AV-leden, en zo meer de Statenleden, te vergroten ten behoeve van de slagkracht van de gezamenlijke provincies. Onderdeel van dit traject zijn inhoudelijke sessies, maar ook een vergrote betrokkenheid bij de organisatie van verenigingsactiviteiten zoals het IPO-Jaarcongres.

Kring van Provinciesecretarissen

De Kring van Provinciesecretarissen is het overlegorgaan van de provinciesecretarissen/algemeen directeurs van de twaalf provincies en de algemeen directeur van het IPO. Deze Kring vervult een steeds belangrijker wordende rol binnen het IPO. De leden van de Kring zijn secretaris van de bestuurlijke adviescommissies (12 vakgedeputeerden) en voorzitter van de daarbij behorende ambtelijke adviescommissie. De gezamenlijke aanpak van grote(re) strategische opgaven vindt veelal plaats onder aansturing van een provinciesecretaris en in nauwe samenspraak met de algemeen directeur van het IPO. Denk hierbij aan de digitaliseringsopgave, het stikstof-vraagstuk of de regionale energie-strategieën. De Kring van Provinciesecretarissen vervult een belangrijke rol voor de samenhang van de bestuurlijke besluitvorming van het IPO.

Het bureau

De kantoren van de vereniging zijn gehuisvest in Brussel (HNP), Den Haag (IPO; 50 fte) en Utrecht (BIJ12; 80 fte). Het management onder leiding van de algemeen directeur bestaat uit de coördinator van het HNP, 3 teammanagers IPO en 1 (gedelegeerd) directeur BIJ12.

Het bureau van het IPO coördineert, ondersteunt, en vervult de adviesrol binnen de bestuurlijke en ambtelijke adviesstructuur van de vereniging IPO. Het bureau in Den Haag is een relatief kleine organisatie met hoog opgeleide inhoudelijke professionals met relevante kennis en ervaring voor de aanpak van inhoudelijk, en politiek-bestuurlijk complexe uitdagingen. De werkzaamheden van de medewerkers variëren van strategische advisering, belangenbehartiging bij rijk, Staten-Generaal en partners, tot het nastreven van vlekkeloze (onderhandelings-, vergader- en overleg-) processen. Een aantal service-gerichte diensten heeft het IPO-bureau in Den Haag in eigen handen, zoals de financiën, een deel van de personele administratie en de vergader- en ontvangstfaciliteiten.

BIJ12

De organisatie BIJ12 in Utrecht ondersteunt de provincies bij de (advisering over de) uitvoering van wettelijke taken en gezamenlijke opgaven, en, veelal op het gebied van natuur en platteland. Bij BIJ12 is veel specialistische kennis aanwezig op het gebied van natuurmonitoring, grondwaterschade, verzamelen en ontsluiten van data, faunaschade, stikstof en applicatiebeheer. BIJ12 beschikt daarnaast over het vergadercentrum voor bijeenkomsten waar veel provinciale medewerkers aan deelnemen.

HNP

Het Huis van de Nederlandse Provincies (HNP) in Brussel is een klein bureau met medewerkers uit de verschillende provincies die gezamenlijk de belangen van de provincies in Brussel behartigen, zorgdragen voor de ondersteuning van de provinciale delegaties naar het Europees Comité van de Regio's en natuurlijk voor de zichtbaarheid van de provinciale belangen, en successen, bij de Europese instellingen. De Europese dimensie is een nog altijd groter groeiend onderdeel van het provinciale middenbestuur. De afgelopen jaren is een koers ingezet om het Europese en nationale krachtenveld meer te verbinden. Het HNP kent een eigen bestuur onder voorzitterschap van Arthur van Dijk, Commissaris van de Koning in Noord-Holland.

Het bestuur, en de bestuurlijke adviescommissies, zijn de opdrachtgevers aan het IPO. Met een vernieuwing van de 'planning and control cyclus' in 2020 heeft het bestuur gekozen voor de werkwijze met beleidsopgaves in de IPO-programmabegroting. Zo wordt jaarlijks vastgesteld aan welke opgaven de provincies in gezamenlijkheid werken, welke doelstellingen daarmee beoogd worden en welke inzet nodig geacht. Het IPO vervult geen uitvoeringstaken voor de provincies, de eventuele uitvoering van een (gerealiseerde) beleidsopgave is weer aan de provinciale organisaties (met uitzondering van de uitvoeringstaken van BIJ12).

De beleidsopgaven vormen het primaire kader en leidraad voor het handelen van de medewerkers. Voorbeelden voor 2021 zijn: duurzaam herstel en groei van de regionale economie, solide financiële verhoudingen, de woon-opgave, doorontwikkeling van gebiedsgericht werken, stikstof-vraagstuk en natuurlijk de onderhandelingen na de verkiezingen.

Voor meer informatie over IPO en het bureau verwijzen wij u naar: www.ipo.nl

Voor meer informatie over BIJ12 en de medewerkers verwijzen wij u naar: www.bij12.nl

Voor meer informatie over het HNP en de medewerkers verwijzen wij u naar: www.nl-prov.eu

Ontwikkelingen 2014-2020

In 2014 heeft het IPO een 'transitie' afgerond met een nieuwe organisatie en structuur gericht op inhoud, doelmatigheid en kwaliteit. Tot deze transitie was besloten op basis van een rapport van de commissie Deetman over het profiel en de slagkracht van de gezamenlijke provincies. De provincies legden de focus op een "smalle doch betekenisvolle agenda" waarbij het IPO-bureau in Den Haag werd afgeslankt ten gunste van meer inzet van provincied medewerkers.

De afgelopen periode heeft vooral in het teken gestaan van 'bestendigen en doorontwikkelen'. Onderdeel hiervan was een reorganisatie op het IPO-bureau in Den Haag waarmee uiteindelijk verfrissing, verbreding en professionalisering van de (werkwijze van de) organisatie is gerealiseerd. Het bestuur heeft met de nieuwe "planning and control cyclus" afstand genomen van de "smalle doch betekenisvolle agenda" en gekozen voor het onderling overeenkomen van die beleidsopgaven waar de provincies samen verantwoordelijkheid willen, kunnen of moeten nemen. De inhoud is leidend. De ontwikkeling naar het gedeelde eigenaarschap van het IPO bij de provincies in optreden, handelen en inzet is ingezet.

De afslanking van het bureau (van 60 naar 40 fte) heeft geleid tot meer betrokkenheid en inzet van capaciteit vanuit de provincies. Provincied medewerkers acteren vaker in IPO-verband waardoor zij zich persoonlijk ontwikkelen, tegelijkertijd kan dit spanning opleveren omdat zij voor minder uren kunnen worden ingezet voor eigen provinciale opgaven.
"""


IPO_2020_POSITION = """\
De algemeen directeur is eindverantwoordelijk voor het management van het IPO-bureau en BIJ12. Dat houdt in dat hij/zij eindverantwoordelijkheid draagt voor de inhoudelijke en strategische (aan)sturing en voor de (aan)sturing van de bedrijfsmatige werkzaamheden. De algemeen directeur zorgt hierbij voor een goede verbinding tussen de leden, de onderdelen van de vereniging IPO en alle medewerkers.

De algemeen directeur is de vertegenwoordiger bij het rijk, de Staten-Generaal, de maatschappelijke partners, en bij de collega's van de VNG en UvW.

Tevens is de algemeen directeur bestuurder in de zin van de Wet op de Ondernemingsraden (WOR), en geeft hier met betrokkenheid invulling aan.

De opgaven

Samen met de drie teammanagers, de (gedelegeerde) directeur BIJ12 en de coördinator HNP stuurt de algemeen directeur de organisatie van de vereniging aan. Binnen het management zijn de verschillende portefeuilles (o.a. HR, facilitair, thema's) verdeeld. De algemeen directeur heeft op dit moment de portefeuille financiën en stuurt het proces voor de P&C-producten aan. Zo is de algemeen directeur ook eigenaar van inhoudelijk complexe trajecten, werkt daar zelf aan mee met een divers instrumentarium voor de hoog strategische belangenbehartiging. Voorbeelden zijn het klimaatakkoord, de missie van de gezamenlijke provincies en de financiële verhoudingen. De algemeen directeur is voorzitter van het wekelijkse management-overleg. De algemeen directeur heeft aandacht voor de onderlinge samenwerking, samenhang van werkzaamheden en inhoudelijke dossiers, en voor de verbinding tussen de verschillende onderdelen van de vereniging die samenkomen in het management. De algemeen directeur stuurt op inhoud, proces en samenwerking.

Voor BIJ12 wordt bestuurlijk nagedacht over de toekomst van de uitvoeringsorganisatie. De uitvoeringsmaatregelen die hieruit voortvloeien dienen in 2021 opgepakt.

Op de bestuurlijke agenda staat o.a. de visie naar de toekomst, vanuit de kracht van het middenbestuur, en de gebiedsgerichte aanpak. Vraagstukken die daaruit (kunnen) voortvloeien gaan over het functioneren en de inrichting van de vereniging. De ontwikkeling van het IPO als netwerkorganisatie moet doorgaan en verder invulling gegeven worden. Op de kortere termijn zal het ook gaan over de samenwerkingsafspraken met het rijk en de decentrale overheden na het aantreden van een nieuw kabinet in 2021.

De algemeen directeur onderhoudt, met/namens de voorzitter van de vereniging en de leden van het bestuur, de bestuurlijke en top-ambtelijke contacten met het kabinet, de Kamerleden, VNG en UvW. Het verdiepen van de samenwerking en uitbreiden van partnerschappen is een cruciale opgave naar de toekomst. Dit voor de slagkracht van de gezamenlijke provincies en daarmee samenhangend ter profilering en zichtbaarheid van de provincies.

De kwetsbaarheid van het bureau in Den Haag blijft een structureel aandachtspunt. De beschikbare capaciteit is 'dedicated' aan de opgaven, terwijl de actualiteit veelal om snel inspringen en acteren vraagt. Ondanks de brede inzetbaarheid van de medewerkers is nog veel sprake van 'eenpitters'. De afspraken voor inzet vanuit de provincies zijn in de praktijk vaak moeilijker te realiseren dan op het papier. Bij BIJ12 ligt de personele uitdaging veelal in het aantrekken en vasthouden van de benodigde specialistische kennis.

Tussen de werkorganisaties van de vereniging is sprake van verschillende werkculturen. De verbindingen daartussen vormgeven, en zo bijdragen aan een versterkte samenwerkingsketen tussen Brussel – Den Haag – en Utrecht is een opgave voor de nieuwe algemeen directeur.
"""


IPO_2020_RESPONSIBILITIES = [
    "Het management van de organisatie",
    "Uniformering en samenhang van de aanpak van de opgaven",
    "Benutten van de positie(s) van de provincies",
    "Doen leven van de vereniging IPO met de 12 provincies",
    "De verbindingen binnen het netwerk waarborgen, versterken en uitbouwen",
    "Ondersteunende processen verbeteren",
]


IPO_2020_REQUIREMENTS = [
    "Inhoudelijke kennis op de taken en bevoegdheden van de provincies",
    "Met groot bestuurlijk inzicht, en politieke sensitiviteit",
    "Een bestaand, stevig netwerk in het krachtenveld waar de provincies in opereren",
    "Vooral een strategische en mensgerichte verbinder",
]


IPO_2020_CANDIDATE = """\
Iemand die de 'spin in het web' is bij uiteenlopende vraagstukken (bijv. managerial, bedrijfsvoering, energietransitie, wetgeving), in de vraagstukken en tussen de mensen de verbinding legt, en als nodig stevig weet te onderhandelen. Je hart gaat uit naar samenwerken aan een groter doel, en u weet de mensen om u heen daartoe te inspireren en te bewegen met een vernieuwende en verfrissende aanpak en communicatie.

De nieuwe algemeen directeur van het IPO heeft ruime ervaring met werken in een politiek-bestuurlijke omgeving, en daarbinnen ook het dragen van (eind)verantwoordelijkheid. Bij voorkeur is deze ervaring opgedaan in een setting waar ook provincies of het IPO een rol spelen. Kennis van de inhoud van de taken van de provincies is zeer aanbevolen. De algemeen directeur beschikt over een gedegen, en groot netwerk – in Den Haag, Brussel, en bij de provincies – waarin hij/zij gezaghebbend opereert.

De algemeen directeur heeft visie op de kracht van het middenbestuur, ziet kansen en onderkent de (soms complexe) uitdagingen. De algemeen directeur vertaalt deze visie naar handelen in het politiek, regionale, maatschappelijke krachtenveld en weet hoe de belangen daarin te behartigen. De algemeen directeur positioneert het IPO in dit spel, en weet daarbij toegevoegde waarde van het IPO te creëren als partner, en als inhoudelijk kennis-eigenaar. Hij/zij heeft een goed gevoel voor agendasettend opereren. De algemeen directeur is zichtbaar voor alle leden van de vereniging, voor de politieke en ambtelijke achterban, en zo ook bij de partners van de provincies in Den Haag (en daarbuiten). De algemeen directeur is de netwerkmakelaar van en voor de provincies in het aanpakken van de beleidsopgaven.

Het politieke primaat ligt bij het bestuur, de algemeen directeur is bij voorkeur geen politicus. De algemeen directeur geniet evenzeer van het aansturen van een organisatie met professionals als van het vinden van een oplossingsrichting voor een complex bestuurlijk vraagstuk. De algemeen directeur weet de balans tussen de bestuurlijke en de management verantwoordelijkheden goed te vinden, en is daarop aanspreekbaar. De algemeen directeur is omgevingsgevoelig en een team-speler voor alle medewerkers.

De algemeen directeur verbindt zich voor langere tijd aan het IPO om te bouwen aan de vereniging, en ziet het IPO daarbij niet als het eindstation van een carrière.
"""


IPO_2020_TERMS = """\
De functie wordt gewaardeerd in maximaal schaal 18.
"""


IPO_2020_PROCEDURE = """\
Kandidaten kunnen zich tot en met zondag 3 januari 2021 melden. Stuur uw motivatiebrief en CV onder vermelding van "directeur IPO" naar vacatures@ipo.nl

Voor vragen over de functie kunt u contact opnemen met Hester Menninga (MT-IPO): hmenniga@ipo.nl of 06 2890 1236. Voor vragen over de procedure kunt u contact opnemen met Marija Kočetanović (HR): mkocetanovic@ipo.nl of 06 4843 2537.

Een selectieassessment kan onderdeel uitmaken onderdeel van de procedure en ook kunnen – in overleg - referenties worden opgevraagd. De selectiegesprekken zullen bij voorkeur fysiek plaatsvinden, met in achtneming van de (dan) geldende maatregelen.

Het bestuur streeft ernaar uiterlijk februari 2021 tot een afronding van de procedure komen.
"""


IPO_2020_HOW_TO_APPLY = """\
Stuur uw motivatiebrief en CV onder vermelding van "directeur IPO" naar vacatures@ipo.nl
"""


# --- Regio Twente, interim algemeen directeur / secretaris 2019 (regio-twente-interim-directeur-2019-leeuwendaal.txt)

TWENTE_ORGANISATION = """\
Regio Twente werkt in opdracht van de 14 gemeenten aan een gezonde en kansrijke regio. Er liggen opgaven op het gebied van gezondheid, zorg en economie. Naast het investeringsprogramma Agenda voor Twente, start nu ook de uitvoering van de Regiodeal Twente en dat in een speelveld waar ook ondernemers, onderwijs en onderzoek hun rol gaan pakken.

Twente is een gebied met een eigen, sterke identiteit en één van de oudste samenwerkingsregio’s van het land. Met een sterke relatie richting de Randstad, Zwolle en de regio Arnhem/Nijmegen, maar zeker ook in de verbinding met Duitsland als grensregio met een jarenlange Euregionale samenwerking. Regio Twente speelt een belangrijke rol bij het actief promoten van het ‘merk’ Twente als vooraanstaande kennisregio, zowel landelijk als in Europa.

De Regio-organisatie bestaat nu uit 3 domeinen (GGD, Leefomgeving en Bedrijfsvoering), 2 resultaatverantwoordelijke eenheden (Organisatie voor Zorg en Jeugdhulp en Veilig Thuis Twente) en diverse Coalitions of the willing (o.a. Kennispunt Twente en Twentse Kracht). Onder voorzitterschap van de algemeen directeur / secretaris werken de directeur GGD, de (interim) directeur bedrijfsvoering en 2 managers uit domein Leefomgeving samen in het centraal management team. Het managementteam is verantwoordelijk voor de dagelijkse leiding. Bij Regio Twente werken ongeveer 665 mensen (458 fte).

Toekomst van Regio Twente

Op dit moment loopt er een politiek bestuurlijke discussie over de samenwerking van de 14 Twentse gemeenten en grip op sturing ervan. Het doel is om als gemeenten meer eigenaarschap en leiderschap te tonen en te nemen en dit ook samen met ondernemers en onderwijs/onderzoek te organiseren. Dat samenwerking belangrijk is en dat Twente een regio is waar we trots op zijn, staat niet ter discussie. Er wordt nagedacht over versterking van de regionale samenwerking door het aanbrengen van focus en eenvoud. Dit vraagt wellicht ook om een nieuwe structuur voor de regionale samenwerking en de daaraan verbonden Regio-organisatie.
"""


TWENTE_REASON = """\
Omdat de huidige algemeen directeur / secretaris heeft aangegeven per 1 november 2019 een andere stap in haar loopbaan te willen maken zijn we op zoek naar een interim algemeen directeur /secretaris die het proces van vormgeving tot besluitvorming kan leiden.
"""


TWENTE_POSITION = """\
De interim algemeen directeur / secretaris is, in continue samenwerking met de bestuursorganen, het dagelijks bestuur en het algemeen bestuur verantwoordelijk voor:
"""


TWENTE_RESPONSIBILITIES = [
    "De dagelijkse leiding van de ambtelijke organisatie van Regio Twente.",
    "De aansturing van de directeuren GGD en Bedrijfsvoering, de managers Economie, Recreatieve Voorzieningen, OZJT, VTT en Kennispunt Twente en de directiesecretaris.",
    "Goed werkgeverschap en een goede werksfeer in de gehele organisatie van Regio Twente.",
    "Het onderhouden en versterken van de relatie met andere overheden zoals Provincie Overijssel en partners uit de triple helix.",
    "Tevens is de algemeen directeur / secretaris bestuurder WOR.",
    "Je geeft samen met de gemeentesecretarissen uitvoering aan de uitwerking van de veranderrichting en neemt hier de financiële, juridische en personele aspecten in mee.",
    "Zorgt ervoor dat de voorbereiding van de veranderopdracht gestructureerd verloopt.",
    "Vergroot het verandervermogen door mensen in hun kracht te zetten.",
    "Houdt vaart in het veranderproces.",
    "Geeft vorm aan de vernieuwde samenwerking; er moet een duidelijke opdrachtgever opdrachtnemer relatie worden gebouwd.",
]


TWENTE_CANDIDATE = """\
Hiervoor zoeken we een ervaren interim directeur/bestuurder die gewend is om een eindverantwoordelijke rol te vervullen binnen een breed bestuurlijke en politieke omgeving. Iemand die zorgt voor de continuïteit maar tegelijkertijd zich actief richt op de toekomst. Het betreft een brede en dynamische functie met zowel aandacht voor de ‘harde’ als de ‘zachte’ kant van bestuurlijke eindverantwoordelijkheid en organisatieverandering.

Verder ben jij te typeren als:

• Resultaatgericht en besluitvaardig, je straalt natuurlijk gezag uit, bent energiek en positief.
• Je neemt je eindverantwoordelijkheid en doet wat je zegt en zegt wat je doet en neemt mensen mee in dit proces.
• Je denkt in mogelijkheden, maar geeft grenzen aan waar dit nodig is.
• Je bent bestuurlijk sensitief. Doorgrond de bestuurlijke context en speelt daarop in. Bij beslissingen en activiteiten rekening houden met de politieke gevoeligheden en belangen van andere personen, onderdelen en bestuurlijke niveaus binnen Twente.
• Je bent gericht op samenwerking, zowel intern en extern, en maakt optimaal gebruik van de aanwezige kennis en expertise.
• Je bent een aantoonbaar netwerker in de triple helix met aandacht voor sociaaleconomische structuurversterking.
"""


TWENTE_REQUIREMENTS = [
    "Ruime ervaring als interim directeur en/of directeur/bestuurder.",
    "Afgeronde academische opleiding of academisch werk- en denkniveau.",
    "Goed ontwikkelde leidinggevende capaciteiten, coachend en stimulerend, kan een visie. formuleren en uitdragen. Zowel strategisch als hands-on.",
    "Duidelijk en koersvast",
    "Ervaring met complexe besluitvormingsprocessen, goed ontwikkeld gevoel voor bestuurlijke– en politieke verhoudingen.",
]


TWENTE_TERMS = """\
Deze opdracht kan worden uitgevoerd op basis van een overeenkomst van opdracht (ZZP).
"""


TWENTE_PROCEDURE = """\
U kunt uw cv en eventuele toelichting, per e-mail sturen naar Betty Meijer, via Betty.meijer@leeuwendaal.nl. We ontvangen uw reactie graag zo spoedig mogelijk, uiterlijk vrijdag 30 augustus. Een pre-employment check maakt deel uit van de procedure.

Meer informatie

Voor overige vragen kunt u contact opnemen met Betty Meijer, adviseur Interimmanagement, via telefoonnummer 088 00 868 00.
"""


TWENTE_HOW_TO_APPLY = """\
U kunt uw cv en eventuele toelichting, per e-mail sturen naar Betty Meijer, via Betty.meijer@leeuwendaal.nl. We ontvangen uw reactie graag zo spoedig mogelijk, uiterlijk vrijdag 30 augustus.
"""


# The closing date as the 2026 profile writes it; the open demo procedure puts its own date here.
IPO_2026_CLOSING_PHRASE = "vrijdag 15 mei 2026"

# The planning table of the 2026 profile, activity by activity (the dates are in the phase rows).
IPO_2026_PLANNING = {
    "publication": "Openstelling vacature",
    "search": "Gerichte search door Chasse",
    "preselection": "Voorselectie en interviews kandidaten door Chasse",
    "committee_discussion": "Bespreken kandidatenoverzicht met Selectiecommissie / uitnodigen circa 3 tot 4 kandidaten voor de gespreksronde",
    "committee_interviews": "Gespreksronde selectiecommissie",
    "nomination": "Voordracht voorkeurskandidaat",
    "references": "Referentieonderzoek door Chasse",
    "terms_talk": "Arbeidsvoorwaardengesprek door IPO",
    "appointment": "Formele benoeming",
    "start": "Start Algemeen Directeur IPO",
}
IPO_2026_APPOINTMENT_NOTE = "Vóór {date}"  # "Vóór 1 juli 2026": the day after the last day
IPO_2026_START_NOTE = "Zo spoedig mogelijk"

IPO_2020_PLANNING_PUBLICATION = "Kandidaten kunnen zich melden"
IPO_2020_PLANNING_END = "Afronding procedure"
IPO_2020_PLANNING_END_NOTE = "Uiterlijk februari 2021"

TWENTE_PLANNING_PUBLICATION = "Reacties per e-mail aan Betty Meijer (Leeuwendaal)"
TWENTE_PLANNING_PUBLICATION_NOTE = "Uiterlijk vrijdag 30 augustus"
TWENTE_PLANNING_START = "Aanvang opdracht interim algemeen directeur / secretaris"

# --- Client: Interprovinciaal Overleg (ipo-overdrachtspagina-2023.txt, ipo-naar-meer-slagvaardigheid-2023.txt)

IPO_CONTEXT = """\
Het IPO is een vereniging van, voor en door provincies. De provincies zijn de leden. Zij zijn vertegenwoordigd in het Bestuur en de Algemene Vergadering. Het Bestuur beheert de inhoudelijke portefeuilles, de Algemene Vergadering houdt toezicht en verleent goedkeuring aan de Meerjarenagenda, de Jaarplannen, het Jaarverslag de Jaarrekening en de begroting van het IPO. De vereniging is gevestigd in Den Haag, de uitvoeringsorganisatie van de provincies BIJ12 is gevestigd in Utrecht en het Huis van Nederlandse Provincies (HNP) vertegenwoordigd de provincies in Brussel.

Het IPO zorgt dat bestuurders van provincies hun werk beter kunnen doen. Meer kunnen betekenen voor de burgers die zij vertegenwoordigen. Meer kunnen bereiken voor de leefbaarheid in hun provincies. Hoe bewerkstelligt het IPO dat? Op drie manieren.

1. We onderhouden een netwerk, waardoor we bestuurders in de provincies kunnen voorzien van kennis en inzichten over wat er speelt in Brussel en Den Haag: wetten, regelingen, subsidies en beleidsvoornemens. Daardoor kunnen zij beter onderbouwde besluiten nemen;
2. We worden gevoed door informatie over de ambities van de provincies, die we agenderen in Brussel en Den Haag. Zo oefenen we invloed uit op de koers die Brussel en Den Haag uitzetten;
3. We smeden de twaalf provincies tot een eenheid. Eendracht maakt macht. We respecteren de verschillen tussen de provinciebesturen: eenheid in verscheidenheid.

Provincies vertalen de grote opgaven rond wonen, klimaat, energie en het landelijk gebied in samenhang naar concrete resultaten in gebieden. We doen dat samen met de inwoners en ondernemers van die gebieden. De gezamenlijke provincies hebben hun rol in het fysieke domein verder uitgewerkt in de strategische propositie 'de Rol in de Ruimte'.

Naar meer slagvaardigheid (IPO-bestuur, 11 mei 2023)

IPO-bestuur vraagt AEF voor een advies om de slagvaardigheid van het IPO te vergroten. Het IPO-bestuur vraagt de Algemeen Directeur een voorstel uit te werken en deze op 11 mei 2023 aan het IPO-bestuur voor te leggen, waarbij bestuurlijke besluitvorming op 6 juli geschiedt.

Aanleiding: de samenwerking tussen de twaalf provincies kan slagvaardiger en integraler; de vergaderlast voor de vereniging moet minder, er moet meer focus op inhoud en kwaliteit. Beoogd worden een verbeterde positie van de provincies, versterkte samenwerking tussen de provincies en het beter realiseren van de maatschappelijke opgaven.

Verandering in houding en gedrag is cruciaal om ook andere aanpassingen te doen laten werken. Dit geldt voor zowel binnen het IPO, als op de provinciehuizen. We stellen, mede op grond van de twaalf coalitieakkoorden, een bestuursprogramma op voor elke bestuursperiode met een duidelijke visie en opdracht voor de vereniging voor de komende jaren.

De nieuwe BAC-structuur: Wonen & Bereikbaarheid, Landelijk Gebied, Klimaat & Leefomgeving, Ondernemen en Cultuur, Financiën en Openbaar Bestuur. Om beleid en uitvoering dichter bij elkaar te brengen, is er binnen iedere AAC altijd een zetel beschikbaar voor BIJ12. Binnen het IPO-bureau wordt capaciteit gecreëerd voor een kennisteam met een kenniscoördinator.

Proces: bespreking voorstel in IPO-bestuur 11 mei, bespreking voorstel in AV 27 juni, besluitvorming IPO-bestuur 6 juli, start nieuwe werkwijze september.
"""

IPO_UNIT_BUREAU = """\
Het bureau van het IPO coördineert, ondersteunt, en vervult de adviesrol binnen de bestuurlijke en ambtelijke adviesstructuur van de vereniging IPO.
"""

IPO_UNIT_BIJ12 = """\
BIJ12 is onderdeel van het IPO. BIJ12 voert structurele werkzaamheden uit voor de ondersteuning van de provincies bij de uitvoering van gemeenschappelijke opgaven, voornamelijk in het domein van de transitie natuur en stikstof. In mandaat van de 12 provincies voert BIJ12 twee wettelijke regelingen uit: de afhandeling van de faunaschades en de subsidieregeling opruiming drugsafval.

BIJ12 is georganiseerd in vier inhoudelijke units: Expertiseteam Stikstof en Natura 2000, Natuurinformatie en Natuurbeheer, Faunazaken en ACSG en Gemeenschappelijke Beheer Organisatie. Deze worden ondersteund door Bedrijfsvoering. BIJ12 is gevestigd in Utrecht.
"""

IPO_UNIT_HNP = """\
Het Huis van de Nederlandse Provincies (HNP) is een internationale vereniging onder Belgisch recht met dertien leden: de twaalf provincies en het IPO. Het HNP treedt proactief op als gezamenlijke vooruitgeschoven post van de provincies en het IPO en behartigt de provinciale belangen op het Brusselse EU-speelveld.
"""

# --- Client: Regio Twente (regio-twente-interim-directeur-2019-leeuwendaal.txt) --------------

TWENTE_CONTEXT = TWENTE_ORGANISATION

TWENTE_UNITS = [
    # (name, abbreviation, description)
    ("GGD", "", "Domein"),
    ("Leefomgeving", "", "Domein"),
    ("Bedrijfsvoering", "", "Domein"),
    ("Organisatie voor Zorg en Jeugdhulp", "OZJT", "Resultaatverantwoordelijke eenheid"),
    ("Veilig Thuis Twente", "VTT", "Resultaatverantwoordelijke eenheid"),
    ("Kennispunt Twente", "", "Coalition of the willing"),
]
