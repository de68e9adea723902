"""Meetings (casusoverleg / MDO / ICO): agenda, attendance, notes and the Breda rule.

No meeting item closes without a casusregisseur (seed 004): "if you close the MDO without having
agreed who the casusregisseur is, even if it is yourself, you are out of play".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from peewee import JOIN, fn

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import M, _
from zvh_tui.core.vocab import AuditObject, ItemStatus, MeetingStatus, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Attendee,
    Case,
    Commitment,
    Contact,
    ItemAttendance,
    ItemInvite,
    Meeting,
    MeetingItem,
    MeetingNote,
    Partner,
    Plan,
    db,
)

# -- planning (issue 13.1): meetings, agenda, slots and invites ---------------------------------
TIME = re.compile(r"^(\d{1,2})(?:[:.h]?(\d{2}))?$", re.ASCII)
TIME_HINT = M("meetings.time.hint", "Gebruik uu:mm, bijvoorbeeld 09:30, 9:30 of 930.")  # read when shown
SLOT_MAX_MINUTES = 600
ONLINE = "online"
PLANNED_FIELDS = ("kind", "held_on", "start_time", "location", "online", "chair", "notulist", "title")


def parse_time(value: object, label: str | None = None, *, field: str = "start_time") -> str:
    """A time of day as typed ("9:30", "930", "09.30", "9") -> "09:30"; "" stays "".
    Refused with the forms that work. `label`: already translated (None: "Begintijd")."""
    label = _("Begintijd") if label is None else label
    raw = text.line(value, label, field=field, max_length=20)
    if not raw:
        return ""
    match = TIME.match(raw.replace(" ", ""))
    if match is None:
        raise ValidationError(M("meetings.time.not_a_time", "{label}: '{value}' is geen tijd. {hint}",
                                label=label, value=raw[:10], hint=TIME_HINT), field=field)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise ValidationError(M("meetings.time.no_such_time", "{label}: {value} bestaat niet. {hint}",
                                label=label, value=raw[:10], hint=TIME_HINT), field=field)
    return f"{hours:02d}:{minutes:02d}"


def parse_minutes(value: object, label: str | None = None, *, field: str = "slot_minutes") -> int | None:
    """The length of a time slot in whole minutes (1-600); empty or None gives None.
    `label`: already translated (None: "Duur")."""
    if value is None:
        return None
    label = _("Duur") if label is None else label
    raw = text.line(value, label, field=field, max_length=20)
    if not raw:
        return None
    try:
        minutes = int(raw.removesuffix("min").strip())
    except ValueError:
        raise ValidationError(M("meetings.minutes.not_a_number",
                                "{label}: '{value}' is geen aantal minuten. Typ bijvoorbeeld 20.",
                                label=label, value=raw[:10]), field=field) from None
    if not 1 <= minutes <= SLOT_MAX_MINUTES:
        raise ValidationError(M("meetings.minutes.range", "{label}: kies tussen 1 en {most} minuten.",
                                label=label, most=SLOT_MAX_MINUTES), field=field)
    return minutes


def check_kind(kind: object, kinds: Sequence[str] | None = None) -> str:
    """The kind of meeting as the house spells it (Instellingen, `meeting_types`); any name
    when `kinds` is None. Accents and case do not matter ("mdo" is "MDO")."""
    clean = text.line(kind, _("Soort overleg"), field="kind", required=True, max_length=50)
    if kinds is None:
        return clean
    for name in kinds:
        if fold(name) == fold(clean):
            return name
    raise ValidationError(M("meetings.kind.unknown",
                            "'{value}' is geen soort overleg van dit huis. Kies uit: {kinds} (Instellingen, F9).",
                            value=clean, kinds=", ".join(kinds)), field="kind")


def _open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED.value:
        raise RuleError(M("meetings.meeting.closed", "Dit overleg is gesloten."))


def _day(held_on: dt.date | str | None) -> dt.date:
    day = held_on if isinstance(held_on, dt.date) else dates.parse_date(
        held_on, label=_("Datum"), field="held_on", future=True)
    if day is None:
        raise ValidationError(M("meetings.meeting.no_date", "Vul de datum van het overleg in."), field="held_on")
    return day


def _planned_values(changes: dict[str, object], kinds: Sequence[str] | None) -> dict[str, object]:
    """The checked values of the planning fields in `changes` (only those given)."""
    unknown = set(changes) - set(PLANNED_FIELDS)
    if unknown:
        raise TypeError(f"unknown meeting fields: {sorted(unknown)}")
    clean: dict[str, object] = {}
    if "kind" in changes:
        clean["kind"] = check_kind(changes["kind"], kinds)
    if "held_on" in changes:
        clean["held_on"] = _day(changes["held_on"])  # type: ignore[arg-type]
    if "start_time" in changes:
        clean["start_time"] = parse_time(changes["start_time"])
    if "online" in changes:
        clean["online"] = bool(changes["online"])
    for name, label in (("location", _("Locatie")), ("chair", _("Voorzitter")), ("notulist", _("Notulist")),
                        ("title", _("Titel"))):
        if name in changes:
            clean[name] = text.line(changes[name], label, field=name)
    if fold(str(clean.get("location", ""))) == ONLINE:  # "online" typed as the place
        clean["location"], clean["online"] = "", True
    return clean


def create_meeting(kind: str, held_on: dt.date | str, *, start_time: str = "", location: str = "",
                   online: bool = False, chair: str = "", notulist: str = "", title: str = "",
                   kinds: Sequence[str] | None = None) -> Meeting:
    """Plan a meeting. `kinds`: the house's kinds of meeting (None: any name)."""
    values = _planned_values({"kind": kind, "held_on": held_on, "start_time": start_time,
                              "location": location, "online": online, "chair": chair,
                              "notulist": notulist, "title": title}, kinds)
    with db.atomic():
        meeting = Meeting.create(**values)
        audit.record("create", object_type="meeting", object_id=meeting.id)
    return meeting


def update_meeting(meeting: Meeting, *, kinds: Sequence[str] | None = None,
                   **changes: object) -> Meeting:
    """Change the planning of a meeting (kind, date, time, place, chair, notulist, title);
    refused once it is closed."""
    _open(meeting)
    if fold(str(changes.get("kind", ""))) == fold(meeting.kind):
        kinds = None  # a kind kept as it was, also when the house's list changed since
    values = _planned_values(changes, kinds)
    for name, value in values.items():
        setattr(meeting, name, value)
    with db.atomic():
        meeting.save()
        audit.record("update", object_type="meeting", object_id=meeting.id, detail="planning")
    return meeting


def _has_live_data(meeting: Meeting) -> bool:
    items = MeetingItem.select(MeetingItem.id).where(MeetingItem.meeting == meeting)
    return (
        meeting.started_at is not None
        or any(model.select().where(model.item.in_(items)).exists()
               for model in (MeetingNote, ItemAttendance, ActionReview, Commitment))
        or Attendee.select().where(Attendee.meeting == meeting).exists()
        or Action.select().where(Action.agreed_in.in_(items)).exists()
        or Plan.select().where(Plan.adopted_in == meeting).exists()
    )


def delete_meeting(meeting: Meeting) -> None:
    """Remove a planned meeting that was never held (no attendance, notes, actions …)."""
    if meeting.status != MeetingStatus.PLANNED.value or _has_live_data(meeting):
        raise RuleError(M("meetings.meeting.delete_held",
                          "Dit overleg is al gehouden of begonnen en blijft bewaard; "
                          "alleen een gepland overleg zonder verslag kan weg."))
    with db.atomic():
        for item in items_of(meeting):
            ItemInvite.delete().where(ItemInvite.item == item).execute()
            item.delete_instance()
            audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                         detail="agenda_remove")
        meeting.delete_instance()
        audit.record("delete", object_type="meeting", object_id=meeting.id)


def get_meeting(meeting_id: int | str) -> Meeting:
    raw = str(meeting_id).strip().lstrip("#")
    meeting = Meeting.get_or_none(Meeting.id == int(raw)) if raw.isdigit() else None
    if meeting is None:
        raise NotFound(M("meetings.meeting.not_found", "Er is geen overleg met nummer '{number}'.",
                         number=text.visible(raw[:12])))
    return meeting


def upcoming(today: dt.date | None = None) -> list[Meeting]:
    """Meetings not closed from today on, the soonest first."""
    day = today or context.today()
    return list(Meeting.select()
                .where((Meeting.held_on >= day) & (Meeting.status != MeetingStatus.CLOSED.value))
                .order_by(Meeting.held_on, Meeting.start_time, Meeting.id))


def past(today: dt.date | None = None, limit: int = 200) -> list[Meeting]:
    """Meetings before today, or closed: the most recent first."""
    day = today or context.today()
    return list(Meeting.select()
                .where((Meeting.held_on < day) | (Meeting.status == MeetingStatus.CLOSED.value))
                .order_by(Meeting.held_on.desc(), Meeting.start_time.desc(), Meeting.id.desc())
                .limit(limit))


def references_of(meetings: Sequence[Meeting]) -> dict[int, list[str]]:
    """The case numbers on the agenda of each meeting, in agenda order (one query)."""
    found: dict[int, list[str]] = {m.id: [] for m in meetings}
    if not found:
        return found
    rows = (MeetingItem.select(MeetingItem.meeting, Case.reference).join(Case)
            .where(MeetingItem.meeting.in_(list(found)))
            .order_by(MeetingItem.meeting, MeetingItem.position).tuples())
    for meeting_id, reference in rows:
        found[meeting_id].append(reference)
    return found


def when(meeting: Meeting) -> str:
    """'di 01-12-2026 09:30' / 'Tue 01/12/2026 09:30' (the time left off when none is planned):
    the weekday and the date as the language of the moment writes them (Babel)."""
    day = meeting.held_on
    stamp = f"{i18n.weekday_names('abbreviated')[day.weekday()]} {i18n.format_date(day)}"
    return f"{stamp} {meeting.start_time}" if meeting.start_time else stamp


def place(meeting: Meeting) -> str:
    if meeting.online:
        return f"online · {meeting.location}" if meeting.location else "online"
    return meeting.location



def _not_closed_case(case: Case) -> None:
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("meetings.agenda.case_closed", "Casus {reference} is afgesloten en kan niet op de agenda.",
                          reference=case.reference))


def add_item(meeting: Meeting, case: Case, *, slot_start: str = "", slot_minutes: int | str | None = None,
             invite_participants: bool = True) -> MeetingItem:
    """Put a case on the agenda (last), with the partners at its table invited (also while live)."""
    _open(meeting)
    _not_closed_case(case)
    start = parse_time(slot_start, _("Begintijd van het punt"), field="slot_start")
    minutes = parse_minutes(slot_minutes)
    if MeetingItem.select().where((MeetingItem.meeting == meeting) & (MeetingItem.case == case)).exists():
        raise RuleError(M("meetings.agenda.already_on", "Casus {reference} staat al op de agenda.",
                          reference=case.reference))
    with db.atomic():
        last = (MeetingItem.select(fn.MAX(MeetingItem.position))
                .where(MeetingItem.meeting == meeting).scalar())
        item = MeetingItem.create(meeting=meeting, case=case, position=0 if last is None else last + 1,
                                  slot_start=start, slot_minutes=minutes)
        if invite_participants:
            seen: set[tuple[int, int | None]] = set()
            for row in participants.participants_of(case):
                if (row.partner_id, row.contact_id) not in seen:
                    seen.add((row.partner_id, row.contact_id))
                    ItemInvite.create(item=item, partner=row.partner_id, contact=row.contact_id)
        audit.record("update", case=case, object_type="meeting_item", object_id=item.id, detail="agenda")
    return item


def get_item(item_id: int) -> MeetingItem:
    item = MeetingItem.get_or_none(MeetingItem.id == item_id)
    if item is None:
        raise NotFound(M("meetings.item.not_found", "Dit agendapunt bestaat niet (meer)."))
    return item


def _item_has_live_data(item: MeetingItem) -> bool:
    return (item.started_at is not None or item.status == ItemStatus.CLOSED.value
            or any(model.select().where(model.item == item).exists()
                   for model in (MeetingNote, ItemAttendance, ActionReview, Commitment))
            or Action.select().where(Action.agreed_in == item).exists())


def _renumber(meeting: Meeting) -> None:
    for position, row in enumerate(items_of(meeting)):
        if row.position != position:
            MeetingItem.update(position=position).where(MeetingItem.id == row.id).execute()


def remove_item(item: MeetingItem) -> None:
    """Take a case off the agenda; refused once it was discussed (it stays in the record)."""
    meeting = item.meeting
    _open(meeting)
    if _item_has_live_data(item):
        raise RuleError(M("meetings.agenda.discussed",
                          "Casus {reference} is in dit overleg al besproken en blijft op de agenda.",
                          reference=item.case.reference))
    with db.atomic():
        ItemInvite.delete().where(ItemInvite.item == item).execute()
        item.delete_instance()
        _renumber(meeting)
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                     detail="agenda_remove")


def move_item(item: MeetingItem, delta: int) -> None:
    """Move an item up (-1) or down (+1) the agenda; at either end nothing changes."""
    meeting = item.meeting
    _open(meeting)
    order = items_of(meeting)
    index = next(i for i, row in enumerate(order) if row.id == item.id)
    target = index + delta
    if delta == 0 or not 0 <= target < len(order):
        return
    order.insert(target, order.pop(index))
    with db.atomic():
        for position, row in enumerate(order):
            if row.position != position:
                MeetingItem.update(position=position).where(MeetingItem.id == row.id).execute()
        item.position = target
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                     detail="agenda_order")


def set_slot(item: MeetingItem, slot_start: str = "", slot_minutes: int | str | None = None) -> MeetingItem:
    """The planned start and length of an agenda item (both may be empty)."""
    _open(item.meeting)
    item.slot_start = parse_time(slot_start, _("Begintijd van het punt"), field="slot_start")
    item.slot_minutes = parse_minutes(slot_minutes)
    with db.atomic():
        item.save()
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                     detail="slot")
    return item


def _invite_row(item: MeetingItem, partner_id: int, contact_id: int | None) -> ItemInvite | None:
    contact = ItemInvite.contact.is_null() if contact_id is None else ItemInvite.contact == contact_id
    return ItemInvite.get_or_none((ItemInvite.item == item) & (ItemInvite.partner == partner_id) & contact)


def invite(item: MeetingItem, partner_id: int, contact_id: int | None = None) -> ItemInvite:
    """Invite a partner (and optionally one of its contacts) for this agenda item."""
    _open(item.meeting)
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("meetings.invite.no_partner", "Deze partner bestaat niet (meer)."), field="partner")
    if contact_id is not None:
        partners.contact_of(partner, contact_id)
    existing = _invite_row(item, partner_id, contact_id)
    if existing is not None:
        return existing
    with db.atomic():
        row = ItemInvite.create(item=item, partner=partner, contact=contact_id)
        audit.record("update", case=item.case, object_type=AuditObject.ITEM_INVITE.value, object_id=row.id,
                     detail="invite")
    return row


def uninvite(item: MeetingItem, partner_id: int, contact_id: int | None = None) -> None:
    _open(item.meeting)
    row = _invite_row(item, partner_id, contact_id)
    if row is None:
        raise NotFound(M("meetings.invite.not_invited", "Deze partner is niet uitgenodigd voor dit agendapunt."))
    with db.atomic():
        row.delete_instance()
        audit.record("update", case=item.case, object_type=AuditObject.ITEM_INVITE.value, object_id=row.id,
                     detail="uninvite")


def invites_of(item: MeetingItem) -> list[ItemInvite]:
    """Who is invited for this item, by partner name (partner and contact read in one query)."""
    return list(ItemInvite.select(ItemInvite, Partner, Contact)
                .join(Partner, on=(ItemInvite.partner == Partner.id))
                .switch(ItemInvite).join(Contact, JOIN.LEFT_OUTER, on=(ItemInvite.contact == Contact.id))
                .where(ItemInvite.item == item)
                .order_by(fn.lower(Partner.name), ItemInvite.id))


def invite_counts(meeting: Meeting) -> dict[int, int]:
    """How many invites each agenda item of the meeting has (one query)."""
    rows = (ItemInvite.select(ItemInvite.item, fn.COUNT(ItemInvite.id)).join(MeetingItem)
            .where(MeetingItem.meeting == meeting).group_by(ItemInvite.item).tuples())
    return dict(rows)


def plan_meeting(kind: str, held_on: dt.date | str, references: Sequence[str], *,
                 kinds: Sequence[str] | None = None, **fields: object) -> Meeting:
    """Plan a meeting with these cases on its agenda (in this order), all or nothing: an
    unknown or closed case, or one named twice, plans nothing."""
    if not references:
        raise ValidationError(M("meetings.plan.no_case", "Zet minstens één casus op de agenda (--case KENMERK)."),
                              field="case")
    with db.atomic():
        meeting = create_meeting(kind, held_on, kinds=kinds, **fields)  # type: ignore[arg-type]
        for reference in references:
            case = cases.find_by_reference(str(reference).strip())
            if case is None:
                raise NotFound(M("meetings.plan.no_such_case",
                                 "Er is geen casus met nummer '{reference}'; er is niets gepland.",
                                 reference=text.visible(str(reference)[:20])))
            add_item(meeting, case)
    return meeting


def start_ico(case: Case, *, held_on: dt.date | str | None = None, start_time: str = "",
              kinds: Sequence[str] | None = None) -> Meeting:
    """An ICO for one case, now (today and the current local time unless given): the meeting
    with this case on its agenda, in one transaction."""
    _not_closed_case(case)
    kind = next((name for name in kinds or () if fold(name) == "ico"), "ICO")
    day = held_on or context.today()
    if not start_time and held_on is None:
        start_time = dt.datetime.now().strftime("%H:%M")  # local wall-clock time
    with db.atomic():
        meeting = create_meeting(kind, day, start_time=start_time, title=f"ICO {case.reference}")
        add_item(meeting, case)
    return meeting


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
    label = _("Naam van een overleg")
    names = [text.line(part, label, field="meeting_types", max_length=50)
             for part in value.split(",")]
    unique: list[str] = []
    seen: set[str] = set()
    for name in names:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            unique.append(name)
    if not unique:
        raise ValidationError(M("meetings.kinds.none", "Vul minstens één naam van een overleg in."),
                              field="meeting_types")
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
