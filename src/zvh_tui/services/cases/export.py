"""Export of one case: everything stored about it, machine-readable (AVG art. 15, checks).

The contract (schema "zvh-tui/case-export/2"; /2 since schema v6: informed or not is per
betrokkene, under each person's "informed", no longer one answer for the case):
- one case only: never another case, never the audit log;
- enumerations as their code plus a Dutch label (`"phase": "execution", "phase_label": "Uitvoering"`);
- dates as ISO 8601 (`2026-03-15`), times as ISO 8601 in local time with the offset
  (`2026-03-15T11:30:00+01:00`, `clock.iso_local`): the wall clock's time, and one exact instant
  for a program;
- everything about the persons, unshortened (`Disclosure.FULL`: an access request gets all);
- stable order: keys as written here, lists by position, version or date, then by id;
- meetings: only this case's agenda item, its notes, and the attendance of the partners at the
  table in this case (and our own organisation), so nothing points to other cases. Per agenda
  item (schema v4, the meeting mode): its slot and phase, the agreed casusregisseur with the
  reason and bel-moment, the next date, the invites, the attendance for this item with its
  times (the client's included), the notes (phase, kind, source partner, visibility) and the
  decisions, the review of last time's actions, and who committed to the opgave;
- an action agreed in a meeting names it (`agreed_in`: the meeting's date and kind).
Every export writes an audit event "export" with the format as detail.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from zvh_tui.core.vocab import (
    ActionStatus,
    AvePhase,
    CheckStatus,
    Hat,
    ItemStatus,
    Level,
    LifeDomain,
    MeetingStatus,
    NextKind,
    NoteKind,
    NoteTag,
    NoteVisibility,
    ParticipantRole,
    PartnerDomain,
    PersonRole,
    Phase,
    PlanStatus,
    Presence,
    ReviewOutcome,
    TriageOutcome,
    Vocab,
    ZvhRole,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock, disclosure, text
from zvh_tui.services.shared.disclosure import Disclosure
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Advice,
    Agreement,
    Assessment,
    Attendee,
    Case,
    CasePerson,
    Commitment,
    Contact,
    DirectorChange,
    Escalation,
    Goal,
    ItemAttendance,
    ItemInvite,
    JournalEntry,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Person,
    Perspective,
    Plan,
    utcnow,
)

SCHEMA = "zvh-tui/case-export/2"
FULL = Disclosure.FULL  # never the screen's policy: projector mode does not change an export


def export_case_json(reference: str) -> str:
    """The case with this reference as JSON text; unknown reference: NotFound (Dutch)."""
    case = cases.get_by_reference(reference, audit_view=False)
    document = json.dumps(export_case(case), sort_keys=False, ensure_ascii=False, indent=2)
    return text.escape_json_controls(document) + "\n"  # no raw C1/bidi/DEL in the file


def export_case(case: Case, *, fmt: str = "json") -> dict[str, Any]:
    """Everything stored about `case` as plain data (dicts, lists, str, int, bool, None)."""
    data = _Exporter(case).build()
    audit.record("export", case=case, object_type="case", object_id=case.id, detail=fmt)
    return data


# -- formatting helpers -------------------------------------------------------------------------

def _date(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _time(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return clock.iso_local(value)
    return None if value is None or value == "" else str(value)


def _coded(name: str, value: str | None, vocab: type[Vocab]) -> dict[str, Any]:
    """A code and its Dutch label under `name` and `name_label`."""
    code = value or None
    return {name: code, f"{name}_label": vocab.label_of(code) if code else None}


class _Exporter:
    def __init__(self, case: Case) -> None:
        self.case = case
        self._partners: dict[int, Partner] = {}
        self._contacts: dict[int, Contact] = {}
        self._agreed_in: dict[int, dict[str, Any] | None] = {}

    # lookups, cached: a case refers to the same few partners many times
    def partner(self, partner_id: int | None) -> Partner | None:
        if partner_id is None:
            return None
        if partner_id not in self._partners:
            self._partners[partner_id] = Partner.get_by_id(partner_id)
        return self._partners[partner_id]

    def contact(self, contact_id: int | None) -> Contact | None:
        if contact_id is None:
            return None
        if contact_id not in self._contacts:
            self._contacts[contact_id] = Contact.get_by_id(contact_id)
        return self._contacts[contact_id]

    def partner_name(self, partner_id: int | None) -> str | None:
        partner = self.partner(partner_id)
        return partner.name if partner else None

    def contact_name(self, contact_id: int | None) -> str | None:
        contact = self.contact(contact_id)
        return contact.name if contact else None

    def partner_full(self, partner_id: int | None) -> dict[str, Any] | None:
        partner = self.partner(partner_id)
        if partner is None:
            return None
        return {
            "name": partner.name,
            **_coded("domain", partner.domain, PartnerDomain),
            "convenant_signed": bool(partner.convenant_signed),
            "own_organisation": bool(partner.is_own),
            "active": bool(partner.active),
        }

    def contact_full(self, contact_id: int | None) -> dict[str, Any] | None:
        contact = self.contact(contact_id)
        if contact is None:
            return None
        return {"name": contact.name, "function": contact.function}

    def agreed_in(self, item_id: int | None) -> dict[str, Any] | None:
        """The meeting whose agenda item agreed an action (its date and kind), cached."""
        if item_id is None:
            return None
        if item_id not in self._agreed_in:
            item = (MeetingItem.select(MeetingItem, Meeting).join(Meeting)
                    .where(MeetingItem.id == item_id).first())
            self._agreed_in[item_id] = (
                {"held_on": _date(item.meeting.held_on), "kind": item.meeting.kind} if item else None)
        return self._agreed_in[item_id]

    def who(self, partner_id: int | None, contact_id: int | None) -> dict[str, Any] | None:
        if partner_id is None and contact_id is None:
            return None
        return {"partner": self.partner_name(partner_id), "contact": self.contact_name(contact_id)}

    # -- sections -------------------------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "exported_at": _time(utcnow()),
            "case": self.case_fields(),
            "persons": self.persons(),
            "participants": self.participants(),
            "plans": self.plans(),
            "meetings": self.meetings(),
            "journal": self.journal(),
            "escalations": self.escalations(),
            "director_changes": self.director_changes(),
            "advices": self.advices(),
        }

    def case_fields(self) -> dict[str, Any]:
        c = self.case
        return {
            "reference": c.reference,
            "title": disclosure.case_name(c.title, FULL),
            **_coded("phase", c.phase, Phase),
            **_coded("ave_phase", c.ave_phase, AvePhase),
            **_coded("level", c.level, Level),
            **_coded("zvh_role", c.zvh_role, ZvhRole),
            "referral": {
                "received_on": _date(c.received_on),
                "referrer_partner": self.partner_full(c.referrer_partner_id),
                "referrer_contact": self.contact_full(c.referrer_contact_id),
                "referrer_citizen": c.referrer_citizen,
                "reason": c.reason,
                "referral_goal": c.referral_goal,
            },
            "triage": {**_coded("outcome", c.triage_outcome, TriageOutcome), "reason": c.triage_reason},
            "closing": {
                "closed_on": _date(c.closed_on),
                "reason": c.closing_reason,
                "informed": c.closing_informed,
                "retention_end": _date(c.retention_end),
                "watch_until": _date(c.watch_until),
            },
            "created_at": _time(c.created_at),
            "updated_at": _time(c.updated_at),
        }

    def persons(self) -> list[dict[str, Any]]:
        rows = (
            CasePerson.select(CasePerson, Person)
            .join(Person)
            .where(CasePerson.case == self.case)
            .order_by(CasePerson.position, CasePerson.id)
        )
        return [
            {
                "name": disclosure.person_name(row.person, FULL),
                "date_of_birth": _date(row.person.date_of_birth),  # ISO here: the full date
                "address": disclosure.address(row.person, FULL),
                "notes": row.person.notes,
                **_coded("role", row.role, PersonRole),
                "informed": {
                    "informed": bool(row.informed),
                    "not_informed_reason": row.not_informed_reason,
                    "review_on": _date(row.informed_review_on),
                },
                "created_at": _time(row.person.created_at),
            }
            for row in rows
        ]

    def participants(self) -> list[dict[str, Any]]:
        rows = Participant.select().where(Participant.case == self.case).order_by(Participant.added_at, Participant.id)
        return [
            {
                "partner": self.partner_full(row.partner_id),
                "contact": self.contact_full(row.contact_id),
                **_coded("role", row.role, ParticipantRole),
                "check": {
                    **_coded("status", row.check_status, CheckStatus),
                    "on": _date(row.check_on),
                    "grondslag": row.check_basis,
                },
                "added_at": _time(row.added_at),
            }
            for row in rows
        ]

    def action(self, row: Action) -> dict[str, Any]:
        return {
            "position": row.position,
            "text": row.text,
            "owner_partner": self.partner_name(row.owner_partner_id),
            "owner_contact": self.contact_name(row.owner_contact_id),
            "nobody_task": row.owner_partner_id is None,
            "nobody_accepted": bool(row.nobody_accepted),
            "deadline": _date(row.deadline),
            **_coded("status", row.status, ActionStatus),
            "feedback": row.feedback,
            "feedback_on": _date(row.feedback_on),
            "agreed_in": self.agreed_in(row.agreed_in_id),
            "created_at": _time(row.created_at),
            "updated_at": _time(row.updated_at),
        }

    def plans(self) -> list[dict[str, Any]]:
        result = []
        for plan in Plan.select().where(Plan.case == self.case).order_by(Plan.version, Plan.id):
            actions = list(Action.select().where(Action.plan == plan).order_by(Action.position, Action.id))
            goals = []
            for goal in Goal.select().where(Goal.plan == plan).order_by(Goal.position, Goal.id):
                goals.append({
                    "position": goal.position,
                    "intent": goal.intent,
                    **_coded("life_domain", goal.life_domain, LifeDomain),
                    "actions": [self.action(a) for a in actions if a.goal_id == goal.id],
                })
            meeting = Meeting.get_or_none(Meeting.id == plan.adopted_in_id) if plan.adopted_in_id else None
            order = [d.value for d in LifeDomain]
            assessments = sorted(
                Assessment.select().where(Assessment.plan == plan),
                key=lambda a: (order.index(a.life_domain) if a.life_domain in order else 99, a.id),
            )
            perspectives = sorted(
                Perspective.select().where(Perspective.plan == plan),
                key=lambda p: (self.partner_name(p.partner_id) or "", p.id),
            )
            result.append({
                "version": plan.version,
                **_coded("status", plan.status, PlanStatus),
                "superseded": bool(plan.superseded),
                "shared_task": plan.shared_task,
                "client_view": plan.client_view,
                "casusregisseur": self.who(plan.director_partner_id, plan.director_contact_id),
                "evaluation_on": _date(plan.evaluation_on),
                "adopted_on": _date(plan.adopted_on),
                "adopted_in": {"held_on": _date(meeting.held_on), "kind": meeting.kind} if meeting else None,
                "created_at": _time(plan.created_at),
                "updated_at": _time(plan.updated_at),
                "assessments": [
                    {**_coded("life_domain", a.life_domain, LifeDomain), "strengths": a.strengths,
                     "concerns": a.concerns}
                    for a in assessments
                ],
                "perspectives": [{"partner": self.partner_name(p.partner_id), "text": p.text} for p in perspectives],
                "goals": goals,
                "actions_without_goal": [self.action(a) for a in actions if a.goal_id is None],
                "agreements": [
                    {"position": a.position, "text": a.text, "partner": self.partner_name(a.partner_id)}
                    for a in Agreement.select().where(Agreement.plan == plan).order_by(Agreement.position, Agreement.id)
                ],
            })
        return result

    def meetings(self) -> list[dict[str, Any]]:
        at_table = {row.partner_id for row in Participant.select(Participant.partner).where(Participant.case == self.case)}
        items = (
            MeetingItem.select(MeetingItem, Meeting)
            .join(Meeting)
            .where(MeetingItem.case == self.case)
            .order_by(Meeting.held_on, Meeting.id)
        )
        result = []
        for item in items:
            meeting = item.meeting
            attendees = (
                Attendee.select()
                .where(Attendee.meeting == meeting)
                .order_by(Attendee.partner, Attendee.contact, Attendee.id)
            )
            attendance = [
                {"partner": self.partner_name(a.partner_id), "contact": self.contact_name(a.contact_id),
                 **_coded("presence", a.presence, Presence)}
                for a in attendees
                if a.partner_id in at_table or getattr(self.partner(a.partner_id), "is_own", False)
            ]
            notes = list(MeetingNote.select().where(MeetingNote.item == item)
                         .order_by(MeetingNote.created_at, MeetingNote.id))
            result.append({
                "held_on": _date(meeting.held_on),
                "start_time": meeting.start_time,
                "kind": meeting.kind,
                "title": meeting.title,
                "location": meeting.location,
                "online": bool(meeting.online),
                "chair": meeting.chair,
                "notulist": meeting.notulist,
                **_coded("status", meeting.status, MeetingStatus),
                "started_at": _time(meeting.started_at),
                "reminder_at": _time(meeting.reminder_at),
                "agenda_item": self.agenda_item(item),
                "attendance": attendance,
                "item_invites": self.item_invites(item),
                "item_attendance": self.item_attendance(item),
                "notes": [self.note(n) for n in notes if n.kind != NoteKind.DECISION.value],
                "decisions": [self.note(n) for n in notes if n.kind == NoteKind.DECISION.value],
                "action_reviews": self.action_reviews(item),
                "commitments": [
                    {"partner": self.partner_name(c.partner_id), "at": _time(c.at)}
                    for c in Commitment.select().where(Commitment.item == item).order_by(Commitment.at, Commitment.id)
                ],
            })
        return result

    def agenda_item(self, item: MeetingItem) -> dict[str, Any]:
        return {
            **_coded("status", item.status, ItemStatus),
            "slot_start": item.slot_start,
            "slot_minutes": item.slot_minutes,
            **_coded("phase", item.phase, NoteTag),
            "started_at": _time(item.started_at),
            "casusregisseur_agreed": self.who(item.director_partner_id, item.director_contact_id),
            "casusregisseur_reason": item.director_reason,
            "call_on": _date(item.call_on),  # the first bel-moment with the casusregisseur
            "next": {"on": _date(item.next_on), **_coded("kind", item.next_kind, NextKind)} if item.next_on else None,
            "closed_at": _time(item.closed_at),
        }

    def item_invites(self, item: MeetingItem) -> list[dict[str, Any]]:
        rows = ItemInvite.select().where(ItemInvite.item == item).order_by(ItemInvite.id)
        return [self.who(r.partner_id, r.contact_id) for r in rows]

    def item_attendance(self, item: MeetingItem) -> list[dict[str, Any]]:
        """Who was at the table for this item, one row per stay, with the times."""
        rows = (ItemAttendance.select().where(ItemAttendance.item == item)
                .order_by(ItemAttendance.arrived_at, ItemAttendance.id))
        result = []
        for r in rows:
            person = Person.get_or_none(Person.id == r.person_id) if r.person_id else None
            result.append({
                "client": bool(r.is_client),
                "person": disclosure.person_name(person, FULL) if person else None,
                "partner": self.partner_name(r.partner_id),
                "contact": self.contact_name(r.contact_id),
                **_coded("presence", r.presence, Presence),
                "arrived_at": _time(r.arrived_at),
                "left_at": _time(r.left_at),
                "reminded_at": _time(r.reminded_at),
            })
        return result

    def note(self, row: MeetingNote) -> dict[str, Any]:
        return {
            **_coded("tag", row.tag, NoteTag),
            **_coded("kind", row.kind, NoteKind),
            "text": row.text,
            "source_partner": self.partner_name(row.source_partner_id),
            **_coded("visibility", row.visibility, NoteVisibility),
            "created_at": _time(row.created_at),
        }

    def action_reviews(self, item: MeetingItem) -> list[dict[str, Any]]:
        rows = (
            ActionReview.select(ActionReview, Action, Plan)
            .join(Action).join(Plan)
            .where(ActionReview.item == item)
            .order_by(ActionReview.at, ActionReview.id)
        )
        return [
            {
                "action": r.action.text,
                "plan_version": r.action.plan.version,
                "owner_partner": self.partner_name(r.action.owner_partner_id),
                **_coded("outcome", r.outcome, ReviewOutcome),
                "reason": r.reason,
                "at": _time(r.at),
            }
            for r in rows
        ]

    def journal(self) -> list[dict[str, Any]]:
        rows = JournalEntry.select().where(JournalEntry.case == self.case).order_by(JournalEntry.at, JournalEntry.id)
        return [
            {"at": _time(r.at), "author": r.author, **_coded("hat", r.hat, Hat), "text": r.text}
            for r in rows
        ]

    def escalations(self) -> list[dict[str, Any]]:
        rows = Escalation.select().where(Escalation.case == self.case).order_by(Escalation.decided_on, Escalation.id)
        return [
            {
                "decided_on": _date(r.decided_on),
                **_coded("from_level", r.from_level, Level),
                **_coded("to_level", r.to_level, Level),
                **_coded("from_ave", r.from_ave, AvePhase),
                **_coded("to_ave", r.to_ave, AvePhase),
                "trigger": r.trigger,
                "decided_by": r.decided_by,
                "created_at": _time(r.created_at),
            }
            for r in rows
        ]

    def director_changes(self) -> list[dict[str, Any]]:
        rows = (
            DirectorChange.select()
            .where(DirectorChange.case == self.case)
            .order_by(DirectorChange.at, DirectorChange.id)
        )
        return [
            {"at": _time(r.at), "partner": self.partner_name(r.partner_id),
             "contact": self.contact_name(r.contact_id), "by": r.by}
            for r in rows
        ]

    # -- the advice track (issue 15.2): every advice question of the case, oldest first --------
    def advices(self) -> list[dict[str, Any]]:
        rows = Advice.select().where(Advice.case == self.case).order_by(Advice.asked_on, Advice.id)
        return [
            {
                "asked_on": _date(r.asked_on),
                "asked_by": {"partner": self.partner_name(r.asked_by_partner_id),
                             "contact": self.contact_name(r.asked_by_contact_id), "name": r.asked_by},
                "question": r.question,
                "advice": r.advice,
                "given_to": r.given_to,
                "given_on": _date(r.given_on),
                "regie_stays_with": {"partner": self.partner_name(r.regie_partner_id), "name": r.regie_with},
                "follow_up_on": _date(r.follow_up_on),
                "by": r.by,
                "created_at": _time(r.created_at),
                "updated_at": _time(r.updated_at),
            }
            for r in rows
        ]
