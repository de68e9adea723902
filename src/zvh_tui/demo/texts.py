"""Fictional texts for the demo profile and the scale generator (shared/vignettes.md).

Everything here is made up: the town of Noordwaarde, its organisations, its professionals and its
clients. Phone numbers are in the unused 06-0000xxxx range, e-mail addresses on example.org and
.invalid domains. No name belongs to a real person.

Partner and contact references are keys: `Ref("gemeente", 1)` is the second contact of the
gemeente; an owner of `None` is *niemands taak*; `Ref("own", None)` is our own house.

Every record is a small frozen dataclass with named fields, read by name by the builders: values
that could be swapped unnoticed (two texts, two codes) are keyword-only, the others are checked
on creation (codes against the vocabulary, keys against the roster), so a mistake in the order
fails when this module is imported instead of silently shifting text into the wrong column.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from functools import cache

from zvh_tui.core.vocab import (
    AvePhase,
    Hat,
    Level,
    LifeDomain,
    NoteTag,
    PersonRole,
    Phase,
    TriageOutcome,
)

STAGES = ("screening", "analysis", "meeting", "plan", "execution")  # when a vignette's journal line is written


def _require(ok: bool, what: str, value: object) -> None:
    if not ok:
        raise ValueError(f"demo texts: {what}, not {value!r}")


@cache
def _contact_counts() -> dict[str, int]:
    """Per partner key, its number of contacts (PARTNERS, below, is read on the first use)."""
    return {spec["key"]: len(spec["contacts"]) for spec in PARTNERS}


@dataclass(frozen=True)
class ContactSpec:
    """A professional of a partner organisation."""

    name: str
    _: KW_ONLY
    function: str
    availability: str


@dataclass(frozen=True)
class Ref:
    """A partner (its key, or "own" for our house) and optionally one of its contacts (an index)."""

    partner: str
    contact: int | None

    def __post_init__(self) -> None:
        if self.partner == "own":
            _require(self.contact is None, "no contact of our own house", self.contact)
            return
        count = _contact_counts().get(self.partner)
        _require(count is not None, "a partner key of the roster", self.partner)
        _require(self.contact is None or (isinstance(self.contact, int) and 0 <= self.contact < count),  # type: ignore[operator]
                 f"None or a contact index below {count}", self.contact)


@dataclass(frozen=True)
class Step:
    """An action in a vignette's goal, with its owner (`None`: niemands taak), its kind (which
    terugkoppeling fits it: FEEDBACK) and, for an action of our own house, why the house holds it
    (the taartpunt check: "neem geen taken over")."""

    text: str
    owner: Ref | None
    _: KW_ONLY
    kind: str
    own_reason: str = ""

    def __post_init__(self) -> None:
        _require(isinstance(self.text, str), "an action text", self.text)
        _require(self.owner is None or isinstance(self.owner, Ref), "an owner Ref or None", self.owner)
        _require(self.kind in FEEDBACK, "a kind of FEEDBACK", self.kind)
        own = self.owner is not None and self.owner.partner == "own"
        _require(own == bool(self.own_reason), "an own_reason exactly for an action of our own house", self.own_reason)


@dataclass(frozen=True)
class GenericStep:
    """A step that fits many plans (the scale generator pads plans with these), with its kind and
    the partners (keys) that would plausibly own it; empty: any partner at the table."""

    text: str
    _: KW_ONLY
    kind: str
    owners: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _require(self.kind in FEEDBACK, "a kind of FEEDBACK", self.kind)
        for key in self.owners:
            _require(key in _contact_counts(), "a partner key", key)


@dataclass(frozen=True)
class AdviceSpec:
    """The advice track (ZVH role advies): a local professional's question, the advice, to whom,
    with whom the regie stays, and the follow-up in days after the advice."""

    asked_by: Ref
    _: KW_ONLY
    question: str
    advice: str
    given_to: str
    regie: str  # partner key: "regie blijft bij"
    follow_up_days: int

    def __post_init__(self) -> None:
        _require(isinstance(self.asked_by, Ref) and self.asked_by.partner != "own", "a partner Ref", self.asked_by)
        _require(self.regie in _contact_counts(), "a partner key", self.regie)


@dataclass(frozen=True)
class GoalSpec:
    intent: str
    domain: str
    steps: list[Step]

    def __post_init__(self) -> None:
        LifeDomain(self.domain)


@dataclass(frozen=True)
class AgreementSpec:
    """An agreement, with the key of the partner it is about (or `None`)."""

    text: str
    partner: str | None

    def __post_init__(self) -> None:
        _require(self.partner is None or self.partner in _contact_counts(), "a partner key or None", self.partner)


@dataclass(frozen=True)
class AssessmentSpec:
    domain: str
    _: KW_ONLY
    strengths: str
    concerns: str

    def __post_init__(self) -> None:
        LifeDomain(self.domain)


@dataclass(frozen=True)
class NoteSpec:
    tag: str
    text: str

    def __post_init__(self) -> None:
        NoteTag(self.tag)


@dataclass(frozen=True)
class StageLine:
    """A vignette's journal line, with the stage at which it is written."""

    stage: str
    hat: str
    text: str

    def __post_init__(self) -> None:
        _require(self.stage in STAGES, "a stage", self.stage)
        _require(Hat(self.hat) != Hat.DECIDE, "a hat of the ZVH (not beschikken)", self.hat)


@dataclass(frozen=True)
class JournalLine:
    """A journal line of the scale generator, written only in a case that got as far as `phase`
    (no "casusregisseur gebeld" before there is one). Never the hat beschikken: a ZVH issues no
    beschikkingen."""

    hat: str
    text: str
    _: KW_ONLY
    phase: str = "referral"

    def __post_init__(self) -> None:
        _require(Hat(self.hat) != Hat.DECIDE, "a hat of the ZVH (not beschikken)", self.hat)
        Phase(self.phase)


@dataclass(frozen=True)
class EscalationSpec:
    _: KW_ONLY
    trigger: str
    decided_by: str


@dataclass(frozen=True)
class TriageSpec:
    outcome: str
    reason: str

    def __post_init__(self) -> None:
        TriageOutcome(self.outcome)


@dataclass(frozen=True)
class PersonSpec:
    """A person of a demo case: name, age today, role in the case."""

    name: str
    age: int
    role: str

    def __post_init__(self) -> None:
        _require(isinstance(self.age, int), "an age", self.age)
        PersonRole(self.role)


@dataclass(frozen=True)
class LevelChange:
    """An escalation of a demo case: days ago, to which level and AVE phase (`None`: unchanged),
    and the trigger (`None`: the vignette's own)."""

    days_ago: int
    _: KW_ONLY
    level: str | None = None
    ave: str | None = None
    trigger: str | None = None

    def __post_init__(self) -> None:
        _require(isinstance(self.days_ago, int), "a number of days", self.days_ago)
        if self.level is not None:
            Level(self.level)
        if self.ave is not None:
            AvePhase(self.ave)


@dataclass(frozen=True)
class DirectorSwitch:
    """Another casusregisseur, some days ago."""

    days_ago: int
    to: Ref

    def __post_init__(self) -> None:
        _require(isinstance(self.days_ago, int), "a number of days", self.days_ago)
        _require(isinstance(self.to, Ref), "a Ref", self.to)


@dataclass(frozen=True)
class Surname:
    """A surname in its masculine and feminine form (the same, except in Polish)."""

    _: KW_ONLY
    male: str
    female: str


@dataclass(frozen=True)
class NamePool:
    _: KW_ONLY
    males: list[str]
    females: list[str]
    surnames: list[Surname]


# -- terugkoppeling per kind of action: what the owner reports on a finished (done) or running
# (busy) action. A kind pairs the text with the action: no "cliënt niet thuis getroffen" on a
# criminal investigation, no "aanvraag ingediend" on a huisbezoek.

_DELAYED = "Vertraagd door ziekte; nieuwe datum gepland."
FEEDBACK: dict[str, dict[str, list[str]]] = {
    "visit": {  # a huisbezoek, bemoeizorg at the door
        "done": ["Huisbezoek afgelegd; afspraken met de cliënt doorgenomen.",
                 "Huisbezoek gedaan; de cliënt liet ons binnen en staat open voor hulp."],
        "busy": ["Cliënt niet thuis getroffen; tweede poging volgende week.",
                 "Eerste huisbezoek gedaan; vervolgbezoek gepland.", _DELAYED]},
    "talk": {  # a conversation with the client or the family
        "done": ["Gesprek gevoerd; afspraken vastgelegd en gedeeld met de casusregisseur.",
                 "Besproken; de cliënt stemt in met de volgende stap."],
        "busy": ["Cliënt kwam niet op de afspraak; nieuwe afspraak staat.",
                 "Eerste gesprek gevoerd; vervolg over twee weken.", _DELAYED]},
    "apply": {  # an application to an agency (ID-kaart, uitkering, bijstand, moratorium)
        "done": ["Aanvraag toegekend; gaat in per de eerste van de maand.",
                 "Geregeld; bevestiging ontvangen en doorgestuurd naar de casusregisseur."],
        "busy": ["Aanvraag ingediend, beslissing binnen zes weken.",
                 "Wacht op stukken van de cliënt; herinnering gestuurd.", _DELAYED]},
    "arrange": {  # a place, a mentor, a service found and arranged
        "done": ["Geregeld; start volgende week.", "Plek gevonden; de cliënt heeft kennisgemaakt."],
        "busy": ["Nog geen plek beschikbaar; bij twee aanbieders aangemeld.",
                 "Eerste contact gelegd; wacht op bevestiging.", _DELAYED]},
    "care": {  # an aanmelding for care or treatment
        "done": ["Intake gedaan; de behandeling is gestart.", "In zorg; de casusregisseur is op de hoogte."],
        "busy": ["Aangemeld; intake gepland.", "Op de wachtlijst; overbrugging via de huisarts.", _DELAYED]},
    "assess": {  # a beoordeling, an overview
        "done": ["Beoordeling afgerond; uitkomst besproken met de casusregisseur.",
                 "In kaart gebracht; overzicht gedeeld in het overleg."],
        "busy": ["Vraagt meer tijd dan gepland; uitkomst in het volgende overleg.",
                 "Gegevens opgevraagd; wacht op reactie.", _DELAYED]},
    "inform": {  # informing others, agreements recorded
        "done": ["Gedaan; bevestiging naar de casusregisseur gestuurd.", "Geïnformeerd; geen vragen meer."],
        "busy": ["Deels gedaan; de rest volgt deze week.", _DELAYED]},
    "signal": {  # watching and reporting signals within the own task
        "done": ["Geen nieuwe signalen in de afgesproken periode.", "Signaal dezelfde dag gemeld aan de casusregisseur."],
        "busy": ["Geen nieuwe signalen sinds het vorige overleg.", "Eén signaal gemeld; besproken met de casusregisseur."]},
    "justice": {  # a criminal investigation, a decision of the OM
        "done": ["Afgerond; de uitkomst is mondeling gedeeld in het overleg.",
                 "Beslissing genomen; de betrokkene is door de eigen organisatie geïnformeerd."],
        "busy": ["Loopt; inhoudelijke informatie blijft bij de eigen organisatie (doelbinding).",
                 "Beslissing over de afdoening verwacht binnen vier weken."]},
    "procedure": {  # a formal step of the owner's own task (toezicht, Halt, 13b, ontruiming)
        "done": ["Afgerond; uitkomst gedeeld met de casusregisseur.", "Uitgevoerd en vastgelegd in het eigen dossier."],
        "busy": ["Loopt volgens afspraak; volgende stap besproken in het overleg.",
                 "Gestart; eerste evaluatie over vier weken."]},
}

# -- the procesregisseurs of ZVH Noordwaarde (fictional): the authors of journal entries, of a
# change of casusregisseur, of advice and verstrekkingen. Not the login name of whoever loads
# the demo, nor the demo identity (services/shared/identity.py), and no contact or client name.
REGISSEURS = ["Annelies Vermeulen", "Tarik Bennani", "Joyce Wijngaarde"]

PLACE = "Noordwaarde"
RETENTION_YEARS = 2  # the (fictional) convenant of ZVH Noordwaarde
MEETING_LOCATIONS = ["ZVH Noordwaarde, zaal De Brug", "ZVH Noordwaarde, zaal 2", "Online (beeldbellen)"]

# -- the partner roster (15 organisations, all domains; three without a signed convenant) --------

PARTNERS: list[dict] = [
    {"key": "politie", "name": "Politie basisteam Noordwaarde", "domain": "veiligheid", "convenant": True,
     "contacts": [ContactSpec("Marco van Leeuwen", function="wijkagent Noordwaarde-Oost", availability="ma-vr, wisselende diensten"),
                  ContactSpec("Samira Bouzid", function="jeugdagent", availability="di-vr 8.00-17.00"),
                  ContactSpec("Kees Dijkstra", function="rechercheur AVIM (mensenhandel)", availability="ma-do")]},
    {"key": "om", "name": "Openbaar Ministerie, parket Noordwaarde", "domain": "straf", "convenant": True,
     "contacts": [ContactSpec("Ilse de Groot", function="officier van justitie (jeugd)", availability="via het parketsecretariaat"),
                  ContactSpec("Hakan Yılmaz", function="parketsecretaris", availability="ma-vr 9.00-17.00")]},
    {"key": "reclassering", "name": "Reclassering Noordwaarde", "domain": "straf", "convenant": True,
     "contacts": [ContactSpec("Jerrel Doelwijt", function="reclasseringswerker toezicht", availability="ma, wo, do"),
                  ContactSpec("Anna Kowalska", function="unitmanager", availability="ma-vr 9.00-17.00")]},
    {"key": "ggz", "name": "GGZ Noordwaarde", "domain": "zorg", "convenant": True,
     "contacts": [ContactSpec("Femke Mulder", function="verpleegkundige FACT-team", availability="ma-vr; crisisdienst buiten kantoortijd"),
                  ContactSpec("Rishi Ramdin", function="psychiater jeugd-GGZ", availability="di en do"),
                  ContactSpec("Jelle Brouwer", function="bemoeizorger (OGGz)", availability="ma-vr 8.30-17.00")]},
    {"key": "veiligthuis", "name": "Veilig Thuis regio Noordwaarde", "domain": "veiligheid", "convenant": True,
     "contacts": [ContactSpec("Nadia El Idrissi", function="medewerker vervolg", availability="ma-vr; 24/7 via het algemene nummer"),
                  ContactSpec("Petra Kuipers", function="gedragswetenschapper", availability="ma, di, do")]},
    {"key": "raad", "name": "Raad voor de Kinderbescherming, locatie Noordwaarde", "domain": "straf",
     "convenant": True,
     "contacts": [ContactSpec("Thijs Smits", function="raadsonderzoeker", availability="ma-do 9.00-17.00")]},
    {"key": "gemeente", "name": "Gemeente Noordwaarde (wijkteams)", "domain": "gemeente", "convenant": True,
     "contacts": [ContactSpec("Lotte Hendriks", function="wijkteamcoach", availability="ma-vr 8.30-17.00"),
                  ContactSpec("Youssef Benali", function="terugkeercoördinator", availability="ma-do"),
                  ContactSpec("Derya Aksoy", function="adviseur zorg en veiligheid (radicalisering, mensenhandel)", availability="di-vr")]},
    {"key": "corporatie", "name": "Woonstichting De Linde", "domain": "wonen", "convenant": False,
     "contacts": [ContactSpec("Henk Bos", function="woonconsulent", availability="ma-vr 9.00-16.00"),
                  ContactSpec("Chandni Jagroep", function="medewerker bijzonder beheer", availability="di-do")]},
    {"key": "verslaving", "name": "Verslavingszorg Het Kompas", "domain": "zorg", "convenant": True,
     "contacts": [ContactSpec("Marek Wiśniewski", function="casemanager", availability="ma-vr 8.30-17.00")]},
    {"key": "schuldhulp", "name": "Schuldhulp Noordwaarde", "domain": "gemeente", "convenant": True,
     "contacts": [ContactSpec("Esther de Wit", function="schuldhulpverlener", availability="ma, di, do"),
                  ContactSpec("Burak Demir", function="budgetcoach", availability="wo-vr")]},
    {"key": "dji", "name": "Penitentiaire Inrichting Noordwaarde (DJI)", "domain": "straf", "convenant": True,
     "contacts": [ContactSpec("Priya Mahabier", function="casemanager MMD", availability="ma-vr 8.00-16.30")]},
    {"key": "gi", "name": "Jeugdbescherming Noordwaarde (GI)", "domain": "zorg", "convenant": True,
     "contacts": [ContactSpec("Gianni Zeefuik", function="jeugdbeschermer", availability="ma-do"),
                  ContactSpec("Maartje Visser", function="jeugdreclasseerder", availability="ma-vr 9.00-17.00")]},
    {"key": "halt", "name": "Halt Noordwaarde", "domain": "straf", "convenant": True,
     "contacts": [ContactSpec("Bilal Ouali", function="Halt-medewerker", availability="di-vr")]},
    {"key": "slachtofferhulp", "name": "Slachtofferhulp Noordwaarde", "domain": "overig", "convenant": False,
     "contacts": [ContactSpec("Katarzyna Nowak", function="casemanager", availability="ma-vr 9.00-17.00")]},
    {"key": "school", "name": "Scholengemeenschap Het Baken", "domain": "onderwijs", "convenant": False,
     "contacts": [ContactSpec("Wouter Peters", function="zorgcoördinator", availability="ma-vr tijdens schooltijden"),
                  ContactSpec("Imane Tahiri", function="schoolmaatschappelijk werker", availability="ma, wo, vr")]},
]

INVALID_MAIL = {"gemeente", "schuldhulp", "school"}  # these use .invalid addresses, the rest example.org

GRONDSLAGEN = [
    "Convenant Zorg- en Veiligheidshuis Noordwaarde, art. 6 (taak van algemeen belang, AVG art. 6 lid 1 sub e)",
    "Wet politiegegevens art. 20, binnen het convenant ZVH Noordwaarde",
    "Jeugdwet art. 7.4.0 en het convenant ZVH Noordwaarde",
    "Wet verplichte ggz art. 8:31 (verstrekking voor zover noodzakelijk)",
    "Besluit justitiële en strafvorderlijke gegevens art. 39f, convenant ZVH Noordwaarde",
]
# For a partner that did not sign the convenant, the convenant is no grondslag (participants.
# basis_warning): the check op bekendheid there rests on the betrokkene's consent, dat-informatie only.
UNSIGNED_GRONDSLAG = "Toestemming van de betrokkene (AVG art. 6 lid 1 sub a); alleen dat-informatie"

# -- the eight vignettes --------------------------------------------------------------------------
# Placeholders: {first} first name of the first person, {age} their age. Addresses are in the
# persons' address field, never in the aanleiding ("address": a vignette's own address line).
# Journal lines carry the stage at which they are written (screening, analysis, meeting, plan,
# execution), so the demo's journal reads in order.

VIGNETTES: dict[str, dict] = {
    "verward": {
        "label": "Verward gedrag en overlast",
        "reason": ("{first} ({age}) woont alleen in een huurflat. Sinds enkele maanden psychotische "
                   "episodes; bedreigt buren en weigert zorg. De woningcorporatie is een "
                   "ontruimingsprocedure gestart. Drie meldingen verward gedrag (E33) in zes weken."),
        "goal": "Samenhangende aanpak van zorg en veiligheid, zodat escalatie en huisuitzetting worden voorkomen.",
        "shared_task": ("{first} krijgt passende zorg en kan veilig blijven wonen, zonder dat de buurt "
                        "nog dreiging ervaart."),
        "client_view": ("{first} wil vooral met rust gelaten worden en in het eigen huis blijven. Staat "
                        "open voor contact met de wijkagent, niet met 'de psychiaters'."),
        "partners": [Ref("politie", 0), Ref("ggz", 2), Ref("corporatie", 0), Ref("gemeente", 0)],
        "director": Ref("gemeente", 0),
        "goals": [
            GoalSpec("{first} is in beeld bij de zorg en er is zicht op de psychische toestand.", "gezondheid_psych", [
                Step("Bemoeizorg: huisbezoek samen met de wijkagent, binnen een week", Ref("ggz", 2), kind="visit"),
                Step("Beoordelen of een zorgmachtiging (Wvggz) nodig is en die zo nodig met het OM voorbereiden", Ref("ggz", 0), kind="assess"),
                Step("Huisarts informeren en vragen naar eerdere behandeling en medicatie", Ref("ggz", 0), kind="inform"),
            ]),
            GoalSpec("{first} kan in de woning blijven zolang het plan loopt.", "wonen", [
                Step("Ontruimingsprocedure aanhouden zolang het plan van aanpak loopt", Ref("corporatie", 0), kind="procedure"),
                Step("Gesprek over de huurovereenkomst en gedragsafspraken vastleggen", Ref("corporatie", 1), kind="talk"),
                Step("Huurachterstand in kaart brengen en een betalingsregeling voorstellen", Ref("gemeente", 0), kind="assess"),
            ]),
            GoalSpec("De buren weten waar ze terechtkunnen en voelen zich veiliger.", "veiligheid", [
                Step("Eén vast aanspreekpunt voor de buren aanwijzen en de buren informeren", Ref("gemeente", 0), kind="inform"),
                Step("Bij nieuwe dreiging direct melden en terugkoppelen aan de casusregisseur", Ref("politie", 0), kind="signal"),
                Step("Buurtbemiddeling aanbieden aan de direct omwonenden", Ref("gemeente", 0), kind="arrange"),
                Step("Wekelijks kort contact met de zus over hoe het gaat", Ref("ggz", 2), kind="talk"),
            ]),
        ],
        "agreements": [
            AgreementSpec("Bij een nieuw incident belt de politie de casusregisseur binnen 24 uur.", "politie"),
            AgreementSpec("De woningcorporatie zet geen stap in de ontruiming zonder overleg in het casusoverleg.", "corporatie"),
            AgreementSpec("Medische informatie wordt alleen gedeeld voor zover nodig voor de veiligheid (doelbinding).", None),
        ],
        "perspectives": {
            "ggz": "Patiënt: onbehandelde psychose, zorgmijdend; heeft zorg nodig, ook als die nu wordt geweigerd.",
            "politie": "Risico: herhaalde bedreigingen van buren; kans op escalatie naar geweld.",
            "corporatie": "Huurder in overtreding: ernstige overlast en huurachterstand; ontruiming is in gang gezet.",
            "gemeente": "Inwoner die buiten de boot dreigt te vallen en een vast gezicht nodig heeft.",
        },
        "assessments": [
            AssessmentSpec("wonen", strengths="Woont al negen jaar in dezelfde flat; houdt de woning redelijk op orde.",
                           concerns="Ontruimingsprocedure loopt; drie maanden huurachterstand."),
            AssessmentSpec("gezondheid_psych", strengths="Had eerder goed contact met een FACT-medewerker.",
                           concerns="Psychotische episodes, slaapt slecht, gebruikt geen medicatie."),
            AssessmentSpec("netwerk", strengths="Zus belt wekelijks en wil helpen.", concerns="Conflicten met de buren; verder geïsoleerd."),
            AssessmentSpec("veiligheid", strengths="Geen wapenbezit bekend.", concerns="Bedreigingen van buren; twee meldingen in een maand."),
        ],
        "notes": [
            NoteSpec("beeld", "Alle partners zien sinds de zomer meer onrust; {first} eet slecht en slaapt weinig."),
            NoteSpec("oordeel", "Zonder zorg is verdere escalatie waarschijnlijk; ontruiming verplaatst het probleem alleen."),
            NoteSpec("besluit", "Het wijkteam wordt casusregisseur; de ontruiming wordt aangehouden tot de evaluatie."),
        ],
        "journal": [
            StageLine("meeting", "procesregie", "Partners uitgenodigd voor het casusoverleg; GGZ en corporatie hebben bevestigd."),
            StageLine("screening", "onderzoek", "Check op bekendheid gedaan: politie, GGZ en corporatie kennen {first}."),
            StageLine("execution", "monitoren", "Casusregisseur gebeld: het huisbezoek heeft plaatsgevonden, {first} liet de bemoeizorger binnen."),
            StageLine("execution", "procesregie", "Corporatie wilde toch de zitting laten doorgaan; teruggelegd bij het casusoverleg volgens de afspraak."),
        ],
        "triage": "Meervoudige problematiek op zorg en veiligheid; geen lopende regie. Oppakken.",
        "escalation": EscalationSpec(trigger="Zorgmachtiging blijft uit terwijl de dreiging toeneemt; op procesniveau geen doorbraak.",
                                     decided_by="procesregisseur en teamleider ZVH"),
        "advice": AdviceSpec(Ref("gemeente", 0), question="Hoe krijgen we {first} in zorg zonder dat de corporatie de ontruiming doorzet?",
                             advice=("Vraag de GGZ om bemoeizorg en leg met de corporatie vast dat de ontruiming wacht tot er een "
                                     "zorgplan ligt; meld opnieuw bij het ZVH als de zorgmachtiging uitblijft."),
                             given_to="Wijkteamcoach en woonconsulent", regie="gemeente", follow_up_days=28),
        "closing": "Zorg loopt via het FACT-team, geen meldingen meer sinds vier maanden; regie terug naar het wijkteam.",
    },
    "terugkeer": {
        "label": "Terugkeer na detentie",
        "reason": ("{first} ({age}) komt over drie weken vrij na veertien maanden detentie. Geen woning, "
                   "schulden, en de ex-partner woont in dezelfde wijk als de familie."),
        "address": "Postadres: Penitentiaire Inrichting Noordwaarde (tot de vrijlating)",
        "goal": "Basisvoorwaarden (ID, inkomen, onderdak, schulden) op orde op de dag van vrijlating.",
        "shared_task": "{first} heeft vanaf de eerste dag na vrijlating onderdak, inkomen en een plan, en valt niet terug.",
        "client_view": "{first} wil een eigen plek, werk in de logistiek en geen contact met de ex-partner.",
        "partners": [Ref("dji", 0), Ref("reclassering", 0), Ref("gemeente", 1), Ref("schuldhulp", 0), Ref("corporatie", 0)],
        "director": Ref("gemeente", 1),
        "goals": [
            GoalSpec("Op de dag van vrijlating zijn ID-bewijs en inkomen geregeld.", "financien", [
                Step("ID-kaart aanvragen vóór de invrijheidstelling", Ref("dji", 0), kind="apply"),
                Step("Uitkering aanvragen zodat die ingaat op de dag van vrijlating", Ref("gemeente", 1), kind="apply"),
                Step("Zorgverzekering controleren en zo nodig opnieuw afsluiten", Ref("dji", 0), kind="apply"),
            ]),
            GoalSpec("{first} heeft vanaf dag één een bed en daarna een vaste woonplek.", "wonen", [
                Step("Plek in beschermd wonen regelen voor de eerste drie maanden", Ref("gemeente", 1), kind="arrange"),
                Step("Urgentie voor een zelfstandige woning beoordelen", Ref("corporatie", 0), kind="assess"),
            ]),
            GoalSpec("De schulden zijn bevroren en er is zicht op een regeling.", "financien", [
                Step("Schuldenoverzicht maken en een schuldenpauze (moratorium) aanvragen", Ref("schuldhulp", 0), kind="apply"),
                Step("Budgetcoaching starten in de eerste maand", Ref("schuldhulp", 1), kind="care"),
            ]),
            GoalSpec("De voorwaarden van het toezicht zijn duidelijk en haalbaar.", "justitie", [
                Step("Bijzondere voorwaarden van het reclasseringstoezicht bespreken met {first}", Ref("reclassering", 0), kind="talk"),
                Step("Contactverbod met de ex-partner vastleggen en de wijkagent informeren", Ref("reclassering", 0), kind="inform"),
                Step("Dagbesteding of werktraject zoeken", Ref("gemeente", 1), kind="arrange"),
            ]),
        ],
        "agreements": [
            AgreementSpec("De terugkeercoördinator is het aanspreekpunt voor {first} tot een maand na vrijlating.", "gemeente"),
            AgreementSpec("De reclassering meldt een schending van de voorwaarden ook aan de casusregisseur.", "reclassering"),
        ],
        "perspectives": {
            "dji": "Gedetineerde die over drie weken vrijkomt; wil een warme overdracht.",
            "reclassering": "Cliënt met bijzondere voorwaarden; recidiverisico gemiddeld.",
            "gemeente": "Terugkerende inwoner: ID, inkomen en onderdak moeten op dag één staan.",
            "schuldhulp": "Aanvrager met problematische schulden (ongeveer € 14.000).",
        },
        "assessments": [
            AssessmentSpec("wonen", strengths="Heeft een tante die tijdelijk kan helpen.", concerns="Geen woning; ex-partner woont in dezelfde wijk."),
            AssessmentSpec("financien", strengths="Heeft in detentie gewerkt en wat gespaard.", concerns="Ongeveer € 14.000 schulden, deels bij justitie (CJIB)."),
            AssessmentSpec("justitie", strengths="Houdt zich aan de afspraken in de inrichting.", concerns="Toezicht met bijzondere voorwaarden."),
            AssessmentSpec("dagbesteding", strengths="Heeft een heftruckcertificaat gehaald.", concerns="Geen werk of opleiding na vrijlating."),
        ],
        "notes": [
            NoteSpec("beeld", "{first} is gemotiveerd en heeft in detentie een certificaat gehaald."),
            NoteSpec("oordeel", "Het risico zit in de eerste weken: zonder onderdak en inkomen is terugval waarschijnlijk."),
            NoteSpec("besluit", "De terugkeercoördinator wordt casusregisseur tot drie maanden na vrijlating."),
        ],
        "journal": [
            StageLine("meeting", "procesregie", "Overleg met de MMD over de datum van invrijheidstelling; warme overdracht afgesproken."),
            StageLine("execution", "monitoren", "Casusregisseur meldt: uitkering loopt, beschermd wonen nog niet rond."),
            StageLine("screening", "onderzoek", "Navraag bij de reclassering naar de bijzondere voorwaarden en het contactverbod."),
        ],
        "triage": "Re-integratie na detentie met risico op terugval; meerdere partners nodig. Oppakken.",
        "escalation": EscalationSpec(trigger="Geen plek in beschermd wonen beschikbaar; vrijlating over een week.",
                                     decided_by="manager ZVH na overleg met de gemeente"),
        "advice": AdviceSpec(Ref("reclassering", 0), question="De MMD en de gemeente wachten op elkaar voor de uitkering en het bed; wie zet de eerste stap?",
                             advice=("Laat de terugkeercoördinator de uitkering aanvragen vóór de vrijlating en spreek één datum af voor "
                                     "de overdracht; de MMD levert de stukken aan."),
                             given_to="Reclasseringswerker en terugkeercoördinator", regie="reclassering", follow_up_days=21),
        "closing": "Woont zelfstandig, werkt in een logistiek bedrijf, toezicht loopt zonder incidenten.",
    },
    "huiselijk_geweld": {
        "label": "Huiselijk geweld met kinderen",
        "reason": ("Herhaalde politiemeldingen van huiselijk geweld in het gezin. Vader heeft "
                   "een tijdelijk huisverbod; moeder heeft een depressie; school meldt zorgen over de kinderen."),
        "goal": "Veiligheid van moeder en kinderen herstellen en de patronen doorbreken.",
        "shared_task": "Het geweld stopt en de kinderen groeien veilig op, met hulp voor beide ouders.",
        "client_view": ("Moeder wil dat het geweld stopt en dat de kinderen hun vader kunnen blijven zien onder "
                        "begeleiding. Zij schuift aan bij het tweede deel van het overleg."),
        "partners": [Ref("veiligthuis", 0), Ref("politie", 0), Ref("raad", 0), Ref("gemeente", 0), Ref("school", 0), Ref("ggz", 1)],
        "director": Ref("veiligthuis", 0),
        "goals": [
            GoalSpec("Moeder en kinderen zijn veilig en weten wat te doen bij dreiging.", "veiligheid", [
                Step("Veilig Verder Plan opstellen met moeder", Ref("veiligthuis", 0), kind="talk"),
                Step("Afspraken over contact tussen vader en kinderen tijdens het huisverbod vastleggen", Ref("veiligthuis", 1), kind="inform"),
                Step("Strafrechtelijk onderzoek naar de meldingen afronden", Ref("politie", 0), kind="justice"),
            ]),
            GoalSpec("De kinderen krijgen de steun die ze nodig hebben.", "opvoeding", [
                Step("Verzoek tot onderzoek naar de opvoedsituatie beoordelen", Ref("raad", 0), kind="assess"),
                Step("Kinderen aanmelden voor traumascreening bij de jeugd-GGZ", Ref("ggz", 1), kind="care"),
                Step("School volgt de kinderen en meldt signalen aan de casusregisseur", Ref("school", 0), kind="signal"),
            ]),
            GoalSpec("Beide ouders krijgen hulp.", "gezondheid_psych", [
                Step("Moeder aanmelden voor behandeling van de depressie", Ref("gemeente", 0), kind="care"),
                Step("Hulpaanbod aan vader doen binnen het huisverbodtraject", Ref("gemeente", 0), kind="talk"),
                Step("Opvoedondersteuning thuis starten na afloop van het huisverbod", Ref("gemeente", 0), kind="care"),
            ]),
        ],
        "agreements": [
            AgreementSpec("Bij een nieuw incident belt de politie Veilig Thuis en de casusregisseur dezelfde dag.", "politie"),
            AgreementSpec("Informatie over het strafrechtelijk onderzoek blijft bij de politie en wordt niet in het plan vastgelegd.", None),
            AgreementSpec("Moeder is bij het tweede deel van elk overleg aanwezig.", None),
        ],
        "perspectives": {
            "politie": "Verdachte (vader) van mishandeling; strafrechtelijk onderzoek loopt.",
            "raad": "Kinderen in een mogelijk onveilige opvoedsituatie; een beschermingsmaatregel wordt overwogen.",
            "school": "Leerlingen met concentratieproblemen en oplopend verzuim.",
            "veiligthuis": "Gezin met een patroon van partnergeweld; veiligheid eerst, daarna herstel.",
        },
        "assessments": [
            AssessmentSpec("veiligheid", strengths="Moeder heeft een netwerk dat kan opvangen (zus en buurvrouw).",
                           concerns="Herhaald partnergeweld in het bijzijn van de kinderen."),
            AssessmentSpec("opvoeding", strengths="Beide ouders zijn betrokken bij de kinderen.", concerns="Oudste kind neemt de zorg voor de jongsten over."),
            AssessmentSpec("gezondheid_psych", strengths="Moeder zoekt zelf hulp bij de huisarts.", concerns="Depressieve klachten bij moeder; vader ontkent."),
            AssessmentSpec("dagbesteding", strengths="Kinderen gaan graag naar school.", concerns="Oplopend verzuim bij het oudste kind."),
        ],
        "notes": [
            NoteSpec("beeld", "Drie meldingen in vier maanden; de kinderen waren er telkens bij."),
            NoteSpec("oordeel", "De veiligheid is niet gegarandeerd na afloop van het huisverbod."),
            NoteSpec("besluit", "Veilig Thuis blijft casusregisseur; de Raad start een onderzoek."),
        ],
        "journal": [
            StageLine("meeting", "procesregie", "Moeder gesproken over haar aanwezigheid bij het overleg; zij komt bij het tweede deel."),
            StageLine("screening", "onderzoek", "Check op bekendheid bij politie, Veilig Thuis en school; vader niet geïnformeerd (zie reden)."),
            StageLine("execution", "monitoren", "Veilig Verder Plan is klaar; besproken met moeder."),
            StageLine("execution", "casusregie", "Tijdelijk zelf contact met school gehad omdat de casusregisseur ziek was."),
        ],
        "triage": "Huiselijk geweld met kinderen en meerdere meldingen; regie nodig. Oppakken.",
        "escalation": EscalationSpec(trigger="Nieuw incident na afloop van het huisverbod; kinderen bij de buren opgevangen.",
                                     decided_by="procesregisseur met de teamleiders van Veilig Thuis en politie"),
        "advice": AdviceSpec(Ref("gemeente", 0), question="Mag het wijkteam de school vertellen over het huisverbod?",
                             advice=("Deel alleen wat de school nodig heeft om de kinderen te volgen: dat er zorgen zijn, niet de inhoud "
                                     "van het onderzoek. Veilig Thuis houdt de regie op de veiligheid."),
                             given_to="Wijkteamcoach", regie="veiligthuis", follow_up_days=14),
        "closing": "Geen nieuwe meldingen in zes maanden; hulpverlening loopt via het wijkteam jeugd.",
        "not_informed_person": 1,  # the father (the second person of the household)
        "not_informed": ("Vader is niet geïnformeerd zolang het strafrechtelijk onderzoek loopt: informeren kan "
                         "het onderzoek en de veiligheid van moeder en kinderen schaden."),
    },
    "jongere": {
        "label": "Jongere op het randje (PGA)",
        "reason": ("{first} ({age}) is verdachte van een straatroof, verzuimt veel van school en een oudere "
                   "broer zit in een crimineel netwerk. Woont bij moeder."),
        "goal": "Voorkomen dat {first} verder afglijdt; een gezamenlijke persoonsgerichte aanpak.",
        "shared_task": "{first} gaat weer naar school, heeft een positief netwerk en pleegt geen nieuwe delicten.",
        "client_view": "{first} wil voetballen en een opleiding tot monteur; wil niet 'zoals zijn broer worden'.",
        "partners": [Ref("politie", 1), Ref("om", 0), Ref("halt", 0), Ref("gi", 1), Ref("gemeente", 0), Ref("school", 1)],
        "director": Ref("gemeente", 0),
        "goals": [
            GoalSpec("{first} gaat weer elke dag naar school.", "dagbesteding", [
                Step("Gesprek met de leerplichtambtenaar over het verzuim plannen", Ref("gemeente", 0), kind="talk"),
                Step("Maatwerkrooster en een vaste mentor regelen", Ref("school", 1), kind="arrange"),
                Step("Stageplek in een garage zoeken voor na de zomer", Ref("school", 1), kind="arrange"),
            ]),
            GoalSpec("{first} pleegt geen nieuwe delicten.", "justitie", [
                Step("Jeugdofficier beslist over de afdoening van de straatroof", Ref("om", 0), kind="justice"),
                Step("Jeugdreclassering: toezicht en begeleiding starten", Ref("gi", 1), kind="procedure"),
                Step("Halt-traject afronden voor de eerdere winkeldiefstal", Ref("halt", 0), kind="procedure"),
            ]),
            GoalSpec("{first} heeft een positief netwerk buiten de wijk.", "netwerk", [
                Step("Plek bij de voetbalvereniging regelen, met een vaste trainer als maatje", Ref("gemeente", 0), kind="arrange"),
                Step("Gesprek met moeder over de invloed van de oudere broer", Ref("gi", 1), kind="talk"),
                Step("Jeugdagent houdt contact en meldt signalen over het netwerk", Ref("politie", 1), kind="signal"),
            ]),
        ],
        "agreements": [
            AgreementSpec("School en jeugdreclassering stemmen elke twee weken af over verzuim en gedrag.", None),
            AgreementSpec("Bij een nieuwe verdenking informeert de jeugdagent de casusregisseur binnen een werkdag.", "politie"),
        ],
        "perspectives": {
            "politie": "Verdachte met een risico op doorgroei in een crimineel netwerk.",
            "school": "Leerling met veel verzuim; schorsing wordt overwogen.",
            "gi": "Jongere die begeleiding nodig heeft, geen schorsing; schorsing vergroot het risico.",
            "om": "Jeugdige verdachte; afdoening moet snel en pedagogisch zijn.",
        },
        "assessments": [
            AssessmentSpec("dagbesteding", strengths="Is handig met techniek.", concerns="Verzuimt ongeveer de helft van de lessen."),
            AssessmentSpec("netwerk", strengths="Speelde tot vorig jaar voetbal.", concerns="Oudere broer en diens vrienden."),
            AssessmentSpec("justitie", strengths="Eerste verdenking van een geweldsdelict.", concerns="Verdachte van straatroof; eerder Halt."),
            AssessmentSpec("opvoeding", strengths="Moeder is betrokken en wil hulp.", concerns="Moeder heeft weinig grip; vader buiten beeld."),
        ],
        "notes": [
            NoteSpec("beeld", "School en GI zien hetzelfde verzuim, maar verschillen over de aanpak."),
            NoteSpec("oordeel", "Schorsing vergroot de kans dat {first} meer tijd met het netwerk van de broer doorbrengt."),
            NoteSpec("besluit", "Het wijkteam wordt casusregisseur; de vraag over schorsing gaat naar de teamleiders."),
        ],
        "journal": [
            StageLine("execution", "procesregie", "School en GI zijn het oneens over schorsing; opgeschaald naar managementniveau."),
            StageLine("execution", "monitoren", "Casusregisseur meldt dat {first} weer drie dagen per week op school is."),
            StageLine("screening", "onderzoek", "Navraag bij Halt: traject voor de winkeldiefstal loopt nog."),
        ],
        "triage": "Jeugdige verdachte met meervoudige risico's; past in de persoonsgerichte aanpak. Oppakken.",
        "escalation": EscalationSpec(trigger="School en GI zijn het oneens over schorsing; op procesniveau geen oplossing.",
                                     decided_by="procesregisseur met de teamleiders van school en GI"),
        "advice": AdviceSpec(Ref("school", 1), question="School overweegt schorsing; hoe voorkomen we dat {first} dan meer op straat is?",
                             advice=("Bespreek de schorsing eerst met de jeugdreclassering en leerplicht en spreek een maatwerkrooster af. "
                                     "Meld bij het ZVH aan als school en GI het oneens blijven."),
                             given_to="Schoolmaatschappelijk werker en mentor", regie="gemeente", follow_up_days=28),
        "closing": "{first} volgt een opleiding tot monteur, geen nieuwe verdenkingen; regie terug naar het wijkteam.",
    },
    "woonoverlast": {
        "label": "Woonoverlast en verslaving",
        "reason": ("Echtpaar van in de vijftig in een portiekflat: alcohol- en cocaïnegebruik, geluidsoverlast en "
                   "klachten over drugshandel. Hun hond heeft een buurman gebeten."),
        "goal": "De overlast stoppen en het echtpaar naar verslavingszorg leiden.",
        "shared_task": "De buurt is weer leefbaar en het echtpaar krijgt hulp bij hun verslaving.",
        "client_view": "Het echtpaar wil in de woning blijven en 'minderen'; de hond is voor hen heel belangrijk.",
        "partners": [Ref("corporatie", 1), Ref("verslaving", 0), Ref("politie", 0), Ref("gemeente", 0)],
        "director": Ref("gemeente", 0),
        "goals": [
            GoalSpec("De overlast voor de buren houdt op.", "wonen", [
                Step("Gedragsaanwijzing uitreiken en bespreken met het echtpaar", Ref("corporatie", 1), kind="procedure"),
                Step("Buren informeren over de aanpak en het aanspreekpunt", Ref("gemeente", 0), kind="inform"),
                Step("Politie: extra surveillance in de avonden en terugkoppeling", Ref("politie", 0), kind="signal"),
            ]),
            GoalSpec("Het echtpaar krijgt verslavingszorg.", "verslaving", [
                Step("Intake verslavingszorg voor beiden plannen", Ref("verslaving", 0), kind="care"),
                Step("Huisbezoek samen met de wijkteamcoach", Ref("verslaving", 0), kind="visit"),
            ]),
            GoalSpec("Bij een volgende vondst van drugs is duidelijk wat er gebeurt.", "veiligheid", [
                Step("Waarschuwing op grond van art. 13b Opiumwet uitreiken", Ref("gemeente", 0), kind="procedure"),
                Step("Aanlijn- en muilkorfgebod voor de hond beoordelen", Ref("gemeente", 0), kind="assess"),
                Step("Buurtbijeenkomst organiseren", Ref("own", None), kind="arrange",
                     own_reason="Buren, corporatie en wijkteam samen aan tafel; neutrale voorzitter nodig. Eenmalig, daarna bij het wijkteam."),
            ]),
        ],
        "agreements": [
            AgreementSpec("De wijkteamcoach informeert de buren; de corporatie doet dat niet afzonderlijk.", "gemeente"),
            AgreementSpec("Bij een volgend incident met drugs volgt een bestuurlijke waarschuwing en daarna sluiting (art. 13b).", "gemeente"),
            AgreementSpec("Verslavingszorg deelt alleen of het echtpaar in zorg is, niet wat er besproken wordt.", "verslaving"),
        ],
        "perspectives": {
            "corporatie": "Huurders die ernstige overlast veroorzaken; ontbinding van de huur ligt klaar.",
            "verslaving": "Cliënten met dubbele verslaving die nog niet gemotiveerd zijn.",
            "politie": "Adres met signalen van drugshandel en een bijtincident.",
        },
        "assessments": [
            AssessmentSpec("verslaving", strengths="Hebben eerder een periode niet gedronken.", concerns="Dagelijks alcohol en regelmatig cocaïne."),
            AssessmentSpec("wonen", strengths="Wonen er twintig jaar; goede band met één buurvrouw.", concerns="Overlast en een dreigende ontbinding."),
            AssessmentSpec("veiligheid", strengths="Geen geweld tegen personen bekend.", concerns="Bijtincident met de hond; signalen van handel."),
        ],
        "notes": [
            NoteSpec("beeld", "Overlast vooral in de weekenden; buren durven niet meer te klagen."),
            NoteSpec("oordeel", "Zonder duidelijke grens blijft de overlast; zonder zorg verandert er niets."),
            NoteSpec("besluit", "Waarschuwing art. 13b en tegelijk een intake bij de verslavingszorg."),
        ],
        "journal": [
            StageLine("execution", "procesregie", "Buurtbijeenkomst zelf georganiseerd omdat niemand het oppakte; terugleggen bij het wijkteam."),
            StageLine("execution", "monitoren", "Corporatie meldt twee rustige weekenden."),
            StageLine("plan", "hulpverlening", "Huisbezoek met de wijkteamcoach; het echtpaar stemt in met een intake."),
        ],
        "triage": "Overlast met verslaving en veiligheidsrisico's; meerdere partners nodig. Oppakken.",
        "escalation": EscalationSpec(trigger="Nieuwe vondst van drugs en een tweede bijtincident; burgemeester moet beslissen over sluiting.",
                                     decided_by="driehoek via de adviseur openbare orde"),
        "advice": AdviceSpec(Ref("corporatie", 1), question="Kunnen we de ontbinding van de huur starten terwijl de verslavingszorg nog niet binnen is?",
                             advice=("Eerst een gedragsaanwijzing en een aanbod van de verslavingszorg; leg vast wie de buren informeert. "
                                     "Bij een nieuwe vondst van drugs: de gemeente beslist over art. 13b."),
                             given_to="Medewerker bijzonder beheer", regie="corporatie", follow_up_days=42),
        "closing": "Overlast gestopt, beiden in behandeling bij de verslavingszorg; corporatie houdt een vinger aan de pols.",
    },
    "schulden": {
        "label": "Multiproblem en schulden",
        "reason": ("Alleenstaande ouder met drie kinderen, ongeveer € 38.000 schulden; de "
                   "energieleverancier heeft afsluiting aangekondigd. De oudste dochter zorgt voor de jongsten."),
        "goal": "Afsluiting voorkomen, de schulden stabiliseren en de oudste dochter ontlasten.",
        "shared_task": "Het gezin heeft een stabiel inkomen en vaste lasten die betaald worden, en de kinderen kunnen kind zijn.",
        "client_view": "{first} schaamt zich voor de schulden en wil 'het zelf oplossen', maar wel hulp bij de post.",
        "partners": [Ref("school", 1), Ref("schuldhulp", 0), Ref("gemeente", 0), Ref("gi", 0)],
        "director": Ref("gemeente", 0),
        "goals": [
            GoalSpec("De energie blijft aan en de vaste lasten worden betaald.", "financien", [
                Step("Afsluiting voorkomen: contact met de energieleverancier via de gemeente", Ref("gemeente", 0), kind="apply"),
                Step("Bijzondere bijstand aanvragen voor de vaste lasten", Ref("gemeente", 0), kind="apply"),
                Step("ID-kaart van {first} regelen (nodig voor elke volgende stap)", None, kind="apply"),
            ]),
            GoalSpec("De schulden zijn in beeld en stabiel.", "financien", [
                Step("Intake schuldhulp en stabilisatie van de schulden", Ref("schuldhulp", 0), kind="care"),
                Step("Budgetcoaching: post en betalingen samen ordenen", Ref("schuldhulp", 1), kind="visit"),
                Step("Beschermingsbewind bespreken met {first}", Ref("schuldhulp", 0), kind="talk"),
            ]),
            GoalSpec("De oudste dochter wordt ontlast en de kinderen krijgen steun.", "opvoeding", [
                Step("Steun voor de oudste dochter als jonge mantelzorger regelen", Ref("gemeente", 0), kind="arrange"),
                Step("Naschoolse opvang voor de jongste kinderen regelen", Ref("gemeente", 0), kind="arrange"),
                Step("Huiswerkbegeleiding op school aanbieden", Ref("school", 1), kind="arrange"),
                Step("Jeugdhulp: gezinscoach inzetten", Ref("gi", 0), kind="care"),
            ]),
        ],
        "agreements": [
            AgreementSpec("Alle post over schulden gaat via de budgetcoach; {first} gooit niets ongeopend weg.", "schuldhulp"),
            AgreementSpec("School meldt verzuim van de kinderen dezelfde week aan de casusregisseur.", "school"),
        ],
        "perspectives": {
            "schuldhulp": "Klant met problematische schulden; stabilisatie eerst.",
            "school": "Kinderen met zorgen thuis; de oudste valt uit door mantelzorg.",
            "gemeente": "Gezin dat net niet rondkomt; voorzieningen zijn niet aangevraagd.",
        },
        "assessments": [
            AssessmentSpec("financien", strengths="Heeft een vast inkomen uit deeltijdwerk.", concerns="Ongeveer € 38.000 schulden; afsluiting energie aangekondigd."),
            AssessmentSpec("opvoeding", strengths="Betrokken en liefdevolle ouder.", concerns="Oudste dochter zorgt voor de jongsten."),
            AssessmentSpec("dagbesteding", strengths="Werkt drie dagen per week.", concerns="Oudste dochter verzuimt school."),
            AssessmentSpec("netwerk", strengths="Een oom helpt soms met vervoer.", concerns="Schaamte; vraagt geen hulp."),
        ],
        "notes": [
            NoteSpec("beeld", "Geen ID-kaart: daardoor lopen aanvragen voor bijstand en schuldhulp vast."),
            NoteSpec("oordeel", "Het ID-bewijs is de sleutel, maar het valt buiten ieders taak."),
            NoteSpec("besluit", "Wijkteam wordt casusregisseur; wie de ID-kaart regelt, is nog open."),
        ],
        "journal": [
            StageLine("plan", "procesregie", "Niemand voelt zich eigenaar van de ID-kaart; besproken in het overleg."),
            StageLine("execution", "monitoren", "Energieleverancier heeft de afsluiting uitgesteld met zes weken."),
            StageLine("analysis", "hulpverlening", "Samen met {first} de post doorgenomen; veertig ongeopende enveloppen."),
        ],
        "triage": "Gezin met schulden, dreigende afsluiting en zorgen om de kinderen. Oppakken.",
        "escalation": EscalationSpec(trigger="Energieleverancier houdt vast aan afsluiting ondanks aanvraag bijstand.",
                                     decided_by="manager ZVH met de wethouder sociaal domein"),
        "advice": AdviceSpec(Ref("gemeente", 0), question="Wie regelt de ID-kaart van {first}? Zonder ID lopen bijstand en schuldhulp vast.",
                             advice=("Maak het wijkteam eigenaar van de ID-kaart (bijzondere bijstand voor de leges) en vraag via de "
                                     "gemeente uitstel van de afsluiting; de regie blijft bij het wijkteam."),
                             given_to="Wijkteamcoach", regie="gemeente", follow_up_days=21),
        "closing": "Schulden in een regeling, vaste lasten via bewind; gezinscoach loopt door.",
    },
    "radicalisering": {
        "label": "Radicalisering (zorgsignaal)",
        "reason": ("{first} ({age}) is geïsoleerd, deelt online extremistische inhoud en had eerder contact met "
                   "de GGZ. Woont bij de ouders."),
        "goal": "Duiden van het zorgsignaal en voorkomen van verdere radicalisering.",
        "shared_task": "{first} heeft een zinvolle dagbesteding, een vertrouwenspersoon en krijgt passende zorg.",
        "client_view": "{first} voelt zich niet gehoord en wil een opleiding in de ICT.",
        "partners": [Ref("gemeente", 2), Ref("politie", 0), Ref("ggz", 0), Ref("reclassering", 0)],
        "director": Ref("gemeente", 2),
        "goals": [
            GoalSpec("{first} heeft een vertrouwenspersoon.", "netwerk", [
                Step("Mentor uit de eigen gemeenschap koppelen", Ref("gemeente", 2), kind="arrange"),
                Step("Gesprek met de ouders over wat zij zien en nodig hebben", Ref("gemeente", 2), kind="talk"),
            ]),
            GoalSpec("{first} krijgt passende zorg.", "gezondheid_psych", [
                Step("Eerdere GGZ-behandeling opvragen (met toestemming) en diagnostiek inplannen", Ref("ggz", 0), kind="care"),
                Step("Huisarts betrekken bij de zorgvraag", Ref("ggz", 0), kind="inform"),
            ]),
            GoalSpec("{first} heeft een zinvolle dagbesteding.", "dagbesteding", [
                Step("Werk-leertraject in de ICT zoeken", Ref("gemeente", 0), kind="arrange"),
                Step("Politie: signalen binnen de eigen taak volgen en delen volgens de afspraak", Ref("politie", 0), kind="signal"),
            ]),
        ],
        "agreements": [
            AgreementSpec("Politie-informatie wordt alleen mondeling in het overleg gedeeld en niet in het plan vastgelegd.", "politie"),
            AgreementSpec("Alleen de casusregisseur heeft contact met de ouders over het plan.", "gemeente"),
        ],
        "perspectives": {
            "politie": "Persoon met zorgwekkende online uitingen; geen strafbare feiten bekend.",
            "ggz": "Eerder behandelde cliënt met sociale angst; mogelijk terugval.",
            "gemeente": "Jongvolwassene met een zorgsignaal; vooral isolement.",
        },
        "assessments": [
            AssessmentSpec("netwerk", strengths="Goede band met een oudere neef.", concerns="Isolement; contact vooral online."),
            AssessmentSpec("gezondheid_psych", strengths="Eerdere behandeling hielp.", concerns="Sociale angst, somberheid."),
            AssessmentSpec("dagbesteding", strengths="Heeft een mbo-diploma niveau 2.", concerns="Al een jaar zonder werk of opleiding."),
        ],
        "notes": [
            NoteSpec("beeld", "Zorgsignaal: isolement en online uitingen; geen concrete dreiging."),
            NoteSpec("oordeel", "Vooral een zorgvraag; veiligheid volgen binnen strikte doelbinding."),
            NoteSpec("besluit", "De adviseur zorg en veiligheid wordt casusregisseur."),
        ],
        "journal": [
            StageLine("screening", "onderzoek", "Strikte doelbinding besproken: politie-informatie niet in het dossier."),
            StageLine("plan", "procesregie", "Mentor gevonden via een sleutelfiguur uit de wijk; kennismaking gepland."),
        ],
        "triage": "Zorgsignaal radicalisering met isolement; afstemming zorg en veiligheid nodig. Oppakken.",
        "escalation": EscalationSpec(trigger="Online uitingen worden concreter; politie wil opschalen.",
                                     decided_by="procesregisseur met de contactpersoon radicalisering en de teamchef politie"),
        "advice": AdviceSpec(Ref("gemeente", 2), question="De ouders maken zich zorgen over wat {first} online deelt; moet dit naar het ZVH?",
                             advice=("Behandel het eerst als zorgsignaal: koppel een mentor en vraag de GGZ naar eerdere behandeling. "
                                     "Politie-informatie alleen mondeling; meld opnieuw als de uitingen concreter worden."),
                             given_to="Adviseur zorg en veiligheid van de gemeente", regie="gemeente", follow_up_days=28),
        "closing": "Werk-leertraject loopt, geen zorgwekkende uitingen meer; zorg via de huisarts.",
        "not_informed": ("Nog niet geïnformeerd: eerst met GGZ en politie duiden of informeren de situatie "
                         "verergert; heroverwegen na het eerste casusoverleg."),
    },
    "mensenhandel": {
        "label": "Mensenhandel en uitbuiting",
        "reason": ("{first} ({age}) heeft een licht verstandelijke beperking en wordt uitgebuit door een oudere "
                   "'vriend'. Er staan schulden op haar naam. Verblijft wisselend op adressen van de 'vriend'."),
        "goal": "Bescherming, uitstappen uit de uitbuitingssituatie en herstel.",
        "shared_task": "{first} is veilig, woont op een beschermde plek en heeft grip op het eigen geld.",
        "client_view": ("{first} wil 'gewoon een eigen kamer en een baan in de kinderopvang'. Wil geen aangifte "
                        "doen uit angst, maar wel hulp bij de schulden."),
        "partners": [Ref("politie", 2), Ref("gemeente", 2), Ref("slachtofferhulp", 0), Ref("schuldhulp", 0), Ref("ggz", 0)],
        "director": Ref("gemeente", 2),
        "goals": [
            GoalSpec("{first} is veilig en woont op een beschermde plek.", "veiligheid", [
                Step("Plek in de categorale opvang voor slachtoffers regelen", Ref("gemeente", 2), kind="arrange"),
                Step("Bedenktijd en mogelijkheden van aangifte uitleggen", Ref("politie", 2), kind="talk"),
                Step("Veiligheidsafspraken over telefoon en sociale media maken", Ref("slachtofferhulp", 0), kind="talk"),
            ]),
            GoalSpec("De schulden op haar naam zijn in beeld.", "financien", [
                Step("Schulden op naam van {first} uitzoeken en fraude melden", Ref("schuldhulp", 0), kind="assess"),
                Step("Bankrekening afschermen en nieuwe pas aanvragen", Ref("schuldhulp", 0), kind="apply"),
            ]),
            GoalSpec("{first} krijgt passende zorg en begeleiding.", "gezondheid_psych", [
                Step("Aanmelden voor begeleiding vanuit de gehandicaptenzorg (LVB)", Ref("gemeente", 2), kind="care"),
                Step("Traumabehandeling bespreken wanneer de situatie stabiel is", Ref("ggz", 0), kind="care"),
                Step("Slachtofferhulp: steun bij een eventueel strafproces", Ref("slachtofferhulp", 0), kind="procedure"),
            ]),
        ],
        "agreements": [
            AgreementSpec("Niemand deelt de verblijfplaats van {first} buiten dit overleg.", None),
            AgreementSpec("De zorgcoördinator mensenhandel is het enige aanspreekpunt voor {first}.", "gemeente"),
        ],
        "perspectives": {
            "politie": "Slachtoffer van mensenhandel; de dader is in beeld.",
            "schuldhulp": "Slachtoffer van identiteitsfraude; schulden zijn mogelijk niet verwijtbaar.",
            "slachtofferhulp": "Slachtoffer dat steun nodig heeft en zelf moet kunnen kiezen.",
        },
        "assessments": [
            AssessmentSpec("veiligheid", strengths="Heeft een tante die zij vertrouwt.", concerns="Wordt uitgebuit; dader kent haar verblijfplaats."),
            AssessmentSpec("financien", strengths="Heeft een bijbaan gehad.", concerns="Schulden op haar naam door de dader."),
            AssessmentSpec("gezondheid_psych", strengths="Wil hulp.", concerns="Licht verstandelijke beperking; angst en nachtmerries."),
        ],
        "notes": [
            NoteSpec("beeld", "{first} is bang voor de 'vriend' en heeft schulden die zij niet zelf maakte."),
            NoteSpec("oordeel", "Veiligheid eerst; de keuze voor aangifte ligt bij {first}."),
            NoteSpec("besluit", "De zorgcoördinator mensenhandel wordt casusregisseur; opvangplek deze week."),
        ],
        "journal": [
            StageLine("plan", "procesregie", "Wensen van {first} apart vastgelegd naast het plan."),
            StageLine("execution", "monitoren", "Opvangplek is geregeld; {first} heeft haar oude telefoon ingeleverd."),
        ],
        "triage": "Signalen van uitbuiting bij een kwetsbare jongvolwassene. Oppakken.",
        "escalation": EscalationSpec(trigger="Dader heeft de opvanglocatie gevonden; direct verplaatsen nodig.",
                                     decided_by="procesregisseur met de zorgcoördinator mensenhandel"),
        "advice": AdviceSpec(Ref("slachtofferhulp", 0), question="{first} wil geen aangifte doen; kunnen we haar toch helpen met de schulden?",
                             advice=("Ja: schuldhulp kan de schulden als mogelijke fraude laten uitzoeken zonder aangifte. Leg haar "
                                     "wensen vast; de zorgcoördinator mensenhandel blijft het aanspreekpunt."),
                             given_to="Casemanager Slachtofferhulp", regie="gemeente", follow_up_days=14),
        "closing": "Woont beschermd, schulden in behandeling, begeleiding LVB loopt.",
    },
}

STREETS = [
    "Lindelaan", "Populierenstraat", "Havenkade", "Molenweg", "Kastanjeplein", "Beatrixstraat",
    "Dijkgraafhof", "Sluiswachtersweg", "Zilverschoonpad", "Koperslagerstraat", "Vlasakker",
    "Tulpenhof", "Brugwachtersstraat", "Weverstraat", "Oude Veerweg", "Spoorsingel",
]

# -- name pools for the scale generator -------------------------------------------------------

NAME_POOLS: list[NamePool] = [
    NamePool(  # Dutch
        males=["Daan", "Bram", "Ruud", "Joost", "Thijs", "Wouter", "Gert-Jan", "Jeroen", "Henk", "Kees", "Sander", "Niels", "Bas", "Erik"],
        females=["Sanne", "Lotte", "Femke", "Ilse", "Marloes", "Esther", "Anouk", "Petra", "Noor", "Linda", "Marieke", "Judith", "Inge", "Romy"],
        surnames=[Surname(male=s, female=s) for s in ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Meijer", "de Boer", "Mulder", "de Groot",
                          "Bos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "van den Berg",
                          "Kuipers", "Verhoeven", "Koster", "Postma", "Veenstra", "Schouten", "van der Linden"]],
    ),
    NamePool(  # Moroccan-Dutch
        males=["Mohammed", "Youssef", "Karim", "Bilal", "Soufiane", "Hamza", "Zakaria", "Anass", "Rachid", "Ayoub", "Ilyas", "Nordin"],
        females=["Fatima", "Samira", "Nadia", "Imane", "Khadija", "Yasmina", "Salma", "Loubna", "Hanane", "Souad", "Meryem", "Ikram"],
        surnames=[Surname(male=s, female=s) for s in ["El Amrani", "Bouzid", "Benali", "El Idrissi", "Ait Taleb", "Ouali", "Chaouch", "Azzouzi",
                          "Boukhari", "El Haddouchi", "Ziani", "Tahiri", "Bouchtaoui", "El Ouardi", "Maziane", "Kaddouri"]],
    ),
    NamePool(  # Turkish-Dutch
        males=["Emre", "Mehmet", "Burak", "Can", "Hakan", "Murat", "Kerem", "Serkan", "Onur", "Yusuf", "Tolga", "Baran"],
        females=["Elif", "Ayşe", "Zeynep", "Fatma", "Selin", "Esra", "Derya", "Büşra", "Merve", "Gizem", "Hatice", "Sevgi"],
        surnames=[Surname(male=s, female=s) for s in ["Yılmaz", "Demir", "Şahin", "Çelik", "Kaya", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç",
                          "Aksoy", "Korkmaz", "Erdoğan", "Polat", "Güneş", "Karaca"]],
    ),
    NamePool(  # Surinamese-Dutch
        males=["Dwayne", "Rishi", "Gianni", "Marciano", "Jerrel", "Romeo", "Ravi", "Sergio", "Quincy", "Anand", "Glenn", "Mitchel"],
        females=["Shanti", "Sharon", "Roshni", "Priya", "Kavita", "Chandni", "Asha", "Naomi", "Jennifer", "Sunita", "Denise", "Melissa"],
        surnames=[Surname(male=s, female=s) for s in ["Sewnarain", "Pinas", "Ramdin", "Kromodimedjo", "Biharie", "Amatstam", "Jagroep", "Doelwijt",
                          "Mahabier", "Tjon A Fong", "Zeefuik", "Ramsaran", "Kartosen", "Nahar", "Brunings", "Soekhoe"]],
    ),
    NamePool(  # Polish
        males=["Piotr", "Tomasz", "Marek", "Paweł", "Krzysztof", "Łukasz", "Kacper", "Dariusz", "Michał", "Jakub", "Wojciech", "Kamil"],
        females=["Katarzyna", "Agnieszka", "Magdalena", "Joanna", "Anna", "Ewa", "Zofia", "Monika", "Aleksandra", "Beata", "Karolina", "Natalia"],
        surnames=[Surname(male="Kowalski", female="Kowalska"), Surname(male="Nowak", female="Nowak"), Surname(male="Wiśniewski", female="Wiśniewska"), Surname(male="Wójcik", female="Wójcik"),
         Surname(male="Kamiński", female="Kamińska"), Surname(male="Lewandowski", female="Lewandowska"), Surname(male="Zieliński", female="Zielińska"),
         Surname(male="Szymański", female="Szymańska"), Surname(male="Dąbrowski", female="Dąbrowska"), Surname(male="Kaczmarek", female="Kaczmarek"),
         Surname(male="Mazur", female="Mazur"), Surname(male="Krawczyk", female="Krawczyk"), Surname(male="Piotrowski", female="Piotrowska"), Surname(male="Grabowski", female="Grabowska")],
    ),
]

# -- pools for the scale generator -----------------------------------------------------------

SCALE_JOURNAL = [
    JournalLine("onderzoek", "Aanvullende informatie opgevraagd bij de aanmelder over de aanleiding."),
    JournalLine("onderzoek", "Check op bekendheid uitgezet bij de betrokken partners.", phase="screening"),
    JournalLine("procesregie", "Triage in het weekoverleg: uitkomst en reden vastgelegd.", phase="triage"),
    JournalLine("procesregie", "Partners uitgenodigd voor het casusoverleg; agenda rondgestuurd.", phase="meeting"),
    JournalLine("procesregie", "Afspraak over informatiedeling herhaald: alleen binnen de doelbinding.", phase="meeting"),
    JournalLine("hulpverlening", "Kort gesprek met de cliënt na het overleg; wensen genoteerd.", phase="meeting"),
    JournalLine("procesregie", "Casusregisseur gebeld: loopt het plan zoals afgesproken? Twee acties vertraagd.", phase="execution"),
    JournalLine("monitoren", "Terugkoppeling ontvangen van de casusregisseur; geen nieuwe incidenten.", phase="execution"),
    JournalLine("monitoren", "Evaluatiedatum nadert; partners gevraagd om terugkoppeling op hun acties.", phase="execution"),
    JournalLine("casusregie", "Tijdelijk zelf contact gehad met de cliënt omdat de casusregisseur afwezig was.", phase="execution"),
]
SCALE_CLOSING = [
    "Doelen bereikt; regie terug naar het wijkteam.",
    "Situatie stabiel; nazorg via de casusregisseur.",
    "Cliënt verhuisd naar een andere regio; overgedragen aan het ZVH daar.",
    "Geen meerwaarde van het ZVH meer; lokale zorg loopt.",
]
SCALE_TRIAGE_OTHER = [
    TriageSpec("refer", "Past beter bij het lokale wijkteam; doorverwezen."),
    TriageSpec("refer", "Lopende regie bij Veilig Thuis; doorverwezen naar de aanmelder."),
]
SCALE_DEESCALATION = "Knelpunt opgelost op managementniveau; de casus gaat terug naar procesniveau."
ADVICE_TRIAGE = "Enkelvoudige vraag van een lokale professional; advies volstaat, de regie blijft lokaal."

# -- the 25 cases of the demo profile -------------------------------------------------------------
# received / closed / reopen / stagnant: days before today. informed_no: review date in days from
# today (negative: the review date has passed), for the vignette's not_informed_person (default
# the first). blockers: what the concept still lacks. zvh_role "advice": the advice track (triage
# advies aan melder, an Advice row, the regie stays local; no plan); with "switch" (the reason) the
# house takes the procesregie a day after the advice, the advice kept as the case's history. A case of the ZVH sits at
# AVE 3 · procesniveau (common.ZVH_LEVELS); escalations go to 4 · management or bestuur and back.

DEMO_CASES: list[dict] = [
    {"v": "verward", "persons": [PersonSpec("Ruud Verhoeven", 41, "client")], "phase": "execution", "received": 170,
     "revise": "adopt",
     "escalations": [LevelChange(120, level="management", ave="4"),
                     LevelChange(74, level="process", ave="3", trigger="Zorgmachtiging afgegeven en opname gestart; situatie stabiel.")]},
    {"v": "verward", "persons": [PersonSpec("Dariusz Kamiński", 37, "client")], "phase": "meeting", "received": 24,
     "no_director": True, "zvh_role": "advice",
     "switch": "Nieuwe bedreiging van de buren en de corporatie zet de ontruiming door: advies volstaat niet meer."},
    {"v": "verward", "persons": [PersonSpec("Gerrit Dekker", 58, "client")], "phase": "closed", "received": 1040,
     "closed": 830},
    {"v": "terugkeer", "persons": [PersonSpec("Sharon Pinas", 29, "client")], "phase": "plan", "received": 38,
     "blockers": ["agreements", "evaluation"]},
    {"v": "terugkeer", "persons": [PersonSpec("Mehmet Kaya", 34, "client")], "phase": "execution", "received": 230,
     "stagnant": 50, "director_change": DirectorSwitch(120, Ref("reclassering", 0))},
    {"v": "terugkeer", "persons": [PersonSpec("Joanna Wójcik", 31, "client")], "phase": "closed", "received": 260,
     "closed": 40, "watch": 60},
    {"v": "huiselijk_geweld", "title": "Gezin Azzouzi",
     "persons": [PersonSpec("Khadija Azzouzi-Ziani", 36, "parent"), PersonSpec("Soufiane Azzouzi", 39, "parent"),
                 PersonSpec("Adam Azzouzi", 12, "child"), PersonSpec("Lina Azzouzi", 9, "child"), PersonSpec("Rayan Azzouzi", 5, "child")],
     "phase": "execution", "received": 120, "informed_no": 21,
     "escalations": [LevelChange(64, level="management", ave="4"),
                     LevelChange(22, level="process", ave="3", trigger="Geen nieuwe incidenten; hulp aan beide ouders loopt.")]},
    {"v": "huiselijk_geweld", "title": "Gezin Van den Berg",
     "persons": [PersonSpec("Marloes van den Berg", 40, "parent"), PersonSpec("Dennis van den Berg", 42, "parent"),
                 PersonSpec("Tim van den Berg", 14, "child"), PersonSpec("Sophie van den Berg", 11, "child")],
     "phase": "analysis", "received": 19, "informed_no": -4},
    {"v": "huiselijk_geweld", "title": "Gezin Öztürk",
     "persons": [PersonSpec("Elif Öztürk", 41, "parent"), PersonSpec("Murat Öztürk", 45, "parent"), PersonSpec("Zeynep Öztürk", 15, "child")],
     "phase": "screening", "received": 5},
    {"v": "jongere", "persons": [PersonSpec("Anass El Haddouchi", 16, "client"), PersonSpec("Fatima El Haddouchi", 44, "parent"),
                                 PersonSpec("Zakaria El Haddouchi", 20, "household")],
     "phase": "execution", "received": 140, "escalations": [LevelChange(70, level="management", ave="4")]},
    {"v": "jongere", "persons": [PersonSpec("Kevin Smit", 15, "client"), PersonSpec("Sandra Smit", 39, "parent")],
     "phase": "triage", "received": 10},
    {"v": "jongere", "persons": [PersonSpec("Romeo Amatstam", 19, "client"), PersonSpec("Denise Amatstam", 45, "parent")],
     "phase": "closed", "received": 1000, "closed": 790},
    {"v": "woonoverlast", "title": "Echtpaar Jansen",
     "persons": [PersonSpec("Peter Jansen", 56, "client"), PersonSpec("Yvonne Jansen-Koster", 53, "partner")],
     "phase": "execution", "received": 200,
     "escalations": [LevelChange(130, level="management", ave="4"), LevelChange(116, level="board"),
                     LevelChange(60, level="process", ave="3", trigger="Geen nieuwe vondsten; beiden in behandeling bij de verslavingszorg.")]},
    {"v": "woonoverlast", "title": "Echtpaar De Boer",
     "persons": [PersonSpec("Hans de Boer", 61, "client"), PersonSpec("Ria de Boer", 59, "partner")],
     "phase": "referral", "received": 1, "citizen": "Buurtbewoner (naam bekend bij het ZVH)"},
    {"v": "woonoverlast", "title": "Echtpaar Zieliński",
     "persons": [PersonSpec("Kazimierz Zieliński", 52, "client"), PersonSpec("Ewa Zielińska", 50, "partner")],
     "phase": "execution", "received": 330, "closed": 150, "reopen": 21, "revise": "concept"},
    {"v": "schulden", "title": "Gezin Boukhari",
     "persons": [PersonSpec("Rachid Boukhari", 44, "parent"), PersonSpec("Yasmina Boukhari", 16, "child"),
                 PersonSpec("Ilyas Boukhari", 12, "child"), PersonSpec("Nora Boukhari", 8, "child")],
     "phase": "plan", "received": 35, "blockers": ["nobody", "deadline"]},
    {"v": "schulden", "title": "Gezin Meijer",
     "persons": [PersonSpec("Ronald Meijer", 47, "parent"), PersonSpec("Kim Meijer", 17, "child"), PersonSpec("Jesse Meijer", 13, "child"),
                 PersonSpec("Lieke Meijer", 10, "child")],
     "phase": "execution", "received": 110, "nobody": "accepted"},
    {"v": "schulden", "title": "Gezin Sewnarain",
     "persons": [PersonSpec("Dwayne Sewnarain", 39, "parent"), PersonSpec("Shanti Sewnarain", 14, "child"),
                 PersonSpec("Ravi Sewnarain", 11, "child"), PersonSpec("Asha Sewnarain", 6, "child")],
     "phase": "meeting", "received": 22, "no_director": True},
    {"v": "radicalisering", "persons": [PersonSpec("Emre Arslan", 22, "client")], "phase": "meeting", "received": 30,
     "informed_no": 12},
    {"v": "radicalisering", "persons": [PersonSpec("Thomas Postma", 20, "client"), PersonSpec("Inge Postma", 51, "parent")],
     "phase": "triage", "received": 16, "zvh_role": "advice"},
    {"v": "radicalisering", "persons": [PersonSpec("Hamza Chaouch", 23, "client")], "phase": "referral", "received": 0},
    {"v": "mensenhandel", "persons": [PersonSpec("Roshni Biharie", 19, "client")], "phase": "execution", "received": 150,
     "revise": "adopt",
     "escalations": [LevelChange(100, level="management", ave="4"),
                     LevelChange(82, level="process", ave="3", trigger="Nieuwe opvangplek is veilig; de dader is in beeld bij de politie.")]},
    {"v": "mensenhandel", "persons": [PersonSpec("Magdalena Kaczmarek", 20, "client")], "phase": "plan", "received": 33,
     "blockers": ["shared_task"]},
    {"v": "mensenhandel", "persons": [PersonSpec("Noor Bakker", 18, "client")], "phase": "closed", "received": 60,
     "triage": "refer", "closed": 52,
     "triage_reason": "Doorverwezen naar de zorgcoördinator mensenhandel van de gemeente; lokale aanpak volstaat."},
    {"v": "schulden", "title": "Gezin Szymański",
     "persons": [PersonSpec("Agnieszka Szymańska", 38, "parent"), PersonSpec("Kacper Szymański", 10, "child"),
                 PersonSpec("Zofia Szymańska", 7, "child")],
     "phase": "triage", "received": 9, "zvh_role": "advice"},
]

# Generic steps that fit any plan; the scale generator pads plans with these (owner: a partner at
# the table, chosen per case).
_CARE = ("ggz", "verslaving", "gemeente", "veiligthuis", "gi", "reclassering", "schuldhulp", "dji")
SCALE_ACTIONS = [
    GenericStep("Terugkoppeling over de voortgang aan de casusregisseur", kind="inform"),
    GenericStep("Huisbezoek afleggen en de afspraken met de cliënt doorlopen", kind="visit",
                owners=("ggz", "verslaving", "gemeente", "veiligthuis", "gi", "reclassering", "corporatie", "politie")),
    GenericStep("Toestemming van de cliënt vragen voor het delen van informatie", kind="talk",
                owners=_CARE + ("school", "corporatie", "slachtofferhulp")),
    GenericStep("Netwerkberaad organiseren met familie en buren", kind="arrange", owners=("gemeente", "veiligthuis", "gi", "ggz")),
    GenericStep("Aanvraag indienen en de beslistermijn bewaken", kind="apply",
                owners=("gemeente", "schuldhulp", "dji", "reclassering", "gi", "ggz")),
    GenericStep("Warme overdracht regelen naar de nieuwe hulpverlener", kind="arrange", owners=_CARE),
    GenericStep("Signalen uit de eigen organisatie melden bij de casusregisseur", kind="signal"),
    GenericStep("Gesprek met de cliënt over de eigen doelen in het plan", kind="talk", owners=_CARE + ("halt", "school")),
    GenericStep("Informatie opvragen bij de huisarts (met toestemming)", kind="assess",
                owners=("ggz", "verslaving", "gemeente", "veiligthuis", "gi")),
    GenericStep("Afspraak maken over bereikbaarheid in het weekend", kind="inform"),
    GenericStep("Evaluatie van de eigen inzet voorbereiden voor het overleg", kind="assess"),
    GenericStep("Contact met de aanmelder over de stand van zaken", kind="inform"),
]
