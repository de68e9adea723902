"""The case list: one compact row per case, found, filtered and sorted fast at any size.

`load_rows` reads every case with its signals in ONE aggregated query (about 10,000 cases and
100,000 actions in well under a second, in a thread worker); after that, each keystroke only
asks FTS5 for the matching case ids (`search_ids`) and filters and sorts the compact rows in
memory (`apply`). The signals that need attention are computed once per load, each with a text
badge, so the list never relies on colour alone.

`load_dossier` gathers everything the dossier shows through the other services (the view is
audited by `cases.get_case`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from zvh_tui.core import config
from zvh_tui.core.i18n import N_, _, ngettext, tr
from zvh_tui.core.vocab import (
    PHASE_ORDER,
    AvePhase,
    Level,
    Phase,
    PlanStatus,
    Vocab,
    ZvhRole,
)
from zvh_tui.services.cases import escalation, journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons as person_rules
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants, provisions
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import retention
from zvh_tui.services.shared import context, dates, disclosure
from zvh_tui.services.shared.plurals import number
from zvh_tui.store import case_rows, search
from zvh_tui.store.models import (
    Case,
    CasePerson,
    Escalation,
    JournalEntry,
    MeetingItem,
    Participant,
    Person,
    Plan,
)


class QuickFilter(Vocab, kind=N_("snelfilter")):
    """What needs attention; each one a key on the case list (1-6)."""

    OVERDUE = ("overdue", N_("acties te laat"))
    NO_DIRECTOR = ("no_director", N_("geen casusregisseur"))
    NO_PLAN = ("no_plan", N_("geen vastgesteld plan"))
    STAGNATING = ("stagnating", N_("stilstand"))
    INFORMED_REVIEW = ("informed_review", N_("heroverweeg informeren"))
    RETENTION_PASSED = ("retention_passed", N_("bewaartermijn verlopen"))


QUICK_FILTERS: list[QuickFilter] = list(QuickFilter)
_BIT = {q: 1 << i for i, q in enumerate(QUICK_FILTERS)}

# Phases from which a casusregisseur / an adopted plan is expected (rule 1; the plan phase).
DIRECTOR_EXPECTED = {Phase.MEETING.value, Phase.PLAN.value, Phase.EXECUTION.value}
PLAN_EXPECTED = {Phase.PLAN.value, Phase.EXECUTION.value}
_PHASE_RANK = {p.value: i for i, p in enumerate([*PHASE_ORDER, Phase.CLOSED])}
_LEVEL_RANK = {lv.value: i for i, lv in enumerate(Level)}


@dataclass(slots=True)
class CaseRow:
    """One line of the case list: plain values only, no model objects."""

    id: int
    reference: str
    title: str
    phase: str
    ave_phase: str
    level: str
    zvh_role: str
    director: str  # "partner · contact", empty when there is none
    open_actions: int
    overdue_actions: int
    next_on: str  # 'YYYY-MM-DD' (ISO text sorts as dates do), empty when none
    days_since_change: int
    flags: int = 0  # bit set of QuickFilter signals
    badges: tuple[str, ...] = ()
    title_key: str = ""
    director_key: str = ""

    @property
    def next_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.next_on) if self.next_on else None

    @property
    def closed(self) -> bool:
        return self.phase == Phase.CLOSED.value

    def has(self, quick: QuickFilter) -> bool:
        return bool(self.flags & _BIT[quick])


# -- columns and sorting ------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    code: str
    header: str  # marked with N_(): shown as _(column.header)
    width: int  # cells wanted (a 120-column terminal shows every column about this wide)
    align: str = "left"
    floor: int = 0  # narrowest it may become in a small terminal (0: never narrower than width)
    drop: int = 0  # dropped in a small terminal: 1 first, 2 next, …; 0 = always shown
    short: str = ""  # header when the full one does not fit (with the sort marker); N_() too
    worst_first: bool = False  # sorting picks the worst (most attention) first by default
    key: str = ""  # the letter in the sort menu

    @property
    def narrowest(self) -> int:
        return self.floor or self.width


# Name, casusregisseur, aandacht and fase shrink first; then the least telling columns go, so
# Laat and Aandacht stay even at 80 columns. Each width leaves room for the sort marker (▲).
COLUMNS: list[Column] = [
    Column("reference", N_("Nummer"), 9, key="n"),
    Column("title", N_("Naam / alias"), 14, floor=10, short=N_("Naam"), key="m"),
    Column("phase", N_("Fase"), 14, floor=10, drop=6, key="f"),
    Column("ave", "AVE", 9, drop=5, worst_first=True, key="e"),
    Column("role", N_("Rol"), 6, drop=1, key="r"),
    Column("director", N_("Casusregisseur"), 14, floor=10, short=N_("Regisseur"), drop=7, key="c"),
    Column("open", N_("Open"), 5, "right", drop=3, worst_first=True, key="o"),
    Column("overdue", N_("Laat"), 5, "right", worst_first=True, key="l"),
    Column("next", N_("Volgende"), 10, drop=4, key="v"),
    Column("days", N_("Dgn"), 4, "right", drop=2, worst_first=True, key="d"),
    Column("attention", N_("Aandacht"), 18, floor=12, worst_first=True, key="a"),
]
# Marked here, shown as _(COLUMN_LABELS[code]).
COLUMN_LABELS = {
    "reference": N_("Nummer"), "title": N_("Naam"), "phase": N_("Fase"), "ave": "AVE",
    "role": N_("Rol ZVH"), "director": N_("Casusregisseur"), "open": N_("Open acties"),
    "overdue": N_("Acties te laat"), "next": N_("Volgende datum"),
    "days": N_("Dagen sinds wijziging"), "attention": N_("Aandacht"),
}
SORTABLE = [c.code for c in COLUMNS]
COLUMN_BY_CODE = {c.code: c for c in COLUMNS}
# What the worst-first order means, per column (the sort menu says it).
WORST_FIRST_TEXT = {
    "ave": N_("hoogste fase eerst"), "open": N_("meeste eerst"), "overdue": N_("meeste eerst"),
    "days": N_("langst stil eerst"), "attention": N_("meeste signalen eerst"),
}
DATES_FIRST_TEXT = {"next": N_("eerstvolgende (of verlopen evaluatie) eerst")}


def default_descending(code: str) -> bool:
    """The first direction of a column: worst first for the columns that signal attention
    (Laat, Aandacht, AVE, Open, Dgn); dates soonest first, which puts a passed evaluation on
    top; names and numbers A to Z."""
    return COLUMN_BY_CODE[code].worst_first


def sort_menu() -> list[tuple[str, str, str]]:
    """(letter, label, code) for each column, as the sort menu lists them."""
    items = []
    for column in COLUMNS:
        label = _(COLUMN_LABELS[column.code])
        extra = WORST_FIRST_TEXT.get(column.code) or DATES_FIRST_TEXT.get(column.code)
        items.append((column.key, f"{label} ({_(extra)})" if extra else label, column.code))
    return items


def _sort_key(code: str):  # a key function per column
    if code == "reference":
        return lambda r: r.reference
    if code == "title":
        return lambda r: r.title_key
    if code == "phase":
        return lambda r: _PHASE_RANK.get(r.phase, 99)
    if code == "ave":
        return lambda r: (r.ave_phase, _LEVEL_RANK.get(r.level, 99))
    if code == "role":
        return lambda r: r.zvh_role
    if code == "director":
        return lambda r: (r.director_key == "", r.director_key)
    if code == "open":
        return lambda r: r.open_actions
    if code == "overdue":
        return lambda r: r.overdue_actions
    if code == "next":
        return lambda r: r.next_on or "9999"
    if code == "days":
        return lambda r: r.days_since_change
    if code == "attention":  # every signal counts, also a passed evaluation (no quick filter)
        return lambda r: (len(r.badges), r.overdue_actions)
    raise ValueError(code)


def sort_rows(rows: Sequence[CaseRow], column: str, descending: bool = False) -> list[CaseRow]:
    """Rows in the order of one column; ties keep the order of `rows` (reference order, as
    `load_rows` gives them), since Python's sort is stable, also in reverse."""
    return sorted(rows, key=_sort_key(column), reverse=descending)


# -- loading ------------------------------------------------------------------------------

_CLOSED = Phase.CLOSED.value
_B_OVERDUE, _B_DIRECTOR, _B_PLAN, _B_STAG, _B_INFORM, _B_RETENTION = (_BIT[q] for q in QUICK_FILTERS)


def _make_row(raw: tuple, stagnation_days: int, today_iso: str = "",
              minutes_late: dict[int, list[str]] | None = None) -> CaseRow:
    (case_id, reference, title, phase, ave, level, role, partner_name, contact_name, open_n,
     overdue_n, evaluation_on, next_meeting, days, has_adopted, review_passed, retention_end) = raw
    title = title or ""
    if evaluation_on and next_meeting:
        next_on = min(str(evaluation_on)[:10], str(next_meeting)[:10])
    else:
        next_on = str(evaluation_on or next_meeting or "")[:10]
    director = ""
    if partner_name:
        director = f"{partner_name} · {contact_name}" if contact_name else partner_name
    flags = 0
    badges: list[str] = []
    if phase != _CLOSED:
        if overdue_n:
            flags |= _B_OVERDUE
            badges.append("! " + ngettext("{n} te laat", "{n} te laat", overdue_n).format(n=overdue_n))
        if not partner_name and phase in DIRECTOR_EXPECTED:
            flags |= _B_DIRECTOR
            badges.append(_("geen casusregisseur"))
        if not has_adopted and phase in PLAN_EXPECTED:
            flags |= _B_PLAN
            badges.append(_("geen vastgesteld plan"))
        if days >= stagnation_days:
            flags |= _B_STAG
            badges.append(ngettext("stil {n} dgn", "stil {n} dgn", days).format(n=days))
        if review_passed:
            flags |= _B_INFORM
            badges.append(_("heroverweeg informeren"))
        if evaluation_on and today_iso and str(evaluation_on)[:10] < today_iso:
            badges.append(_("evaluatie verlopen"))  # the plan's review date has passed
    elif retention_end and today_iso and retention.passed(
            dt.date.fromisoformat(str(retention_end)[:10]), dt.date.fromisoformat(today_iso)):
        flags |= _B_RETENTION
        badges.append(_("bewaartermijn verlopen"))
    if minutes_late and case_id in minutes_late:  # a closed meeting's minutes not sent in time
        badges.append(provisions.overdue_badge(minutes_late[case_id]))
    return CaseRow(
        case_id, reference, title, phase, ave, level, role, director, open_n, overdue_n,
        next_on, days, flags, tuple(badges), title.casefold(),
        director.casefold(),
    )


def load_rows(*, stagnation_days: int = 30, today: dt.date | None = None,
              case_ids: Iterable[int] | None = None,
              minutes_terms: dict[str, int] | None = None) -> list[CaseRow]:
    """Every case (or only `case_ids`) as a compact row, in reference order: one query, and
    two small ones for the minutes not sent within their term (`minutes_terms`: kind ->
    working days, `Settings.minutes_terms()`; the defaults when None)."""
    today = today or context.today()
    ids = None if case_ids is None else [int(i) for i in case_ids]
    if ids is not None and not ids:
        return []
    today_iso = today.isoformat()
    terms = minutes_terms if minutes_terms is not None else config.Settings().minutes_terms()
    late = provisions.overdue_minutes(terms, today)
    return [_make_row(raw, stagnation_days, today_iso, late) for raw in case_rows.load(today, ids)]


FIRST_ORDER = ("next", False)  # the list's first order (ListQuery's default): Volgende, soonest first


def first_rows(count: int, *, stagnation_days: int = 30, today: dt.date | None = None,
               minutes_terms: dict[str, int] | None = None) -> list[CaseRow]:
    """The first `count` rows of the list as it first shows (open cases, Volgende soonest
    first), in that order, without loading every case: what the screen shows while
    `load_rows` aggregates the rest. Costs the same at 100 cases as at 30,000."""
    today = today or context.today()
    ids = case_rows.first_ids(today, count)
    rows = load_rows(stagnation_days=stagnation_days, today=today, case_ids=ids,
                     minutes_terms=minutes_terms)
    return sort_rows(rows, *FIRST_ORDER)


def is_first_order(query: ListQuery) -> bool:
    """The list shows exactly what `first_rows` gives (no search, filter or other order)."""
    return (not query.text.strip() and query.phase is None and not query.quick
            and not query.show_closed and (query.sort, query.descending) == FIRST_ORDER)


def explain_load() -> list[str]:
    """How the database runs the load query (for the benchmark and for checking indexes)."""
    return case_rows.explain(context.today())


# -- searching ----------------------------------------------------------------------------

def fts_query(text: str) -> str | None:
    """What the user typed as a safe full-text query (store/search.py); None when nothing
    searchable is left."""
    return search.query_for(text)


def record_search(hits: int) -> None:
    """Audit one finished search (NEN 7513): the number of hits, never what was typed."""
    from zvh_tui.services.safety import audit

    audit.record("search", object_type="case_list", detail=f"hits={int(hits)}")


def search_ids(text: str) -> set[int] | None:
    """Ids of the cases whose reference, persons' names or aanleiding match; None = no search."""
    query = fts_query(text)
    if query is None:
        return None
    return search.matching_case_ids(query)


# -- filtering ----------------------------------------------------------------------------

@dataclass
class ListQuery:
    """What the user asked of the list: search text, phase, quick filters, sorting, closed cases."""

    text: str = ""
    phase: str | None = None
    quick: set[QuickFilter] = field(default_factory=set)
    sort: str = "next"
    descending: bool = False
    show_closed: bool = False

    def shows_closed(self) -> bool:
        return (
            self.show_closed
            or self.phase == Phase.CLOSED.value
            or QuickFilter.RETENTION_PASSED in self.quick
        )


PHASE_CYCLE: list[str | None] = [None, *[p.value for p in PHASE_ORDER], Phase.CLOSED.value]


def next_phase_filter(current: str | None) -> str | None:
    index = PHASE_CYCLE.index(current) if current in PHASE_CYCLE else 0
    return PHASE_CYCLE[(index + 1) % len(PHASE_CYCLE)]


def filter_rows(rows: Sequence[CaseRow], query: ListQuery, ids: set[int] | None) -> list[CaseRow]:
    """The rows that match; the order of `rows` is kept (sort first, once, with `sort_rows`)."""
    mask = 0
    for quick in query.quick:
        mask |= _BIT[quick]
    result: Iterable[CaseRow] = rows
    if ids is not None:
        result = [r for r in result if r.id in ids]
    if query.phase is not None:
        phase = query.phase
        result = [r for r in result if r.phase == phase]
    elif not query.shows_closed():
        result = [r for r in result if r.phase != _CLOSED]
    if mask:
        result = [r for r in result if r.flags & mask == mask]
    return list(result)


def apply(rows: Sequence[CaseRow], query: ListQuery) -> list[CaseRow]:
    """Search, filter and sort in one call (services level; the screen caches the sorted rows)."""
    return filter_rows(sort_rows(rows, query.sort, query.descending), query, search_ids(query.text))


@dataclass
class Stats:
    total: int  # every case in the database
    open: int  # not closed
    closed: int
    per_filter: dict[QuickFilter, int]


def stats(rows: Sequence[CaseRow]) -> Stats:
    # One pass in C for each figure (a few ms at 10,000 rows, not 15): the flags are counted
    # per combination (at most 64), then per filter.
    closed = [r.phase for r in rows].count(_CLOSED)
    combinations = Counter(r.flags for r in rows)
    counts = {quick: sum(n for flags, n in combinations.items() if flags & _BIT[quick])
              for quick in QUICK_FILTERS}
    return Stats(total=len(rows), open=len(rows) - closed, closed=closed, per_filter=counts)


def stats_changed(before: Stats, old: CaseRow | None, new: CaseRow | None) -> Stats:
    """`before` with one row replaced (`old` -> `new`; None: added or removed), without
    counting every row again."""
    counts = dict(before.per_filter)
    total, closed = before.total, before.closed
    for row, step in ((old, -1), (new, 1)):
        if row is None:
            continue
        total += step
        if row.phase == Phase.CLOSED.value:
            closed += step
        for quick in QUICK_FILTERS:
            if row.flags & _BIT[quick]:
                counts[quick] += step
    return Stats(total=total, open=total - closed, closed=closed, per_filter=counts)


def same_place(old: CaseRow, new: CaseRow, column: str) -> bool:
    """Whether `new` sorts where `old` did on this column (ties: reference order)."""
    key = _sort_key(column)
    return key(old) == key(new) and old.reference == new.reference


def count_text(count: int, total: int | None = None) -> str:
    """'1 casus', '1.234 casussen', '12 van 1.234 casussen'."""
    if total is not None and total != count:
        return ngettext("{count} van {n} casus", "{count} van {n} casussen", total).format(
            count=number(count), n=number(total))
    return ngettext("{n} casus", "{n} casussen", count).format(n=number(count))


# -- cell texts ---------------------------------------------------------------------------

# Short forms for the narrow list columns; the dossier shows the full labels.
# Marked here, translated where shown.
SHORT_PHASE = {Phase.PLAN.value: N_("Plan v. aanpak")}
SHORT_LEVEL = {Level.MANAGEMENT.value: N_("mgmt"), Level.LMM.value: "LMM"}
SHORT_ROLE = {ZvhRole.DIRECTION.value: N_("regie"), ZvhRole.ADVICE.value: N_("advies")}


def ave_text(ave_phase: str, level: str) -> str:
    """'2 proces': the AVE phase (1 groen … 4 donkerrood) and the level of conversation."""
    short = SHORT_LEVEL.get(level)
    return f"{ave_phase} {_(short) if short else Level.label_of(level)}"


def ave_full(ave_phase: str, level: str) -> str:
    return _("AVE-fase {phase} ({label}), niveau {level}").format(
        phase=ave_phase, label=AvePhase.label_of(ave_phase), level=Level.label_of(level))


def cells(row: CaseRow) -> list[str]:
    """The texts of one row, in the order of COLUMNS."""
    return [
        row.reference,
        disclosure.case_name(row.title),
        tr(SHORT_PHASE.get(row.phase)) or Phase.label_of(row.phase),
        ave_text(row.ave_phase, row.level),
        tr(SHORT_ROLE.get(row.zvh_role)) or ZvhRole.label_of(row.zvh_role),
        row.director or "—",
        str(row.open_actions),
        f"! {row.overdue_actions}" if row.overdue_actions else "0",
        dates.format_date(row.next_date),
        str(row.days_since_change),
        " · ".join(b for b in row.badges if not b.startswith("! ")),  # overdue: the Laat column
    ]


# -- the dossier --------------------------------------------------------------------------

@dataclass
class PlanSummary:
    plan: Plan
    status: str  # "versie 2 · bijgesteld"
    goals: list[tuple[str, list[tuple[object, list[str]]]]]  # (intent, [(action, flags)])
    loose_actions: list[tuple[object, list[str]]]  # actions without a goal
    blockers: list[str]
    agreements: list[str]


@dataclass
class Dossier:
    case: Case
    persons: list[tuple[Person, str]]
    participants: list[Participant]
    director: Participant | None
    plan: PlanSummary | None
    meetings: list[MeetingItem]
    journal: list[JournalEntry]
    escalations: list[Escalation]
    next_evaluation: dt.date | None
    next_meeting: dt.date | None
    provisions: list[provisions.ProvisionRow] = field(default_factory=list)  # the verstrekkingenlog
    links: list[CasePerson] = field(default_factory=list)  # the persons with role and informed


def plan_summary(plan: Plan) -> PlanSummary:
    own = plans._own_partner_id()
    actions = plans.actions_of(plan)
    goals = plans.goals_of(plan)
    by_goal: dict[int | None, list[tuple[object, list[str]]]] = {}
    for action in actions:
        by_goal.setdefault(action.goal_id, []).append((action, plans.action_flags(action, own)))
    blockers = (
        [b.message for b in plans.adoption_blockers(plan)] if plan.status == PlanStatus.CONCEPT.value else []
    )
    return PlanSummary(
        plan=plan,
        status=plans.status_label(plan),
        goals=[(g.intent, by_goal.get(g.id, [])) for g in goals],
        loose_actions=by_goal.get(None, []),
        blockers=blockers,
        agreements=[a.text for a in plans.agreements_of(plan)],
    )


def load_dossier(case_id: int, *, audit_view: bool = True) -> Dossier:
    """Everything the dossier shows; opening it is audited as a 'view' of the case (a re-read
    after a change is not: the change has its own event)."""
    case = cases.get_case(case_id, audit_view=audit_view)
    plan = plans.current(case)
    items = meetings.meetings_of_case(case)
    today = context.today()
    upcoming = [i.meeting.held_on for i in items if i.meeting.held_on and i.meeting.held_on >= today
                and i.meeting.status != "closed"]
    links = person_rules.links_of(case)
    return Dossier(
        case=case,
        persons=[(link.person, link.role) for link in links],
        participants=participants.participants_of(case),
        director=cases.director_of(case),
        plan=plan_summary(plan) if plan is not None else None,
        meetings=items,
        journal=journal.entries(case),
        escalations=escalation.history(case),
        next_evaluation=plan.evaluation_on if plan is not None else None,
        next_meeting=min(upcoming) if upcoming else None,
        provisions=provisions.of_case(case),
        links=links,
    )


