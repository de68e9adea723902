"""Meetings (casusoverleg / MDO / ICO): agenda, attendance, notes and the Breda rule.

No meeting item closes without a casusregisseur (seed 004): "if you close the MDO without having
agreed who the casusregisseur is, even if it is yourself, you are out of play".
"""

from __future__ import annotations

import datetime as dt

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import MeetingStatus, Phase
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import (
    Case,
    Meeting,
    MeetingItem,
    db,
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
