"""What the live screen shows of the current case and of the agenda, read in a few queries.

`case_card` runs a bounded number of queries whatever the size of the plan (no query per
action: tests/services/meetings/test_card.py counts them), so the next agenda item is drawn
within the 50 ms of issue 13.8 at 10,000 cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from zvh_tui.core import i18n
from zvh_tui.core.i18n import _, ngettext
from zvh_tui.core.vocab import OPEN_ACTION_STATUSES, ItemStatus, ParticipantRole, Phase, PlanStatus
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings.live import ReviewLine
from zvh_tui.store.models import (
    Action,
    Agreement,
    Case,
    Contact,
    Meeting,
    MeetingItem,
    Participant,
    Partner,
    Plan,
)


@dataclass(frozen=True)
class CaseCard:
    case_id: int
    reference: str
    title: str  # raw: the screen shows it via disclosure.case_name
    phase: str  # the label, in the language of the moment
    shared_task: str  # gezamenlijke opgave of the newest plan version, "" when none
    director: str  # "Politie · J. Bakker (06-…)" or "" when nobody holds the overview
    open_actions: int
    overdue_actions: int
    reviews: tuple[ReviewLine, ...]  # live.review_list
    changes: tuple[str, ...]  # what changed since the last plan version (short lines)
    next_on: dt.date | None
    evaluation_on: dt.date | None


@dataclass(frozen=True)
class AgendaLine:
    item_id: int
    position: int  # 1-based, as read aloud
    reference: str
    title: str  # raw, like CaseCard.title
    status: str  # "open", "bezig", "afgerond"
    slot: str  # "09:30 · 20 min", "" when none
    current: bool


def _director(item: MeetingItem) -> str:
    """The named person holding the overview: agreed at this item, else the case's
    casusregisseur (with the organisation only when no person was named)."""
    query = (Contact.select(Contact, Partner).join(Partner))
    if item.director_contact_id is not None:
        contact = query.where(Contact.id == item.director_contact_id).first()
        if contact is not None:
            return _person(contact.partner.name, contact.name, contact.phone)
    row = (Participant.select(Participant, Partner, Contact)
           .join(Partner, on=Participant.partner)
           .switch(Participant)
           .join(Contact, JOIN.LEFT_OUTER, on=Participant.contact)
           .where((Participant.case == item.case_id)
                  & (Participant.role == ParticipantRole.CASE_DIRECTOR.value))
           .first())
    if row is None:
        return ""
    if row.contact_id is None:
        return row.partner.name
    return _person(row.partner.name, row.contact.name, row.contact.phone)


def _person(partner: str, contact: str, phone: str) -> str:
    label = live.label_of(partner, contact)
    return f"{label} ({phone})" if phone else label


def _changes(newest: Plan | None, previous: Plan | None) -> tuple[str, ...]:
    if newest is None:
        return (_("Nog geen plan van aanpak."),)
    if previous is None:
        if newest.status == PlanStatus.CONCEPT.value:
            return (_("Eerste versie van het plan, nog in concept."),)
        return (_("Versie 1 vastgesteld op {date}.").format(date=i18n.format_date(newest.adopted_on)),)
    lines: list[str] = []
    if newest.shared_task != previous.shared_task:
        lines.append(_("Gezamenlijke opgave gewijzigd."))
    if (newest.director_partner_id, newest.director_contact_id) != (
            previous.director_partner_id, previous.director_contact_id):
        lines.append(_("Casusregisseur gewijzigd."))
    if newest.evaluation_on != previous.evaluation_on:
        lines.append(_("Evaluatiedatum: {old} → {new}.").format(
            old=i18n.format_date(previous.evaluation_on) or _("geen"),
            new=i18n.format_date(newest.evaluation_on) or _("geen")))
    rows = list(Action.select(Action.id, Action.plan, Action.origin, Action.status, Action.deadline,
                              Action.owner_partner, Action.text)
                .where(Action.plan.in_([newest.id, previous.id])))
    old = {a.id: a for a in rows if a.plan_id == previous.id}
    new = [a for a in rows if a.plan_id == newest.id]
    kept = {a.origin for a in new if a.origin in old}
    added = sum(1 for a in new if a.origin not in old)
    dropped = sum(1 for a_id in old if a_id not in kept)
    status = sum(1 for a in new if a.origin in old and old[a.origin].status != a.status)
    deadline = sum(1 for a in new if a.origin in old and old[a.origin].deadline != a.deadline)
    owner = sum(1 for a in new if a.origin in old and old[a.origin].owner_partner_id != a.owner_partner_id)
    for count, wording in (
        (added, ngettext("{n} nieuwe actie.", "{n} nieuwe acties.", added)),
        (dropped, ngettext("{n} actie vervallen.", "{n} acties vervallen.", dropped)),
        (status, ngettext("{n} actie van status veranderd.", "{n} acties van status veranderd.", status)),
        (deadline, ngettext("{n} actie met een andere deadline.", "{n} acties met een andere deadline.",
                            deadline)),
        (owner, ngettext("{n} actie met een andere eigenaar.", "{n} acties met een andere eigenaar.", owner)),
    ):
        if count:
            lines.append(wording.format(n=i18n.format_number(count)))
    agreements = list(Agreement.select(Agreement.id, Agreement.plan, Agreement.origin)
                      .where(Agreement.plan.in_([newest.id, previous.id])))
    old_agreements = {a.id for a in agreements if a.plan_id == previous.id}
    new_agreements = [a for a in agreements if a.plan_id == newest.id]
    added = sum(1 for a in new_agreements if a.origin not in old_agreements)
    dropped = len(old_agreements - {a.origin for a in new_agreements})
    if added:
        lines.append(ngettext("{n} nieuwe afspraak.", "{n} nieuwe afspraken.", added)
                     .format(n=i18n.format_number(added)))
    if dropped:
        lines.append(ngettext("{n} afspraak vervallen.", "{n} afspraken vervallen.", dropped)
                     .format(n=i18n.format_number(dropped)))
    if not lines:
        lines.append(_("Geen wijzigingen sinds versie {version}.").format(version=previous.version))
    return (_("Sinds versie {version}:").format(version=previous.version), *lines)


def case_card(item: MeetingItem, today: dt.date) -> CaseCard:
    """The compact card of the item's case (about ten queries, however large the plan)."""
    current = live.fresh(item)
    case: Case = current.case
    versions = list(Plan.select().where(Plan.case == case.id).order_by(Plan.version.desc()).limit(2))
    newest = versions[0] if versions else None
    previous = versions[1] if len(versions) > 1 else None
    open_count = overdue = 0
    if newest is not None:
        for (deadline,) in (Action.select(Action.deadline)
                            .where((Action.plan == newest.id) & Action.status.in_(OPEN_ACTION_STATUSES))
                            .tuples()):
            open_count += 1
            if deadline is not None and deadline < today:
                overdue += 1
    return CaseCard(
        case_id=case.id,
        reference=case.reference,
        title=case.title,
        phase=Phase.label_of(case.phase),
        shared_task=newest.shared_task if newest else "",
        director=_director(current),
        open_actions=open_count,
        overdue_actions=overdue,
        reviews=tuple(live.review_list(current)),
        changes=_changes(newest, previous),
        next_on=current.next_on,
        evaluation_on=newest.evaluation_on if newest else None,
    )


def _slot(item: MeetingItem) -> str:
    parts = [item.slot_start] if item.slot_start else []
    if item.slot_minutes:
        parts.append(f"{item.slot_minutes} min")
    return " · ".join(parts)


def agenda(meeting: Meeting, current_item_id: int | None = None) -> list[AgendaLine]:
    """The agenda in order, with each item's state (one query)."""
    rows = (MeetingItem.select(MeetingItem, Case).join(Case)
            .where(MeetingItem.meeting == meeting.id).order_by(MeetingItem.position, MeetingItem.id))
    lines = []
    for number, row in enumerate(rows, start=1):
        if row.status == ItemStatus.CLOSED.value:
            status = ItemStatus.CLOSED.label
        elif row.started_at is not None:
            status = _("bezig")
        else:
            status = ItemStatus.OPEN.label
        lines.append(AgendaLine(item_id=row.id, position=number, reference=row.case.reference,
                                title=row.case.title, status=status, slot=_slot(row),
                                current=row.id == current_item_id))
    return lines
