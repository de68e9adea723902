"""The vocabulary of the field: stable codes (English) with their Dutch labels.

Codes are what the database and exports hold; labels are what the user reads. Kept in one leaf
module so store, services and screens all speak the same words (shared/domain.md, "Words").
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from zvh_tui.core.errors import UnknownCode
from zvh_tui.core.i18n import N_, M, Message, _

# An unknown code is answered with the options; past this many only the first ones and a count.
MAX_OPTIONS_SHOWN = 12
_MAX_VALUE_SHOWN = 40


class Vocab(str, Enum):
    """A code with a label (Dutch, marked with `N_`; `.label` reads it in the language of the
    moment). Subclasses list `(code, label)` pairs and name their kind in
    Dutch (`class Phase(Vocab, kind=N_("fase"))`); `Phase("x")` raises `UnknownCode` (a Dutch
    `ValidationError`) that names the kind and the options."""

    kind: ClassVar[str]  # set by the class keyword, not in the body (that would be a member)

    def __init_subclass__(cls, kind: str = "", **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not kind:
            raise TypeError(f"{cls.__name__}: name the kind in Dutch, class {cls.__name__}(Vocab, kind=...)")
        cls.kind = kind

    def __new__(cls, code: str, label: str) -> Vocab:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.source_label = label  # Dutch, as marked with N_() in the class
        return obj

    @property
    def label(self) -> str:
        """What the user reads, in the language of the moment."""
        return _(self.source_label)

    def __str__(self) -> str:  # the code, so f-strings and the database agree
        return self.value

    @classmethod
    def _missing_(cls, value: object) -> Vocab:
        raise UnknownCode(cls.unknown_message(value), kind=cls.kind)

    @classmethod
    def options_text(cls) -> str:
        """The options as the user reads them: the label, with the code where it differs."""
        shown = [m.label if m.label.casefold() == m.value.casefold() else f"{m.label} ({m.value})"
                 for m in list(cls)[:MAX_OPTIONS_SHOWN]]
        more = len(cls) - len(shown)
        text = ", ".join(shown)
        return _("{options} en nog {n} andere").format(options=text, n=more) if more > 0 else text

    @classmethod
    def unknown_message(cls, value: object) -> Message:
        if value is None or (isinstance(value, str) and not value.strip()):
            return M("vocab.missing", "Kies een {kind}: {options}.", kind=_(cls.kind),
                     options=cls.options_text())
        return M("vocab.unknown", "'{value}' is geen {kind}. Kies uit: {options}.",
                 value=_shown(value), kind=_(cls.kind), options=cls.options_text())

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def label_of(cls, code: str | None) -> str:
        if code is None or code == "":
            return ""
        try:
            return cls(code).label
        except UnknownCode:
            return str(code)


def _shown(value: object) -> str:
    """What was asked for, on one line and short: control characters become '?'."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= _MAX_VALUE_SHOWN else text[: _MAX_VALUE_SHOWN - 1] + "…"


class Phase(Vocab, kind=N_("fase")):
    REFERRAL = ("referral", N_("Aanmelding"))
    SCREENING = ("screening", N_("Screening"))
    TRIAGE = ("triage", N_("Triage"))
    ANALYSIS = ("analysis", N_("Analyse"))
    MEETING = ("meeting", N_("Casusoverleg"))
    PLAN = ("plan", N_("Plan van aanpak"))
    EXECUTION = ("execution", N_("Uitvoering"))
    CLOSED = ("closed", N_("Afgesloten"))


# The order in which a case moves through the work process (closing has its own service call).
PHASE_ORDER: list[Phase] = [
    Phase.REFERRAL,
    Phase.SCREENING,
    Phase.TRIAGE,
    Phase.ANALYSIS,
    Phase.MEETING,
    Phase.PLAN,
    Phase.EXECUTION,
]


class AvePhase(Vocab, kind=N_("AVE-fase")):
    GREEN = ("1", N_("groen"))
    YELLOW = ("2", N_("geel"))
    ORANGE = ("3", N_("oranje"))
    DARK_RED = ("4", N_("donkerrood"))


class Level(Vocab, kind=N_("niveau")):
    """Levels of conversation in the AVE model, with the national Maatwerkloket on top."""

    CASE = ("case", N_("casus"))
    PROCESS = ("process", N_("proces"))
    MANAGEMENT = ("management", N_("management"))
    BOARD = ("board", N_("bestuur"))
    LMM = ("lmm", N_("Maatwerkloket (LMM)"))


LEVEL_ORDER: list[Level] = list(Level)


class ZvhRole(Vocab, kind=N_("rol van het ZVH")):
    DIRECTION = ("direction", N_("procesregie"))
    ADVICE = ("advice", N_("advies"))


class PartnerDomain(Vocab, kind=N_("domein")):
    CRIMINAL = ("straf", N_("straf"))
    CARE = ("zorg", N_("zorg"))
    MUNICIPAL = ("gemeente", N_("gemeente"))
    SAFETY = ("veiligheid", N_("veiligheid"))
    HOUSING = ("wonen", N_("wonen"))
    EDUCATION = ("onderwijs", N_("onderwijs"))
    OTHER = ("overig", N_("overig"))


class ParticipantRole(Vocab, kind=N_("rol aan tafel")):
    REFERRER = ("referrer", N_("aanmelder"))
    CASE_DIRECTOR = ("case_director", N_("casusregisseur"))
    MEMBER = ("member", N_("deelnemer"))
    ADVISER = ("adviser", N_("adviseur"))


class CheckStatus(Vocab, kind=N_("antwoord bij de check op bekendheid")):
    """Check op bekendheid: did this partner know the person?"""

    NOT_ASKED = ("not_asked", N_("niet gevraagd"))
    ASKED = ("asked", N_("gevraagd"))
    KNOWN = ("known", N_("bekend"))
    NOT_KNOWN = ("not_known", N_("niet bekend"))
    NO_ANSWER = ("no_answer", N_("geen antwoord"))


class PersonRole(Vocab, kind=N_("rol van een betrokkene")):
    CLIENT = ("client", N_("cliënt"))
    PARTNER = ("partner", N_("partner"))
    PARENT = ("parent", N_("ouder"))
    CHILD = ("child", N_("kind"))
    HOUSEHOLD = ("household", N_("gezinslid"))
    OTHER = ("other", N_("overig"))


class TriageOutcome(Vocab, kind=N_("triage-uitkomst")):
    TAKE_ON = ("take_on", N_("oppakken"))
    REFER = ("refer", N_("doorverwijzen"))
    ADVICE = ("advice", N_("advies aan melder"))


class PlanStatus(Vocab, kind=N_("status van een plan")):
    CONCEPT = ("concept", N_("concept"))
    ADOPTED = ("adopted", N_("vastgesteld"))
    REVISED = ("revised", N_("bijgesteld"))


class ActionStatus(Vocab, kind=N_("status van een actie")):
    OPEN = ("open", N_("open"))
    BUSY = ("busy", N_("bezig"))
    DONE = ("done", N_("gereed"))
    CANCELLED = ("cancelled", N_("vervallen"))


OPEN_ACTION_STATUSES = (ActionStatus.OPEN.value, ActionStatus.BUSY.value)


class LifeDomain(Vocab, kind=N_("leefgebied")):
    HOUSING = ("wonen", N_("wonen"))
    FINANCES = ("financien", N_("financiën"))
    PHYSICAL = ("gezondheid_lich", N_("gezondheid (lichamelijk)"))
    MENTAL = ("gezondheid_psych", N_("gezondheid (psychisch)"))
    ADDICTION = ("verslaving", N_("verslaving"))
    JUSTICE = ("justitie", N_("justitie"))
    DAYTIME = ("dagbesteding", N_("dagbesteding/werk/school"))
    NETWORK = ("netwerk", N_("sociaal netwerk"))
    PARENTING = ("opvoeding", N_("opvoeding"))
    SAFETY = ("veiligheid", N_("veiligheid"))


class Hat(Vocab, kind=N_("pet")):
    """The six hats of a regisseur (seed 004)."""

    RESEARCH = ("onderzoek", N_("onderzoek"))
    HELP = ("hulpverlening", N_("hulpverlening"))
    DECIDE = ("beschikken", N_("beschikken"))
    CASE_DIRECTION = ("casusregie", N_("casusregie"))
    MONITOR = ("monitoren", N_("monitoren"))
    PROCESS_DIRECTION = ("procesregie", N_("procesregie"))


class MeetingStatus(Vocab, kind=N_("status van een overleg")):
    PLANNED = ("planned", N_("gepland"))
    OPEN = ("open", N_("bezig"))
    CLOSED = ("closed", N_("gesloten"))


class Presence(Vocab, kind=N_("aanwezigheidsstatus")):
    PRESENT = ("present", N_("aanwezig"))
    ABSENT = ("absent", N_("afwezig"))
    EXCUSED = ("excused", N_("afgemeld"))


class NoteTag(Vocab, kind=N_("soort notitie")):
    """Notes in a meeting: picture, judgement, decision."""

    PICTURE = ("beeld", N_("beeld"))
    JUDGEMENT = ("oordeel", N_("oordeel"))
    DECISION = ("besluit", N_("besluit"))


class ItemStatus(Vocab, kind=N_("status van een agendapunt")):
    OPEN = ("open", N_("open"))
    CLOSED = ("closed", N_("afgerond"))


class NoteKind(Vocab, kind=N_("soort inbreng")):
    """What a line captured in a meeting is: a note (tagged with the phase) or a besluit."""

    NOTE = ("note", N_("notitie"))
    DECISION = ("decision", N_("besluit"))


class NoteVisibility(Vocab, kind=N_("zichtbaarheid van een notitie")):
    """Who may see a meeting note: everyone at the table (default), the ZVH only, or only the
    partner it came from (and the ZVH, which keeps the record)."""

    TABLE = ("tafel", N_("iedereen aan tafel"))
    ZVH = ("zvh", N_("alleen ZVH"))
    SOURCE = ("bron", N_("alleen de bron"))


class ReviewOutcome(Vocab, kind=N_("uitkomst van de terugblik")):
    """The review of last time's actions. *Niet mogelijk* (circumstances changed) and *niet
    opgepakt* (the partner did not act) must stay apart: the second is the kikker signal."""

    DONE = ("gedaan", N_("gedaan"))  # i18n: the stored code
    NOT_POSSIBLE = ("niet_mogelijk", N_("niet mogelijk"))
    NOT_TAKEN_UP = ("niet_opgepakt", N_("niet opgepakt"))


class NextKind(Vocab, kind=N_("soort vervolgdatum")):
    EVALUATION = ("evaluatie", N_("evaluatie"))
    RETURN = ("terugkom", N_("terugkom-overleg"))


class ProvisionKind(Vocab, kind=N_("soort verstrekking")):
    """What was given to a partner (the verstrekkingenlog, services/partners/provisions.py)."""

    PLAN = ("plan", N_("plan van aanpak (volledig)"))
    PLAN_PARTNER = ("plan_partner", N_("plan van aanpak (versie voor de partner)"))
    DECISIONS = ("besluitenlijst", N_("besluitenlijst"))
    MINUTES = ("verslag", N_("verslag"))
    PARTNER_SHEET = ("partnerblad", N_("blad voor de partner"))
    CLIENT = ("client", N_("versie voor de cliënt"))


class AuditObject(Vocab, kind=N_("onderwerp in het logboek")):
    """What an event in the logboek is about (AuditEvent.object_type), in the user's words."""

    CASE = ("case", N_("casus"))
    CASE_LIST = ("case_list", N_("casuslijst"))
    PERSON = ("person", N_("betrokkene"))
    PLAN = ("plan", N_("plan van aanpak"))
    GOAL = ("goal", N_("doel"))
    ACTION = ("action", N_("actie"))
    AGREEMENT = ("agreement", N_("afspraak"))
    ASSESSMENT = ("assessment", N_("krachten en zorgen"))
    PERSPECTIVE = ("perspective", N_("perspectief van een partner"))
    PARTICIPANT = ("participant", N_("partner aan tafel"))
    PARTNER = ("partner", N_("partner"))
    CONTACT = ("contact", N_("contactpersoon"))
    ESCALATION = ("escalation", N_("op- of afschaling"))
    JOURNAL = ("journal", N_("journaal"))
    MEETING = ("meeting", N_("overleg"))
    MEETING_ITEM = ("meeting_item", N_("agendapunt"))
    MEETING_NOTE = ("meeting_note", N_("notitie in een overleg"))
    ITEM_INVITE = ("item_invite", N_("uitnodiging voor een agendapunt"))
    ATTENDEE = ("attendee", N_("aanwezige"))
    AUDIT_LOG = ("audit_log", N_("logboek"))
    PROVISION = ("provision", N_("verstrekking"))
    ADVICE = ("advice", N_("adviesvraag"))
    PROFILE = ("profile", N_("profiel"))
