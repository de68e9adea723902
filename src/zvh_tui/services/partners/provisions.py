"""The verstrekkingenlog: what was given to which partner, about which case, on which grondslag.

Every plan or sheet that leaves the house for a partner is recorded here (issue 14.3): which
partner (None: the whole table, e.g. a besluitenlijst or the full plan), which case, which plan
version or meeting, on which grondslag, when and by whom. The plan export records into it
(services/plans/plan_export.py), and so do the minutes of a meeting (`record_meeting`).

It lives with the partners because it answers a partner question ("what did this partner get
from us, and why was that allowed?") and is read on the partner's detail screen beside the case
dossier; the convenant rules it leans on (`basis_for`) are the partner's too. The audit log
(services/safety) keeps the NEN 7513 trace of the same act with ids only; this log keeps the
grondslag in words and goes with its case when retention destroys it.

The terms for sending the minutes (`Settings.besluitenlijst_werkdagen`, `verslag_werkdagen`,
handed in as `Settings.minutes_terms()`)
count working days, Monday to Friday; there is no holiday calendar (a term that runs over a
holiday is signalled a day early).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, ValidationError
from zvh_tui.core.i18n import N_, M, _
from zvh_tui.core.vocab import AuditObject, MeetingStatus, ProvisionKind
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import clock, context, text
from zvh_tui.store import ids
from zvh_tui.store.models import (
    Case,
    Meeting,
    MeetingItem,
    Participant,
    Partner,
    Plan,
    Provision,
    db,
    utcnow,
)

BASIS_MAX = 2000
# The default grondslag, stored in the verstrekkingenlog as it is (data, like a typed one).
CONVENANT_BASIS = "Convenant Zorg- en Veiligheidshuis (doelbinding)"  # i18n: stored grondslag
NO_CONVENANT_BASIS = "Geen convenant getekend: alleen dat-informatie"  # i18n: stored grondslag
TABLE = N_("alle partners aan tafel")  # the recipient when no partner is named (translated shown)

# What a meeting's minutes can be (record_meeting); the plan kinds belong to a plan version.
MEETING_KINDS = (ProvisionKind.DECISIONS, ProvisionKind.MINUTES, ProvisionKind.PARTNER_SHEET,
                 ProvisionKind.CLIENT)


def _case_of(case: Case | int) -> Case:
    if isinstance(case, Case):
        return case
    found = Case.get_or_none(Case.id == int(case))
    if found is None:
        raise NotFound(M("partners.provisions.no_case", "Deze casus bestaat niet (meer)."))
    return found


def _partner_of(partner: Partner | int | None) -> Partner | None:
    if partner is None or isinstance(partner, Partner):
        return partner
    found = Partner.get_or_none(Partner.id == int(partner))
    if found is None:
        raise NotFound(M("partners.provisions.no_partner", "Deze partner bestaat niet (meer)."))
    return found


def basis_for(case: Case, partner: Partner | None) -> str:
    """The grondslag when none is given: the one recorded at this partner's check op bekendheid
    in this case, else the convenant when the partner signed it, else "dat-informatie" only."""
    if partner is None:
        return CONVENANT_BASIS
    row = (Participant.select(Participant.check_basis)
           .where((Participant.case == case) & (Participant.partner == partner)).first())
    if row is not None and row.check_basis.strip():
        return row.check_basis
    return CONVENANT_BASIS if partner.convenant_signed else NO_CONVENANT_BASIS


def record(
    case: Case | int,
    kind: ProvisionKind | str,
    *,
    partner: Partner | int | None = None,
    plan: Plan | None = None,
    meeting: Meeting | int | None = None,
    basis: str | None = None,
    fmt: str = "",
) -> Provision:
    """Record that `kind` about `case` was given to `partner` (None: the whole table), with the
    plan version or the meeting it came from, on `basis` (None: `basis_for`), now, by the
    current user. One audit event 'provide' (verstrekt), object 'provision'. Raises ValidationError or
    NotFound with a message id."""
    kind = ProvisionKind(kind)
    found_case = _case_of(case)
    found_partner = _partner_of(partner)
    if plan is not None and plan.case_id != found_case.id:
        raise ValidationError(M("partners.provisions.other_case", "Dit plan hoort bij een andere casus."),
                              field="plan")
    meeting_id = meeting.id if isinstance(meeting, Meeting) else meeting
    if meeting_id is not None and not Meeting.select().where(Meeting.id == int(meeting_id)).exists():
        raise NotFound(M("partners.provisions.no_meeting", "Dit overleg bestaat niet (meer)."))
    if basis is None:
        # Taken from what is stored (the check op bekendheid): an old grondslag that holds a
        # control character is kept as its symbols, never a reason to refuse the export.
        grondslag = text.visible(basis_for(found_case, found_partner))[:BASIS_MAX]
    else:
        grondslag = text.block(basis, _("Grondslag"), field="basis", max_length=BASIS_MAX)
    if not grondslag:
        raise ValidationError(M("partners.provisions.basis_required",
                                "Op welke grondslag wordt dit verstrekt? Vul de grondslag in."),
                              field="basis")
    fmt = text.line(fmt, _("Formaat"), field="fmt", max_length=10)
    with db.atomic():
        row = Provision.create(
            case=found_case, partner=found_partner, kind=kind.value, plan=plan,
            plan_version=plan.version if plan is not None else None,
            meeting=int(meeting_id) if meeting_id is not None else None,
            basis=grondslag, convenant=bool(found_partner and found_partner.convenant_signed),
            fmt=fmt, at=utcnow(), by=context.actor().user[:100],
        )
        audit.record("provide", case=found_case, object_type=AuditObject.PROVISION.value, object_id=row.id,
                     detail=f"{kind.value}{'.' + fmt if fmt else ''}")
    return row


def record_meeting(
    meeting: Meeting | int,
    kind: ProvisionKind | str,
    *,
    partner: Partner | int | None = None,
    case_ids: Iterable[int] | None = None,
    basis: str | None = None,
    fmt: str = "",
) -> list[Provision]:
    """The minutes of a meeting given out: one row per case on its agenda (or only `case_ids`,
    e.g. the cases a partner's sheet covers), all or nothing."""
    kind = ProvisionKind(kind)
    if kind not in MEETING_KINDS:
        raise ValidationError(M("partners.provisions.plan_per_case",
                                "Een plan van aanpak wordt per casus verstrekt, niet per overleg."),
                              field="kind")
    meeting_id = meeting.id if isinstance(meeting, Meeting) else int(meeting)
    items = MeetingItem.select(MeetingItem.case).where(MeetingItem.meeting == meeting_id)
    wanted = None if case_ids is None else {int(i) for i in case_ids}
    ids = [item.case_id for item in items.order_by(MeetingItem.position, MeetingItem.id)
           if wanted is None or item.case_id in wanted]
    if wanted is not None and set(ids) != wanted:
        raise ValidationError(M("partners.provisions.not_on_agenda",
                                "Een van deze casussen staat niet op de agenda van dit overleg."),
                              field="case")
    with db.atomic():
        return [record(case_id, kind, partner=partner, meeting=meeting_id, basis=basis, fmt=fmt)
                for case_id in ids]


# -- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvisionRow:
    """One verstrekking as a screen or an export shows it (plain values)."""

    id: int
    at: dt.datetime  # UTC
    case_id: int
    case_ref: str
    partner: str  # the partner's name, or TABLE
    kind: str  # code (ProvisionKind)
    what: str  # "plan van aanpak (versie voor de partner) · versie 3" / "besluitenlijst · overleg 12-3-2026"
    basis: str
    convenant: bool
    by: str
    fmt: str

    @property
    def when(self) -> str:
        return clock.format_local(self.at)

    @property
    def to_table(self) -> bool:
        """Given to the whole table (no partner named)."""
        return self.partner in (TABLE, _(TABLE))

    @property
    def unsigned(self) -> bool:
        """Given to a partner that had not signed the convenant."""
        return not self.convenant and not self.to_table


def _rows(query) -> list[ProvisionRow]:
    rows = list(query.order_by(Provision.at.desc(), Provision.id.desc()))
    partner_ids = {r.partner_id for r in rows if r.partner_id}
    names = {p.id: p.name for p in Partner.select(Partner.id, Partner.name).where(Partner.id.in_(list(partner_ids)))} \
        if partner_ids else {}
    meeting_ids = {r.meeting_id for r in rows if r.meeting_id}
    meetings = {m.id: m for m in Meeting.select(Meeting.id, Meeting.kind, Meeting.held_on)
                .where(Meeting.id.in_(list(meeting_ids)))} if meeting_ids else {}
    cases = {c.id: c.reference for c in Case.select(Case.id, Case.reference)
             .where(Case.id.in_(list({r.case_id for r in rows})))} if rows else {}
    result = []
    for row in rows:
        what = ProvisionKind.label_of(row.kind)
        if row.plan_version is not None:
            what += " · " + _("versie {version}").format(version=row.plan_version)
        meeting = meetings.get(row.meeting_id)
        if meeting is not None:
            what += f" · {meeting.kind} {i18n.format_date(meeting.held_on)}"
        result.append(ProvisionRow(
            id=row.id, at=row.at, case_id=row.case_id, case_ref=cases.get(row.case_id, ""),
            partner=names.get(row.partner_id, _("onbekende partner")) if row.partner_id else _(TABLE),
            kind=row.kind, what=what, basis=row.basis, convenant=row.convenant, by=row.by, fmt=row.fmt,
        ))
    return result


def of_case(case: Case | int) -> list[ProvisionRow]:
    """Every verstrekking about this case, newest first."""
    case_id = case.id if isinstance(case, Case) else int(case)
    return _rows(Provision.select().where(Provision.case == case_id))


def of_partner(partner: Partner | int) -> list[ProvisionRow]:
    """Everything given to this partner, newest first (what went to the whole table is not
    counted here: the partner is not named on it)."""
    partner_id = partner.id if isinstance(partner, Partner) else int(partner)
    return _rows(Provision.select().where(Provision.partner == partner_id))


def of_cases(case_ids: Iterable[int]) -> list[ProvisionRow]:
    """Every verstrekking about these cases (the log export of a person), newest first."""
    ids = [int(i) for i in case_ids]
    if not ids:
        return []
    return _rows(Provision.select().where(Provision.case.in_(ids)))


# -- the terms for the minutes -----------------------------------------------------------------


def add_working_days(day: dt.date, count: int) -> dt.date:
    """`count` working days (Monday-Friday) after `day`; no holiday calendar."""
    current = day
    left = int(count)
    while left > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def overdue_minutes(terms: dict[str, int], today: dt.date | None = None) -> dict[int, list[str]]:
    """case id -> the kinds of minutes (besluitenlijst, verslag) whose term has passed without
    a verstrekking of that kind for a closed meeting the case was on. Two small queries (the
    closed meetings, then their agenda's cases), whatever the number of cases: the case list
    calls it on every load. `terms` maps kind code -> working days (`Settings.minutes_terms()`).
    Meetings held before the log existed (schema v5) are left out: nothing of theirs was ever
    recorded."""
    day = today or context.today()
    before = ids.meetings_before_provisions()  # held before the log existed: never recorded
    found: dict[int, list[str]] = {}
    for kind, days in terms.items():
        sent = Provision.select(Provision.meeting).where(
            (Provision.kind == kind) & Provision.meeting.is_null(False))
        closed = (Meeting.select(Meeting.id, Meeting.closed_at)
                  .where((Meeting.status == MeetingStatus.CLOSED.value) & Meeting.closed_at.is_null(False)
                         & (Meeting.id > before) & Meeting.id.not_in(sent)))
        late = [m.id for m in closed if add_working_days(clock.local_date(m.closed_at), days) < day]
        if not late:
            continue
        for item in MeetingItem.select(MeetingItem.case).where(MeetingItem.meeting.in_(late)):
            kinds = found.setdefault(item.case_id, [])
            if kind not in kinds:
                kinds.append(kind)
    return found


def overdue_badge(kinds: list[str]) -> str:
    """'besluitenlijst te laat', 'verslag te laat', or both: not sent within the term."""
    names = [ProvisionKind.label_of(k) for k in kinds]
    if len(names) == 1:
        return _("{kind} te laat").format(kind=names[0])
    return _("{kinds} en {last} te laat").format(kinds=", ".join(names[:-1]), last=names[-1])
