"""Read functions for the partner screens: the roster, a partner's detail, a case's table.

The roster is small (hundreds, at most a few thousand organisations and their contacts), so
`roster_index` loads it in three queries and `filter_roster` narrows it in memory on every
keystroke: matching ignores case and accents ("bebe" finds "Bébé"), which SQLite's LIKE cannot.
None of those queries reads a case: the roster opens as fast at 30,000 cases as at 30. The
running cases per partner (`running_case_counts`) grow with the case load; the screen asks for
them in a worker after its first frame and fills the column in then (issue 16).
A partner's detail reads its cases, its open actions in the newest plan version of each running
case, and its attendance in recent meetings, each in one query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, fn

from zvh_tui.core import i18n
from zvh_tui.core.i18n import N_, _, ngettext
from zvh_tui.core.vocab import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    CheckStatus,
    ParticipantRole,
    PartnerDomain,
    Phase,
    Presence,
)
from zvh_tui.services.partners import roster as partner_service
from zvh_tui.services.partners.matching import contains_words, query_words
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import (
    Action,
    Attendee,
    Case,
    Contact,
    DirectorChange,
    Meeting,
    Participant,
    Partner,
    Plan,
)

# Marked texts: translate where shown, `_(INACTIVE)`.
NOT_SIGNED = N_("convenant niet getekend")
SIGNED = N_("convenant getekend")
INACTIVE = N_("gedeactiveerd")


# -- the roster ------------------------------------------------------------------------------

@dataclass
class RosterRow:
    id: int
    name: str
    domain: str
    convenant_signed: bool
    active: bool
    is_own: bool
    contacts: int  # active contact persons
    cases: int | None  # running cases it takes part in; None: not counted yet
    key: str = ""  # folded name
    contact_keys: list[tuple[str, str]] = field(default_factory=list)  # (folded text, name)
    matched: list[str] = field(default_factory=list)  # contact names the last filter matched

    @property
    def domain_label(self) -> str:
        return PartnerDomain.label_of(self.domain)

    @property
    def convenant_label(self) -> str:
        return _("ja") if self.convenant_signed else _("NEE")


def contact_search_texts() -> dict[int, list[tuple[str, str]]]:
    """Per partner id: each contact's folded search text (name, function, e-mail) and its shown name."""
    texts: dict[int, list[tuple[str, str]]] = {}
    for partner_id, name, function, email, active in (
        Contact.select(Contact.partner, Contact.name, Contact.function, Contact.email,
                       Contact.active)
        .order_by(Contact.name)
        .tuples()
    ):
        shown = name if active else f"{name} ({_(INACTIVE)})"
        texts.setdefault(partner_id, []).append((fold(f"{name} {function} {email}"), shown))
    return texts


def running_case_counts() -> dict[int, int]:
    """Per partner id: the running (not closed) cases it takes part in.

    One aggregated query that reads covering indexes only: the running cases from `case_phase`,
    their partners from `participant (case_id, partner_id)`; never a case's row (the rows are
    large and encrypted: visiting each participant's case was 1-2 s at 10,000 cases, now about
    50 ms). SQLite keeps a `CROSS JOIN`'s order: cases first, whatever its statistics say.
    """
    running = [phase.value for phase in Phase if phase is not Phase.CLOSED]
    return dict(
        Case.select(Participant.partner, fn.COUNT(Participant.partner))
        .join(Participant, JOIN.CROSS)
        .where(Case.phase.in_(running) & (Participant.case == Case.id))
        .group_by(Participant.partner)
        .tuples()
    )


def roster_index(case_counts: dict[int, int] | None = None, *, count_cases: bool = True) -> list[RosterRow]:
    """All partners (active and not) with their counts and searchable contact texts.

    `case_counts`: running cases per partner already known (`running_case_counts`); without
    them and with `count_cases=False` every row's `cases` is None (not counted yet)."""
    if case_counts is None and count_cases:
        case_counts = running_case_counts()
    contact_counts = dict(
        Contact.select(Contact.partner, fn.COUNT(Contact.id))
        .where(Contact.active == True)  # noqa: E712
        .group_by(Contact.partner)
        .tuples()
    )
    contact_texts = contact_search_texts()
    rows: list[RosterRow] = []
    for pid, name, domain, signed, active, is_own in (
        Partner.select(Partner.id, Partner.name, Partner.domain, Partner.convenant_signed,
                       Partner.active, Partner.is_own)
        .tuples()
    ):
        rows.append(RosterRow(
            id=pid, name=name, domain=domain, convenant_signed=bool(signed), active=bool(active),
            is_own=bool(is_own), contacts=contact_counts.get(pid, 0),
            cases=None if case_counts is None else case_counts.get(pid, 0), key=fold(name),
            contact_keys=contact_texts.get(pid, []),
        ))
    rows.sort(key=lambda r: r.key)
    return rows


def filter_roster(
    rows: list[RosterRow], query: str = "", domain: str | None = None,
    include_inactive: bool = False,
) -> list[RosterRow]:
    """The rows whose name or one of whose contacts (name, function, e-mail) match `query`.

    Every word of the query must occur; a row matched through its contacts lists them in
    `matched`.
    """
    words = query_words(query)
    result: list[RosterRow] = []
    for row in rows:
        if not include_inactive and not row.active:
            continue
        if domain and row.domain != domain:
            continue
        row.matched = []
        if words:
            if not contains_words(words, row.key):
                row.matched = [shown for text, shown in row.contact_keys
                               if contains_words(words, row.key, text)]
                if not row.matched:
                    continue
        result.append(row)
    return result


def contacts(partner_id: int, include_inactive: bool = True) -> list[Contact]:
    return partner_service.contacts_of(partner_service.get_partner(partner_id), include_inactive)


# -- a partner's detail ----------------------------------------------------------------------

@dataclass
class CaseLink:
    case_id: int
    reference: str
    title: str
    phase: str  # Dutch label
    role: str  # Dutch label
    contact: str
    closed: bool


@dataclass
class OpenAction:
    action_id: int
    case_id: int
    reference: str
    text: str
    deadline: dt.date | None
    status: str  # the label, in the language of the moment when read
    contact: str
    overdue: bool

    @property
    def deadline_text(self) -> str:
        return i18n.format_date(self.deadline) or _("geen deadline")


@dataclass
class Attendance:
    meeting_id: int
    held_on: dt.date
    kind: str
    title: str
    presence: str  # the label, in the language of the moment when read
    contact: str


@dataclass
class PartnerDetail:
    partner: Partner
    contacts: list[Contact]
    cases: list[CaseLink]
    actions: list[OpenAction]
    attendance: list[Attendance]
    referenced: bool

    @property
    def overdue(self) -> int:
        return sum(1 for a in self.actions if a.overdue)

    @property
    def attendance_summary(self) -> str:
        if not self.attendance:
            return _("Niet in recente overleggen.")
        present = sum(1 for a in self.attendance if a.presence == Presence.PRESENT.label)
        count = len(self.attendance)
        return ngettext("Aanwezig in {present} van het laatste overleg.",
                        "Aanwezig in {present} van de laatste {n} overleggen.", count).format(
            present=present, n=i18n.format_number(count))


def cases_of(partner_id: int) -> list[CaseLink]:
    rows = (
        Participant.select(Participant.role, Case.id, Case.reference, Case.title, Case.phase,
                           Contact.name)
        .join(Case)
        .switch(Participant)
        .join(Contact, JOIN.LEFT_OUTER)
        .where(Participant.partner == partner_id)
        .order_by(Case.phase == Phase.CLOSED.value, Case.updated_at.desc())
        .tuples()
    )
    return [
        CaseLink(case_id=cid, reference=ref, title=title, phase=Phase.label_of(phase),
                 role=ParticipantRole.label_of(role), contact=contact or "",
                 closed=phase == Phase.CLOSED.value)
        for role, cid, ref, title, phase, contact in rows
    ]


def open_actions_of(partner_id: int) -> list[OpenAction]:
    """Open actions owned by this partner in the newest plan version of each running case."""
    newer = Plan.alias()
    newest_version = newer.select(fn.MAX(newer.version)).where(newer.case == Plan.case)
    rows = (
        Action.select(Action.id, Action.text, Action.deadline, Action.status, Case.id,
                      Case.reference, Contact.name)
        .join(Plan)
        .join(Case)
        .switch(Action)
        .join(Contact, JOIN.LEFT_OUTER, on=(Action.owner_contact == Contact.id))
        .where(
            (Action.owner_partner == partner_id)
            & Action.status.in_(OPEN_ACTION_STATUSES)
            & (Plan.superseded == False)  # noqa: E712
            & (Plan.version == newest_version)
            & (Case.phase != Phase.CLOSED.value)
        )
        .tuples()
    )
    today = context.today()
    result = [
        OpenAction(action_id=aid, case_id=cid, reference=ref, text=body, deadline=deadline,
                   status=ActionStatus.label_of(status), contact=contact or "",
                   overdue=deadline is not None and deadline < today)
        for aid, body, deadline, status, cid, ref, contact in rows
    ]
    result.sort(key=lambda a: (not a.overdue, a.deadline or dt.date.max, a.reference))
    return result


def attendance_of(partner_id: int, limit: int = 10) -> list[Attendance]:
    """The partner's attendance in its `limit` most recent meetings (held up to today).

    A partner may attend one meeting with several contact persons: one row per meeting, present
    when any of them was, with their names.
    """
    recent = (
        Attendee.select(Meeting.id)
        .join(Meeting)
        .where((Attendee.partner == partner_id) & (Meeting.held_on <= context.today()))
        .group_by(Meeting.id)
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        .limit(limit)
    )
    rows = (
        Attendee.select(Meeting.id, Meeting.held_on, Meeting.kind, Meeting.title,
                        Attendee.presence, Contact.name)
        .join(Meeting)
        .switch(Attendee)
        .join(Contact, JOIN.LEFT_OUTER)
        .where((Attendee.partner == partner_id) & Meeting.id.in_(recent))
        .order_by(Meeting.held_on.desc(), Meeting.id.desc(), Attendee.id)
        .tuples()
    )
    rank = {Presence.PRESENT.value: 0, Presence.EXCUSED.value: 1, Presence.ABSENT.value: 2}
    by_meeting: dict[int, tuple[Attendance, str]] = {}
    for mid, held_on, kind, title, presence, contact in rows:
        if mid not in by_meeting:
            row = Attendance(meeting_id=mid, held_on=held_on, kind=kind, title=title,
                             presence=Presence.label_of(presence), contact=contact or "")
            by_meeting[mid] = (row, presence)
            continue
        row, best = by_meeting[mid]
        if contact:
            row.contact = f"{row.contact}, {contact}" if row.contact else contact
        if rank.get(presence, 3) < rank.get(best, 3):
            row.presence = Presence.label_of(presence)
            by_meeting[mid] = (row, presence)
    return [row for row, _ in by_meeting.values()]


def partner_detail(partner_id: int) -> PartnerDetail:
    """Everything the detail screen shows; the view is logged (it lists cases)."""
    partner = partner_service.get_partner(partner_id)
    detail = PartnerDetail(
        partner=partner,
        contacts=partner_service.contacts_of(partner, include_inactive=True),
        cases=cases_of(partner_id),
        actions=open_actions_of(partner_id),
        attendance=attendance_of(partner_id),
        referenced=partner_service.is_referenced(partner),
    )
    audit.record("view", object_type="partner", object_id=partner_id,
                 detail=f"cases={len(detail.cases)}")
    return detail


# -- the table of a case ---------------------------------------------------------------------

@dataclass
class TableRow:
    """One partner at the table of a case, with its check op bekendheid."""

    participant_id: int
    partner_id: int
    partner: str
    contact: str
    contact_id: int | None
    role: str  # code
    convenant_signed: bool
    active: bool
    check_status: str  # code
    check_on: dt.date | None
    check_basis: str

    @property
    def role_label(self) -> str:
        return ParticipantRole.label_of(self.role)

    @property
    def check_label(self) -> str:
        return CheckStatus.label_of(self.check_status)

    @property
    def is_director(self) -> bool:
        return self.role == ParticipantRole.CASE_DIRECTOR.value

    @property
    def convenant_label(self) -> str:
        return SIGNED if self.convenant_signed else NOT_SIGNED


def table_of(case_id: int) -> list[TableRow]:
    rows = (
        Participant.select(
            Participant.id, Partner.id, Partner.name, Contact.name, Contact.id, Participant.role,
            Partner.convenant_signed, Partner.active, Participant.check_status,
            Participant.check_on, Participant.check_basis,
        )
        .join(Partner)
        .switch(Participant)
        .join(Contact, JOIN.LEFT_OUTER)
        .where(Participant.case == case_id)
        .order_by(Participant.added_at, Participant.id)
        .tuples()
    )
    return [
        TableRow(participant_id=p_id, partner_id=partner_id, partner=name, contact=contact or "",
                 contact_id=contact_id, role=role, convenant_signed=bool(signed),
                 active=bool(active), check_status=status, check_on=check_on,
                 check_basis=basis or "")
        for (p_id, partner_id, name, contact, contact_id, role, signed, active, status,
             check_on, basis) in rows
    ]


@dataclass
class DirectorEntry:
    at: dt.datetime
    partner: str
    contact: str
    by: str


def director_history(case_id: int) -> list[DirectorEntry]:
    """Every change of casusregisseur of the case, oldest first."""
    rows = (
        DirectorChange.select(DirectorChange.at, Partner.name, Contact.name, DirectorChange.by)
        .join(Partner, JOIN.LEFT_OUTER)
        .switch(DirectorChange)
        .join(Contact, JOIN.LEFT_OUTER)
        .where(DirectorChange.case == case_id)
        .order_by(DirectorChange.at, DirectorChange.id)
        .tuples()
    )
    return [DirectorEntry(at=at, partner=partner or "", contact=contact or "", by=by or "")
            for at, partner, contact, by in rows]
