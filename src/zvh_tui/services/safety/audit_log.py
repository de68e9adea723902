"""Reading the audit log (NEN 7513): per case and per person, for the screen and for an access
request (`zvh export log --person ID | --case KENMERK`).

The export also holds the verstrekkingenlog of the case (or of the person's cases): what was given
to which partner, on which grondslag (services/partners/provisions.py). The log holds ids, codes and case numbers only (`disclosure.Disclosure.LOG`); an export of it
therefore holds no names or notes either. The screen shows local time (`clock.format_local`); the
JSON export writes local time with its offset (`tijd`, `clock.iso_local`) and the UTC form beside
it (`tijd_utc`, ISO 8601 with `Z`). Every export of the log is itself logged ('export', object 'audit_log').
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, ValidationError
from zvh_tui.core.i18n import N_, M, _
from zvh_tui.core.vocab import AuditObject
from zvh_tui.services.partners import provisions
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock, context, text
from zvh_tui.store.models import AuditEvent, Case, CasePerson, Person, utcnow

# The Dutch label of each event code (the codes are what the database holds), translated where shown.
EVENT_LABELS: dict[str, str] = {
    "view": N_("ingezien"),
    "search": N_("gezocht"),
    "create": N_("aangemaakt"),
    "update": N_("gewijzigd"),
    "delete": N_("verwijderd"),
    "phase": N_("fase gewijzigd"),
    "triage": N_("triage vastgelegd"),
    "check": N_("check op bekendheid"),
    "director": N_("casusregisseur gewijzigd"),
    "handover": N_("overgedragen (namens gewijzigd)"),
    "adopt": N_("plan vastgesteld"),
    "revise": N_("plan bijgesteld"),
    "escalate": N_("opgeschaald"),
    "deescalate": N_("afgeschaald"),
    "close": N_("afgesloten"),
    "reopen": N_("heropend"),
    "export": N_("geëxporteerd"),
    "provide": N_("verstrekt aan een partner"),
    "import": N_("geïmporteerd"),
    "backup": N_("back-up gemaakt"),
    "restore": N_("back-up teruggezet"),
    "lock": N_("vergrendeld"),
    "unlock": N_("ontgrendeld"),
    "profile.create": N_("profiel aangemaakt"),
    "passphrase": N_("wachtwoord gewijzigd"),
    "destroy": N_("vernietigd (bewaartermijn)"),
    "activate": N_("weer actief gemaakt"),
    "deactivate": N_("op non-actief gezet"),
    "demo.load": N_("voorbeeldgegevens geladen"),
    "demo.scale": N_("testgegevens gemaakt"),
}


def label(event: str) -> str:
    """The event as the user reads it, in the language of the moment (an unknown code as it is)."""
    found = EVENT_LABELS.get(event)
    return _(found) if found is not None else event


def object_label(object_type: str, object_id: int | None = None) -> str:
    """'doel #12', 'casus #3', 'back-up' …: the object's label (vocab.AuditObject), with its id."""
    name = AuditObject.label_of(object_type) or "—"
    return name + (f" #{object_id}" if object_id is not None else "")


@dataclass(frozen=True)
class LogRow:
    """One event as the screen shows it (local time; no client data in any field)."""

    id: int
    at: str
    event: str
    user: str
    on_behalf_of: str
    case_ref: str
    obj: str
    detail: str
    result: str
    person: str = ""  # "17" when the event is about betrokkene 17

    def cells(self) -> list[str]:
        return [self.at, self.event, self.user, self.on_behalf_of, self.case_ref, self.obj,
                self.detail, self.result]

    def fields(self) -> list[tuple[str, str]]:
        """Every field with its name (in the language of the moment), for reading one event in full."""
        return [
            (_("Tijd"), self.at), (_("Handeling"), self.event), (_("Gebruiker"), self.user),
            (_("Namens"), self.on_behalf_of or "—"), (_("Casus"), self.case_ref or "—"),
            (_("Betrokkene"), f"b {self.person}" if self.person else "—"), (_("Object"), self.obj),
            (_("Detail"), self.detail or "—"), (_("Resultaat"), self.result),
        ]


# The log's column headings (Dutch, marked): translate where shown, `_(heading)`.
COLUMNS = [N_("Tijd"), N_("Handeling"), N_("Gebruiker"), N_("Namens"), N_("Casus"), N_("Object"),
           N_("Detail"), N_("Resultaat")]


def row_of(event: AuditEvent) -> LogRow:
    obj = object_label(event.object_type, event.object_id)
    return LogRow(
        id=event.id,
        at=clock.format_local(event.at, seconds=True),
        event=label(event.event),
        user=event.user,
        on_behalf_of=event.on_behalf_of,
        case_ref=event.case_ref,
        obj=obj,
        detail=event.detail,
        result=_("gelukt") if event.result == "ok" else event.result,
        person="" if event.person_id is None else str(event.person_id),
    )


def case_events(reference: str) -> list[AuditEvent]:
    """Every event about this case number (it may have been destroyed since)."""
    ref = (reference or "").strip()
    if not ref:
        raise ValidationError(M("safety.audit_log.case_required", "Vul het kenmerk van de casus in."),
                              field="case")
    case = Case.get_or_none(Case.reference == ref)
    query = AuditEvent.select().where(AuditEvent.case_ref == ref)
    if case is not None:
        query = AuditEvent.select().where(
            (AuditEvent.case_ref == ref) | (AuditEvent.case_id == case.id)
        )
    events = list(query.order_by(AuditEvent.id))
    if case is None and not events:
        raise NotFound(M("safety.audit_log.no_case",
                         "Er is geen casus met kenmerk {reference} (en geen log ervan).",
                         reference=ref[:20]))
    return events


def person_events(person_id: int) -> list[AuditEvent]:
    """Every event about this person or any case they are (still) in."""
    try:
        pid = int(person_id)
    except (TypeError, ValueError):
        raise ValidationError(M("safety.audit_log.person_number",
                                "Het nummer van de betrokkene moet een getal zijn."),
                              field="person") from None
    case_ids = [row.case_id for row in CasePerson.select(CasePerson.case).where(CasePerson.person == pid)]
    events = audit.events_for_person(pid, case_ids)
    if Person.get_or_none(Person.id == pid) is None and not events:
        raise NotFound(M("safety.audit_log.no_person",
                         "Er is geen betrokkene met nummer {number} (en geen log ervan).",
                         number=pid))
    return events


def rows_for_case(reference: str) -> list[LogRow]:
    return [row_of(e) for e in case_events(reference)]


def rows_for_person(person_id: int) -> list[LogRow]:
    return [row_of(e) for e in person_events(person_id)]


@i18n.with_language
def export_json(*, person_id: int | None = None, case_ref: str | None = None) -> str:
    """The log of one person or one case as JSON, for an access request (AVG art. 15).

    The keys are the file's format and stay as they are; the descriptions are in the language
    asked for (`language="en"`; None: the UI's)."""
    if (person_id is None) == (case_ref is None):
        raise ValidationError(M("safety.audit_log.one_subject", "Kies één betrokkene of één casus."),
                              field="subject")
    if person_id is not None:
        events = person_events(person_id)
        subject = {"betrokkene": int(person_id)}  # i18n: a key of the export format
        given = provisions.of_cases(
            row.case_id for row in CasePerson.select(CasePerson.case).where(CasePerson.person == int(person_id)))
    else:
        events = case_events(str(case_ref))
        subject = {"casus": str(case_ref).strip()}  # i18n: a key of the export format
        found = Case.get_or_none(Case.reference == str(case_ref).strip())
        given = provisions.of_case(found) if found is not None else []
    chain = audit.verify_chain()
    document = {  # i18n: the keys are the export format; the descriptions are translated
        "soort": _("logboek (NEN 7513) voor een inzageverzoek"),
        "gemaakt_op": clock.iso_local(utcnow()),  # local time with its offset, as "tijd"
        "gemaakt_door": context.actor().user,
        "onderwerp": subject,
        "aantal": len(events),
        "keten_onverbroken": chain.ok,
        "gebeurtenissen": [
            {
                "id": e.id,
                "tijd": clock.iso_local(e.at),  # the wall clock's time, with its offset
                "tijd_utc": clock.iso_utc(e.at),
                "handeling": e.event,
                "omschrijving": label(e.event),
                "gebruiker": e.user,
                "namens": e.on_behalf_of,
                "casus": e.case_ref,
                "betrokkene": e.person_id,
                "object": e.object_type,
                "object_omschrijving": AuditObject.label_of(e.object_type),  # i18n: a key
                "object_id": e.object_id,
                "detail": e.detail,
                "resultaat": e.result,
            }
            for e in events
        ],
        # the verstrekkingenlog: what was given to which partner, on which grondslag (issue 14.3)
        "verstrekkingen": [
            {
                "id": row.id,
                "tijd": clock.iso_local(row.at),
                "tijd_utc": clock.iso_utc(row.at),
                "casus": row.case_ref,
                "partner": row.partner,
                "soort": row.kind,
                "wat": row.what,
                "grondslag": row.basis,
                "convenant_getekend": row.convenant,
                "formaat": row.fmt,
                "door": row.by,
            }
            for row in given
        ],
    }
    case = Case.get_or_none(Case.reference == str(case_ref).strip()) if case_ref else None
    audit.record("export", case=case, person_id=person_id, object_type="audit_log",
                 detail=f"events={len(events)}")
    return text.escape_json_controls(json.dumps(document, ensure_ascii=False, indent=2))
