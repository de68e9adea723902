"""The vocabulary of the field: stable codes (English) with their Dutch labels.

Codes are what the database and exports hold; labels are what the user reads. Kept in one leaf
module so store, services and screens all speak the same words (shared/domain.md, "Words").
"""

from __future__ import annotations

from enum import Enum


class Vocab(str, Enum):
    """A code with a Dutch label. Subclasses list `(code, label)` pairs."""

    label: str

    def __new__(cls, code: str, label: str) -> Vocab:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    def __str__(self) -> str:  # the code, so f-strings and the database agree
        return self.value

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def label_of(cls, code: str | None) -> str:
        if code is None or code == "":
            return ""
        try:
            return cls(code).label
        except ValueError:
            return str(code)


class Phase(Vocab):
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


class AvePhase(Vocab):
    GREEN = ("1", "groen")
    YELLOW = ("2", "geel")
    ORANGE = ("3", "oranje")
    DARK_RED = ("4", "donkerrood")


class Level(Vocab):
    """Levels of conversation in the AVE model, with the national Maatwerkloket on top."""

    CASE = ("case", "casus")
    PROCESS = ("process", "proces")
    MANAGEMENT = ("management", "management")
    BOARD = ("board", "bestuur")
    LMM = ("lmm", "Maatwerkloket (LMM)")


LEVEL_ORDER: list[Level] = list(Level)


class ZvhRole(Vocab):
    DIRECTION = ("direction", "procesregie")
    ADVICE = ("advice", "advies")


class PartnerDomain(Vocab):
    CRIMINAL = ("straf", "straf")
    CARE = ("zorg", "zorg")
    MUNICIPAL = ("gemeente", "gemeente")
    SAFETY = ("veiligheid", "veiligheid")
    HOUSING = ("wonen", "wonen")
    EDUCATION = ("onderwijs", "onderwijs")
    OTHER = ("overig", "overig")


class ParticipantRole(Vocab):
    REFERRER = ("referrer", "aanmelder")
    CASE_DIRECTOR = ("case_director", "casusregisseur")
    MEMBER = ("member", "deelnemer")
    ADVISER = ("adviser", "adviseur")


class CheckStatus(Vocab):
    """Check op bekendheid: did this partner know the person?"""

    NOT_ASKED = ("not_asked", "niet gevraagd")
    ASKED = ("asked", "gevraagd")
    KNOWN = ("known", "bekend")
    NOT_KNOWN = ("not_known", "niet bekend")
    NO_ANSWER = ("no_answer", "geen antwoord")


class PersonRole(Vocab):
    CLIENT = ("client", "cliënt")
    PARTNER = ("partner", "partner")
    PARENT = ("parent", "ouder")
    CHILD = ("child", "kind")
    HOUSEHOLD = ("household", "gezinslid")
    OTHER = ("other", "overig")


class TriageOutcome(Vocab):
    TAKE_ON = ("take_on", "oppakken")
    REFER = ("refer", "doorverwijzen")
    ADVICE = ("advice", "advies aan melder")


class PlanStatus(Vocab):
    CONCEPT = ("concept", "concept")
    ADOPTED = ("adopted", "vastgesteld")
    REVISED = ("revised", "bijgesteld")


class ActionStatus(Vocab):
    OPEN = ("open", "open")
    BUSY = ("busy", "bezig")
    DONE = ("done", "gereed")
    CANCELLED = ("cancelled", "vervallen")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN.value, ActionStatus.BUSY.value)


class LifeDomain(Vocab):
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


class Hat(Vocab):
    """The six hats of a regisseur (seed 004)."""

    RESEARCH = ("onderzoek", "onderzoek")
    HELP = ("hulpverlening", "hulpverlening")
    DECIDE = ("beschikken", "beschikken")
    CASE_DIRECTION = ("casusregie", "casusregie")
    MONITOR = ("monitoren", "monitoren")
    PROCESS_DIRECTION = ("procesregie", "procesregie")


class MeetingStatus(Vocab):
    PLANNED = ("planned", "gepland")
    OPEN = ("open", "bezig")
    CLOSED = ("closed", "gesloten")


class Presence(Vocab):
    PRESENT = ("present", "aanwezig")
    ABSENT = ("absent", "afwezig")
    EXCUSED = ("excused", "afgemeld")


class NoteTag(Vocab):
    """Notes in a meeting: picture, judgement, decision."""

    PICTURE = ("beeld", "beeld")
    JUDGEMENT = ("oordeel", "oordeel")
    DECISION = ("besluit", "besluit")


class ItemStatus(Vocab):
    OPEN = ("open", "open")
    CLOSED = ("closed", "afgerond")


class AuditObject(Vocab):
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
    ATTENDEE = ("attendee", "aanwezige")
    AUDIT_LOG = ("audit_log", "logboek")
    PROFILE = ("profile", "profiel")
