"""The live meeting: what happens per agenda item while the partners talk (issue 13, items 2-6).

Per case, in order (shared/meeting.md): the confidentiality reminder (with who was present
then), the review of last time's actions (gedaan, *niet mogelijk*, *niet opgepakt*: the last one
is the kikker signal and stays apart), beeld -> oordeel -> besluit with notes that carry their
phase, source and visibility, decisions, actions into the case's concept plan, afspraken, the
commitment to the gezamenlijke opgave, and at the end the Breda rule: an item does not close
without a named person who holds the overview, nor without a next date.

Attendance is per agenda item, one `ItemAttendance` row per stay (arrival and departure, UTC);
the client is an attendee too. Every change runs in `db.atomic()` with an audit event (ids and
codes only) and is committed when the function returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, _
from zvh_tui.core.vocab import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    ItemStatus,
    MeetingStatus,
    NextKind,
    NoteKind,
    NoteTag,
    NoteVisibility,
    PersonRole,
    PlanStatus,
    Presence,
    ReviewOutcome,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings.meeting import items_of
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.plans.quick_entry import Choice
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Agreement,
    Attendee,
    Case,
    CasePerson,
    Commitment,
    Contact,
    Goal,
    ItemAttendance,
    ItemInvite,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Plan,
    db,
    utcnow,
)

# The seed's question (issue 13.4), asked when an item would close without a named person.
# A Message: read (`str()`) in the language of the moment where it is shown.
SEED_QUESTION = M("meetings.live.seed_question",
                  "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen?")
OWN_HOUSE_RULE = N_("neem geen taken over")  # marked: _() where shown
CLIENT_LABEL = N_("cliënt")  # marked: _() where shown
NOTE_MAX = 4000
REASON_MAX = 500
DIRECTOR_CHOICES_MAX = 12


@dataclass(frozen=True)
class Attendant:
    id: int  # the ItemAttendance row; minus the ItemInvite id for an invite not yet marked
    partner_id: int | None
    contact_id: int | None
    is_client: bool
    label: str  # "Politie · J. Bakker" / "cliënt" (the client's name only via disclosure)
    presence: str  # Presence code; "" for invited, not yet marked (uitgenodigd)
    arrived_at: dt.datetime | None
    left_at: dt.datetime | None
    reminded: bool  # heard the confidentiality reminder in this meeting
    invited: bool

    @property
    def at_table(self) -> bool:
        """Present now: arrived and not (yet) left."""
        return self.presence == Presence.PRESENT.value and self.left_at is None

    @property
    def presence_label(self) -> str:
        if not self.presence:
            return _("uitgenodigd")
        if self.presence == Presence.PRESENT.value and self.left_at is not None:
            return _("vertrokken")
        return Presence.label_of(self.presence)


@dataclass(frozen=True)
class ReviewLine:
    number: int
    action_id: int
    text: str
    owner: str
    deadline: dt.date | None
    outcome: str | None  # ReviewOutcome code once reviewed in this item
    reason: str


@dataclass(frozen=True)
class AgreedAction:
    """An action agreed at this item, as the live screen lists it beside notes and decisions."""

    action_id: int
    text: str
    owner: str
    deadline: dt.date | None
    created_at: dt.datetime


# -- small helpers --------------------------------------------------------------------------

def _now(now: dt.datetime | None) -> dt.datetime:
    """The moment to store: naive UTC in whole seconds (an aware moment is converted)."""
    moment = now or utcnow()
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def fresh(item: MeetingItem) -> MeetingItem:
    """The item as stored now (with its meeting and case), NotFound when it is gone."""
    row = (MeetingItem.select(MeetingItem, Meeting, Case).join(Meeting).switch(MeetingItem).join(Case)
           .where(MeetingItem.id == (item.id if isinstance(item, MeetingItem) else item)).first())
    if row is None:
        raise NotFound(M("meetings.item.not_found", "Dit agendapunt bestaat niet (meer)."))
    return row


def _meeting_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED.value:
        raise RuleError(M("meetings.meeting.closed", "Dit overleg is gesloten."))


def _writable(item: MeetingItem) -> None:
    _meeting_open(item.meeting)
    if item.status == ItemStatus.CLOSED.value:
        raise RuleError(M("meetings.item.closed", "Dit agendapunt is al afgerond."))


def label_of(partner_name: str, contact_name: str = "") -> str:
    return f"{partner_name} · {contact_name}" if contact_name else partner_name


def _partner(partner_id: int | None) -> Partner:
    partner = Partner.get_or_none(Partner.id == partner_id) if partner_id is not None else None
    if partner is None:
        raise ValidationError(M("meetings.invite.no_partner", "Deze partner bestaat niet (meer)."), field="partner")
    return partner


def next_working_day(day: dt.date) -> dt.date:
    """The first weekday after `day` (the default bel-moment)."""
    step = day + dt.timedelta(days=1)
    while step.weekday() >= 5:
        step += dt.timedelta(days=1)
    return step


# -- the meeting and its items ----------------------------------------------------------------

def start_meeting(meeting: Meeting, now: dt.datetime | None = None) -> MeetingItem:
    """Start live mode: the meeting is open (started_at the first time); returns the first open
    item, opened. Refused for a closed meeting or an empty agenda."""
    _meeting_open(meeting)
    items = items_of(meeting)
    if not items:
        raise RuleError(M("meetings.live.start.no_agenda",
                          "Dit overleg heeft nog geen agenda. Zet eerst een casus op de agenda."))
    moment = _now(now)
    with db.atomic():
        changed = []
        if meeting.status != MeetingStatus.OPEN.value:
            meeting.status = MeetingStatus.OPEN.value
            changed.append("status")
        if meeting.started_at is None:
            meeting.started_at = moment
            changed.append("started")
        if changed:
            meeting.save()
            audit.record("update", object_type="meeting", object_id=meeting.id, detail="live")
        first = next((i for i in items if i.status != ItemStatus.CLOSED.value), items[0])
        first.meeting = meeting
        return open_item(first, moment)


def open_item(item: MeetingItem, now: dt.datetime | None = None) -> MeetingItem:
    """Make this item the current one: started_at is set the first time; the view of the case
    is logged."""
    _meeting_open(item.meeting)
    with db.atomic():
        if item.started_at is None and item.status != ItemStatus.CLOSED.value:
            item.started_at = _now(now)
            item.save()
            audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id, detail="open")
        audit.record("view", case=item.case, object_type="meeting_item", object_id=item.id)
    return item


def neighbour(item: MeetingItem, step: int) -> MeetingItem | None:
    """The next (step > 0) or previous (step < 0) agenda item, None at either end."""
    query = MeetingItem.select().where(MeetingItem.meeting == item.meeting_id)
    if step > 0:
        query = query.where((MeetingItem.position > item.position)
                            | ((MeetingItem.position == item.position) & (MeetingItem.id > item.id)))
        query = query.order_by(MeetingItem.position, MeetingItem.id)
    else:
        query = query.where((MeetingItem.position < item.position)
                            | ((MeetingItem.position == item.position) & (MeetingItem.id < item.id)))
        query = query.order_by(MeetingItem.position.desc(), MeetingItem.id.desc())
    if step == 0:
        return item
    row = query.offset(abs(step) - 1).first()
    return fresh(row) if row is not None else None


# -- attendance -------------------------------------------------------------------------------

def _key(partner_id: int | None, contact_id: int | None, is_client: bool) -> tuple:
    return ("client",) if is_client else (partner_id, contact_id)


def attendance_of(item: MeetingItem) -> list[Attendant]:
    """Who is (or was, or is expected) at the table for this item: the latest stay of each
    partner/contact and of the client, and the invites not yet marked (presence "",
    uitgenodigd). Partners by name, the client last. Three queries."""
    stays = list(
        ItemAttendance.select(ItemAttendance, Partner, Contact)
        .join(Partner, JOIN.LEFT_OUTER, on=ItemAttendance.partner)
        .switch(ItemAttendance)
        .join(Contact, JOIN.LEFT_OUTER, on=ItemAttendance.contact)
        .where(ItemAttendance.item == item.id)
        .order_by(ItemAttendance.id)
    )
    invites = list(
        ItemInvite.select(ItemInvite, Partner, Contact)
        .join(Partner, on=ItemInvite.partner)
        .switch(ItemInvite)
        .join(Contact, JOIN.LEFT_OUTER, on=ItemInvite.contact)
        .where(ItemInvite.item == item.id)
        .order_by(ItemInvite.id)
    )
    reminded = {
        _key(p, c, bool(k))
        for p, c, k in ItemAttendance.select(ItemAttendance.partner, ItemAttendance.contact,
                                             ItemAttendance.is_client)
        .join(MeetingItem)
        .where((MeetingItem.meeting == item.meeting_id) & ItemAttendance.reminded_at.is_null(False))
        .tuples()
    }
    invited_partners = {i.partner_id for i in invites}
    latest: dict[tuple, ItemAttendance] = {}
    for row in stays:
        latest[_key(row.partner_id, row.contact_id, row.is_client)] = row
    result: list[Attendant] = []
    for key, row in latest.items():
        if row.is_client:
            label = _(CLIENT_LABEL)
        else:
            label = label_of(row.partner.name, row.contact.name if row.contact_id else "")
        result.append(Attendant(
            id=row.id, partner_id=row.partner_id, contact_id=row.contact_id, is_client=row.is_client,
            label=label, presence=row.presence, arrived_at=row.arrived_at, left_at=row.left_at,
            reminded=row.reminded_at is not None or key in reminded,
            invited=row.partner_id in invited_partners,
        ))
    marked_partners = {k[0] for k in latest if k != ("client",)}
    for invite in invites:
        covered = (invite.partner_id, invite.contact_id) in latest or (
            invite.contact_id is None and invite.partner_id in marked_partners)
        if covered:
            continue
        result.append(Attendant(
            id=-invite.id, partner_id=invite.partner_id, contact_id=invite.contact_id, is_client=False,
            label=label_of(invite.partner.name, invite.contact.name if invite.contact_id else ""),
            presence="", arrived_at=None, left_at=None,
            reminded=_key(invite.partner_id, invite.contact_id, False) in reminded, invited=True,
        ))
    result.sort(key=lambda a: (a.is_client, a.label.casefold()))
    return result


def _latest_stay(item: MeetingItem, partner_id: int | None, contact_id: int | None,
                 is_client: bool) -> ItemAttendance | None:
    query = ItemAttendance.select().where(ItemAttendance.item == item.id)
    if is_client:
        query = query.where(ItemAttendance.is_client == True)  # noqa: E712
    else:
        query = query.where((ItemAttendance.partner == partner_id) & (
            ItemAttendance.contact.is_null() if contact_id is None else ItemAttendance.contact == contact_id))
    return query.order_by(ItemAttendance.id.desc()).first()


def _attendant(item: MeetingItem, row: ItemAttendance) -> Attendant:
    key = _key(row.partner_id, row.contact_id, row.is_client)
    return next(a for a in attendance_of(item) if _key(a.partner_id, a.contact_id, a.is_client) == key)


def _invited_contact(item: MeetingItem, partner_id: int) -> int | None:
    """The one contact invited for this partner, so '/aanwezig politie' marks that person."""
    contacts = {i.contact_id for i in ItemInvite.select(ItemInvite.contact)
                .where((ItemInvite.item == item.id) & (ItemInvite.partner == partner_id))}
    contacts.discard(None)
    return contacts.pop() if len(contacts) == 1 else None


def _client_person(item: MeetingItem) -> int | None:
    row = (CasePerson.select(CasePerson.person).where(
        (CasePerson.case == item.case_id) & (CasePerson.role == PersonRole.CLIENT.value))
        .order_by(CasePerson.position).first())
    return row.person_id if row else None


def _arrive(item: MeetingItem, partner_id: int | None, contact_id: int | None, is_client: bool,
            moment: dt.datetime) -> ItemAttendance:
    row = _latest_stay(item, partner_id, contact_id, is_client)
    if row is not None and row.presence == Presence.PRESENT.value and row.left_at is None:
        return row  # already at the table
    if row is not None and row.arrived_at is None:  # marked absent or excused before: now here
        row.presence, row.arrived_at, row.updated_at = Presence.PRESENT.value, moment, moment
        row.save()
        return row
    return ItemAttendance.create(
        item=item.id, partner=partner_id, contact=contact_id, is_client=is_client,
        person=_client_person(item) if is_client else None,
        presence=Presence.PRESENT.value, arrived_at=moment, updated_at=moment)


def _roll_up(item: MeetingItem, partner_id: int, contact_id: int | None, code: str) -> None:
    """Keep the meeting-level Attendee row (the partner overview, the export and the roster's
    reference check read it) in step: present when present at any item of the meeting."""
    row = Attendee.get_or_none((Attendee.meeting == item.meeting_id) & (Attendee.partner == partner_id) & (
        Attendee.contact.is_null() if contact_id is None else Attendee.contact == contact_id))
    if row is None:
        Attendee.create(meeting=item.meeting_id, partner=partner_id, contact=contact_id, presence=code)
    elif row.presence != code and (code == Presence.PRESENT.value or row.presence != Presence.PRESENT.value):
        row.presence = code
        row.save()


def mark(item: MeetingItem, partner_id: int, contact_id: int | None = None,
         presence: Presence | str = Presence.PRESENT, now: dt.datetime | None = None) -> Attendant:
    """Attendance of a partner (or one of its contacts) for this item. Present: arrives now
    (a new stay after leaving); absent or excused: marked so (someone at the table who is
    marked absent has left: see `leave`)."""
    _writable(item)
    partner = _partner(partner_id)
    if contact_id is not None:
        partners.contact_of(partner, contact_id)
    else:
        contact_id = _invited_contact(item, partner.id)
    code = Presence(presence).value
    moment = _now(now)
    with db.atomic():
        if code == Presence.PRESENT.value:
            row = _arrive(item, partner.id, contact_id, False, moment)
        else:
            row = _latest_stay(item, partner.id, contact_id, False)
            if row is not None and row.presence == Presence.PRESENT.value and row.left_at is None:
                row.left_at, row.updated_at = moment, moment
                row.save()
            elif row is not None and row.arrived_at is None:
                row.presence, row.updated_at = code, moment
                row.save()
            else:
                row = ItemAttendance.create(item=item.id, partner=partner.id, contact=contact_id,
                                            presence=code, updated_at=moment)
        _roll_up(item, partner.id, contact_id, code)
        audit.record("update", case=item.case, object_type="attendee", object_id=row.id, detail=code)
    return _attendant(item, row)


def leave(item: MeetingItem, partner_id: int, contact_id: int | None = None,
          now: dt.datetime | None = None) -> Attendant:
    """A partner at the table leaves: the stay gets its departure time."""
    _writable(item)
    partner = _partner(partner_id)
    if contact_id is None:
        contact_id = _invited_contact(item, partner.id)
    row = _latest_stay(item, partner.id, contact_id, False)
    if row is None or row.presence != Presence.PRESENT.value or row.left_at is not None:
        raise RuleError(M("meetings.live.leave.not_at_table", "{partner} is nu niet aan tafel bij dit punt.",
                          partner=partner.name))
    moment = _now(now)
    with db.atomic():
        row.left_at, row.updated_at = moment, moment
        row.save()
        audit.record("update", case=item.case, object_type="attendee", object_id=row.id, detail="left")
    return _attendant(item, row)


def client_arrives(item: MeetingItem, now: dt.datetime | None = None) -> Attendant:
    """The client (or a relative) joins the table from now on."""
    _writable(item)
    with db.atomic():
        row = _arrive(item, None, None, True, _now(now))
        audit.record("update", case=item.case, object_type="attendee", object_id=row.id, detail="client")
    return _attendant(item, row)


def client_leaves(item: MeetingItem, now: dt.datetime | None = None) -> Attendant:
    _writable(item)
    row = _latest_stay(item, None, None, True)
    if row is None or row.left_at is not None or row.arrived_at is None:
        raise RuleError(M("meetings.live.client.not_at_table", "De cliënt is nu niet aan tafel bij dit punt."))
    moment = _now(now)
    with db.atomic():
        row.left_at, row.updated_at = moment, moment
        row.save()
        audit.record("update", case=item.case, object_type="attendee", object_id=row.id, detail="client_left")
    return _attendant(item, row)


def give_reminder(item: MeetingItem, now: dt.datetime | None = None) -> int:
    """Record the confidentiality reminder for everyone at the table now (the meeting keeps
    the first moment it was given). Who arrives later has not heard it (Attendant.reminded).
    Returns how many heard it now."""
    _writable(item)
    moment = _now(now)
    at_table = (ItemAttendance.select(ItemAttendance.id)
                .where((ItemAttendance.item == item.id) & (ItemAttendance.presence == Presence.PRESENT.value)
                       & ItemAttendance.left_at.is_null() & ItemAttendance.arrived_at.is_null(False)
                       & ItemAttendance.reminded_at.is_null()))
    ids = [row.id for row in at_table]
    with db.atomic():
        if ids:
            ItemAttendance.update(reminded_at=moment).where(ItemAttendance.id.in_(ids)).execute()
        meeting = item.meeting
        if meeting.reminder_at is None:
            meeting.reminder_at = moment
            meeting.save()
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                     detail=f"reminder:{len(ids)}")
    return len(ids)


# -- phase, notes, decisions --------------------------------------------------------------------

def set_phase(item: MeetingItem, phase: NoteTag | str) -> MeetingItem:
    """Beeld -> oordeel -> besluit (any order: the table may go back)."""
    _writable(item)
    code = NoteTag(phase).value
    if item.phase != code:
        with db.atomic():
            item.phase = code
            item.save()
            audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                         detail=f"phase={code}")
    return item


def _note(item: MeetingItem, kind: NoteKind, body: str, source_partner_id: int | None,
          visibility: NoteVisibility | str) -> MeetingNote:
    _writable(item)
    label = _("Besluit") if kind == NoteKind.DECISION else _("Notitie")
    clean = text.block(body, label, field="note", required=True, max_length=NOTE_MAX)
    seen = NoteVisibility(visibility).value
    if source_partner_id is not None:
        _partner(source_partner_id)
    elif seen == NoteVisibility.SOURCE.value:
        raise ValidationError(M("meetings.live.note.source_needed",
                                "Bij 'alleen de bron' hoort de partner van wie het komt: n @PARTNER! TEKST."),
                              field="visibility")
    with db.atomic():
        note = MeetingNote.create(item=item.id, tag=item.phase or NoteTag.PICTURE.value, text=clean,
                                  kind=kind.value, source_partner=source_partner_id, visibility=seen)
        audit.record("update", case=item.case, object_type="meeting_note", object_id=note.id,
                     detail=f"{kind.value}:{note.tag}:{seen}")
    return note


def add_note(item: MeetingItem, body: str, *, source_partner_id: int | None = None,
             visibility: NoteVisibility | str = NoteVisibility.TABLE) -> MeetingNote:
    """A note, tagged with the item's current phase, with its source and who may see it."""
    return _note(item, NoteKind.NOTE, body, source_partner_id, visibility)


def add_decision(item: MeetingItem, body: str) -> MeetingNote:
    """A besluit of this item (for everyone at the table)."""
    return _note(item, NoteKind.DECISION, body, None, NoteVisibility.TABLE)


def notes_of(item: MeetingItem) -> list[MeetingNote]:
    """The notes of this item in order, each with its source partner (`note.source_partner`,
    None when it came from nobody in particular) read in the same query."""
    return list(MeetingNote.select(MeetingNote, Partner)
                .join(Partner, JOIN.LEFT_OUTER, on=MeetingNote.source_partner)
                .where((MeetingNote.item == item.id) & (MeetingNote.kind == NoteKind.NOTE.value))
                .order_by(MeetingNote.id))


def decisions_of(item: MeetingItem) -> list[MeetingNote]:
    return list(MeetingNote.select().where((MeetingNote.item == item.id)
                                           & (MeetingNote.kind == NoteKind.DECISION.value))
                .order_by(MeetingNote.id))


# -- actions and afspraken into the concept plan ------------------------------------------------

def concept_plan(item: MeetingItem) -> Plan:
    """The case's concept to write in: the existing concept, version 1 when there is no plan,
    or a new concept version (bijstellen) when the newest one is adopted."""
    latest = plans.current(item.case)
    if latest is None:
        return plans.start_plan(item.case)
    latest.case = item.case  # spare the plan services a lookup of the case
    if latest.status == PlanStatus.CONCEPT.value:
        return latest
    return plans.revise(latest)


def add_action(item: MeetingItem, body: str, *, partner_id: int | None, contact_id: int | None = None,
               deadline: dt.date | str | None = None, nobody_accepted: bool = False) -> Action:
    """An action agreed at this item, into the case's concept plan (same rules as the plan
    editor), `agreed_in` = this item. Without an owner only when consciously accepted as
    niemands taak."""
    _writable(item)
    if partner_id is None and contact_id is None and not nobody_accepted:
        raise RuleError(M("meetings.live.action.no_owner",
                          "Deze actie heeft geen eigenaar: niemands taak. Kies een eigenaar of accepteer dat bewust."))
    with db.atomic():
        plan = concept_plan(item)
        return plans.add_action(plan, body, owner_partner_id=partner_id, owner_contact_id=contact_id,
                                deadline=deadline, nobody_accepted=nobody_accepted, agreed_in=item.id)


def actions_agreed_in(item: MeetingItem) -> list[AgreedAction]:
    """The actions this item agreed, in the case's newest plan version (a revision copies
    `agreed_in`, so older versions are left out), oldest first. One query."""
    latest = plans.current(item.case)
    if latest is None:
        return []
    rows = (Action.select(Action, Partner, Contact)
            .join(Partner, JOIN.LEFT_OUTER, on=Action.owner_partner)
            .switch(Action)
            .join(Contact, JOIN.LEFT_OUTER, on=Action.owner_contact)
            .where((Action.plan == latest.id) & (Action.agreed_in == item.id))
            .order_by(Action.created_at, Action.id))
    return [AgreedAction(a.id, a.text,
                         _owner_label(a.owner_partner.name if a.owner_partner_id else None,
                                      a.owner_contact.name if a.owner_contact_id else None),
                         a.deadline, a.created_at)
            for a in rows]


def add_agreement(item: MeetingItem, body: str, partner_id: int | None = None) -> Agreement:
    """An afspraak (roles, relations, procedures) into the case's concept plan; no partner:
    it concerns all."""
    _writable(item)
    with db.atomic():
        row = plans.add_agreement(concept_plan(item), body, partner_id)
        audit.record("update", case=item.case, object_type="agreement", object_id=row.id,
                     detail=f"meeting_item:{item.id}")
    return row


# -- the review of last time's actions ----------------------------------------------------------

def _review_plan(item: MeetingItem) -> Plan | None:
    """The plan whose actions are reviewed: the adopted version agreed last time, else the
    concept (without what this item agreed)."""
    return cases.adopted_plan(item.case) or plans.current(item.case)


def _owner_label(partner_name: str | None, contact_name: str | None) -> str:
    if not partner_name:
        return i18n.tr(plans.NOBODY)
    return label_of(partner_name, contact_name or "")


def _review_rows(item: MeetingItem) -> list[tuple[Action, ActionReview | None]]:
    plan = _review_plan(item)
    if plan is None:
        return []
    reviews = {r.action_id: r for r in ActionReview.select().where(ActionReview.item == item.id)}
    query = (
        Action.select(Action, Goal, Partner, Contact)
        .join(Goal, JOIN.LEFT_OUTER, on=Action.goal)
        .switch(Action)
        .join(Partner, JOIN.LEFT_OUTER, on=Action.owner_partner)
        .switch(Action)
        .join(Contact, JOIN.LEFT_OUTER, on=Action.owner_contact)
        .where((Action.plan == plan.id)
               & ((Action.agreed_in.is_null()) | (Action.agreed_in != item.id))
               & ((Action.status.in_(OPEN_ACTION_STATUSES)) | (Action.id.in_(list(reviews) or [-1]))))
    )
    rows = list(query)
    rows.sort(key=lambda a: (a.goal_id is None, a.goal.position if a.goal_id else 0, a.goal_id or 0,
                             a.position, a.id))
    return [(a, reviews.get(a.id)) for a in rows]


def review_list(item: MeetingItem) -> list[ReviewLine]:
    """The actions open from last time, numbered 1..N in the plan's order; an action reviewed in
    this item keeps its number (and shows its outcome). Four queries."""
    lines = []
    for number, (action, review) in enumerate(_review_rows(item), start=1):
        owner = _owner_label(action.owner_partner.name if action.owner_partner_id else None,
                             action.owner_contact.name if action.owner_contact_id else None)
        lines.append(ReviewLine(number=number, action_id=action.id, text=action.text, owner=owner,
                                deadline=action.deadline, outcome=review.outcome if review else None,
                                reason=review.reason if review else ""))
    return lines


def review(item: MeetingItem, number: int, outcome: ReviewOutcome | str, reason: str = "") -> ActionReview:
    """Review open action `number` of `review_list`: gedaan -> the action is done; niet mogelijk
    (a reason is required) -> cancelled, the reason as its feedback; niet opgepakt -> stays open
    (the kikker signal). Reviewing again replaces the outcome."""
    _writable(item)
    code = ReviewOutcome(outcome).value
    rows = _review_rows(item)
    if not rows:
        raise RuleError(M("meetings.live.review.none_open", "Er staan geen acties van vorige keer open."))
    if not 1 <= number <= len(rows):
        raise ValidationError(M("meetings.live.review.no_such_action",
                                "Er is geen actie {number} om terug te kijken: kies 1 t/m {last}.",
                                number=number, last=len(rows)), field="number")
    clean = text.line(reason, _("Reden"), field="reason", max_length=REASON_MAX)
    if code == ReviewOutcome.NOT_POSSIBLE.value and not clean:
        raise ValidationError(M("meetings.live.review.reason_needed",
                                "Waarom is actie {number} niet mogelijk? Typ /nietmogelijk {number} REDEN.",
                                number=number), field="reason")
    action, existing = rows[number - 1]
    status = {ReviewOutcome.DONE.value: ActionStatus.DONE.value,
              ReviewOutcome.NOT_POSSIBLE.value: ActionStatus.CANCELLED.value}.get(code, ActionStatus.OPEN.value)
    moment = utcnow()
    with db.atomic():
        if existing is None:
            row = ActionReview.create(item=item.id, action=action.id, outcome=code, reason=clean, at=moment)
        else:
            existing.outcome, existing.reason, existing.at = code, clean, moment
            existing.save()
            row = existing
        changes: dict[str, object] = {"status": status, "updated_at": moment}
        if code == ReviewOutcome.NOT_POSSIBLE.value:
            changes.update(feedback=clean, feedback_on=context.today())
        # the action and its copy in a concept revision (same origin) follow the review
        Action.update(**changes).where(
            (Action.id == action.id)
            | ((Action.origin == action.id) & Action.plan.in_(
                Plan.select(Plan.id).where((Plan.case == item.case_id)
                                           & (Plan.status == PlanStatus.CONCEPT.value))))
        ).execute()
        audit.record("update", case=item.case, object_type="action", object_id=action.id,
                     detail=f"review={code}")
    return row


# -- who holds the overview, and the next date --------------------------------------------------

def director_choices(item: MeetingItem) -> list[Choice]:
    """Named persons who could hold the overview: the contacts of the case's participants
    (their own contact first), then of partners invited or present for this item; all active
    contacts when there are none. At most DIRECTOR_CHOICES_MAX."""
    at_table = list(Participant.select(Participant.partner, Participant.contact)
                    .where(Participant.case == item.case_id).order_by(Participant.added_at, Participant.id))
    partner_order = [p.partner_id for p in at_table]
    first_contacts = [p.contact_id for p in at_table if p.contact_id]
    for row in ItemInvite.select(ItemInvite.partner).where(ItemInvite.item == item.id):
        if row.partner_id not in partner_order:
            partner_order.append(row.partner_id)
    for row in ItemAttendance.select(ItemAttendance.partner).where(
            (ItemAttendance.item == item.id) & ItemAttendance.partner.is_null(False)):
        if row.partner_id not in partner_order:
            partner_order.append(row.partner_id)
    query = (Contact.select(Contact, Partner).join(Partner)
             .where((Contact.active == True) & (Partner.active == True)))  # noqa: E712
    rows = list(query.where(Contact.partner.in_(partner_order))) if partner_order else []
    if not rows:
        rows = list(query.order_by(Partner.name, Contact.name).limit(DIRECTOR_CHOICES_MAX))
    rank = {pid: i for i, pid in enumerate(partner_order)}
    rows.sort(key=lambda k: (k.id not in first_contacts, rank.get(k.partner_id, 99), k.name.casefold()))
    return [Choice(k.partner_id, k.id, label_of(k.partner.name, k.name)) for k in rows[:DIRECTOR_CHOICES_MAX]]


def contact_choices(partner_id: int) -> list[Choice]:
    """The active contacts of one partner, to name a person when only the organisation was typed."""
    partner = _partner(partner_id)
    return [Choice(partner.id, k.id, label_of(partner.name, k.name)) for k in partners.contacts_of(partner)]


def set_director(item: MeetingItem, partner_id: int, contact_id: int | None, *, reason: str = "",
                 call_on: dt.date | str | None = None) -> MeetingItem:
    """Agree who holds the overview (casusregisseur): a named person, not only an organisation;
    the own house only with a short reason (neem geen taken over). The first bel-moment defaults
    to the next working day. It becomes the case's casusregisseur."""
    _writable(item)
    partner = _partner(partner_id)
    if contact_id is None:
        raise ValidationError(M("meetings.live.director.person_needed",
                                "Noem een persoon, niet alleen een organisatie: wie bij {partner} houdt het overzicht?",
                                partner=partner.name), field="contact")
    contact = partners.contact_of(partner, contact_id)
    clean = text.line(reason, _("Reden"), field="reason", max_length=REASON_MAX)
    if partner.is_own and not clean:
        raise RuleError(M("meetings.live.director.own_reason",
                          "De eigen organisatie houdt het overzicht alleen met een korte reden ({rule}). "
                          "Waarom houdt u het zelf?", rule=_(OWN_HOUSE_RULE)))
    today = context.today()
    day = call_on if isinstance(call_on, dt.date) or call_on is None else dates.parse_date(
        call_on, label=_("Bel-moment"), field="call_on", future=True, today=today)
    if day is not None and day < today:
        raise ValidationError(M("meetings.live.director.call_in_past",
                                "Het bel-moment ligt in het verleden. Kies een andere datum."), field="call_on")
    with db.atomic():
        participants.set_director(item.case, partner.id, contact_id=contact.id)
        item.director_partner, item.director_contact = partner.id, contact.id
        item.director_reason = clean if partner.is_own else ""
        item.call_on = day or next_working_day(today)
        item.save()
        audit.record("director", case=item.case, object_type="meeting_item", object_id=item.id,
                     detail="own" if partner.is_own else "")
    return item


def set_next(item: MeetingItem, day: dt.date | str, kind: NextKind | str = NextKind.EVALUATION) -> MeetingItem:
    """The next date for this case (evaluatie or terugkom-overleg). An evaluation date also
    becomes the evaluation date of the case's concept plan, when there is one."""
    _writable(item)
    code = NextKind(kind).value
    today = context.today()
    when = day if isinstance(day, dt.date) else dates.parse_date(day, label=_("Vervolgdatum"), field="next_on",
                                                                 future=True, today=today)
    if when is None:
        raise ValidationError(M("meetings.live.next.no_date", "Welke datum? Typ /datum DATUM. {hint}",
                                hint=i18n.tr(dates.HINT)), field="next_on")
    if when < today:
        raise ValidationError(M("meetings.live.next.in_past",
                                "De vervolgdatum ligt in het verleden. Kies een andere datum."), field="next_on")
    with db.atomic():
        item.next_on, item.next_kind = when, code
        item.save()
        if code == NextKind.EVALUATION.value:
            latest = plans.current(item.case)
            if latest is not None and latest.status == PlanStatus.CONCEPT.value:
                latest.evaluation_on = when
                latest.updated_at = utcnow()
                latest.save()
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id,
                     detail=f"next={code}")
    return item


# -- commitment to the gezamenlijke opgave -----------------------------------------------------

def commit(item: MeetingItem, partner_id: int) -> Commitment:
    """A partner at the table commits to the gezamenlijke opgave."""
    _writable(item)
    partner = _partner(partner_id)
    present = ItemAttendance.select().where(
        (ItemAttendance.item == item.id) & (ItemAttendance.partner == partner.id)
        & (ItemAttendance.presence == Presence.PRESENT.value) & ItemAttendance.arrived_at.is_null(False))
    if not present.exists():
        raise RuleError(M("meetings.live.commit.not_present", "{partner} is niet aanwezig bij dit punt; eerst /aanwezig.",
                          partner=partner.name))
    existing = Commitment.get_or_none((Commitment.item == item.id) & (Commitment.partner == partner.id))
    if existing is not None:
        return existing
    with db.atomic():
        row = Commitment.create(item=item.id, partner=partner.id)
        audit.record("update", case=item.case, object_type="partner", object_id=partner.id, detail="commit")
    return row


def uncommit(item: MeetingItem, partner_id: int) -> None:
    _writable(item)
    with db.atomic():
        removed = Commitment.delete().where((Commitment.item == item.id)
                                            & (Commitment.partner == partner_id)).execute()
        if removed:
            audit.record("update", case=item.case, object_type="partner", object_id=partner_id,
                         detail="uncommit")


def commitments_of(item: MeetingItem) -> list[Commitment]:
    return list(Commitment.select(Commitment, Partner).join(Partner)
                .where(Commitment.item == item.id).order_by(Commitment.id))


# -- closing -----------------------------------------------------------------------------------

def _named_director(item: MeetingItem) -> tuple[int, int] | None:
    """(partner, contact) of the named person holding the overview: agreed at this item, or the
    case's casusregisseur when that is a named person."""
    if item.director_contact_id is not None:
        return item.director_partner_id, item.director_contact_id
    director = cases.director_of(item.case)
    if director is not None and director.contact_id is not None:
        return director.partner_id, director.contact_id
    return None


def close_blocker(item: MeetingItem) -> str | None:
    """What stops this item from closing: "director" (nobody named holds the overview), "next"
    (no next date), or None."""
    if _named_director(item) is None:
        return "director"
    if item.next_on is None:
        return "next"
    return None


def close_item(item: MeetingItem, now: dt.datetime | None = None) -> MeetingItem:
    """Close an agenda item: refused without a named person holding the overview (the Breda
    rule) and without a next date."""
    _meeting_open(item.meeting)
    if item.status == ItemStatus.CLOSED.value:
        return item
    blocker = close_blocker(item)
    if blocker == "director":
        raise RuleError(M("meetings.live.close.no_director", "Dit punt kan nog niet worden afgerond. {question}",
                          question=SEED_QUESTION))
    if blocker == "next":
        raise RuleError(M("meetings.live.close.no_next",
                          "Dit punt kan nog niet worden afgerond: er is nog geen vervolgdatum. "
                          "Typ /datum DATUM (evaluatie of terugkom-overleg)."))
    named = _named_director(item)
    with db.atomic():
        if item.director_contact_id is None and named is not None:
            item.director_partner, item.director_contact = named
        item.status = ItemStatus.CLOSED.value
        item.closed_at = _now(now)
        item.save()
        audit.record("update", case=item.case, object_type="meeting_item", object_id=item.id, detail="close")
    return item


def open_items(meeting: Meeting) -> list[MeetingItem]:
    return [i for i in items_of(meeting) if i.status != ItemStatus.CLOSED.value]


def close_meeting(meeting: Meeting, now: dt.datetime | None = None) -> Meeting:
    """Close the meeting; refused while any item is open (they are listed)."""
    _meeting_open(meeting)
    still_open = open_items(meeting)
    if still_open:
        refs = ", ".join(i.case.reference for i in still_open)
        raise RuleError(M("meetings.live.end.items_open",
                          "Het overleg kan nog niet worden gesloten. Nog open: {references}. "
                          "Rond elk punt af met /sluit.", references=refs))
    with db.atomic():
        meeting.status = MeetingStatus.CLOSED.value
        meeting.closed_at = _now(now)
        meeting.save()
        audit.record("update", object_type="meeting", object_id=meeting.id, detail="close")
    return meeting
