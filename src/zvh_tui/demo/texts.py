"""Fictional texts for the demo profile and the scale generator (shared/vignettes.md).

Everything here is made up: the town of Noordwaarde, its organisations, its professionals and its
clients. Phone numbers are in the unused 06-0000xxxx range, e-mail addresses on example.org and
.invalid domains. No name belongs to a real person.

Partner and contact references are keys: `("gemeente", 1)` is the second contact of the
gemeente; an owner of `None` is *niemands taak*; `("own", None)` is our own house.
"""

from __future__ import annotations

PLACE = "Noordwaarde"
RETENTION_YEARS = 2  # the (fictional) convenant of ZVH Noordwaarde
MEETING_LOCATIONS = ["ZVH Noordwaarde, zaal De Brug", "ZVH Noordwaarde, zaal 2", "Online (beeldbellen)"]

# -- the partner roster (15 organisations, all domains; three without a signed convenant) --------

PARTNERS: list[dict] = [
    {"key": "politie", "name": "Politie basisteam Noordwaarde", "domain": "veiligheid", "convenant": True,
     "contacts": [("Marco van Leeuwen", "wijkagent Noordwaarde-Oost", "ma-vr, wisselende diensten"),
                  ("Samira Bouzid", "jeugdagent", "di-vr 8.00-17.00"),
                  ("Kees Dijkstra", "rechercheur AVIM (mensenhandel)", "ma-do")]},
    {"key": "om", "name": "Openbaar Ministerie, parket Noordwaarde", "domain": "straf", "convenant": True,
     "contacts": [("Ilse de Groot", "officier van justitie (jeugd)", "via het parketsecretariaat"),
                  ("Hakan Yılmaz", "parketsecretaris", "ma-vr 9.00-17.00")]},
    {"key": "reclassering", "name": "Reclassering Noordwaarde", "domain": "straf", "convenant": True,
     "contacts": [("Jerrel Doelwijt", "reclasseringswerker toezicht", "ma, wo, do"),
                  ("Anna Kowalska", "unitmanager", "ma-vr 9.00-17.00")]},
    {"key": "ggz", "name": "GGZ Noordwaarde", "domain": "zorg", "convenant": True,
     "contacts": [("Femke Mulder", "verpleegkundige FACT-team", "ma-vr; crisisdienst buiten kantoortijd"),
                  ("Rishi Ramdin", "psychiater jeugd-GGZ", "di en do"),
                  ("Jelle Brouwer", "bemoeizorger (OGGz)", "ma-vr 8.30-17.00")]},
    {"key": "veiligthuis", "name": "Veilig Thuis regio Noordwaarde", "domain": "veiligheid", "convenant": True,
     "contacts": [("Nadia El Idrissi", "medewerker vervolg", "ma-vr; 24/7 via het algemene nummer"),
                  ("Petra Kuipers", "gedragswetenschapper", "ma, di, do")]},
    {"key": "raad", "name": "Raad voor de Kinderbescherming, locatie Noordwaarde", "domain": "straf",
     "convenant": True,
     "contacts": [("Thijs Smits", "raadsonderzoeker", "ma-do 9.00-17.00")]},
    {"key": "gemeente", "name": "Gemeente Noordwaarde (wijkteams)", "domain": "gemeente", "convenant": True,
     "contacts": [("Lotte Hendriks", "wijkteamcoach", "ma-vr 8.30-17.00"),
                  ("Youssef Benali", "terugkeercoördinator", "ma-do"),
                  ("Derya Aksoy", "adviseur zorg en veiligheid (radicalisering, mensenhandel)", "di-vr")]},
    {"key": "corporatie", "name": "Woonstichting De Linde", "domain": "wonen", "convenant": False,
     "contacts": [("Henk Bos", "woonconsulent", "ma-vr 9.00-16.00"),
                  ("Chandni Jagroep", "medewerker bijzonder beheer", "di-do")]},
    {"key": "verslaving", "name": "Verslavingszorg Het Kompas", "domain": "zorg", "convenant": True,
     "contacts": [("Marek Wiśniewski", "casemanager", "ma-vr 8.30-17.00")]},
    {"key": "schuldhulp", "name": "Schuldhulp Noordwaarde", "domain": "gemeente", "convenant": True,
     "contacts": [("Esther de Wit", "schuldhulpverlener", "ma, di, do"),
                  ("Burak Demir", "budgetcoach", "wo-vr")]},
    {"key": "dji", "name": "Penitentiaire Inrichting Noordwaarde (DJI)", "domain": "straf", "convenant": True,
     "contacts": [("Priya Mahabier", "casemanager MMD", "ma-vr 8.00-16.30")]},
    {"key": "gi", "name": "Jeugdbescherming Noordwaarde (GI)", "domain": "zorg", "convenant": True,
     "contacts": [("Gianni Zeefuik", "jeugdbeschermer", "ma-do"),
                  ("Maartje Visser", "jeugdreclasseerder", "ma-vr 9.00-17.00")]},
    {"key": "halt", "name": "Halt Noordwaarde", "domain": "straf", "convenant": True,
     "contacts": [("Bilal Ouali", "Halt-medewerker", "di-vr")]},
    {"key": "slachtofferhulp", "name": "Slachtofferhulp Noordwaarde", "domain": "overig", "convenant": False,
     "contacts": [("Katarzyna Nowak", "casemanager", "ma-vr 9.00-17.00")]},
    {"key": "school", "name": "Scholengemeenschap Het Baken", "domain": "onderwijs", "convenant": False,
     "contacts": [("Wouter Peters", "zorgcoördinator", "ma-vr tijdens schooltijden"),
                  ("Imane Tahiri", "schoolmaatschappelijk werker", "ma, wo, vr")]},
]

INVALID_MAIL = {"gemeente", "schuldhulp", "school"}  # these use .invalid addresses, the rest example.org

GRONDSLAGEN = [
    "Convenant Zorg- en Veiligheidshuis Noordwaarde, art. 6 (taak van algemeen belang, AVG art. 6 lid 1 sub e)",
    "Wet politiegegevens art. 20, binnen het convenant ZVH Noordwaarde",
    "Jeugdwet art. 7.4.0 en het convenant ZVH Noordwaarde",
    "Wet verplichte ggz art. 8:31 (verstrekking voor zover noodzakelijk)",
    "Besluit justitiële en strafvorderlijke gegevens art. 39f, convenant ZVH Noordwaarde",
]

# -- the eight vignettes --------------------------------------------------------------------------
# Placeholders: {first} first name of the first person, {age} their age, {street} a street.
# Journal lines carry the stage at which they are written (screening, analysis, meeting, plan,
# execution), so the demo's journal reads in order.

VIGNETTES: dict[str, dict] = {
    "verward": {
        "label": "Verward gedrag en overlast",
        "reason": ("{first} ({age}) woont alleen aan de {street}. Sinds enkele maanden psychotische "
                   "episodes; bedreigt buren en weigert zorg. De woningcorporatie is een "
                   "ontruimingsprocedure gestart. Drie meldingen verward gedrag (E33) in zes weken."),
        "goal": "Samenhangende aanpak van zorg en veiligheid, zodat escalatie en huisuitzetting worden voorkomen.",
        "shared_task": ("{first} krijgt passende zorg en kan veilig blijven wonen, zonder dat de buurt "
                        "nog dreiging ervaart."),
        "client_view": ("{first} wil vooral met rust gelaten worden en in het eigen huis blijven. Staat "
                        "open voor contact met de wijkagent, niet met 'de psychiaters'."),
        "partners": [("politie", 0), ("ggz", 2), ("corporatie", 0), ("gemeente", 0)],
        "director": ("gemeente", 0),
        "goals": [
            ("{first} is in beeld bij de zorg en er is zicht op de psychische toestand.", "gezondheid_psych", [
                ("Bemoeizorg: huisbezoek samen met de wijkagent, binnen een week", ("ggz", 2)),
                ("Beoordelen of een zorgmachtiging (Wvggz) nodig is en die zo nodig met het OM voorbereiden", ("ggz", 0)),
                ("Huisarts informeren en vragen naar eerdere behandeling en medicatie", ("ggz", 0)),
            ]),
            ("{first} kan in de woning blijven zolang het plan loopt.", "wonen", [
                ("Ontruimingsprocedure aanhouden zolang het plan van aanpak loopt", ("corporatie", 0)),
                ("Gesprek over de huurovereenkomst en gedragsafspraken vastleggen", ("corporatie", 1)),
                ("Huurachterstand in kaart brengen en een betalingsregeling voorstellen", ("gemeente", 0)),
            ]),
            ("De buren weten waar ze terechtkunnen en voelen zich veiliger.", "veiligheid", [
                ("Eén vast aanspreekpunt voor de buren aanwijzen en de buren informeren", ("gemeente", 0)),
                ("Bij nieuwe dreiging direct melden en terugkoppelen aan de casusregisseur", ("politie", 0)),
                ("Buurtbemiddeling aanbieden aan de direct omwonenden", ("gemeente", 0)),
                ("Wekelijks kort contact met de zus over hoe het gaat", ("ggz", 2)),
            ]),
        ],
        "agreements": [
            ("Bij een nieuw incident belt de politie de casusregisseur binnen 24 uur.", "politie"),
            ("De woningcorporatie zet geen stap in de ontruiming zonder overleg in het casusoverleg.", "corporatie"),
            ("Medische informatie wordt alleen gedeeld voor zover nodig voor de veiligheid (doelbinding).", None),
        ],
        "perspectives": {
            "ggz": "Patiënt: onbehandelde psychose, zorgmijdend; heeft zorg nodig, ook als die nu wordt geweigerd.",
            "politie": "Risico: herhaalde bedreigingen van buren; kans op escalatie naar geweld.",
            "corporatie": "Huurder in overtreding: ernstige overlast en huurachterstand; ontruiming is in gang gezet.",
            "gemeente": "Inwoner die buiten de boot dreigt te vallen en een vast gezicht nodig heeft.",
        },
        "assessments": [
            ("wonen", "Woont al negen jaar in dezelfde flat; houdt de woning redelijk op orde.",
             "Ontruimingsprocedure loopt; drie maanden huurachterstand."),
            ("gezondheid_psych", "Had eerder goed contact met een FACT-medewerker.",
             "Psychotische episodes, slaapt slecht, gebruikt geen medicatie."),
            ("netwerk", "Zus belt wekelijks en wil helpen.", "Conflicten met de buren; verder geïsoleerd."),
            ("veiligheid", "Geen wapenbezit bekend.", "Bedreigingen van buren; twee meldingen in een maand."),
        ],
        "notes": [
            ("beeld", "Alle partners zien sinds de zomer meer onrust; {first} eet slecht en slaapt weinig."),
            ("oordeel", "Zonder zorg is verdere escalatie waarschijnlijk; ontruiming verplaatst het probleem alleen."),
            ("besluit", "Het wijkteam wordt casusregisseur; de ontruiming wordt aangehouden tot de evaluatie."),
        ],
        "journal": [
            ("meeting", "procesregie", "Partners uitgenodigd voor het casusoverleg; GGZ en corporatie hebben bevestigd."),
            ("screening", "onderzoek", "Check op bekendheid gedaan: politie, GGZ en corporatie kennen {first}."),
            ("execution", "monitoren", "Casusregisseur gebeld: het huisbezoek heeft plaatsgevonden, {first} liet de bemoeizorger binnen."),
            ("execution", "procesregie", "Corporatie wilde toch de zitting laten doorgaan; teruggelegd bij het casusoverleg volgens de afspraak."),
        ],
        "triage": "Meervoudige problematiek op zorg en veiligheid; geen lopende regie. Oppakken.",
        "escalation": ("Zorgmachtiging blijft uit terwijl de dreiging toeneemt; op casusniveau geen doorbraak.",
                       "procesregisseur en teamleider ZVH"),
        "closing": "Zorg loopt via het FACT-team, geen meldingen meer sinds vier maanden; regie terug naar het wijkteam.",
    },
    "terugkeer": {
        "label": "Terugkeer na detentie",
        "reason": ("{first} ({age}) komt over drie weken vrij na veertien maanden detentie. Geen woning, "
                   "schulden, en de ex-partner woont in dezelfde wijk ({street})."),
        "goal": "Basisvoorwaarden (ID, inkomen, onderdak, schulden) op orde op de dag van vrijlating.",
        "shared_task": "{first} heeft vanaf de eerste dag na vrijlating onderdak, inkomen en een plan, en valt niet terug.",
        "client_view": "{first} wil een eigen plek, werk in de logistiek en geen contact met de ex-partner.",
        "partners": [("dji", 0), ("reclassering", 0), ("gemeente", 1), ("schuldhulp", 0), ("corporatie", 0)],
        "director": ("gemeente", 1),
        "goals": [
            ("Op de dag van vrijlating zijn ID-bewijs en inkomen geregeld.", "financien", [
                ("ID-kaart aanvragen vóór de invrijheidstelling", ("dji", 0)),
                ("Uitkering aanvragen zodat die ingaat op de dag van vrijlating", ("gemeente", 1)),
                ("Zorgverzekering controleren en zo nodig opnieuw afsluiten", ("dji", 0)),
            ]),
            ("{first} heeft vanaf dag één een bed en daarna een vaste woonplek.", "wonen", [
                ("Plek in beschermd wonen regelen voor de eerste drie maanden", ("gemeente", 1)),
                ("Urgentie voor een zelfstandige woning beoordelen", ("corporatie", 0)),
            ]),
            ("De schulden zijn bevroren en er is zicht op een regeling.", "financien", [
                ("Schuldenoverzicht maken en een schuldenpauze (moratorium) aanvragen", ("schuldhulp", 0)),
                ("Budgetcoaching starten in de eerste maand", ("schuldhulp", 1)),
            ]),
            ("De voorwaarden van het toezicht zijn duidelijk en haalbaar.", "justitie", [
                ("Bijzondere voorwaarden van het reclasseringstoezicht bespreken met {first}", ("reclassering", 0)),
                ("Contactverbod met de ex-partner vastleggen en de wijkagent informeren", ("reclassering", 0)),
                ("Dagbesteding of werktraject zoeken", ("gemeente", 1)),
            ]),
        ],
        "agreements": [
            ("De terugkeercoördinator is het aanspreekpunt voor {first} tot een maand na vrijlating.", "gemeente"),
            ("De reclassering meldt een schending van de voorwaarden ook aan de casusregisseur.", "reclassering"),
        ],
        "perspectives": {
            "dji": "Gedetineerde die over drie weken vrijkomt; wil een warme overdracht.",
            "reclassering": "Cliënt met bijzondere voorwaarden; recidiverisico gemiddeld.",
            "gemeente": "Terugkerende inwoner: ID, inkomen en onderdak moeten op dag één staan.",
            "schuldhulp": "Aanvrager met problematische schulden (ongeveer € 14.000).",
        },
        "assessments": [
            ("wonen", "Heeft een tante die tijdelijk kan helpen.", "Geen woning; ex-partner woont in dezelfde wijk."),
            ("financien", "Heeft in detentie gewerkt en wat gespaard.", "Ongeveer € 14.000 schulden, deels bij justitie (CJIB)."),
            ("justitie", "Houdt zich aan de afspraken in de inrichting.", "Toezicht met bijzondere voorwaarden."),
            ("dagbesteding", "Heeft een heftruckcertificaat gehaald.", "Geen werk of opleiding na vrijlating."),
        ],
        "notes": [
            ("beeld", "{first} is gemotiveerd en heeft in detentie een certificaat gehaald."),
            ("oordeel", "Het risico zit in de eerste weken: zonder onderdak en inkomen is terugval waarschijnlijk."),
            ("besluit", "De terugkeercoördinator wordt casusregisseur tot drie maanden na vrijlating."),
        ],
        "journal": [
            ("meeting", "procesregie", "Overleg met de MMD over de datum van invrijheidstelling; warme overdracht afgesproken."),
            ("execution", "monitoren", "Casusregisseur meldt: uitkering loopt, beschermd wonen nog niet rond."),
            ("screening", "onderzoek", "Navraag bij de reclassering naar de bijzondere voorwaarden en het contactverbod."),
        ],
        "triage": "Re-integratie na detentie met risico op terugval; meerdere partners nodig. Oppakken.",
        "escalation": ("Geen plek in beschermd wonen beschikbaar; vrijlating over een week.",
                       "manager ZVH na overleg met de gemeente"),
        "closing": "Woont zelfstandig, werkt in een logistiek bedrijf, toezicht loopt zonder incidenten.",
    },
    "huiselijk_geweld": {
        "label": "Huiselijk geweld met kinderen",
        "reason": ("Herhaalde politiemeldingen van huiselijk geweld in het gezin aan de {street}. Vader heeft "
                   "een tijdelijk huisverbod; moeder heeft een depressie; school meldt zorgen over de kinderen."),
        "goal": "Veiligheid van moeder en kinderen herstellen en de patronen doorbreken.",
        "shared_task": "Het geweld stopt en de kinderen groeien veilig op, met hulp voor beide ouders.",
        "client_view": ("Moeder wil dat het geweld stopt en dat de kinderen hun vader kunnen blijven zien onder "
                        "begeleiding. Zij schuift aan bij het tweede deel van het overleg."),
        "partners": [("veiligthuis", 0), ("politie", 0), ("raad", 0), ("gemeente", 0), ("school", 0), ("ggz", 1)],
        "director": ("veiligthuis", 0),
        "goals": [
            ("Moeder en kinderen zijn veilig en weten wat te doen bij dreiging.", "veiligheid", [
                ("Veilig Verder Plan opstellen met moeder", ("veiligthuis", 0)),
                ("Afspraken over contact tussen vader en kinderen tijdens het huisverbod vastleggen", ("veiligthuis", 1)),
                ("Strafrechtelijk onderzoek naar de meldingen afronden", ("politie", 0)),
            ]),
            ("De kinderen krijgen de steun die ze nodig hebben.", "opvoeding", [
                ("Verzoek tot onderzoek naar de opvoedsituatie beoordelen", ("raad", 0)),
                ("Kinderen aanmelden voor traumascreening bij de jeugd-GGZ", ("ggz", 1)),
                ("School volgt de kinderen en meldt signalen aan de casusregisseur", ("school", 0)),
            ]),
            ("Beide ouders krijgen hulp.", "gezondheid_psych", [
                ("Moeder aanmelden voor behandeling van de depressie", ("gemeente", 0)),
                ("Hulpaanbod aan vader doen binnen het huisverbodtraject", ("gemeente", 0)),
                ("Opvoedondersteuning thuis starten na afloop van het huisverbod", ("gemeente", 0)),
            ]),
        ],
        "agreements": [
            ("Bij een nieuw incident belt de politie Veilig Thuis en de casusregisseur dezelfde dag.", "politie"),
            ("Informatie over het strafrechtelijk onderzoek blijft bij de politie en wordt niet in het plan vastgelegd.", None),
            ("Moeder is bij het tweede deel van elk overleg aanwezig.", None),
        ],
        "perspectives": {
            "politie": "Verdachte (vader) van mishandeling; strafrechtelijk onderzoek loopt.",
            "raad": "Kinderen in een mogelijk onveilige opvoedsituatie; een beschermingsmaatregel wordt overwogen.",
            "school": "Leerlingen met concentratieproblemen en oplopend verzuim.",
            "veiligthuis": "Gezin met een patroon van partnergeweld; veiligheid eerst, daarna herstel.",
        },
        "assessments": [
            ("veiligheid", "Moeder heeft een netwerk dat kan opvangen (zus en buurvrouw).",
             "Herhaald partnergeweld in het bijzijn van de kinderen."),
            ("opvoeding", "Beide ouders zijn betrokken bij de kinderen.", "Oudste kind neemt de zorg voor de jongsten over."),
            ("gezondheid_psych", "Moeder zoekt zelf hulp bij de huisarts.", "Depressieve klachten bij moeder; vader ontkent."),
            ("dagbesteding", "Kinderen gaan graag naar school.", "Oplopend verzuim bij het oudste kind."),
        ],
        "notes": [
            ("beeld", "Drie meldingen in vier maanden; de kinderen waren er telkens bij."),
            ("oordeel", "De veiligheid is niet gegarandeerd na afloop van het huisverbod."),
            ("besluit", "Veilig Thuis blijft casusregisseur; de Raad start een onderzoek."),
        ],
        "journal": [
            ("meeting", "procesregie", "Moeder gesproken over haar aanwezigheid bij het overleg; zij komt bij het tweede deel."),
            ("screening", "onderzoek", "Check op bekendheid bij politie, Veilig Thuis en school; vader niet geïnformeerd (zie reden)."),
            ("execution", "monitoren", "Veilig Verder Plan is klaar; besproken met moeder."),
            ("execution", "casusregie", "Tijdelijk zelf contact met school gehad omdat de casusregisseur ziek was."),
        ],
        "triage": "Huiselijk geweld met kinderen en meerdere meldingen; regie nodig. Oppakken.",
        "escalation": ("Nieuw incident na afloop van het huisverbod; kinderen bij de buren opgevangen.",
                       "casusoverleg met Veilig Thuis en politie"),
        "closing": "Geen nieuwe meldingen in zes maanden; hulpverlening loopt via het wijkteam jeugd.",
        "not_informed": ("Vader is niet geïnformeerd zolang het strafrechtelijk onderzoek loopt: informeren kan "
                         "het onderzoek en de veiligheid van moeder en kinderen schaden."),
    },
    "jongere": {
        "label": "Jongere op het randje (PGA)",
        "reason": ("{first} ({age}) is verdachte van een straatroof, verzuimt veel van school en een oudere "
                   "broer zit in een crimineel netwerk. Woont met moeder aan de {street}."),
        "goal": "Voorkomen dat {first} verder afglijdt; een gezamenlijke persoonsgerichte aanpak.",
        "shared_task": "{first} gaat weer naar school, heeft een positief netwerk en pleegt geen nieuwe delicten.",
        "client_view": "{first} wil voetballen en een opleiding tot monteur; wil niet 'zoals zijn broer worden'.",
        "partners": [("politie", 1), ("om", 0), ("halt", 0), ("gi", 1), ("gemeente", 0), ("school", 1)],
        "director": ("gemeente", 0),
        "goals": [
            ("{first} gaat weer elke dag naar school.", "dagbesteding", [
                ("Gesprek met de leerplichtambtenaar over het verzuim plannen", ("gemeente", 0)),
                ("Maatwerkrooster en een vaste mentor regelen", ("school", 1)),
                ("Stageplek in een garage zoeken voor na de zomer", ("school", 1)),
            ]),
            ("{first} pleegt geen nieuwe delicten.", "justitie", [
                ("Jeugdofficier beslist over de afdoening van de straatroof", ("om", 0)),
                ("Jeugdreclassering: toezicht en begeleiding starten", ("gi", 1)),
                ("Halt-traject afronden voor de eerdere winkeldiefstal", ("halt", 0)),
            ]),
            ("{first} heeft een positief netwerk buiten de wijk.", "netwerk", [
                ("Plek bij de voetbalvereniging regelen, met een vaste trainer als maatje", ("gemeente", 0)),
                ("Gesprek met moeder over de invloed van de oudere broer", ("gi", 1)),
                ("Jeugdagent houdt contact en meldt signalen over het netwerk", ("politie", 1)),
            ]),
        ],
        "agreements": [
            ("School en jeugdreclassering stemmen elke twee weken af over verzuim en gedrag.", None),
            ("Bij een nieuwe verdenking informeert de jeugdagent de casusregisseur binnen een werkdag.", "politie"),
        ],
        "perspectives": {
            "politie": "Verdachte met een risico op doorgroei in een crimineel netwerk.",
            "school": "Leerling met veel verzuim; schorsing wordt overwogen.",
            "gi": "Jongere die begeleiding nodig heeft, geen schorsing; schorsing vergroot het risico.",
            "om": "Jeugdige verdachte; afdoening moet snel en pedagogisch zijn.",
        },
        "assessments": [
            ("dagbesteding", "Is handig met techniek.", "Verzuimt ongeveer de helft van de lessen."),
            ("netwerk", "Speelde tot vorig jaar voetbal.", "Oudere broer en diens vrienden."),
            ("justitie", "Eerste verdenking van een geweldsdelict.", "Verdachte van straatroof; eerder Halt."),
            ("opvoeding", "Moeder is betrokken en wil hulp.", "Moeder heeft weinig grip; vader buiten beeld."),
        ],
        "notes": [
            ("beeld", "School en GI zien hetzelfde verzuim, maar verschillen over de aanpak."),
            ("oordeel", "Schorsing vergroot de kans dat {first} meer tijd met het netwerk van de broer doorbrengt."),
            ("besluit", "Het wijkteam wordt casusregisseur; de vraag over schorsing gaat naar procesniveau."),
        ],
        "journal": [
            ("execution", "procesregie", "School en GI zijn het oneens over schorsing; opgeschaald naar procesniveau."),
            ("execution", "monitoren", "Casusregisseur meldt dat {first} weer drie dagen per week op school is."),
            ("screening", "onderzoek", "Navraag bij Halt: traject voor de winkeldiefstal loopt nog."),
        ],
        "triage": "Jeugdige verdachte met meervoudige risico's; past in de persoonsgerichte aanpak. Oppakken.",
        "escalation": ("School en GI zijn het oneens over schorsing; op casusniveau geen oplossing.",
                       "procesregisseur met de teamleiders van school en GI"),
        "closing": "{first} volgt een opleiding tot monteur, geen nieuwe verdenkingen; regie terug naar het wijkteam.",
    },
    "woonoverlast": {
        "label": "Woonoverlast en verslaving",
        "reason": ("Echtpaar van in de vijftig aan de {street}: alcohol- en cocaïnegebruik, geluidsoverlast en "
                   "klachten over drugshandel. Hun hond heeft een buurman gebeten."),
        "goal": "De overlast stoppen en het echtpaar naar verslavingszorg leiden.",
        "shared_task": "De buurt is weer leefbaar en het echtpaar krijgt hulp bij hun verslaving.",
        "client_view": "Het echtpaar wil in de woning blijven en 'minderen'; de hond is voor hen heel belangrijk.",
        "partners": [("corporatie", 1), ("verslaving", 0), ("politie", 0), ("gemeente", 0)],
        "director": ("gemeente", 0),
        "goals": [
            ("De overlast voor de buren houdt op.", "wonen", [
                ("Gedragsaanwijzing uitreiken en bespreken met het echtpaar", ("corporatie", 1)),
                ("Buren informeren over de aanpak en het aanspreekpunt", ("gemeente", 0)),
                ("Politie: extra surveillance in de avonden en terugkoppeling", ("politie", 0)),
            ]),
            ("Het echtpaar krijgt verslavingszorg.", "verslaving", [
                ("Intake verslavingszorg voor beiden plannen", ("verslaving", 0)),
                ("Huisbezoek samen met de wijkteamcoach", ("verslaving", 0)),
            ]),
            ("Bij een volgende vondst van drugs is duidelijk wat er gebeurt.", "veiligheid", [
                ("Waarschuwing op grond van art. 13b Opiumwet uitreiken", ("gemeente", 0)),
                ("Aanlijn- en muilkorfgebod voor de hond beoordelen", ("gemeente", 0)),
                ("Buurtbijeenkomst organiseren", ("own", None)),
            ]),
        ],
        "agreements": [
            ("De wijkteamcoach informeert de buren; de corporatie doet dat niet afzonderlijk.", "gemeente"),
            ("Bij een volgend incident met drugs volgt een bestuurlijke waarschuwing en daarna sluiting (art. 13b).", "gemeente"),
            ("Verslavingszorg deelt alleen of het echtpaar in zorg is, niet wat er besproken wordt.", "verslaving"),
        ],
        "perspectives": {
            "corporatie": "Huurders die ernstige overlast veroorzaken; ontbinding van de huur ligt klaar.",
            "verslaving": "Cliënten met dubbele verslaving die nog niet gemotiveerd zijn.",
            "politie": "Adres met signalen van drugshandel en een bijtincident.",
        },
        "assessments": [
            ("verslaving", "Hebben eerder een periode niet gedronken.", "Dagelijks alcohol en regelmatig cocaïne."),
            ("wonen", "Wonen er twintig jaar; goede band met één buurvrouw.", "Overlast en een dreigende ontbinding."),
            ("veiligheid", "Geen geweld tegen personen bekend.", "Bijtincident met de hond; signalen van handel."),
        ],
        "notes": [
            ("beeld", "Overlast vooral in de weekenden; buren durven niet meer te klagen."),
            ("oordeel", "Zonder duidelijke grens blijft de overlast; zonder zorg verandert er niets."),
            ("besluit", "Waarschuwing art. 13b en tegelijk een intake bij de verslavingszorg."),
        ],
        "journal": [
            ("execution", "procesregie", "Buurtbijeenkomst zelf georganiseerd omdat niemand het oppakte; terugleggen bij het wijkteam."),
            ("execution", "monitoren", "Corporatie meldt twee rustige weekenden."),
            ("plan", "hulpverlening", "Huisbezoek met de wijkteamcoach; het echtpaar stemt in met een intake."),
        ],
        "triage": "Overlast met verslaving en veiligheidsrisico's; meerdere partners nodig. Oppakken.",
        "escalation": ("Nieuwe vondst van drugs en een tweede bijtincident; burgemeester moet beslissen over sluiting.",
                       "driehoek via de adviseur openbare orde"),
        "closing": "Overlast gestopt, beiden in behandeling bij de verslavingszorg; corporatie houdt een vinger aan de pols.",
    },
    "schulden": {
        "label": "Multiproblem en schulden",
        "reason": ("Alleenstaande ouder met drie kinderen aan de {street}, ongeveer € 38.000 schulden; de "
                   "energieleverancier heeft afsluiting aangekondigd. De oudste dochter zorgt voor de jongsten."),
        "goal": "Afsluiting voorkomen, de schulden stabiliseren en de oudste dochter ontlasten.",
        "shared_task": "Het gezin heeft een stabiel inkomen en vaste lasten die betaald worden, en de kinderen kunnen kind zijn.",
        "client_view": "{first} schaamt zich voor de schulden en wil 'het zelf oplossen', maar wel hulp bij de post.",
        "partners": [("school", 1), ("schuldhulp", 0), ("gemeente", 0), ("gi", 0)],
        "director": ("gemeente", 0),
        "goals": [
            ("De energie blijft aan en de vaste lasten worden betaald.", "financien", [
                ("Afsluiting voorkomen: contact met de energieleverancier via de gemeente", ("gemeente", 0)),
                ("Bijzondere bijstand aanvragen voor de vaste lasten", ("gemeente", 0)),
                ("ID-kaart van {first} regelen (nodig voor elke volgende stap)", None),
            ]),
            ("De schulden zijn in beeld en stabiel.", "financien", [
                ("Intake schuldhulp en stabilisatie van de schulden", ("schuldhulp", 0)),
                ("Budgetcoaching: post en betalingen samen ordenen", ("schuldhulp", 1)),
                ("Beschermingsbewind bespreken met {first}", ("schuldhulp", 0)),
            ]),
            ("De oudste dochter wordt ontlast en de kinderen krijgen steun.", "opvoeding", [
                ("Steun voor de oudste dochter als jonge mantelzorger regelen", ("gemeente", 0)),
                ("Naschoolse opvang voor de jongste kinderen regelen", ("gemeente", 0)),
                ("Huiswerkbegeleiding op school aanbieden", ("school", 1)),
                ("Jeugdhulp: gezinscoach inzetten", ("gi", 0)),
            ]),
        ],
        "agreements": [
            ("Alle post over schulden gaat via de budgetcoach; {first} gooit niets ongeopend weg.", "schuldhulp"),
            ("School meldt verzuim van de kinderen dezelfde week aan de casusregisseur.", "school"),
        ],
        "perspectives": {
            "schuldhulp": "Klant met problematische schulden; stabilisatie eerst.",
            "school": "Kinderen met zorgen thuis; de oudste valt uit door mantelzorg.",
            "gemeente": "Gezin dat net niet rondkomt; voorzieningen zijn niet aangevraagd.",
        },
        "assessments": [
            ("financien", "Heeft een vast inkomen uit deeltijdwerk.", "Ongeveer € 38.000 schulden; afsluiting energie aangekondigd."),
            ("opvoeding", "Betrokken en liefdevolle ouder.", "Oudste dochter zorgt voor de jongsten."),
            ("dagbesteding", "Werkt drie dagen per week.", "Oudste dochter verzuimt school."),
            ("netwerk", "Een oom helpt soms met vervoer.", "Schaamte; vraagt geen hulp."),
        ],
        "notes": [
            ("beeld", "Geen ID-kaart: daardoor lopen aanvragen voor bijstand en schuldhulp vast."),
            ("oordeel", "Het ID-bewijs is de sleutel, maar het valt buiten ieders taak."),
            ("besluit", "Wijkteam wordt casusregisseur; wie de ID-kaart regelt, is nog open."),
        ],
        "journal": [
            ("plan", "procesregie", "Niemand voelt zich eigenaar van de ID-kaart; besproken in het overleg."),
            ("execution", "monitoren", "Energieleverancier heeft de afsluiting uitgesteld met zes weken."),
            ("analysis", "hulpverlening", "Samen met {first} de post doorgenomen; veertig ongeopende enveloppen."),
        ],
        "triage": "Gezin met schulden, dreigende afsluiting en zorgen om de kinderen. Oppakken.",
        "escalation": ("Energieleverancier houdt vast aan afsluiting ondanks aanvraag bijstand.",
                       "manager ZVH met de wethouder sociaal domein"),
        "closing": "Schulden in een regeling, vaste lasten via bewind; gezinscoach loopt door.",
    },
    "radicalisering": {
        "label": "Radicalisering (zorgsignaal)",
        "reason": ("{first} ({age}) is geïsoleerd, deelt online extremistische inhoud en had eerder contact met "
                   "de GGZ. Woont bij de ouders aan de {street}."),
        "goal": "Duiden van het zorgsignaal en voorkomen van verdere radicalisering.",
        "shared_task": "{first} heeft een zinvolle dagbesteding, een vertrouwenspersoon en krijgt passende zorg.",
        "client_view": "{first} voelt zich niet gehoord en wil een opleiding in de ICT.",
        "partners": [("gemeente", 2), ("politie", 0), ("ggz", 0), ("reclassering", 0)],
        "director": ("gemeente", 2),
        "goals": [
            ("{first} heeft een vertrouwenspersoon.", "netwerk", [
                ("Mentor uit de eigen gemeenschap koppelen", ("gemeente", 2)),
                ("Gesprek met de ouders over wat zij zien en nodig hebben", ("gemeente", 2)),
            ]),
            ("{first} krijgt passende zorg.", "gezondheid_psych", [
                ("Eerdere GGZ-behandeling opvragen (met toestemming) en diagnostiek inplannen", ("ggz", 0)),
                ("Huisarts betrekken bij de zorgvraag", ("ggz", 0)),
            ]),
            ("{first} heeft een zinvolle dagbesteding.", "dagbesteding", [
                ("Werk-leertraject in de ICT zoeken", ("gemeente", 0)),
                ("Politie: signalen binnen de eigen taak volgen en delen volgens de afspraak", ("politie", 0)),
            ]),
        ],
        "agreements": [
            ("Politie-informatie wordt alleen mondeling in het overleg gedeeld en niet in het plan vastgelegd.", "politie"),
            ("Alleen de casusregisseur heeft contact met de ouders over het plan.", "gemeente"),
        ],
        "perspectives": {
            "politie": "Persoon met zorgwekkende online uitingen; geen strafbare feiten bekend.",
            "ggz": "Eerder behandelde cliënt met sociale angst; mogelijk terugval.",
            "gemeente": "Jongvolwassene met een zorgsignaal; vooral isolement.",
        },
        "assessments": [
            ("netwerk", "Goede band met een oudere neef.", "Isolement; contact vooral online."),
            ("gezondheid_psych", "Eerdere behandeling hielp.", "Sociale angst, somberheid."),
            ("dagbesteding", "Heeft een mbo-diploma niveau 2.", "Al een jaar zonder werk of opleiding."),
        ],
        "notes": [
            ("beeld", "Zorgsignaal: isolement en online uitingen; geen concrete dreiging."),
            ("oordeel", "Vooral een zorgvraag; veiligheid volgen binnen strikte doelbinding."),
            ("besluit", "De adviseur zorg en veiligheid wordt casusregisseur."),
        ],
        "journal": [
            ("screening", "onderzoek", "Strikte doelbinding besproken: politie-informatie niet in het dossier."),
            ("plan", "procesregie", "Mentor gevonden via een sleutelfiguur uit de wijk; kennismaking gepland."),
        ],
        "triage": "Zorgsignaal radicalisering met isolement; afstemming zorg en veiligheid nodig. Oppakken.",
        "escalation": ("Online uitingen worden concreter; politie wil opschalen.",
                       "casusoverleg radicalisering"),
        "closing": "Werk-leertraject loopt, geen zorgwekkende uitingen meer; zorg via de huisarts.",
    },
    "mensenhandel": {
        "label": "Mensenhandel en uitbuiting",
        "reason": ("{first} ({age}) heeft een licht verstandelijke beperking en wordt uitgebuit door een oudere "
                   "'vriend'. Er staan schulden op haar naam. Verblijft wisselend aan de {street}."),
        "goal": "Bescherming, uitstappen uit de uitbuitingssituatie en herstel.",
        "shared_task": "{first} is veilig, woont op een beschermde plek en heeft grip op het eigen geld.",
        "client_view": ("{first} wil 'gewoon een eigen kamer en een baan in de kinderopvang'. Wil geen aangifte "
                        "doen uit angst, maar wel hulp bij de schulden."),
        "partners": [("politie", 2), ("gemeente", 2), ("slachtofferhulp", 0), ("schuldhulp", 0), ("ggz", 0)],
        "director": ("gemeente", 2),
        "goals": [
            ("{first} is veilig en woont op een beschermde plek.", "veiligheid", [
                ("Plek in de categorale opvang voor slachtoffers regelen", ("gemeente", 2)),
                ("Bedenktijd en mogelijkheden van aangifte uitleggen", ("politie", 2)),
                ("Veiligheidsafspraken over telefoon en sociale media maken", ("slachtofferhulp", 0)),
            ]),
            ("De schulden op haar naam zijn in beeld.", "financien", [
                ("Schulden op naam van {first} uitzoeken en fraude melden", ("schuldhulp", 0)),
                ("Bankrekening afschermen en nieuwe pas aanvragen", ("schuldhulp", 0)),
            ]),
            ("{first} krijgt passende zorg en begeleiding.", "gezondheid_psych", [
                ("Aanmelden voor begeleiding vanuit de gehandicaptenzorg (LVB)", ("gemeente", 2)),
                ("Traumabehandeling bespreken wanneer de situatie stabiel is", ("ggz", 0)),
                ("Slachtofferhulp: steun bij een eventueel strafproces", ("slachtofferhulp", 0)),
            ]),
        ],
        "agreements": [
            ("Niemand deelt de verblijfplaats van {first} buiten dit overleg.", None),
            ("De zorgcoördinator mensenhandel is het enige aanspreekpunt voor {first}.", "gemeente"),
        ],
        "perspectives": {
            "politie": "Slachtoffer van mensenhandel; de dader is in beeld.",
            "schuldhulp": "Slachtoffer van identiteitsfraude; schulden zijn mogelijk niet verwijtbaar.",
            "slachtofferhulp": "Slachtoffer dat steun nodig heeft en zelf moet kunnen kiezen.",
        },
        "assessments": [
            ("veiligheid", "Heeft een tante die zij vertrouwt.", "Wordt uitgebuit; dader kent haar verblijfplaats."),
            ("financien", "Heeft een bijbaan gehad.", "Schulden op haar naam door de dader."),
            ("gezondheid_psych", "Wil hulp.", "Licht verstandelijke beperking; angst en nachtmerries."),
        ],
        "notes": [
            ("beeld", "{first} is bang voor de 'vriend' en heeft schulden die zij niet zelf maakte."),
            ("oordeel", "Veiligheid eerst; de keuze voor aangifte ligt bij {first}."),
            ("besluit", "De zorgcoördinator mensenhandel wordt casusregisseur; opvangplek deze week."),
        ],
        "journal": [
            ("plan", "procesregie", "Wensen van {first} apart vastgelegd naast het plan."),
            ("execution", "monitoren", "Opvangplek is geregeld; {first} heeft haar oude telefoon ingeleverd."),
        ],
        "triage": "Signalen van uitbuiting bij een kwetsbare jongvolwassene. Oppakken.",
        "escalation": ("Dader heeft de opvanglocatie gevonden; direct verplaatsen nodig.",
                       "procesregisseur met de zorgcoördinator mensenhandel"),
        "closing": "Woont beschermd, schulden in behandeling, begeleiding LVB loopt.",
    },
}

STREETS = [
    "Lindelaan", "Populierenstraat", "Havenkade", "Molenweg", "Kastanjeplein", "Beatrixstraat",
    "Dijkgraafhof", "Sluiswachtersweg", "Zilverschoonpad", "Koperslagerstraat", "Vlasakker",
    "Tulpenhof", "Brugwachtersstraat", "Weverstraat", "Oude Veerweg", "Spoorsingel",
]

# -- name pools for the scale generator: (first names male, first names female, surnames) -----------
# Polish surnames take their feminine form from the second element.

NAME_POOLS: list[tuple[list[str], list[str], list[tuple[str, str]]]] = [
    (  # Dutch
        ["Daan", "Bram", "Ruud", "Joost", "Thijs", "Wouter", "Gert-Jan", "Jeroen", "Henk", "Kees", "Sander", "Niels", "Bas", "Erik"],
        ["Sanne", "Lotte", "Femke", "Ilse", "Marloes", "Esther", "Anouk", "Petra", "Noor", "Linda", "Marieke", "Judith", "Inge", "Romy"],
        [(s, s) for s in ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Meijer", "de Boer", "Mulder", "de Groot",
                          "Bos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "van den Berg",
                          "Kuipers", "Verhoeven", "Koster", "Postma", "Veenstra", "Schouten", "van der Linden"]],
    ),
    (  # Moroccan-Dutch
        ["Mohammed", "Youssef", "Karim", "Bilal", "Soufiane", "Hamza", "Zakaria", "Anass", "Rachid", "Ayoub", "Ilyas", "Nordin"],
        ["Fatima", "Samira", "Nadia", "Imane", "Khadija", "Yasmina", "Salma", "Loubna", "Hanane", "Souad", "Meryem", "Ikram"],
        [(s, s) for s in ["El Amrani", "Bouzid", "Benali", "El Idrissi", "Ait Taleb", "Ouali", "Chaouch", "Azzouzi",
                          "Boukhari", "El Haddouchi", "Ziani", "Tahiri", "Bouchtaoui", "El Ouardi", "Maziane", "Kaddouri"]],
    ),
    (  # Turkish-Dutch
        ["Emre", "Mehmet", "Burak", "Can", "Hakan", "Murat", "Kerem", "Serkan", "Onur", "Yusuf", "Tolga", "Baran"],
        ["Elif", "Ayşe", "Zeynep", "Fatma", "Selin", "Esra", "Derya", "Büşra", "Merve", "Gizem", "Hatice", "Sevgi"],
        [(s, s) for s in ["Yılmaz", "Demir", "Şahin", "Çelik", "Kaya", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç",
                          "Aksoy", "Korkmaz", "Erdoğan", "Polat", "Güneş", "Karaca"]],
    ),
    (  # Surinamese-Dutch
        ["Dwayne", "Rishi", "Gianni", "Marciano", "Jerrel", "Romeo", "Ravi", "Sergio", "Quincy", "Anand", "Glenn", "Mitchel"],
        ["Shanti", "Sharon", "Roshni", "Priya", "Kavita", "Chandni", "Asha", "Naomi", "Jennifer", "Sunita", "Denise", "Melissa"],
        [(s, s) for s in ["Sewnarain", "Pinas", "Ramdin", "Kromodimedjo", "Biharie", "Amatstam", "Jagroep", "Doelwijt",
                          "Mahabier", "Tjon A Fong", "Zeefuik", "Ramsaran", "Kartosen", "Nahar", "Brunings", "Soekhoe"]],
    ),
    (  # Polish
        ["Piotr", "Tomasz", "Marek", "Paweł", "Krzysztof", "Łukasz", "Kacper", "Dariusz", "Michał", "Jakub", "Wojciech", "Kamil"],
        ["Katarzyna", "Agnieszka", "Magdalena", "Joanna", "Anna", "Ewa", "Zofia", "Monika", "Aleksandra", "Beata", "Karolina", "Natalia"],
        [("Kowalski", "Kowalska"), ("Nowak", "Nowak"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
         ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
         ("Szymański", "Szymańska"), ("Dąbrowski", "Dąbrowska"), ("Kaczmarek", "Kaczmarek"),
         ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska")],
    ),
]

# -- pools for the scale generator -----------------------------------------------------------

SCALE_JOURNAL = [
    ("procesregie", "Partners uitgenodigd voor het casusoverleg; agenda rondgestuurd."),
    ("procesregie", "Casusregisseur gebeld: loopt het plan zoals afgesproken? Twee acties vertraagd."),
    ("monitoren", "Terugkoppeling ontvangen van de casusregisseur; geen nieuwe incidenten."),
    ("monitoren", "Evaluatiedatum nadert; partners gevraagd om terugkoppeling op hun acties."),
    ("onderzoek", "Check op bekendheid uitgezet bij de betrokken partners."),
    ("onderzoek", "Aanvullende informatie opgevraagd bij de aanmelder over de aanleiding."),
    ("casusregie", "Tijdelijk zelf contact gehad met de cliënt omdat de casusregisseur afwezig was."),
    ("hulpverlening", "Kort gesprek met de cliënt na het overleg; wensen genoteerd."),
    ("beschikken", "Triage-uitkomst vastgelegd na het weekoverleg."),
    ("procesregie", "Afspraak over informatiedeling herhaald: alleen binnen de doelbinding."),
]
SCALE_FEEDBACK = [
    "Afspraak heeft plaatsgevonden.",
    "Loopt, wacht op reactie van de cliënt.",
    "Vertraagd door ziekte; nieuwe datum gepland.",
    "Gedaan, verslag naar de casusregisseur gestuurd.",
    "Cliënt niet thuis getroffen; tweede poging volgende week.",
    "Aanvraag ingediend, beslissing binnen zes weken.",
]
SCALE_CLOSING = [
    "Doelen bereikt; regie terug naar het wijkteam.",
    "Situatie stabiel; nazorg via de casusregisseur.",
    "Cliënt verhuisd naar een andere regio; overgedragen aan het ZVH daar.",
    "Geen meerwaarde van het ZVH meer; lokale zorg loopt.",
]
SCALE_TRIAGE_OTHER = [
    ("refer", "Past beter bij het lokale wijkteam; doorverwezen."),
    ("advice", "Enkelvoudige vraag; advies gegeven aan de melder."),
]

# -- the 25 cases of the demo profile -------------------------------------------------------------
# received / closed / reopen / stagnant: days before today. informed_no: review date in days from
# today (negative: the review date has passed). escalations: (days ago, to_level or None,
# to_ave or None, trigger or None for the vignette's own). blockers: what the concept still lacks.

DEMO_CASES: list[dict] = [
    {"v": "verward", "persons": [("Ruud Verhoeven", 41, "client")], "phase": "execution", "received": 170,
     "ave": "2", "revise": "adopt",
     "escalations": [(120, "process", "3", None),
                     (74, "case", "2", "Zorgmachtiging afgegeven en opname gestart; situatie stabiel.")]},
    {"v": "verward", "persons": [("Dariusz Kamiński", 37, "client")], "phase": "meeting", "received": 24,
     "no_director": True},
    {"v": "verward", "persons": [("Gerrit Dekker", 58, "client")], "phase": "closed", "received": 1040,
     "closed": 830},
    {"v": "terugkeer", "persons": [("Sharon Pinas", 29, "client")], "phase": "plan", "received": 38,
     "blockers": ["agreements", "evaluation"]},
    {"v": "terugkeer", "persons": [("Mehmet Kaya", 34, "client")], "phase": "execution", "received": 230,
     "stagnant": 50, "director_change": (120, ("reclassering", 0))},
    {"v": "terugkeer", "persons": [("Joanna Wójcik", 31, "client")], "phase": "closed", "received": 260,
     "closed": 40, "watch": 60},
    {"v": "huiselijk_geweld", "title": "Gezin Azzouzi",
     "persons": [("Khadija Azzouzi-Ziani", 36, "parent"), ("Soufiane Azzouzi", 39, "parent"),
                 ("Adam Azzouzi", 12, "child"), ("Lina Azzouzi", 9, "child"), ("Rayan Azzouzi", 5, "child")],
     "phase": "execution", "received": 120, "informed_no": 21, "ave": "2",
     "escalations": [(64, None, "3", None),
                     (22, None, "2", "Geen nieuwe incidenten; hulp aan beide ouders loopt.")]},
    {"v": "huiselijk_geweld", "title": "Gezin Van den Berg",
     "persons": [("Marloes van den Berg", 40, "parent"), ("Dennis van den Berg", 42, "parent"),
                 ("Tim van den Berg", 14, "child"), ("Sophie van den Berg", 11, "child")],
     "phase": "analysis", "received": 19, "informed_no": -4},
    {"v": "huiselijk_geweld", "title": "Gezin Öztürk",
     "persons": [("Elif Öztürk", 41, "parent"), ("Murat Öztürk", 45, "parent"), ("Zeynep Öztürk", 15, "child")],
     "phase": "screening", "received": 5},
    {"v": "jongere", "persons": [("Anass El Haddouchi", 16, "client"), ("Fatima El Haddouchi", 44, "parent"),
                                 ("Zakaria El Haddouchi", 20, "household")],
     "phase": "execution", "received": 140, "ave": "2", "escalations": [(70, "process", None, None)]},
    {"v": "jongere", "persons": [("Kevin Smit", 15, "client"), ("Sandra Smit", 39, "parent")],
     "phase": "triage", "received": 10},
    {"v": "jongere", "persons": [("Romeo Amatstam", 19, "client"), ("Denise Amatstam", 45, "parent")],
     "phase": "closed", "received": 1000, "closed": 790},
    {"v": "woonoverlast", "title": "Echtpaar Jansen",
     "persons": [("Peter Jansen", 56, "client"), ("Yvonne Jansen-Koster", 53, "partner")],
     "phase": "execution", "received": 200, "ave": "2",
     "escalations": [(130, "process", "3", None), (116, "management", None, None),
                     (60, "process", "2", "Geen nieuwe vondsten; beiden in behandeling bij de verslavingszorg.")]},
    {"v": "woonoverlast", "title": "Echtpaar De Boer",
     "persons": [("Hans de Boer", 61, "client"), ("Ria de Boer", 59, "partner")],
     "phase": "referral", "received": 1, "citizen": "Buurtbewoner (naam bekend bij het ZVH)"},
    {"v": "woonoverlast", "title": "Echtpaar Zieliński",
     "persons": [("Kazimierz Zieliński", 52, "client"), ("Ewa Zielińska", 50, "partner")],
     "phase": "execution", "received": 330, "closed": 150, "reopen": 21, "revise": "concept"},
    {"v": "schulden", "title": "Gezin Boukhari",
     "persons": [("Rachid Boukhari", 44, "parent"), ("Yasmina Boukhari", 16, "child"),
                 ("Ilyas Boukhari", 12, "child"), ("Nora Boukhari", 8, "child")],
     "phase": "plan", "received": 35, "blockers": ["nobody", "deadline"]},
    {"v": "schulden", "title": "Gezin Meijer",
     "persons": [("Ronald Meijer", 47, "parent"), ("Kim Meijer", 17, "child"), ("Jesse Meijer", 13, "child"),
                 ("Lieke Meijer", 10, "child")],
     "phase": "execution", "received": 110, "zvh_role": "advice", "nobody": "accepted"},
    {"v": "schulden", "title": "Gezin Sewnarain",
     "persons": [("Dwayne Sewnarain", 39, "parent"), ("Shanti Sewnarain", 14, "child"),
                 ("Ravi Sewnarain", 11, "child"), ("Asha Sewnarain", 6, "child")],
     "phase": "meeting", "received": 22, "no_director": True},
    {"v": "radicalisering", "persons": [("Emre Arslan", 22, "client")], "phase": "meeting", "received": 30},
    {"v": "radicalisering", "persons": [("Thomas Postma", 20, "client"), ("Inge Postma", 51, "parent")],
     "phase": "analysis", "received": 16, "zvh_role": "advice"},
    {"v": "radicalisering", "persons": [("Hamza Chaouch", 23, "client")], "phase": "referral", "received": 0},
    {"v": "mensenhandel", "persons": [("Roshni Biharie", 19, "client")], "phase": "execution", "received": 150,
     "ave": "3", "revise": "adopt",
     "escalations": [(100, None, "4", None),
                     (82, None, "3", "Nieuwe opvangplek is veilig; de dader is in beeld bij de politie.")]},
    {"v": "mensenhandel", "persons": [("Magdalena Kaczmarek", 20, "client")], "phase": "plan", "received": 33,
     "blockers": ["shared_task"]},
    {"v": "mensenhandel", "persons": [("Noor Bakker", 18, "client")], "phase": "closed", "received": 60,
     "triage": "refer", "closed": 52,
     "triage_reason": "Doorverwezen naar de zorgcoördinator mensenhandel van de gemeente; lokale aanpak volstaat."},
    {"v": "schulden", "title": "Gezin Szymański",
     "persons": [("Agnieszka Szymańska", 38, "parent"), ("Kacper Szymański", 10, "child"),
                 ("Zofia Szymańska", 7, "child")],
     "phase": "screening", "received": 4},
]

# Generic steps that fit any plan; the scale generator pads plans with these (owner: a partner at
# the table, chosen per case).
SCALE_ACTIONS = [
    "Terugkoppeling over de voortgang aan de casusregisseur",
    "Huisbezoek afleggen en de afspraken met de cliënt doorlopen",
    "Toestemming van de cliënt vragen voor het delen van informatie",
    "Netwerkberaad organiseren met familie en buren",
    "Aanvraag indienen en de beslistermijn bewaken",
    "Warme overdracht regelen naar de nieuwe hulpverlener",
    "Signalen uit de eigen organisatie melden bij de casusregisseur",
    "Gesprek met de cliënt over de eigen doelen in het plan",
    "Informatie opvragen bij de huisarts (met toestemming)",
    "Afspraak maken over bereikbaarheid in het weekend",
    "Evaluatie van de eigen inzet voorbereiden voor het overleg",
    "Contact met de aanmelder over de stand van zaken",
]
