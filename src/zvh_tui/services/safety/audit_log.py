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

from zvh_tui.core.errors import NotFound, ValidationError
from zvh_tui.core.vocab import AuditObject
from zvh_tui.services.partners import provisions
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock, context, text
from zvh_tui.store.models import AuditEvent, Case, CasePerson, Person, utcnow

EVENT_LABELS: dict[str, str] = {
    "view": "ingezien",
    "search": "gezocht",
    "create": "aangemaakt",
    "update": "gewijzigd",
    "delete": "verwijderd",
    "phase": "fase gewijzigd",
    "triage": "triage vastgelegd",
    "check": "check op bekendheid",
    "director": "casusregisseur gewijzigd",
    "handover": "overgedragen (namens gewijzigd)",
    "adopt": "plan vastgesteld",
    "revise": "plan bijgesteld",
    "escalate": "opgeschaald",
    "deescalate": "afgeschaald",
    "close": "afgesloten",
    "reopen": "heropend",
    "export": "geëxporteerd",
    "provide": "verstrekt aan een partner",
    "import": "geïmporteerd",
    "backup": "back-up gemaakt",
    "restore": "back-up teruggezet",
    "lock": "vergrendeld",
    "unlock": "ontgrendeld",
    "profile.create": "profiel aangemaakt",
    "passphrase": "wachtwoord gewijzigd",
    "destroy": "vernietigd (bewaartermijn)",
    "activate": "weer actief gemaakt",
    "deactivate": "op non-actief gezet",
    "demo.load": "voorbeeldgegevens geladen",
    "demo.scale": "testgegevens gemaakt",
}


def label(event: str) -> str:
    return EVENT_LABELS.get(event, event)


def object_label(object_type: str, object_id: int | None = None) -> str:
    """'doel #12', 'casus #3', 'back-up' …: the object in Dutch (vocab.AuditObject), with its id."""
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
        """Every field with its Dutch name, for reading one event in full."""
        return [
            ("Tijd", self.at), ("Handeling", self.event), ("Gebruiker", self.user),
            ("Namens", self.on_behalf_of or "—"), ("Casus", self.case_ref or "—"),
            ("Betrokkene", f"b {self.person}" if self.person else "—"), ("Object", self.obj),
            ("Detail", self.detail or "—"), ("Resultaat", self.result),
        ]


COLUMNS = ["Tijd", "Handeling", "Gebruiker", "Namens", "Casus", "Object", "Detail", "Resultaat"]


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
        result="gelukt" if event.result == "ok" else event.result,
        person="" if event.person_id is None else str(event.person_id),
    )


def case_events(reference: str) -> list[AuditEvent]:
    """Every event about this case number (it may have been destroyed since)."""
    ref = (reference or "").strip()
    if not ref:
        raise ValidationError("Vul het kenmerk van de casus in.", field="case")
    case = Case.get_or_none(Case.reference == ref)
    query = AuditEvent.select().where(AuditEvent.case_ref == ref)
    if case is not None:
        query = AuditEvent.select().where(
            (AuditEvent.case_ref == ref) | (AuditEvent.case_id == case.id)
        )
    events = list(query.order_by(AuditEvent.id))
    if case is None and not events:
        raise NotFound(f"Er is geen casus met kenmerk {ref[:20]} (en geen log ervan).")
    return events


def person_events(person_id: int) -> list[AuditEvent]:
    """Every event about this person or any case they are (still) in."""
    try:
        pid = int(person_id)
    except (TypeError, ValueError):
        raise ValidationError("Het nummer van de betrokkene moet een getal zijn.", field="person") from None
    case_ids = [row.case_id for row in CasePerson.select(CasePerson.case).where(CasePerson.person == pid)]
    events = audit.events_for_person(pid, case_ids)
    if Person.get_or_none(Person.id == pid) is None and not events:
        raise NotFound(f"Er is geen betrokkene met nummer {pid} (en geen log ervan).")
    return events


def rows_for_case(reference: str) -> list[LogRow]:
    return [row_of(e) for e in case_events(reference)]


def rows_for_person(person_id: int) -> list[LogRow]:
    return [row_of(e) for e in person_events(person_id)]


def export_json(*, person_id: int | None = None, case_ref: str | None = None) -> str:
    """The log of one person or one case as JSON, for an access request (AVG art. 15)."""
    if (person_id is None) == (case_ref is None):
        raise ValidationError("Kies één betrokkene of één casus.", field="subject")
    if person_id is not None:
        events = person_events(person_id)
        subject = {"betrokkene": int(person_id)}
        given = provisions.of_cases(
            row.case_id for row in CasePerson.select(CasePerson.case).where(CasePerson.person == int(person_id)))
    else:
        events = case_events(str(case_ref))
        subject = {"casus": str(case_ref).strip()}
        found = Case.get_or_none(Case.reference == str(case_ref).strip())
        given = provisions.of_case(found) if found is not None else []
    chain = audit.verify_chain()
    document = {
        "soort": "logboek (NEN 7513) voor een inzageverzoek",
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
                "object_omschrijving": AuditObject.label_of(e.object_type),
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
