"""Meetings (casusoverleg / MDO / ICO): agenda, attendance, notes and the Breda rule.

No meeting item closes without a casusregisseur (seed 004): "if you close the MDO without having
agreed who the casusregisseur is, even if it is yourself, you are out of play".
"""

from __future__ import annotations

import datetime as dt

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import ItemStatus, MeetingStatus, NoteTag, Phase, Presence
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import (
    Attendee,
    Case,
    Meeting,
    MeetingItem,
    MeetingNote,
    Partner,
    db,
    utcnow,
)


def create_meeting(kind: str, held_on: dt.date | str, title: str = "", location: str = "") -> Meeting:
    clean_kind = text.line(kind, "Soort overleg", field="kind", required=True, max_length=50)
    day = held_on if isinstance(held_on, dt.date) else dates.parse_date(held_on, label="Datum", field="held_on")
    if day is None:
        raise ValidationError("Vul de datum van het overleg in.", field="held_on")
    with db.atomic():
        meeting = Meeting.create(
            kind=clean_kind,
            held_on=day,
            title=text.line(title, "Titel", field="title"),
            location=text.line(location, "Locatie", field="location"),
        )
        audit.record("create", object_type="meeting", object_id=meeting.id)
    return meeting


def _open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED.value:
        raise RuleError("Dit overleg is gesloten.")


def add_item(meeting: Meeting, case: Case) -> MeetingItem:
    _open(meeting)
    if case.phase == Phase.CLOSED.value:
        raise RuleError(f"Casus {case.reference} is afgesloten en kan niet op de agenda.")
    if MeetingItem.select().where((MeetingItem.meeting == meeting) & (MeetingItem.case == case)).exists():
        raise RuleError(f"Casus {case.reference} staat al op de agenda.")
    with db.atomic():
        position = MeetingItem.select().where(MeetingItem.meeting == meeting).count()
        item = MeetingItem.create(meeting=meeting, case=case, position=position)
        audit.record("update", case=case, object_type="meeting_item", object_id=item.id, detail="agenda")
    return item


def items_of(meeting: Meeting) -> list[MeetingItem]:
    return list(MeetingItem.select().where(MeetingItem.meeting == meeting).order_by(MeetingItem.position))


def set_attendance(
    meeting: Meeting, partner_id: int, presence: Presence | str = Presence.PRESENT, contact_id: int | None = None
) -> Attendee:
    _open(meeting)
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError("Deze partner bestaat niet (meer).", field="partner")
    if contact_id is not None:
        partners.contact_of(partner, contact_id)
    value = Presence(presence).value
    with db.atomic():
        row = Attendee.get_or_none(
            (Attendee.meeting == meeting) & (Attendee.partner == partner)
            & (Attendee.contact.is_null() if contact_id is None else Attendee.contact == contact_id)
        )
        if row is None:
            row = Attendee.create(meeting=meeting, partner=partner, contact=contact_id, presence=value)
        else:
            row.presence = value
            row.save()
        audit.record("update", object_type="attendee", object_id=row.id, detail=value)
    return row


def add_note(item: MeetingItem, tag: NoteTag | str, body: str) -> MeetingNote:
    _open(item.meeting)
    if item.status == ItemStatus.CLOSED.value:
        raise RuleError("Dit agendapunt is al afgerond.")
    code = NoteTag(tag).value
    clean = text.block(body, "Notitie", field="note", required=True, max_length=4000)
    with db.atomic():
        note = MeetingNote.create(item=item, tag=code, text=clean)
        audit.record("update", case=item.case, object_type="meeting_note", object_id=note.id, detail=code)
    return note


def set_item_director(item: MeetingItem, partner_id: int, contact_id: int | None = None) -> MeetingItem:
    """Agree at the table who is casusregisseur; it becomes the case's casusregisseur."""
    _open(item.meeting)
    with db.atomic():
        participants.set_director(item.case, partner_id, contact_id=contact_id)
        item.director_partner = partner_id
        item.director_contact = contact_id
        item.save()
    return item


def close_item(item: MeetingItem) -> MeetingItem:
    """Close an agenda item; refused while no casusregisseur has been agreed (the Breda rule)."""
    _open(item.meeting)
    if item.status == ItemStatus.CLOSED.value:
        return item
    director = cases.director_of(item.case)
    if item.director_partner_id is None and director is None:
        raise RuleError("Dit punt kan nog niet worden afgerond. " + cases.DIRECTOR_QUESTION)
    with db.atomic():
        if item.director_partner_id is None and director is not None:
            item.director_partner, item.director_contact = director.partner_id, director.contact_id
        item.status = ItemStatus.CLOSED.value
        item.closed_at = utcnow()
        item.save()
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id, detail="close")
    return item


def open_meeting(meeting: Meeting) -> Meeting:
    _open(meeting)
    meeting.status = MeetingStatus.OPEN.value
    with db.atomic():
        meeting.save()
        audit.record("update", object_type="meeting", object_id=meeting.id, detail="open")
    return meeting


def close_meeting(meeting: Meeting) -> Meeting:
    _open(meeting)
    still_open = [i for i in items_of(meeting) if i.status != ItemStatus.CLOSED.value]
    if still_open:
        refs = ", ".join(i.case.reference for i in still_open)
        raise RuleError(f"Rond eerst alle agendapunten af ({refs}). " + cases.DIRECTOR_QUESTION)
    with db.atomic():
        meeting.status = MeetingStatus.CLOSED.value
        meeting.closed_at = utcnow()
        meeting.save()
        audit.record("update", object_type="meeting", object_id=meeting.id, detail="close")
    return meeting


def meetings_of_case(case: Case) -> list[MeetingItem]:
    return list(
        MeetingItem.select(MeetingItem, Meeting)
        .join(Meeting)
        .where(MeetingItem.case == case)
        .order_by(Meeting.held_on.desc())
    )


def parse_kinds(value: str) -> list[str]:
    """The kinds of meeting the house holds (Instellingen: "MDO, Casusoverleg, Wijkoverleg"):
    comma-separated names, each checked as a one-line text, the first spelling kept when a name
    comes twice (case and accents ignored), at least one. Raises ValidationError."""
    names = [text.line(part, "Naam van een overleg", field="meeting_types", max_length=50)
             for part in value.split(",")]
    unique: list[str] = []
    seen: set[str] = set()
    for name in names:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            unique.append(name)
    if not unique:
        raise ValidationError("Vul minstens één naam van een overleg in.", field="meeting_types")
    return unique


def adoption_meeting(case: Case, today: dt.date | None = None) -> Meeting | None:
    """The meeting a plan of this case adopted now is adopted in: an open meeting held today
    with the case on its agenda (the most recently planned one when there are several);
    None when there is none, and the plan is adopted outside a meeting."""
    day = today or context.today()
    for item in meetings_of_case(case):
        meeting = item.meeting
        if meeting.status == MeetingStatus.OPEN.value and meeting.held_on == day:
            return meeting
    return None
