"""The vocabulary of the field: stable codes (English) with their Dutch labels.

Codes are what the database and exports hold; labels are what the user reads. Kept in one leaf
module so store, services and screens all speak the same words (shared/domain.md, "Words").
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from zvh_tui.core.errors import UnknownCode

# An unknown code is answered with the options; past this many only the first ones and a count.
MAX_OPTIONS_SHOWN = 12
_MAX_VALUE_SHOWN = 40


class Vocab(str, Enum):
    """A code with a Dutch label. Subclasses list `(code, label)` pairs and name their kind in
    Dutch (`class Phase(Vocab, kind="fase")`); `Phase("x")` raises `UnknownCode` (a Dutch
    `ValidationError`) that names the kind and the options."""

    label: str
    kind: ClassVar[str]  # set by the class keyword, not in the body (that would be a member)

    def __init_subclass__(cls, kind: str = "", **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not kind:
            raise TypeError(f"{cls.__name__}: name the kind in Dutch, class {cls.__name__}(Vocab, kind=...)")
        cls.kind = kind

    def __new__(cls, code: str, label: str) -> Vocab:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

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
        return ", ".join(shown) + (f" en nog {more} andere" if more > 0 else "")

    @classmethod
    def unknown_message(cls, value: object) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            return f"Kies een {cls.kind}: {cls.options_text()}."
        return f"'{_shown(value)}' is geen {cls.kind}. Kies uit: {cls.options_text()}."

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


class Phase(Vocab, kind="fase"):
    REFERRAL = ("referral", "Aanmelding")
    SCREENING = ("screening", "Screening")
    TRIAGE = ("triage", "Triage")
    ANALYSIS = ("analysis", "Analyse")
    MEETING = ("meeting", "Casusoverleg")
    PLAN = ("plan", "Plan van aanpak")
    EXECUTION = ("execution", "Uitvoering")
    CLOSED = ("closed", "Afgesloten")


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


class AvePhase(Vocab, kind="AVE-fase"):
    GREEN = ("1", "groen")
    YELLOW = ("2", "geel")
    ORANGE = ("3", "oranje")
    DARK_RED = ("4", "donkerrood")


class Level(Vocab, kind="niveau"):
    """Levels of conversation in the AVE model, with the national Maatwerkloket on top."""

    CASE = ("case", "casus")
    PROCESS = ("process", "proces")
    MANAGEMENT = ("management", "management")
    BOARD = ("board", "bestuur")
    LMM = ("lmm", "Maatwerkloket (LMM)")


LEVEL_ORDER: list[Level] = list(Level)


class ZvhRole(Vocab, kind="rol van het ZVH"):
    DIRECTION = ("direction", "procesregie")
    ADVICE = ("advice", "advies")


class PartnerDomain(Vocab, kind="domein"):
    CRIMINAL = ("straf", "straf")
    CARE = ("zorg", "zorg")
    MUNICIPAL = ("gemeente", "gemeente")
    SAFETY = ("veiligheid", "veiligheid")
    HOUSING = ("wonen", "wonen")
    EDUCATION = ("onderwijs", "onderwijs")
    OTHER = ("overig", "overig")


class ParticipantRole(Vocab, kind="rol aan tafel"):
    REFERRER = ("referrer", "aanmelder")
    CASE_DIRECTOR = ("case_director", "casusregisseur")
    MEMBER = ("member", "deelnemer")
    ADVISER = ("adviser", "adviseur")


class CheckStatus(Vocab, kind="antwoord bij de check op bekendheid"):
    """Check op bekendheid: did this partner know the person?"""

    NOT_ASKED = ("not_asked", "niet gevraagd")
    ASKED = ("asked", "gevraagd")
    KNOWN = ("known", "bekend")
    NOT_KNOWN = ("not_known", "niet bekend")
    NO_ANSWER = ("no_answer", "geen antwoord")


class PersonRole(Vocab, kind="rol van een betrokkene"):
    CLIENT = ("client", "cliënt")
    PARTNER = ("partner", "partner")
    PARENT = ("parent", "ouder")
    CHILD = ("child", "kind")
    HOUSEHOLD = ("household", "gezinslid")
    OTHER = ("other", "overig")


class TriageOutcome(Vocab, kind="triage-uitkomst"):
    TAKE_ON = ("take_on", "oppakken")
    REFER = ("refer", "doorverwijzen")
    ADVICE = ("advice", "advies aan melder")


class PlanStatus(Vocab, kind="status van een plan"):
    CONCEPT = ("concept", "concept")
    ADOPTED = ("adopted", "vastgesteld")
    REVISED = ("revised", "bijgesteld")


class ActionStatus(Vocab, kind="status van een actie"):
    OPEN = ("open", "open")
    BUSY = ("busy", "bezig")
    DONE = ("done", "gereed")
    CANCELLED = ("cancelled", "vervallen")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN.value, ActionStatus.BUSY.value)


class LifeDomain(Vocab, kind="leefgebied"):
    HOUSING = ("wonen", "wonen")
    FINANCES = ("financien", "financiën")
    PHYSICAL = ("gezondheid_lich", "gezondheid (lichamelijk)")
    MENTAL = ("gezondheid_psych", "gezondheid (psychisch)")
    ADDICTION = ("verslaving", "verslaving")
    JUSTICE = ("justitie", "justitie")
    DAYTIME = ("dagbesteding", "dagbesteding/werk/school")
    NETWORK = ("netwerk", "sociaal netwerk")
    PARENTING = ("opvoeding", "opvoeding")
    SAFETY = ("veiligheid", "veiligheid")


class Hat(Vocab, kind="pet"):
    """The six hats of a regisseur (seed 004)."""

    RESEARCH = ("onderzoek", "onderzoek")
    HELP = ("hulpverlening", "hulpverlening")
    DECIDE = ("beschikken", "beschikken")
    CASE_DIRECTION = ("casusregie", "casusregie")
    MONITOR = ("monitoren", "monitoren")
    PROCESS_DIRECTION = ("procesregie", "procesregie")


class MeetingStatus(Vocab, kind="status van een overleg"):
    PLANNED = ("planned", "gepland")
    OPEN = ("open", "bezig")
    CLOSED = ("closed", "gesloten")


class Presence(Vocab, kind="aanwezigheidsstatus"):
    PRESENT = ("present", "aanwezig")
    ABSENT = ("absent", "afwezig")
    EXCUSED = ("excused", "afgemeld")


class NoteTag(Vocab, kind="soort notitie"):
    """Notes in a meeting: picture, judgement, decision."""

    PICTURE = ("beeld", "beeld")
    JUDGEMENT = ("oordeel", "oordeel")
    DECISION = ("besluit", "besluit")


class ItemStatus(Vocab, kind="status van een agendapunt"):
    OPEN = ("open", "open")
    CLOSED = ("closed", "afgerond")


class NoteKind(Vocab, kind="soort inbreng"):
    """What a line captured in a meeting is: a note (tagged with the phase) or a besluit."""

    NOTE = ("note", "notitie")
    DECISION = ("decision", "besluit")


class NoteVisibility(Vocab, kind="zichtbaarheid van een notitie"):
    """Who may see a meeting note: everyone at the table (default), the ZVH only, or only the
    partner it came from (and the ZVH, which keeps the record)."""

    TABLE = ("tafel", "iedereen aan tafel")
    ZVH = ("zvh", "alleen ZVH")
    SOURCE = ("bron", "alleen de bron")


class ReviewOutcome(Vocab, kind="uitkomst van de terugblik"):
    """The review of last time's actions. *Niet mogelijk* (circumstances changed) and *niet
    opgepakt* (the partner did not act) must stay apart: the second is the kikker signal."""

    DONE = ("gedaan", "gedaan")
    NOT_POSSIBLE = ("niet_mogelijk", "niet mogelijk")
    NOT_TAKEN_UP = ("niet_opgepakt", "niet opgepakt")


class NextKind(Vocab, kind="soort vervolgdatum"):
    EVALUATION = ("evaluatie", "evaluatie")
    RETURN = ("terugkom", "terugkom-overleg")


class ProvisionKind(Vocab, kind="soort verstrekking"):
    """What was given to a partner (the verstrekkingenlog, services/partners/provisions.py)."""

    PLAN = ("plan", "plan van aanpak (volledig)")
    PLAN_PARTNER = ("plan_partner", "plan van aanpak (versie voor de partner)")
    DECISIONS = ("besluitenlijst", "besluitenlijst")
    MINUTES = ("verslag", "verslag")
    PARTNER_SHEET = ("partnerblad", "blad voor de partner")
    CLIENT = ("client", "versie voor de cliënt")


class AuditObject(Vocab, kind="onderwerp in het logboek"):
    """What an event in the logboek is about (AuditEvent.object_type), in the user's words."""

    CASE = ("case", "casus")
    CASE_LIST = ("case_list", "casuslijst")
    PERSON = ("person", "betrokkene")
    PLAN = ("plan", "plan van aanpak")
    GOAL = ("goal", "doel")
    ACTION = ("action", "actie")
    AGREEMENT = ("agreement", "afspraak")
    ASSESSMENT = ("assessment", "krachten en zorgen")
    PERSPECTIVE = ("perspective", "perspectief van een partner")
    PARTICIPANT = ("participant", "partner aan tafel")
    PARTNER = ("partner", "partner")
    CONTACT = ("contact", "contactpersoon")
    ESCALATION = ("escalation", "op- of afschaling")
    JOURNAL = ("journal", "journaal")
    MEETING = ("meeting", "overleg")
    MEETING_ITEM = ("meeting_item", "agendapunt")
    MEETING_NOTE = ("meeting_note", "notitie in een overleg")
    ITEM_INVITE = ("item_invite", "uitnodiging voor een agendapunt")
    ATTENDEE = ("attendee", "aanwezige")
    AUDIT_LOG = ("audit_log", "logboek")
    PROVISION = ("provision", "verstrekking")
    ADVICE = ("advice", "adviesvraag")
    PROFILE = ("profile", "profiel")
