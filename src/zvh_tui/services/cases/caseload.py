"""The caseload mirror (Spiegel, issue 15.6) and the nazorg watch (issue 15.7).

The rules of the trade are visible per action in the plan; the temptation lives across the
whole caseload. This module gathers, in a fixed handful of aggregated queries (never one per
case: `mirror()` runs the same eight queries for 10 cases or 10,000), what the regisseur's own
house carries and what each partner leaves lying:

* **Eigen last** (seed 002 rule 5, *behoud de regie, neem geen taken over*): the open actions
  the own house (`Partner.is_own`) owns in the running cases, and the running cases where the
  own house is casusregisseur. "U draagt 7 acties in 5 casussen zelf."
* **Kikker-radar** (seed 003, *kikkers in de kruiwagen*): per partner, over every running case,
  the signals below, each with a one-line *aanspreken* note (call the partner, don't take the
  task over) and, when the pattern holds, a caseload-level opschaling proposal with the
  evidence filled in. (The per-case proposal is services/cases/escalation.py's.)
* **Petten-spiegel** (seed 004, the six hats): journal entries per hat per ISO week, for the
  caseload or one case, with a warning when hulpverlening or casusregie dominate a week.
* **Nazorg watch**: closed cases with a nazorg date (`Case.watch_until`), with a signal when
  the date nears or has passed; `reopen_case` reopens one with a reason.

Definitions (each threshold a named constant below):

* An action counts when it is open or bezig, in the plan version in force of a running
  (not closed) case — the newest version that is not superseded, as the case list counts.
* *Te laat*: its deadline lies before today.
* *Zonder terugkoppeling*: the days since the action's last terugkoppeling (`feedback_on`), or
  since the action was written down (`created_at`; a bijstelling writes it anew) when there
  never was one. `updated_at` is not used: every edit by the regisseur touches it, and it says
  nothing about what the partner reported. An action is silent from FEEDBACK_SILENCE_DAYS on;
  the deadline is its own signal (*te laat*), so a partner who is late and silent shows both.
* *Afwezig of afgemeld op rij*: the partner's last MISSED_IN_A_ROW invited agenda items of held
  meetings (the item or its meeting closed) in running cases, each recorded as afwezig or
  afgemeld (ItemAttendance for the item; else the partner's presence at the meeting, Attendee).
  An item without any recorded presence is no evidence and breaks the row.
* *Niet opgepakt*: the reviews (ActionReview) with outcome niet opgepakt of the partner's
  actions in running cases.
* The pattern holds (opschaling proposed) with at least PATTERN_SIGNALS different signals, or
  with NOT_TAKEN_UP_PATTERN or more niet-opgepakt reviews.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from peewee import JOIN, fn
from peewee import Case as SqlCase

from zvh_tui.core.errors import NotFound
from zvh_tui.core.i18n import N_, M, _, ngettext
from zvh_tui.core.vocab import (
    OPEN_ACTION_STATUSES,
    Hat,
    ItemStatus,
    MeetingStatus,
    ParticipantRole,
    Phase,
    Presence,
    ReviewOutcome,
)
from zvh_tui.services.cases import lifecycle
from zvh_tui.services.shared import clock, context, dates
from zvh_tui.services.shared.plurals import number
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Attendee,
    Case,
    ItemAttendance,
    ItemInvite,
    JournalEntry,
    Meeting,
    MeetingItem,
    Participant,
    Partner,
    Plan,
)

# -- thresholds -------------------------------------------------------------------------------

FEEDBACK_SILENCE_DAYS = 21  # three weeks without terugkoppeling on a running action
MISSED_IN_A_ROW = 2  # afwezig or afgemeld at this many invited items in a row
NOT_TAKEN_UP_PATTERN = 2  # niet opgepakt this often: the pattern holds on its own
PATTERN_SIGNALS = 2  # or this many different signals at once
HANDS_ON_HATS = (Hat.HELP.value, Hat.CASE_DIRECTION.value)  # the hats a procesregisseur puts off
DOMINANCE_SHARE = 0.5  # a week is dominated above this share of its tagged entries …
DOMINANCE_MIN_ENTRIES = 3  # … with at least this many tagged entries (one note is no pattern)
WEEKS_SHOWN = 8  # the petten-spiegel shows this week and the seven before it
NAZORG_NEAR_DAYS = 14  # a nazorg date this close (or closer) gives a signal
NAZORG_PASSED_KEEP_DAYS = 30  # a passed nazorg date stays on the watch list this long

_CLOSED = Phase.CLOSED.value
_MISSED = (Presence.ABSENT.value, Presence.EXCUSED.value)
_MAX_REFS = 5  # case numbers named per signal in a proposal, then "en N andere"

TAKE_NO_TASK = N_("spreek aan, neem de taak niet over")  # shown as _(TAKE_NO_TASK)


# -- what the mirror holds -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class OwnCase:
    """A running case where the own house carries something."""

    case_id: int
    reference: str
    title: str
    actions: int  # open actions the own house owns
    director: bool  # the own house is casusregisseur


@dataclass(frozen=True, slots=True)
class OwnLoad:
    actions: int
    action_cases: int  # running cases in which the own house owns an open action
    director_cases: int  # running cases in which the own house is casusregisseur
    cases: tuple[OwnCase, ...]
    has_own_house: bool = True

    def text(self) -> str:
        """"U draagt 7 acties in 5 casussen zelf" (and the casusregisseurschappen)."""
        if not self.has_own_house:
            return _("Geen eigen organisatie ingesteld: markeer uw eigen huis bij Partners (F3).")
        directed = ngettext("{n} casus", "{n} casussen", self.director_cases).format(n=number(self.director_cases))
        if self.actions:
            actions = ngettext("{n} actie", "{n} acties", self.actions).format(n=number(self.actions))
            cases = ngettext("{n} casus", "{n} casussen", self.action_cases).format(n=number(self.action_cases))
            if self.director_cases:
                return _("U draagt {actions} in {cases} zelf en bent casusregisseur in "
                         "{directed}").format(actions=actions, cases=cases, directed=directed)
            return _("U draagt {actions} in {cases} zelf").format(actions=actions, cases=cases)
        if self.director_cases:
            return _("U draagt geen acties zelf en bent casusregisseur in {directed}").format(
                directed=directed)
        return _("U draagt geen acties zelf")

    def advice(self) -> str:
        """What the seed says about it, when the own house carries anything."""
        if not (self.actions or self.director_cases):
            return ""
        return _("Behoud de regie, neem geen taken over: beleg elke actie bij de partner die "
                 "erover gaat, en het overzicht bij de professional die het dichtst bij de "
                 "cliënt staat.")


@dataclass(frozen=True, slots=True)
class PartnerSignals:
    """One partner on the kikker-radar, over every running case."""

    partner_id: int
    name: str
    overdue: int = 0  # open actions past their deadline
    overdue_refs: tuple[str, ...] = ()
    silent_days: int = 0  # the longest wait for terugkoppeling, in days (0: none silent)
    silent_actions: int = 0  # actions silent for FEEDBACK_SILENCE_DAYS or longer
    silent_refs: tuple[str, ...] = ()
    missed: tuple[tuple[str, dt.date, str], ...] = ()  # (presence, day, reference), newest first
    not_taken_up: int = 0
    not_taken_up_refs: tuple[str, ...] = ()
    case_ids: tuple[int, ...] = ()  # the cases the signals point at, most signals first
    case_refs: tuple[str, ...] = ()  # their numbers, in the same order

    @property
    def missed_in_a_row(self) -> bool:
        return len(self.missed) >= MISSED_IN_A_ROW

    @property
    def signals(self) -> int:
        """How many different signals hold (0-4)."""
        return sum((self.overdue > 0, self.silent_actions > 0, self.missed_in_a_row,
                    self.not_taken_up > 0))

    @property
    def pattern(self) -> bool:
        """Opschaling is proposed: several signals at once, or niet opgepakt again and again."""
        return self.signals >= PATTERN_SIGNALS or self.not_taken_up >= NOT_TAKEN_UP_PATTERN

    def reasons(self) -> list[str]:
        found = []
        if self.overdue:
            found.append(ngettext("{n} actie over de termijn", "{n} acties over de termijn", self.overdue).format(n=number(self.overdue)))
        if self.silent_actions:
            found.append(ngettext("{n} dag geen terugkoppeling", "{n} dagen geen terugkoppeling", self.silent_days).format(n=number(self.silent_days)))
        if self.missed_in_a_row:
            found.append(ngettext("{n} overleg op rij afwezig of afgemeld", "{n} overleggen op rij afwezig of afgemeld", len(self.missed)).format(n=number(len(self.missed))))
        if self.not_taken_up:
            found.append(ngettext("{n} keer niet opgepakt", "{n} keer niet opgepakt", self.not_taken_up).format(n=number(self.not_taken_up)))
        return found

    def note(self) -> str:
        """The one-line aanspreken note: "Bel X: 3 acties over de termijn — spreek aan, …"."""
        return _("Bel {name}: {reasons} — {advice}.").format(
            name=self.name, reasons=", ".join(self.reasons()), advice=_(TAKE_NO_TASK))

    def proposal(self) -> str:
        """The caseload-level opschaling proposal with its evidence; "" while no pattern."""
        if not self.pattern:
            return ""
        evidence = []
        if self.overdue:
            evidence.append(ngettext("{n} actie over de termijn{refs}",
                                     "{n} acties over de termijn{refs}", self.overdue).format(
                n=number(self.overdue), refs=_refs(self.overdue_refs)))
        if self.silent_actions:
            evidence.append(ngettext(
                "{n} actie staat {limit} dagen of langer zonder terugkoppeling (de langste "
                "{longest}){refs}",
                "{n} acties staan {limit} dagen of langer zonder terugkoppeling (de langste "
                "{longest}){refs}", self.silent_actions).format(
                n=number(self.silent_actions), limit=FEEDBACK_SILENCE_DAYS,
                longest=ngettext("{n} dag", "{n} dagen", self.silent_days).format(n=number(self.silent_days)),
                refs=_refs(self.silent_refs)))
        if self.missed_in_a_row:
            shown = ", ".join(_("{presence} op {day} ({reference})").format(
                presence=Presence.label_of(p), day=dates.format_date(d), reference=ref)
                for p, d, ref in self.missed)
            evidence.append(ngettext("bij het laatste {n} overleg {shown}",
                                     "bij de laatste {n} overleggen {shown}",
                                     len(self.missed)).format(n=number(len(self.missed)), shown=shown))
        if self.not_taken_up:
            evidence.append(ngettext("{n} keer een actie niet opgepakt{refs}",
                                     "{n} keer een actie niet opgepakt{refs}",
                                     self.not_taken_up).format(
                n=number(self.not_taken_up), refs=_refs(self.not_taken_up_refs)))
        return _("Opschalingsvoorstel {name}: {evidence}. Spreek de partner "
                 "eerst zelf aan; houdt het patroon aan, bespreek de samenwerking dan op "
                 "managementniveau (AVE-model) met de leidinggevende van {name}, en leg "
                 "een op- of afschaling per casus vast in het dossier (o).").format(
            name=self.name, evidence="; ".join(evidence))


def _refs(references: Sequence[str]) -> str:
    if not references:
        return ""
    shown = ", ".join(references[:_MAX_REFS])
    more = len(references) - _MAX_REFS
    if more > 0:
        shown = ngettext("{references} en {n} andere", "{references} en {n} andere", more).format(
            references=shown, n=number(more))
    return f" ({shown})"


@dataclass(frozen=True, slots=True)
class HatWeek:
    """The journal entries of one ISO week, per hat."""

    year: int
    week: int
    monday: dt.date
    per_hat: dict[str, int]  # hat code -> entries (every hat of vocab.Hat, zeros included)
    untagged: int = 0

    @property
    def tagged(self) -> int:
        return sum(self.per_hat.values())

    @property
    def hands_on(self) -> int:
        return sum(self.per_hat.get(h, 0) for h in HANDS_ON_HATS)

    @property
    def dominated(self) -> bool:
        """Hulpverlening and casusregie together above DOMINANCE_SHARE of the tagged entries."""
        return self.tagged >= DOMINANCE_MIN_ENTRIES and self.hands_on > DOMINANCE_SHARE * self.tagged

    @property
    def label(self) -> str:
        return _("wk {week} ({day})").format(week=self.week, day=f"{self.monday:%d-%m}")

    def warning(self) -> str:
        if not self.dominated:
            return ""
        share = round(100 * self.hands_on / self.tagged)
        return ngettext(
            "Week {week}: {hands_on} van {n} notitie met de pet hulpverlening of casusregie "
            "({share}%). Zet die pet weer af: zorg dát het gebeurt, niet vóór (procesregie).",
            "Week {week}: {hands_on} van {n} notities met de pet hulpverlening of casusregie "
            "({share}%). Zet die pet weer af: zorg dát het gebeurt, niet vóór (procesregie).",
            self.tagged).format(week=self.week, hands_on=number(self.hands_on),
                                n=number(self.tagged), share=share)


@dataclass(frozen=True, slots=True)
class NazorgRow:
    case_id: int
    reference: str
    title: str
    closed_on: dt.date | None
    watch_until: dt.date
    days_left: int  # negative once passed

    @property
    def nearing(self) -> bool:
        return 0 <= self.days_left <= NAZORG_NEAR_DAYS

    @property
    def passed(self) -> bool:
        return self.days_left < 0

    def signal(self) -> str:
        if self.passed:
            return ngettext("verlopen, {n} dag geleden", "verlopen, {n} dagen geleden", -self.days_left).format(n=number(-self.days_left))
        if self.days_left == 0:
            return _("loopt vandaag af")
        if self.nearing:
            return ngettext("loopt af over {n} dag", "loopt af over {n} dagen", self.days_left).format(n=number(self.days_left))
        return ""


@dataclass(frozen=True, slots=True)
class Mirror:
    today: dt.date
    own: OwnLoad
    radar: tuple[PartnerSignals, ...]  # partners with at least one signal, worst first
    weeks: tuple[HatWeek, ...]  # oldest first, WEEKS_SHOWN of them
    nazorg: tuple[NazorgRow, ...]  # soonest first
    quiet_partners: int = 0  # partners with open actions and no signal

    @property
    def to_address(self) -> int:
        return len(self.radar)

    @property
    def nazorg_nearing(self) -> int:
        return sum(1 for row in self.nazorg if row.nearing)

    @property
    def nazorg_passed(self) -> int:
        return sum(1 for row in self.nazorg if row.passed)

    def summary(self) -> str:
        """The case list's line: "U draagt 7 acties in 5 casussen zelf · 2 partners om aan te
        spreken · 1 nazorgtermijn loopt af"; "" when there is nothing to say at all."""
        own = self.own
        quiet = not (own.actions or own.director_cases or self.radar or self.nazorg_nearing
                     or self.nazorg_passed or (self.weeks and self.weeks[-1].dominated))
        if quiet:
            return ""
        parts = [own.text()] if own.has_own_house else []
        if self.to_address:
            parts.append(ngettext("{n} partner om aan te spreken", "{n} partners om aan te spreken", self.to_address).format(n=number(self.to_address)))
        if self.nazorg_nearing:
            parts.append(ngettext("{n} nazorgtermijn loopt af", "{n} nazorgtermijnen lopen af", self.nazorg_nearing).format(n=number(self.nazorg_nearing)))
        if self.nazorg_passed:
            parts.append(ngettext("{n} nazorgtermijn verlopen", "{n} nazorgtermijnen verlopen", self.nazorg_passed).format(n=number(self.nazorg_passed)))
        if self.weeks and self.weeks[-1].dominated:
            parts.append(_("deze week vooral de pet hulpverlening of casusregie"))
        return " · ".join(parts)


# -- the queries ------------------------------------------------------------------------------

def _own_partner_id() -> int | None:
    row = Partner.select(Partner.id).where(Partner.is_own == True).first()  # noqa: E712
    return row.id if row else None


def _plan_in_force(case_id=Case.id):
    """A condition on Plan: the newest version of its case (`case_id`) that is not superseded."""
    newer = Plan.alias("newer")
    newest = (newer.select(newer.id)
              .where((newer.case == case_id) & (newer.superseded == False))  # noqa: E712
              .order_by(newer.version.desc()).limit(1))
    return Plan.id == newest


def _open_actions():
    """Open actions of the plan in force of running cases. Driven from the cases (CROSS JOIN
    keeps that order in SQLite): per case its newest plan, then its open actions on the index
    (plan, status, deadline), as the case list counts them; not every open action first."""
    return (Case.select()
            .join(Plan, JOIN.CROSS)
            .join(Action, JOIN.CROSS)
            .where((Case.phase != _CLOSED) & _plan_in_force() & (Action.plan == Plan.id)
                   & Action.status.in_(OPEN_ACTION_STATUSES)))


def _day(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def own_load(own_id: int | None) -> OwnLoad:
    """What the own house carries in the running cases (two queries)."""
    if own_id is None:
        return OwnLoad(0, 0, 0, (), has_own_house=False)
    # Driven from the own house's open actions (index owner_partner, status): few of them.
    owned = (Action.select(Case.id, Case.reference, Case.title, fn.COUNT(Action.id))
             .join(Plan, on=(Action.plan == Plan.id))
             .join(Case, on=(Plan.case == Case.id))
             .where((Action.owner_partner == own_id) & Action.status.in_(OPEN_ACTION_STATUSES)
                    & (Case.phase != _CLOSED) & _plan_in_force(Plan.case))
             .group_by(Case.id, Case.reference, Case.title))
    counts = {case_id: (reference, title, n) for case_id, reference, title, n in owned.tuples()}
    directed = {case_id: (reference, title) for case_id, reference, title in
                _director_cases(own_id)}
    rows = []
    for case_id in sorted(set(counts) | set(directed)):
        reference, title = (counts[case_id][:2] if case_id in counts else directed[case_id])
        rows.append(OwnCase(case_id, reference, title or "",
                            counts[case_id][2] if case_id in counts else 0, case_id in directed))
    rows.sort(key=lambda r: (-r.actions, not r.director, r.reference))
    return OwnLoad(
        actions=sum(n for _r, _t, n in counts.values()),
        action_cases=len(counts),
        director_cases=len(directed),
        cases=tuple(rows),
    )


def _director_cases(own_id: int) -> Iterable[tuple[int, str, str]]:
    """Running cases whose casusregisseur is the own house: the participant with that role (what
    the case list and the dossier show); without one, the director of the plan in force; without
    that, the director agreed at the case's last agenda item that named one."""
    participant = (Participant.select(Participant.partner)
                   .where((Participant.case == Case.id)
                          & (Participant.role == ParticipantRole.CASE_DIRECTOR.value))
                   .order_by(Participant.id).limit(1))
    newest_plan = (Plan.select(Plan.director_partner).where(Plan.case == Case.id)
                   .where(_plan_in_force()).limit(1))
    agreed = (MeetingItem.select(MeetingItem.director_partner)
              .where((MeetingItem.case == Case.id) & MeetingItem.director_partner.is_null(False))
              .order_by(MeetingItem.id.desc()).limit(1))
    director = fn.COALESCE(participant, newest_plan, agreed)
    return (Case.select(Case.id, Case.reference, Case.title)
            .where((Case.phase != _CLOSED) & (director == own_id)).tuples())


@dataclass
class _Gather:
    name: str
    overdue: int = 0
    overdue_refs: list[str] = field(default_factory=list)
    oldest: dt.date | None = None
    silent: int = 0
    silent_refs: list[str] = field(default_factory=list)
    missed: list[tuple[str, dt.date, str]] = field(default_factory=list)
    not_taken_up: int = 0
    not_taken_up_refs: list[str] = field(default_factory=list)
    weight: Counter = field(default_factory=Counter)  # case id -> signals
    refs: dict[int, str] = field(default_factory=dict)  # case id -> number

    def mark(self, case_id: int, reference: str, n: int) -> None:
        self.weight[case_id] += n
        self.refs[case_id] = reference


def radar(today: dt.date, own_id: int | None, *, evidence: bool = True
          ) -> tuple[list[PartnerSignals], int]:
    """Every partner but the own house with at least one signal, worst first; and how many
    partners have running actions without any signal. Five queries; `evidence=False` leaves
    out which cases the late and silent actions are in (the case list's line needs counts)."""
    names = {pid: name for pid, name in Partner.select(Partner.id, Partner.name).tuples()}
    gathered: dict[int, _Gather] = {}

    def of(partner_id: int) -> _Gather:
        if partner_id not in gathered:
            gathered[partner_id] = _Gather(names.get(partner_id, "?"))
        return gathered[partner_id]

    # silent from FEEDBACK_SILENCE_DAYS on: the last contact before the day after that limit
    # (ISO text compares as dates do, a stored moment as its day)
    cutoff = (today - dt.timedelta(days=FEEDBACK_SILENCE_DAYS - 1)).isoformat()
    today_iso = today.isoformat()
    last_contact = fn.COALESCE(Action.feedback_on, Action.created_at)
    is_late = Action.deadline < today_iso
    is_silent = last_contact < cutoff
    late = fn.SUM(SqlCase(None, [(is_late, 1)], 0))
    silent = fn.SUM(SqlCase(None, [(is_silent, 1)], 0))
    not_own = Action.owner_partner.is_null(False)
    if own_id is not None:
        not_own &= Action.owner_partner != own_id
    owners_with_actions = set()
    totals = (_open_actions()
              .select(Action.owner_partner, late.alias("late"), silent.alias("silent"),
                      fn.MIN(last_contact).alias("oldest"))
              .where(not_own)
              .group_by(Action.owner_partner))
    for partner_id, n_late, n_silent, oldest in totals.tuples():
        owners_with_actions.add(partner_id)
        n_late, n_silent = int(n_late or 0), int(n_silent or 0)
        if n_late or n_silent:
            g = of(partner_id)
            g.overdue, g.silent = n_late, n_silent
            g.oldest = _day(oldest) if n_silent else None
    if evidence and gathered:
        # which cases: only the actions with a signal, per partner and case
        cases_of = (_open_actions()
                    .select(Action.owner_partner, Case.id, Case.reference, late.alias("late"),
                            silent.alias("silent"))
                    .where(not_own & (is_late | is_silent))
                    .group_by(Action.owner_partner, Case.id, Case.reference)
                    .order_by(Case.reference))
        for partner_id, case_id, reference, n_late, n_silent in cases_of.tuples():
            g = of(partner_id)
            if n_late:
                g.overdue_refs.append(reference)
                g.mark(case_id, reference, int(n_late))
            if n_silent:
                g.silent_refs.append(reference)
                g.mark(case_id, reference, int(n_silent))
    _gather_missed(of, own_id)
    _gather_not_taken_up(of, own_id)
    found = []
    for partner_id, g in gathered.items():
        silent_days = max(0, (today - g.oldest).days) if g.oldest and g.silent else 0
        found.append(PartnerSignals(
            partner_id=partner_id, name=g.name, overdue=g.overdue,
            overdue_refs=tuple(g.overdue_refs), silent_days=silent_days,
            silent_actions=g.silent, silent_refs=tuple(g.silent_refs),
            missed=tuple(g.missed) if len(g.missed) >= MISSED_IN_A_ROW else (),
            not_taken_up=g.not_taken_up, not_taken_up_refs=tuple(g.not_taken_up_refs),
            case_ids=tuple(case_id for case_id, _n in g.weight.most_common()),
            case_refs=tuple(g.refs[case_id] for case_id, _n in g.weight.most_common()),
        ))
    found = [p for p in found if p.signals]
    found.sort(key=lambda p: (not p.pattern, -p.signals, -p.overdue, -p.not_taken_up,
                              -p.silent_days, p.name.casefold()))
    quiet = len(owners_with_actions - {p.partner_id for p in found})
    return found, quiet


def _gather_missed(of, own_id: int | None) -> None:
    """The last MISSED_IN_A_ROW invited items of held meetings per partner (one windowed query),
    with the partner's presence at each."""
    held = (Meeting.status == MeetingStatus.CLOSED.value) | (MeetingItem.status == ItemStatus.CLOSED.value)
    rank = fn.ROW_NUMBER().over(partition_by=[ItemInvite.partner],
                                order_by=[Meeting.held_on.desc(), MeetingItem.id.desc()])
    where = held & (Case.phase != _CLOSED)
    if own_id is not None:
        where &= ItemInvite.partner != own_id
    ranked = (ItemInvite
              .select(ItemInvite.partner.alias("partner_id"), MeetingItem.id.alias("item_id"),
                      Meeting.id.alias("meeting_id"), Meeting.held_on.alias("held_on"),
                      Case.id.alias("case_id"), Case.reference.alias("reference"),
                      rank.alias("rank"))
              .join(MeetingItem, on=(ItemInvite.item == MeetingItem.id))
              .join(Meeting, on=(MeetingItem.meeting == Meeting.id))
              .switch(MeetingItem)
              .join(Case, on=(MeetingItem.case == Case.id))
              .where(where)
              .group_by(ItemInvite.partner, MeetingItem.id, Meeting.id, Meeting.held_on, Case.id,
                        Case.reference)
              .alias("ranked"))
    # The presence for the item: present wins over afgemeld over afwezig; else the meeting's.
    score = SqlCase(ItemAttendance.presence, [(Presence.PRESENT.value, 3),
                                              (Presence.EXCUSED.value, 2),
                                              (Presence.ABSENT.value, 1)], 0)
    at_item = (ItemAttendance.select(fn.MAX(score))
               .where((ItemAttendance.item == ranked.c.item_id)
                      & (ItemAttendance.partner == ranked.c.partner_id)))
    meeting_score = SqlCase(Attendee.presence, [(Presence.PRESENT.value, 3),
                                                (Presence.EXCUSED.value, 2),
                                                (Presence.ABSENT.value, 1)], 0)
    at_meeting = (Attendee.select(fn.MAX(meeting_score))
                  .where((Attendee.meeting == ranked.c.meeting_id)
                         & (Attendee.partner == ranked.c.partner_id)))
    rows = (Case.select(ranked.c.partner_id, ranked.c.held_on, ranked.c.reference,
                        ranked.c.case_id, at_item.alias("item_presence"),
                        at_meeting.alias("meeting_presence"))
            .from_(ranked)
            .where(ranked.c.rank <= MISSED_IN_A_ROW)
            .order_by(ranked.c.partner_id, ranked.c.rank)
            .tuples())
    by_score = {3: Presence.PRESENT.value, 2: Presence.EXCUSED.value, 1: Presence.ABSENT.value}
    streaks: dict[int, list[tuple[str, dt.date, str, int]]] = {}
    broken: set[int] = set()
    for partner_id, held_on, reference, case_id, item_score, meeting_score_ in rows:
        presence = by_score.get(int(item_score or 0)) or by_score.get(int(meeting_score_ or 0))
        if partner_id in broken:
            continue
        if presence in _MISSED:
            streaks.setdefault(partner_id, []).append((presence, _day(held_on), reference, case_id))
        else:  # present, or nothing recorded: no evidence of a row
            broken.add(partner_id)
    for partner_id, streak in streaks.items():
        if len(streak) >= MISSED_IN_A_ROW:
            g = of(partner_id)
            g.missed = [(presence, held, reference) for presence, held, reference, _c in streak]
            for _presence, _held, reference, case_id in streak:  # where it was expected
                g.mark(case_id, reference, 1)


def _gather_not_taken_up(of, own_id: int | None) -> None:
    where = ((ActionReview.outcome == ReviewOutcome.NOT_TAKEN_UP.value) & (Case.phase != _CLOSED)
             & Action.owner_partner.is_null(False))
    if own_id is not None:
        where &= Action.owner_partner != own_id
    query = (ActionReview.select(Action.owner_partner, Case.id, Case.reference,
                                 fn.COUNT(ActionReview.id))
             .join(Action, on=(ActionReview.action == Action.id))
             .join(Plan, on=(Action.plan == Plan.id))
             .join(Case, on=(Plan.case == Case.id))
             .where(where)
             .group_by(Action.owner_partner, Case.id, Case.reference)
             .order_by(Case.reference))
    for partner_id, case_id, reference, n in query.tuples():
        g = of(partner_id)
        g.not_taken_up += int(n)
        g.not_taken_up_refs.append(reference)
        g.mark(case_id, reference, int(n))


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def hat_weeks(today: dt.date, case_id: int | None = None, weeks: int = WEEKS_SHOWN) -> list[HatWeek]:
    """Journal entries per hat per ISO week (local time), this week and the `weeks - 1` before
    it, oldest first; for one case, or the whole caseload when `case_id` is None. One query."""
    first = _monday(today) - dt.timedelta(weeks=weeks - 1)
    since = clock.local_to_utc(dt.datetime.combine(first, dt.time())) - dt.timedelta(days=1)
    # Counted per hour of the stored UTC moment ('YYYY-MM-DD HH'), each hour then placed in its
    # local week: a few hundred rows, however many entries (whole-hour zone offsets, as here).
    # coerce(False): the text as SQLite gives it, not run through the DateTimeField's converter
    # (which, depending on the Python, made a datetime of it or left it text)
    hour = fn.SUBSTR(JournalEntry.at, 1, 13).coerce(False)
    query = (JournalEntry.select(hour, JournalEntry.hat, fn.COUNT(JournalEntry.id))
             .where(JournalEntry.at >= since).group_by(hour, JournalEntry.hat))
    if case_id is not None:
        query = query.where(JournalEntry.case == case_id)
    mondays = [first + dt.timedelta(weeks=n) for n in range(weeks)]
    tallies: dict[dt.date, Counter] = {m: Counter() for m in mondays}
    for moment, hat, n in query.tuples():
        at = moment if isinstance(moment, dt.datetime) else dt.datetime.strptime(str(moment), "%Y-%m-%d %H")
        monday = _monday(clock.local_date(at))
        if monday in tallies:
            tallies[monday][hat or ""] += int(n)
    result = []
    for monday in mondays:
        tally = tallies[monday]
        year, week, _ = monday.isocalendar()
        result.append(HatWeek(year, week, monday, {h.value: tally.get(h.value, 0) for h in Hat},
                              untagged=sum(n for code, n in tally.items()
                                           if code not in {h.value for h in Hat})))
    return result


def hat_totals(weeks: Sequence[HatWeek]) -> str:
    """"procesregie 5 · monitoren 3 · hulpverlening 1" over the weeks (hats with entries only)."""
    total: Counter = Counter()
    for week in weeks:
        total.update(week.per_hat)
    shown = [f"{Hat.label_of(code)} {number(n)}" for code, n in total.most_common() if n]
    return " · ".join(shown) if shown else _("geen notities met een pet")


def nazorg(today: dt.date) -> list[NazorgRow]:
    """Closed cases with a nazorg date, from NAZORG_PASSED_KEEP_DAYS ago on, soonest first."""
    since = today - dt.timedelta(days=NAZORG_PASSED_KEEP_DAYS)
    query = (Case.select(Case.id, Case.reference, Case.title, Case.closed_on, Case.watch_until)
             .where((Case.phase == _CLOSED) & Case.watch_until.is_null(False)
                    & (Case.watch_until >= since))
             .order_by(Case.watch_until, Case.reference))
    return [NazorgRow(case_id, reference, title or "", _day(closed), _day(until),
                      (_day(until) - today).days)
            for case_id, reference, title, closed, until in query.tuples()]


def mirror(today: dt.date | None = None, *, evidence: bool = True) -> Mirror:
    """Everything the Spiegel shows, in a fixed number of queries (nine; eight without the
    `evidence` of which cases a partner's late and silent actions are in)."""
    today = today or context.today()
    own_id = _own_partner_id()
    found, quiet = radar(today, own_id, evidence=evidence)
    return Mirror(today=today, own=own_load(own_id), radar=tuple(found),
                  weeks=tuple(hat_weeks(today)), nazorg=tuple(nazorg(today)),
                  quiet_partners=quiet)


def summary(today: dt.date | None = None) -> str:
    """The case list's line (counts only)."""
    return mirror(today, evidence=False).summary()


# -- reopening from the nazorg watch ------------------------------------------------------

def reopen_case(case: Case | int, reason: str) -> Case:
    """Reopen a closed case (from the nazorg watch) with a reason: lifecycle.reopen_case checks
    the reason (required), writes it in the journal and an audit event; the nazorg date goes."""
    if not isinstance(case, Case):
        found = Case.get_or_none(Case.id == int(case))
        if found is None:
            raise NotFound(M("cases.case.gone", "Deze casus bestaat niet (meer)."))
        case = found
    return lifecycle.reopen_case(case, reason)

