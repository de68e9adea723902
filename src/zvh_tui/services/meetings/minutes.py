"""What a meeting leaves behind (issue 14.2): the verslag, the besluitenlijst, one sheet per
partner, a client version and an .ics of the dates agreed.

`read_minutes` gathers one meeting into plain dataclasses (`Minutes`, one `ItemMinutes` per
agenda item); every document is a selection of that record, and both renderers (Markdown and
print-ready HTML, framed by `services/shared/paper.py`) read only the selection:

The actions of an item are those agreed at it (`Action.agreed_in`), or all actions of a plan
adopted in this meeting; its afspraken and opgave are those of the plan it wrote in.

- **verslag** (`verslag_view`): everything, for the ZVH's own file: attendance per item with
  times, the confidentiality reminder, the beeld/oordeel/besluit notes with their source and
  visibility, decisions, actions, afspraken, the review of last time's actions, who holds the
  overview (name and phone), commitment to the opgave, the next date, op- or afschaling.
- **besluitenlijst** (`decisions_view`): for everyone who was present: no notes at all (beeld
  and oordeel stay in the verslag), no reasons given in the review, cases by number and initials
  (`table_name`: an alias only when it shares no word with a betrokkene's name), never a surname.
- **per partner** (`partner_view`): only the items that concern the partner and in them only the
  opgave, its own actions, the afspraken for it or for everyone, its own notes (never a note
  for the ZVH only, never another partner's), who holds the overview and the next date. Nothing
  of other partners' actions, goals, leefgebieden, notes or perspectives. A partner without a
  signed convenant gets *dat-informatie* only: that there is a case and what it is asked to do
  and whom to call, not why (no opgave, no initials, no afspraken for all); callers ask first
  (`needs_confirmation`).
- **client version** (`client_view`): one case, in plain Dutch (B1): the opgave, what each
  partner will do, whom to call, when we talk again.
- **.ics** (`minutes_ics`): the next date and the bel-moment of each item, made with
  `icalendar`, carrying case numbers only (calendars sync to mail servers).

Rendering writes nothing; `export_minutes` (the CLI) and `write_minutes` (at `/einde` and on
demand) write one audit event `export` per document and case (ids and codes only).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from peewee import JOIN

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, _
from zvh_tui.core.vocab import (
    ActionStatus,
    Level,
    MeetingStatus,
    NextKind,
    NoteTag,
    NoteVisibility,
    ProvisionKind,
    ReviewOutcome,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings.meeting import items_of
from zvh_tui.services.partners import provisions
from zvh_tui.services.plans import plan_export
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock, disclosure, paper, text
from zvh_tui.services.shared.disclosure import Disclosure
from zvh_tui.services.shared.fold import fold
from zvh_tui.services.shared.paper import ActionRow, Frame, h
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Case,
    CasePerson,
    Contact,
    Escalation,
    ItemAttendance,
    Meeting,
    MeetingItem,
    Partner,
    Person,
    Plan,
    db,
    utcnow,
)

VERSLAG, DECISIONS, PARTNER, CLIENT, ICS = "verslag", "besluitenlijst", "partner", "client", "ics"  # i18n: codes
KINDS = (VERSLAG, DECISIONS, PARTNER, CLIENT, ICS)
TEXT_FORMATS = ("md", "html")
# Marked (N_), read with _() where a document is rendered, in the language of the export.
KIND_TITLES = {VERSLAG: N_("Verslag"), DECISIONS: N_("Besluitenlijst"), PARTNER: N_("Blad voor de partner"),
               CLIENT: N_("Uitkomst van het overleg")}
DAT_INFO = N_("Uw organisatie heeft het convenant niet getekend. Daarom staat hier alleen dát er iets "
              "gebeurt en wat u zelf doet, niet waarom.")
# The Babel pattern of a date in words ('maandag 23 november 2026', 'Monday 23 November 2026').
LONG_DATE = "EEEE d MMMM y"
# The language in an English file's name (Dutch names stay as they were): both can share a folder.
LANGUAGE_SUFFIX = {"en": "-en"}  # i18n: a language code and a file-name part


# -- the record -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stay:
    """One attendant's stay at one item (the client's too); an invite not marked has no times."""

    label: str  # "Politie · Wijkagent Bakker" / "cliënt" (in the language read in)
    partner_id: int | None
    is_client: bool
    presence: str  # in words, in the language read in: aanwezig, afwezig, afgemeld, uitgenodigd
    arrived: str  # local "HH:MM", "" when unknown
    left: str
    reminded: bool  # heard the confidentiality reminder


@dataclass(frozen=True)
class NoteLine:
    phase: str  # beeld / oordeel / besluit
    text: str
    source_partner_id: int | None
    source: str  # the partner's name, "" when from nobody in particular
    visibility: str  # NoteVisibility code


@dataclass(frozen=True)
class ActionLine:
    action_id: int
    text: str
    owner_partner_id: int | None
    owner: str  # partner name or "niemands taak"
    contact: str
    deadline: dt.date | None
    status: str  # in words

    def row(self, *, with_contact: bool = True) -> ActionRow:
        owner = self.owner + (f" / {self.contact}" if self.contact and with_contact else "")
        return ActionRow(self.text, owner, i18n.format_date(self.deadline), self.status)


@dataclass(frozen=True)
class AgreementLine:
    text: str
    partner_id: int | None  # None: concerns everyone
    concerns: str


@dataclass(frozen=True)
class ReviewLine:
    text: str
    owner_partner_id: int | None
    owner: str
    outcome: str  # in words
    reason: str


@dataclass(frozen=True)
class Overview:
    """Who holds the overview (casusregisseur) and may be called."""

    partner_id: int | None
    partner: str
    contact: str
    phone: str
    reason: str  # why the own house holds it
    call_on: dt.date | None  # the first bel-moment

    @property
    def label(self) -> str:
        label = live.label_of(self.partner, self.contact)
        return _("{label}, tel. {phone}").format(label=label, phone=self.phone) if self.phone else label


@dataclass(frozen=True)
class ItemMinutes:
    item_id: int
    case_id: int
    reference: str
    case_title: str  # the naam of alias in full (verslag only)
    table_name: str  # initials, or an alias that is not the name (besluitenlijst, sheets)
    slot: str
    started: str
    closed: str
    stays: tuple[Stay, ...]
    opgave: str
    notes: tuple[NoteLine, ...]
    decisions: tuple[str, ...]
    actions: tuple[ActionLine, ...]
    agreements: tuple[AgreementLine, ...]
    reviews: tuple[ReviewLine, ...]
    overview: Overview | None
    next_on: dt.date | None
    next_kind: str  # in words, "" when no date
    commitments: tuple[str, ...]  # partner names
    commitment_ids: frozenset[int]
    escalations: tuple[str, ...]  # in full (verslag)
    escalations_short: tuple[str, ...]  # level and AVE only (besluitenlijst)
    person_names: tuple[str, ...] = ()  # the betrokkenen's names, to redact free text with

    def concerns(self, partner_id: int) -> bool:
        """Does this item concern the partner: at the table (or invited), an owner of an action
        or reviewed action, named in an afspraak, holding the overview, or the source of a note."""
        if self.overview is not None and self.overview.partner_id == partner_id:
            return True
        return (any(s.partner_id == partner_id for s in self.stays)
                or any(a.owner_partner_id == partner_id for a in self.actions)
                or any(r.owner_partner_id == partner_id for r in self.reviews)
                or any(a.partner_id == partner_id for a in self.agreements)
                or any(n.source_partner_id == partner_id for n in self.notes)
                or partner_id in self.commitment_ids)


@dataclass(frozen=True)
class Minutes:
    meeting_id: int
    kind: str
    title: str
    held_on: dt.date
    location: str
    online: bool
    chair: str
    notulist: str
    started: str
    closed: str
    reminder: str  # local time the reminder was given, "" when not recorded
    is_closed: bool
    made_at: str
    items: tuple[ItemMinutes, ...]

    @property
    def subject(self) -> str:
        return _("Overleg {number} · {kind} {date}").format(number=self.meeting_id, kind=self.kind,
                                                            date=i18n.format_date(self.held_on))


@dataclass(frozen=True)
class View:
    """One document: a selection of the record for one audience."""

    kind: str  # VERSLAG, DECISIONS, PARTNER or CLIENT
    minutes: Minutes
    items: tuple[ItemMinutes, ...]
    partner_id: int | None = None
    partner_name: str = ""
    dat_only: bool = False  # a partner without a signed convenant

    @property
    def version(self) -> str:
        title = _(KIND_TITLES[self.kind])
        if self.minutes.is_closed:
            return _("{title}, gemaakt op {moment}").format(title=title, moment=self.minutes.made_at)
        return _("{title}, gemaakt op {moment} (concept: het overleg loopt nog)").format(
            title=title, moment=self.minutes.made_at)

    @property
    def subject(self) -> str:
        if self.kind == CLIENT and self.items:
            return _("Casus {reference}").format(reference=self.items[0].reference)
        return self.minutes.subject


# -- reading ----------------------------------------------------------------------------------

def _time(moment: dt.datetime | None) -> str:
    return clock.to_local(moment).strftime("%H:%M") if moment else ""


def _moment(moment: dt.datetime | None) -> str:
    """A stored moment as local date and time in the language of the moment ('01-12-2026 18:48',
    English '01/12/2026 18:48')."""
    if moment is None:
        return ""
    local = clock.to_local(moment)
    return f"{i18n.format_date(local.date())} {local.strftime('%H:%M')}"


def _words(value: str) -> set[str]:
    return {w for w in re.split(r"[^\w]+", fold(value)) if len(w) > 1 and w not in disclosure.PARTICLES}


def table_name(case: Case, names: Sequence[str]) -> str:
    """What the table may read of a case's naam of alias: the alias itself when it shares no
    word with any betrokkene's name (so it is no name), else initials (disclosure, MEETING)."""
    title = case.title or ""
    if not title.strip():
        return ""
    own = _words(title)
    if own and not any(own & _words(name) for name in names):
        return title
    return disclosure.case_name(title, Disclosure.MEETING)


def redact(value: str, names: Sequence[str]) -> str:
    """Free text for the table: every word of a betrokkene's name (not a particle) shortened to
    its initial, so a surname typed into an opgave or an action never reaches the table."""
    words = sorted({w for name in names for w in re.split(r"[^\w']+", name)
                    if len(w) > 1 and w.casefold() not in disclosure.PARTICLES}, key=len, reverse=True)
    if not words or not value:
        return value
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: m.group(0)[0].upper() + ".", value)


def _redacted(item: ItemMinutes) -> ItemMinutes:
    """The item with every free text redacted (besluitenlijst, sheets): see `redact`."""
    names = item.person_names

    def r(value: str) -> str:
        return redact(value, names)

    return replace(
        item, opgave=r(item.opgave),
        notes=tuple(replace(n, text=r(n.text)) for n in item.notes),
        decisions=tuple(r(d) for d in item.decisions),
        actions=tuple(replace(a, text=r(a.text)) for a in item.actions),
        agreements=tuple(replace(a, text=r(a.text)) for a in item.agreements),
        reviews=tuple(replace(x, text=r(x.text), reason=r(x.reason)) for x in item.reviews),
        escalations_short=tuple(r(e) for e in item.escalations_short),
    )


def _item_plan(item: MeetingItem) -> Plan | None:
    """The plan this item wrote in: the newest version holding an action agreed here, else the
    plan adopted in this meeting, else the case's newest plan."""
    row = (Plan.select().join(Action, on=(Action.plan == Plan.id))
           .where((Action.agreed_in == item.id) & (Plan.case == item.case_id))
           .order_by(Plan.version.desc()).first())
    if row is not None:
        return row
    adopted = (Plan.select().where((Plan.case == item.case_id) & (Plan.adopted_in == item.meeting_id))
               .order_by(Plan.version.desc()).first())
    return adopted or plans.current(item.case)


def _stays(item: MeetingItem) -> tuple[Stay, ...]:
    rows = list(ItemAttendance.select(ItemAttendance, Partner, Contact)
                .join(Partner, JOIN.LEFT_OUTER, on=ItemAttendance.partner)
                .switch(ItemAttendance).join(Contact, JOIN.LEFT_OUTER, on=ItemAttendance.contact)
                .where(ItemAttendance.item == item.id).order_by(ItemAttendance.id))
    stays: list[Stay] = []
    for row in rows:
        if row.is_client:
            label = _(live.CLIENT_LABEL)
        else:
            label = live.label_of(row.partner.name, row.contact.name if row.contact_id else "")
        presence = (live.Attendant(row.id, row.partner_id, row.contact_id, row.is_client, label, row.presence,
                                   row.arrived_at, row.left_at, False, False).presence_label)
        stays.append(Stay(label, row.partner_id, row.is_client, presence, _time(row.arrived_at),
                          _time(row.left_at), row.reminded_at is not None))
    for attendant in live.attendance_of(item):
        if not attendant.presence:  # invited, never marked
            stays.append(Stay(attendant.label, attendant.partner_id, False, _("uitgenodigd, niet gemarkeerd"),
                              "", "", attendant.reminded))
    stays.sort(key=lambda s: (s.is_client, fold(s.label)))
    return tuple(stays)


def _actions(item: MeetingItem, plan: Plan | None) -> tuple[ActionLine, ...]:
    """The actions agreed at this item; when the plan was adopted in this meeting, all of its
    actions (adopting the plan agreed them)."""
    if plan is None:
        return ()
    rows = (Action.select(Action, Partner, Contact)
            .join(Partner, JOIN.LEFT_OUTER, on=Action.owner_partner)
            .switch(Action).join(Contact, JOIN.LEFT_OUTER, on=Action.owner_contact)
            .where(Action.plan == plan.id)
            .order_by(Action.position, Action.id))
    if plan.adopted_in_id != item.meeting_id:
        rows = rows.where(Action.agreed_in == item.id)
    return tuple(
        ActionLine(a.id, a.text, a.owner_partner_id,
                   a.owner_partner.name if a.owner_partner_id else i18n.tr(plans.NOBODY),
                   a.owner_contact.name if a.owner_contact_id else "", a.deadline,
                   ActionStatus.label_of(a.status))
        for a in rows
    )


def _agreements(plan: Plan | None) -> tuple[AgreementLine, ...]:
    if plan is None:
        return ()
    result = []
    for row in plans.agreements_of(plan):
        concerns = row.partner.name if row.partner_id else _("alle partners")
        result.append(AgreementLine(row.text, row.partner_id, concerns))
    return tuple(result)


def _reviews(item: MeetingItem) -> tuple[ReviewLine, ...]:
    rows = (ActionReview.select(ActionReview, Action, Partner)
            .join(Action).join(Partner, JOIN.LEFT_OUTER, on=Action.owner_partner)
            .where(ActionReview.item == item.id).order_by(ActionReview.id))
    return tuple(
        ReviewLine(r.action.text, r.action.owner_partner_id,
                   r.action.owner_partner.name if r.action.owner_partner_id else i18n.tr(plans.NOBODY),
                   ReviewOutcome.label_of(r.outcome), r.reason)
        for r in rows
    )


def _overview(item: MeetingItem) -> Overview | None:
    partner_id, contact_id = item.director_partner_id, item.director_contact_id
    if partner_id is None:
        current = cases.director_of(item.case)
        if current is None:
            return None
        partner_id, contact_id = current.partner_id, current.contact_id
    partner = Partner.get_or_none(Partner.id == partner_id)
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    return Overview(partner_id, partner.name if partner else _("onbekende partner"),
                    contact.name if contact else "", contact.phone if contact else "",
                    item.director_reason, item.call_on)


def _escalations(item: MeetingItem, day: dt.date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = list(Escalation.select().where((Escalation.case == item.case_id) & (Escalation.decided_on == day))
                .order_by(Escalation.id))
    short = tuple(f"{Level.label_of(r.from_level)} → {Level.label_of(r.to_level)}, AVE {r.from_ave} → {r.to_ave}"
                  for r in rows)
    full = tuple(_("{change}: {trigger} (besloten door {who})").format(change=s, trigger=r.trigger, who=r.decided_by)
                 for s, r in zip(short, rows, strict=True))
    return full, short


def _person_names(case: Case) -> list[str]:
    return [p.name for p in Person.select(Person.name).join(CasePerson).where(CasePerson.case == case.id)]


def _item_minutes(item: MeetingItem, meeting: Meeting) -> ItemMinutes:
    case = item.case
    plan = _item_plan(item)
    commitments = live.commitments_of(item)
    full, short = _escalations(item, meeting.held_on)
    names = _person_names(case)
    slot = item.slot_start + (f" ({item.slot_minutes} min)" if item.slot_minutes else "")
    return ItemMinutes(
        item_id=item.id, case_id=case.id, reference=case.reference,
        case_title=disclosure.case_name(case.title, Disclosure.FULL), table_name=table_name(case, names),
        slot=slot, started=_time(item.started_at), closed=_time(item.closed_at),
        stays=_stays(item),
        opgave=plan.shared_task if plan else "",
        notes=tuple(NoteLine(NoteTag.label_of(n.tag), n.text, n.source_partner_id,
                             n.source_partner.name if n.source_partner_id else "", n.visibility)
                    for n in live.notes_of(item)),
        decisions=tuple(n.text for n in live.decisions_of(item)),
        actions=_actions(item, plan),
        agreements=_agreements(plan),
        reviews=_reviews(item),
        overview=_overview(item),
        next_on=item.next_on,
        next_kind=NextKind.label_of(item.next_kind) if item.next_kind else (_("vervolg") if item.next_on else ""),
        commitments=tuple(c.partner.name for c in commitments),
        commitment_ids=frozenset(c.partner_id for c in commitments),
        escalations=full, escalations_short=short, person_names=tuple(names),
    )


def get_meeting(meeting_id: int | str) -> Meeting:
    """A meeting by its number (`zvh export minutes N`), NotFound in Dutch."""
    raw = str(meeting_id).strip()
    if not raw.isdecimal() or not raw.isascii():
        raise ValidationError(M("meetings.minutes.not_a_meeting_number", "'{value}' is geen nummer van een overleg.",
                                value=text.visible(raw[:20])), field="meeting")
    meeting = Meeting.get_or_none(Meeting.id == int(raw))
    if meeting is None:
        raise NotFound(M("meetings.minutes.no_meeting", "Overleg {number} bestaat niet.", number=int(raw)))
    return meeting


def read_minutes(meeting: Meeting) -> Minutes:
    """The whole record of one meeting, for every document."""
    meeting = Meeting.get_by_id(meeting.id)
    items = tuple(_item_minutes(item, meeting) for item in items_of(meeting))
    return Minutes(
        meeting_id=meeting.id, kind=meeting.kind, title=meeting.title, held_on=meeting.held_on,
        location=meeting.location, online=meeting.online, chair=meeting.chair, notulist=meeting.notulist,
        started=_time(meeting.started_at), closed=_moment(meeting.closed_at),
        reminder=_time(meeting.reminder_at), is_closed=meeting.status == MeetingStatus.CLOSED.value,
        made_at=_moment(utcnow()), items=items,
    )


# -- the selections -----------------------------------------------------------------------------

def verslag_view(minutes: Minutes) -> View:
    return View(VERSLAG, minutes, minutes.items)


def decisions_view(minutes: Minutes) -> View:
    """For everyone present: no notes, no review reasons, no full naam of alias, no escalation
    triggers; the rest of each item as in the verslag."""
    items = tuple(
        replace(_redacted(item), case_title="", notes=(), escalations=(),
                reviews=tuple(replace(r, reason="") for r in _redacted(item).reviews))
        for item in minutes.items
    )
    return View(DECISIONS, minutes, items)


def sheet_partners(minutes: Minutes) -> list[Partner]:
    """The partners that get a sheet: every partner (not the own house) an item concerns."""
    ids: set[int] = set()
    for item in minutes.items:
        ids |= {s.partner_id for s in item.stays if s.partner_id is not None}
        ids |= {a.owner_partner_id for a in item.actions if a.owner_partner_id is not None}
        ids |= {a.partner_id for a in item.agreements if a.partner_id is not None}
        ids |= {r.owner_partner_id for r in item.reviews if r.owner_partner_id is not None}
        ids |= {n.source_partner_id for n in item.notes if n.source_partner_id is not None}
        ids |= set(item.commitment_ids)
        if item.overview is not None and item.overview.partner_id is not None:
            ids.add(item.overview.partner_id)
    if not ids:
        return []
    return list(Partner.select().where(Partner.id.in_(list(ids)) & (Partner.is_own == False))  # noqa: E712
                .order_by(Partner.name))


def partner_view(minutes: Minutes, partner: Partner) -> View:
    """Only what concerns `partner` (see the module's docstring); dat-informatie without a convenant."""
    dat_only = not partner.convenant_signed
    items = []
    for item in minutes.items:
        if not item.concerns(partner.id):
            continue
        item = _redacted(item)
        own_notes = () if dat_only else tuple(
            n for n in item.notes if n.source_partner_id == partner.id
            and n.visibility in (NoteVisibility.TABLE.value, NoteVisibility.SOURCE.value))
        agreements = tuple(a for a in item.agreements
                           if a.partner_id == partner.id or (a.partner_id is None and not dat_only))
        items.append(replace(
            item, case_title="", table_name="" if dat_only else item.table_name,
            stays=(), opgave="" if dat_only else item.opgave, notes=own_notes, decisions=(),
            actions=tuple(a for a in item.actions if a.owner_partner_id == partner.id),
            agreements=agreements,
            reviews=tuple(replace(r, reason="" if dat_only else r.reason) for r in item.reviews
                          if r.owner_partner_id == partner.id),
            commitments=(), commitment_ids=frozenset(), escalations=(), escalations_short=(),
        ))
    return View(PARTNER, minutes, tuple(items), partner.id, partner.name, dat_only)


def client_view(minutes: Minutes, item_id: int) -> View:
    """One case, for the client: the opgave, what each partner will do, whom to call."""
    found = [item for item in minutes.items if item.item_id == item_id]
    if not found:
        raise NotFound(M("meetings.minutes.case_not_on_agenda", "Deze casus staat niet op de agenda van dit overleg."))
    item = replace(found[0], case_title="", table_name="", stays=(), notes=(), decisions=(), reviews=(),
                   agreements=(), commitments=(), commitment_ids=frozenset(), escalations=(),
                   escalations_short=())
    return View(CLIENT, minutes, (item,))


def needs_confirmation(partner: Partner) -> str | None:
    """The warning to confirm before a sheet goes to a partner without a signed convenant."""
    if partner.convenant_signed:
        return None
    return _("{partner} heeft het convenant niet getekend. Het blad bevat alleen dat-informatie "
             "(dát er iets gebeurt en wat zij zelf doen, niet waarom). Weet u zeker dat u het wilt maken?").format(
        partner=partner.name)


# -- Markdown -------------------------------------------------------------------------------------

def md(value: str) -> str:
    """User text in Markdown, kept literal (no headings, lists, links or HTML from what was typed)."""
    escaped = re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", value or "")
    return escaped.replace("\n", "  \n")


def _case_heading(view: View, item: ItemMinutes) -> str:
    if view.kind == VERSLAG and item.case_title:
        return _("Casus {reference}: {title}").format(reference=item.reference, title=item.case_title)
    if item.table_name:
        return _("Casus {reference} ({name})").format(reference=item.reference, name=item.table_name)
    return _("Casus {reference}").format(reference=item.reference)


def _next_line(item: ItemMinutes) -> str:
    if not item.next_on:
        return _("nog geen datum")
    return _("{kind} op {date}").format(kind=item.next_kind, date=i18n.format_date(item.next_on))


def _overview_line(item: ItemMinutes, *, full: bool) -> str:
    if item.overview is None:
        return _("nog niet afgesproken")
    line = item.overview.label
    if item.overview.call_on:
        line = _("{who}; eerste bel-moment {date}").format(who=line, date=i18n.format_date(item.overview.call_on))
    if full and item.overview.reason:
        line = _("{who} (reden: {reason})").format(who=line, reason=item.overview.reason)
    return line


def _header_lines(view: View) -> list[tuple[str, str]]:
    m = view.minutes
    day = i18n.format_date(m.held_on)
    lines = [(_("Datum"), f"{day}, {m.started}" if m.started else day)]
    if view.kind in (VERSLAG, DECISIONS):
        if m.title:
            lines.append((_("Titel"), m.title))
        place = "online" if m.online else m.location
        if place:
            lines.append((_("Plaats"), place))
        if m.chair:
            lines.append((_("Voorzitter"), m.chair))
        if m.notulist:
            lines.append((_("Notulist"), m.notulist))
        lines.append((_("Geheimhouding"), _("benoemd om {time}").format(time=m.reminder) if m.reminder
                      else _("niet vastgelegd")))
        if m.closed:
            lines.append((_("Gesloten"), m.closed))
    if view.kind == PARTNER:
        lines.append((_("Voor"), view.partner_name))
    return lines


def _intro(view: View) -> str:
    if view.kind == PARTNER:
        if view.dat_only:
            return _(DAT_INFO)
        return _("Alleen wat uw organisatie aangaat: de gezamenlijke opgave, uw eigen acties, de "
                 "afspraken voor u of voor iedereen, wie het overzicht houdt en de volgende datum.")
    if view.kind == DECISIONS:
        return _("Voor wie aanwezig was. Casussen met nummer en initialen; de inbreng (beeld en oordeel) staat "
                 "alleen in het verslag.")
    if view.kind == VERSLAG:
        return _("Volledig verslag; blijft bij het Zorg- en Veiligheidshuis.")
    return ""


def _times(item: ItemMinutes) -> str:
    """'Gepland 10:00 (20 min); besproken 10:05–10:31'."""
    span = f"{item.started}–{item.closed}".rstrip("–")
    if item.slot and item.started:
        return _("Gepland {slot}; besproken {span}").format(slot=item.slot, span=span)
    if item.slot:
        return _("Gepland {slot}").format(slot=item.slot)
    if item.started:
        return _("Besproken {span}").format(span=span)
    return ""


def _no_items(view: View) -> str:
    return _("Geen agendapunten die deze partner aangaan.") if view.kind == PARTNER else _("Geen agendapunten.")


def _visibility(note: NoteLine) -> str:
    return NoteVisibility.label_of(note.visibility)


def _stay_line(stay: Stay, *, times: bool) -> str:
    parts = [stay.label, stay.presence]
    if times and (stay.arrived or stay.left):
        parts.append(f"{stay.arrived or '?'}–{stay.left or ''}".rstrip("–"))
    if times and stay.reminded:
        parts.append(_("geheimhouding gehoord"))
    return " · ".join(parts)


def _md_actions(actions: Sequence[ActionLine], empty: str) -> list[str]:
    if not actions:
        return [f"_{empty}_"]
    out = []
    for action in actions:
        out.append(paper.md_item(md(action.text)))
        row = action.row()
        out.append(paper.md_item(md(_("eigenaar: {owner}").format(owner=row.owner)), 1))
        out.append(paper.md_item(md(_("deadline: {date}").format(date=row.deadline or _("geen"))), 1))
        out.append(paper.md_item(md(_("status: {status}").format(status=row.status)), 1))
    return out


def _client_md(view: View) -> list[str]:
    item = view.items[0]
    out = ["# " + _("Uitkomst van het overleg over casus {reference}").format(reference=item.reference), ""]
    out += _client_paragraphs(view, item, md)
    return out


def _client_paragraphs(view: View, item: ItemMinutes, esc) -> list[str]:
    """The client version's text, the same for Markdown and HTML (`esc` escapes stored text)."""
    m = view.minutes
    out = [_("Op {date} was er een overleg over uw situatie.").format(date=long_date(m.held_on)), ""]
    out += ["## " + _("Wat willen we samen bereiken?"), ""]
    out.append(esc(item.opgave) if item.opgave else _("Dat spreken we nog samen af."))
    out += ["", "## " + _("Wat gaat er gebeuren?"), ""]
    by_partner: dict[str, list[ActionLine]] = {}
    for action in item.actions:
        by_partner.setdefault(action.owner, []).append(action)
    if not by_partner:
        out.append(_("Er zijn nog geen nieuwe stappen afgesproken."))
    for owner, actions in by_partner.items():
        who = _("Nog niet bekend wie") if owner == i18n.tr(plans.NOBODY) else esc(owner)
        out.append(f"{who}:")
        for action in actions:
            sentence = esc(action.text.rstrip().rstrip(".!?"))
            if action.deadline:
                out.append(paper.md_item(_("{action}. Dat is klaar vóór {date}.").format(
                    action=sentence, date=long_date(action.deadline))))
            else:
                out.append(paper.md_item(f"{sentence}."))
        out.append("")
    out += ["## " + _("Wie kunt u bellen?"), ""]
    if item.overview is not None and item.overview.contact:
        contact, partner = esc(item.overview.contact), esc(item.overview.partner)
        if item.overview.phone:
            out.append(_("U kunt {contact} van {partner} bellen. Deze persoon houdt het overzicht. "
                         "Het nummer is {phone}.").format(contact=contact, partner=partner,
                                                         phone=esc(item.overview.phone)))
        else:
            out.append(_("U kunt {contact} van {partner} bellen. Deze persoon houdt het overzicht.").format(
                contact=contact, partner=partner))
    else:
        out.append(_("Dat spreken we nog af. U hoort het van ons."))
    out += ["", "## " + _("Wanneer praten we weer?"), ""]
    if item.next_on:
        out.append(_("Op {date} kijken we samen hoe het gaat.").format(date=long_date(item.next_on)))
    else:
        out.append(_("Dat spreken we nog af."))
    out.append("")
    return out


def long_date(day: dt.date | None) -> str:
    """'maandag 23 november 2026' / 'Monday 23 November 2026': a date in words, for the client
    version (Babel, in the language of the moment)."""
    if day is None:
        return ""
    return i18n.format_date(day, LONG_DATE)


def render_markdown(view: View) -> str:
    if view.kind == CLIENT:
        return text.visible("\n".join(_client_md(view)), multiline=True)
    out = [f"# {_(KIND_TITLES[view.kind])} · {md(view.minutes.subject)}", ""]
    out.append(f"{md(view.version)}  ")
    for label, value in _header_lines(view):
        out.append(f"{label}: {md(value)}  ")
    out += ["", _intro(view), ""]
    if not view.items:
        out += [f"_{_no_items(view)}_", ""]
    for item in view.items:
        out += [f"## {md(_case_heading(view, item))}", ""]
        if view.kind in (VERSLAG, DECISIONS):
            if item.slot or item.started:
                out.append(md(_times(item)) + "  ")
            out += ["", "### " + _("Aanwezig"), ""]
            out += ([paper.md_item(md(_stay_line(s, times=view.kind == VERSLAG))) for s in item.stays]
                    or [f"_{_('niemand vastgelegd')}_"])
            out.append("")
        if not view.dat_only:
            out += ["### " + _("Gezamenlijke opgave"), "",
                    md(item.opgave) if item.opgave else f"_{_('nog niet geformuleerd')}_", ""]
            if view.kind in (VERSLAG, DECISIONS) and item.commitments:
                out.append(_("Verbonden aan de opgave: {partners}").format(partners=md(", ".join(item.commitments))))
                out.append("")
        if item.reviews:
            out += ["### " + _("Terugblik op de acties van vorige keer"), ""]
            for r in item.reviews:
                reason = f" ({r.reason})" if r.reason else ""
                out.append(paper.md_item(md(f"{r.text} — {r.owner}: {r.outcome}{reason}")))
            out.append("")
        if item.notes:
            out += ["### " + (_("Inbreng") if view.kind == VERSLAG else _("Uw inbreng")), ""]
            for note in item.notes:
                source = f"{note.source}, " if note.source and view.kind == VERSLAG else ""
                out.append(paper.md_item(f"**{note.phase}** ({md(source)}{md(_visibility(note))}): {md(note.text)}"))
            out.append("")
        if view.kind in (VERSLAG, DECISIONS):
            out += ["### " + _("Besluiten"), ""]
            out += [paper.md_item(md(d)) for d in item.decisions] or [f"_{_('geen besluiten vastgelegd')}_"]
            out.append("")
        title = _("Acties") if view.kind != PARTNER else _("Uw acties")
        out += [f"### {title}", ""]
        out += _md_actions(item.actions, _("geen acties") if view.kind != PARTNER
                           else _("geen acties voor uw organisatie"))
        out.append("")
        if item.agreements or view.kind != PARTNER:
            out += ["### " + _("Afspraken"), ""]
            out += ([paper.md_item(md(f"{a.text} ({a.concerns})")) for a in item.agreements]
                    or [f"_{_('geen afspraken')}_"])
            out.append("")
        out += ["### " + _("Wie houdt het overzicht"), "", md(_overview_line(item, full=view.kind == VERSLAG)), ""]
        out += ["### " + _("Volgende datum"), "", md(_next_line(item)), ""]
        escalations = item.escalations if view.kind == VERSLAG else item.escalations_short
        if escalations:
            out += ["### " + _("Op- of afschaling"), ""]
            out += [paper.md_item(md(e)) for e in escalations]
            out.append("")
    out.append(f"_{_(paper.FOOTER_NOTE)}_")
    return text.visible("\n".join(out) + "\n", multiline=True)


# -- HTML -------------------------------------------------------------------------------------------

def _text_or(value: str, empty: str) -> str:
    return f'<p class="text">{h(value)}</p>' if value else f'<p class="empty">{h(empty)}</p>'


def _h3(title: str) -> str:
    return f"<h3>{h(title)}</h3>"


def _empty(value: str) -> str:
    return f'<p class="empty">{h(value)}</p>'


def _ul(lines: Iterable[str]) -> str:
    items = "".join(f"<li>{line}</li>" for line in lines)
    return f"<ul>{items}</ul>"


def _client_html(view: View) -> list[str]:
    """The client version in HTML: the same sentences as the Markdown, as paragraphs and lists."""
    item = view.items[0]
    body = [f"<h1>{h(_('Uitkomst van het overleg over casus {reference}').format(reference=item.reference))}</h1>"]
    in_list = False
    for line in _client_paragraphs(view, item, h):
        if line.startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{line[2:]}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("## "):
            body.append(f"<h2>{line[3:]}</h2>")
        elif line:
            body.append(f"<p>{line}</p>")
    if in_list:
        body.append("</ul>")
    return body


def render_html(view: View) -> str:
    frame = Frame(view.subject, view.version)
    if view.kind == CLIENT:
        return paper.document(_("Uitkomst van het overleg · casus {reference}").format(reference=view.items[0].reference),
                              frame, _client_html(view), footer=_("Vertrouwelijk: dit gaat over u. Bewaar het goed."))
    title = f"{_(KIND_TITLES[view.kind])} · {view.minutes.subject}"
    body = [f"<h1>{h(title)}</h1>"]
    for label, value in _header_lines(view):
        body.append(f'<p class="meta">{h(label)}: {h(value)}</p>')
    intro = _intro(view)
    if intro:
        body.append(f'<p class="{"warning" if view.dat_only else "meta"}">{h(intro)}</p>')
    if not view.items:
        body.append(f'<p class="empty">{h(_no_items(view))}</p>')
    for item in view.items:
        body.append(f"<h2>{h(_case_heading(view, item))}</h2>")
        if view.kind in (VERSLAG, DECISIONS):
            if item.slot or item.started:
                body.append(f'<p class="meta">{h(_times(item))}</p>')
            body.append(_h3(_("Aanwezig")))
            body.append(_ul(h(_stay_line(s, times=view.kind == VERSLAG)) for s in item.stays)
                        if item.stays else _empty(_("niemand vastgelegd")))
        if not view.dat_only:
            body.append(_h3(_("Gezamenlijke opgave")))
            body.append(_text_or(item.opgave, _("nog niet geformuleerd")))
            if view.kind in (VERSLAG, DECISIONS) and item.commitments:
                committed = _("Verbonden aan de opgave: {partners}").format(partners=", ".join(item.commitments))
                body.append(f'<p class="meta">{h(committed)}</p>')
        if item.reviews:
            body.append(_h3(_("Terugblik op de acties van vorige keer")))
            body.append(_ul(f'<span class="text">{h(r.text)}</span> — {h(r.owner)}: <strong>{h(r.outcome)}</strong>'
                            + (f" ({h(r.reason)})" if r.reason else "") for r in item.reviews))
        if item.notes:
            body.append(_h3(_("Inbreng") if view.kind == VERSLAG else _("Uw inbreng")))
            lines = []
            for note in item.notes:
                source = f"{note.source}, " if note.source and view.kind == VERSLAG else ""
                lines.append(f"<strong>{h(note.phase)}</strong> ({h(source)}{h(_visibility(note))}): "
                             f'<span class="text">{h(note.text)}</span>')
            body.append(_ul(lines))
        if view.kind in (VERSLAG, DECISIONS):
            body.append(_h3(_("Besluiten")))
            body.append(_ul(f'<span class="text">{h(d)}</span>' for d in item.decisions)
                        if item.decisions else _empty(_("geen besluiten vastgelegd")))
        body.append(_h3(_("Acties") if view.kind != PARTNER else _("Uw acties")))
        body.append(paper.actions_table([a.row() for a in item.actions],
                                        empty=_("geen acties") if view.kind != PARTNER
                                        else _("geen acties voor uw organisatie")))
        if item.agreements or view.kind != PARTNER:
            body.append(_h3(_("Afspraken")))
            body.append(_ul(f'<span class="text">{h(a.text)}</span> ({h(a.concerns)})' for a in item.agreements)
                        if item.agreements else _empty(_("geen afspraken")))
        body.append(_h3(_("Wie houdt het overzicht")))
        body.append(_text_or(_overview_line(item, full=view.kind == VERSLAG), ""))
        body.append(_h3(_("Volgende datum")))
        body.append(_text_or(_next_line(item), ""))
        escalations = item.escalations if view.kind == VERSLAG else item.escalations_short
        if escalations:
            body.append(_h3(_("Op- of afschaling")))
            body.append(_ul(h(e) for e in escalations))
    return paper.document(title, frame, body)


# -- the .ics ------------------------------------------------------------------------------------------

def minutes_ics(minutes: Minutes) -> str:
    """The next date and the first bel-moment of each item as all-day events: case numbers only,
    never a name (not of the client, not of a professional), since calendars sync to mail servers."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//zvh-tui//overleg//NL")  # i18n: the product id, not shown
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = utcnow().replace(tzinfo=dt.timezone.utc, microsecond=0)
    held = i18n.format_date(minutes.held_on)
    for item in minutes.items:
        moments = []
        if item.next_on:
            moments.append(("vervolg", item.next_on,  # i18n: the code in the event's uid
                            _("{kind} casus {reference}").format(kind=item.next_kind.capitalize(),
                                                                 reference=item.reference)))
        if item.overview is not None and item.overview.call_on:
            moments.append(("bel", item.overview.call_on,  # i18n: the code in the event's uid
                            _("Bel-moment casus {reference}: bel wie het overzicht houdt").format(
                                reference=item.reference)))
        for code, day, summary in moments:
            event = icalendar.Event()
            event.add("uid", f"zvh-overleg{minutes.meeting_id}-punt{item.item_id}-{code}@zvh-tui")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("summary", summary)
            event.add("description", _("Afgesproken in overleg {number} op {date}.").format(
                number=minutes.meeting_id, date=held))
            event.add("class", "CONFIDENTIAL")
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


# -- exporting and writing -----------------------------------------------------------------------------

# what each document is in the verstrekkingenlog (services/partners/provisions.py); the .ics is none
PROVISION_KINDS = {VERSLAG: ProvisionKind.MINUTES, DECISIONS: ProvisionKind.DECISIONS,
                   PARTNER: ProvisionKind.PARTNER_SHEET, CLIENT: ProvisionKind.CLIENT}


def _record(minutes: Minutes, view_items: Sequence[ItemMinutes], detail: str, *, kind: str = ICS,
            partner_id: int | None = None, fmt: str = "") -> None:
    """One audit event per case in the document (ids and codes only); one without a case when
    the document holds none. A document for others (not the .ics) is a verstrekking of each of
    its cases: to `partner_id` for a partner's sheet, else to the table."""
    by_id = {c.id: c for c in Case.select().where(Case.id.in_([i.case_id for i in view_items] or [-1]))}
    with db.atomic():
        for item in view_items:
            audit.record("export", case=by_id.get(item.case_id), object_type="meeting",
                         object_id=minutes.meeting_id, detail=detail)
        if not view_items:
            audit.record("export", object_type="meeting", object_id=minutes.meeting_id, detail=detail)
        if kind in PROVISION_KINDS and view_items:
            provisions.record_meeting(minutes.meeting_id, PROVISION_KINDS[kind], partner=partner_id,
                                      case_ids=[item.case_id for item in view_items], fmt=fmt)


def render(view: View, fmt: str) -> str:
    if fmt not in TEXT_FORMATS:
        raise ValidationError(M("meetings.minutes.format", "Kies het formaat md, html of ics."), field="format")
    return render_markdown(view) if fmt == "md" else render_html(view)


def _client_item(minutes: Minutes, case_ref: str | None) -> ItemMinutes:
    if case_ref:
        wanted = case_ref.strip()
        found = [i for i in minutes.items if i.reference == wanted]
        if not found:
            raise NotFound(M("meetings.minutes.client.not_on_agenda",
                             "Casus {reference} staat niet op de agenda van overleg {number}.",
                             reference=text.visible(wanted[:20]), number=minutes.meeting_id))
        return found[0]
    if len(minutes.items) == 1:
        return minutes.items[0]
    if not minutes.items:
        raise RuleError(M("meetings.minutes.client.no_items", "Overleg {number} heeft geen agendapunten.",
                          number=minutes.meeting_id))
    refs = ", ".join(i.reference for i in minutes.items)
    raise ValidationError(M("meetings.minutes.client.which_case",
                            "Overleg {number} besprak meer casussen ({references}): kies er één met --casus KENMERK.",
                            number=minutes.meeting_id, references=refs), field="case")


@i18n.with_language
def export_minutes(meeting_id: int | str, fmt: str, *, kind: str = DECISIONS, partner: str | None = None,
                   case_ref: str | None = None, confirmed: bool = False) -> str:
    """`zvh export minutes N`: the text of one document, with an audit event. A sheet for a
    partner without a signed convenant is refused unless `confirmed`."""
    if fmt not in (*TEXT_FORMATS, ICS):
        raise ValidationError(M("meetings.minutes.format", "Kies het formaat md, html of ics."), field="format")
    meeting = get_meeting(meeting_id)
    if fmt == ICS and kind != DECISIONS:
        raise ValidationError(M("meetings.minutes.ics_whole_meeting",
                                "Het .ics-bestand is één agenda voor het hele overleg: laat --verslag, "
                                "--partner en --client weg."), field="format")
    found = plan_export.find_partner(partner) if kind == PARTNER and partner is not None else None
    if kind == PARTNER and found is None:
        raise ValidationError(M("meetings.minutes.partner_needed", "Geef de naam van een partner."), field="partner")
    if found is not None and not confirmed:
        warning = needs_confirmation(found)
        if warning:
            raise RuleError(M("meetings.minutes.unsigned_confirm",
                              "{partner} heeft het convenant niet getekend: het blad bevat alleen "
                              "dat-informatie. Bevestig met --ja.", partner=found.name))
    minutes = read_minutes(meeting)
    if fmt == ICS:
        result = minutes_ics(minutes)
        _record(minutes, minutes.items, "minutes.ics")
        return result
    if kind == VERSLAG:
        view = verslag_view(minutes)
    elif kind == PARTNER:
        assert found is not None
        view = partner_view(minutes, found)
    elif kind == CLIENT:
        view = client_view(minutes, _client_item(minutes, case_ref).item_id)
    else:
        view = decisions_view(minutes)
    result = render(view, fmt)
    _record(minutes, view.items, _detail(view, fmt), kind=view.kind, partner_id=view.partner_id, fmt=fmt)
    return result


def _detail(view: View, fmt: str) -> str:
    if view.kind == PARTNER:
        return f"minutes.partner:{view.partner_id}.{fmt}"
    return f"minutes.{view.kind}.{fmt}"


def file_name(minutes: Minutes, kind: str, fmt: str, *, partner_name: str = "", reference: str = "") -> str:
    """A file name without client data: the meeting's number and date, the kind, a partner's
    name or a case number; a document in English ends in "-en" (a Dutch one keeps its name), so
    both languages can be written into one folder."""
    base = f"overleg-{minutes.meeting_id}-{minutes.held_on.isoformat()}"  # i18n: a file name
    language = LANGUAGE_SUFFIX.get(i18n.current(), "")
    if kind == ICS:
        return f"{base}{language}.ics"
    if kind == PARTNER:
        return f"{base}-{plan_export.partner_slug(partner_name)}{language}.{fmt}"
    if kind == CLIENT:
        ref = re.sub(r"[^0-9A-Za-z-]", "", reference) or "casus"  # i18n: a file name
        return f"{base}-client-{ref}{language}.{fmt}"
    return f"{base}-{kind}{language}.{fmt}"


def unsigned_partners(meeting: Meeting) -> list[Partner]:
    """The partners that would get a sheet but signed no convenant: ask before writing theirs."""
    return [p for p in sheet_partners(read_minutes(meeting)) if not p.convenant_signed]


@dataclass
class _Planned:
    name: str
    content: str
    items: Sequence[ItemMinutes]
    detail: str
    kind: str = ICS
    partner_id: int | None = None
    fmt: str = ""


@i18n.with_language
def write_minutes(meeting: Meeting, folder: Path, *, kinds: Sequence[str] = KINDS,
                  formats: Sequence[str] = TEXT_FORMATS, confirmed_partners: Iterable[int] = ()) -> list[Path]:
    """Write the minutes of `meeting` into `folder` (the profile's exports/ unless the regisseur
    chose another), each file 0600 and an audit event; returns the paths written.

    `kinds`: any of verslag, besluitenlijst, partner (one sheet per partner), client (one per
    case), ics. Sheets for partners without a signed convenant are written only for the ids in
    `confirmed_partners` (ask with `unsigned_partners` first); the others are left out."""
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise ValidationError(M("meetings.minutes.kinds", "Kies uit verslag, besluitenlijst, partner, client en ics."),
                              field="kinds")
    bad = [f for f in formats if f not in TEXT_FORMATS]
    if bad or not formats:
        raise ValidationError(M("meetings.minutes.text_format", "Kies het formaat md of html."), field="format")
    confirmed = set(confirmed_partners)
    minutes = read_minutes(meeting)
    planned: list[_Planned] = []
    views: list[tuple[View, dict[str, str]]] = []
    if VERSLAG in kinds:
        views.append((verslag_view(minutes), {}))
    if DECISIONS in kinds:
        views.append((decisions_view(minutes), {}))
    if PARTNER in kinds:
        for partner in sheet_partners(minutes):
            if partner.convenant_signed or partner.id in confirmed:
                views.append((partner_view(minutes, partner), {"partner_name": partner.name}))
    if CLIENT in kinds:
        for item in minutes.items:
            views.append((client_view(minutes, item.item_id), {"reference": item.reference}))
    for view, naming in views:
        for fmt in formats:
            planned.append(_Planned(file_name(minutes, view.kind, fmt, **naming), render(view, fmt),
                                    view.items, _detail(view, fmt), view.kind, view.partner_id, fmt))
    if ICS in kinds:
        planned.append(_Planned(file_name(minutes, ICS, ICS), minutes_ics(minutes), minutes.items, "minutes.ics"))
    # One transaction for every document's audit events and verstrekkingen (one commit, not one
    # per document: issue 16's 1 s). A file that cannot be written stops the rest; what was
    # written before it is still recorded (committed) before the failure is raised.
    written: list[Path] = []
    failure: Exception | None = None
    with db.atomic():
        for entry in planned:
            try:
                path = plan_export.write_export(folder, entry.name, entry.content)
            except Exception as exc:
                failure = exc
                break
            written.append(path)
            _record(minutes, entry.items, entry.detail, kind=entry.kind, partner_id=entry.partner_id, fmt=entry.fmt)
    if failure is not None:
        raise failure
    return written


@i18n.with_language
def after_close(meeting: Meeting, folder: Path, confirmed_partners: Iterable[int] = ()) -> list[Path]:
    """What the live screen calls after `/einde` closed the meeting: every document, Markdown and
    HTML, and the .ics, into `folder`. Refused while the meeting is open."""
    if Meeting.get_by_id(meeting.id).status != MeetingStatus.CLOSED.value:
        raise RuleError(M("meetings.minutes.not_closed", "Het overleg is nog niet gesloten; het verslag volgt na /einde."))
    return write_minutes(meeting, folder, confirmed_partners=confirmed_partners)

