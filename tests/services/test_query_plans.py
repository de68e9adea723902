"""Query discipline (issue 16.5): the queries behind the case list, search, dossier, plan,
partner roster and live meeting use indexes (`EXPLAIN QUERY PLAN`: no table read from start to
end but the one a list shows whole), and opening a dossier or a plan costs the same number of
queries for a plan of 3 actions as for one of 20 (no query per row)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import querykit
from peewee import fn

from zvh_tui.services.cases import case_list
from zvh_tui.services.meetings import card, live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import partner_overview, roster
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import Action, Case, MeetingItem, Plan


def _scans(work: Callable[[], object]) -> dict[str, set[str]]:
    """Per query the work runs: the tables it reads whole (only the queries that read any)."""
    with querykit.capture() as seen:
        work()
    assert seen.selects, "the work ran no query: the capture missed it"
    found: dict[str, set[str]] = {}
    for sql, params in seen.selects:
        scans = querykit.full_scans(sql, params)
        if scans:
            found[sql[:160]] = scans
    return found


MORE_ACTIONS = 12


def _a_plan() -> Plan:
    """A current plan with actions, some of them owned by a partner with a contact."""
    plan = (Plan.select().join(Action).where((Plan.superseded == False) & Action.owner_contact.is_null(False))  # noqa: E712
            .group_by(Plan.id).order_by(Plan.id).first())
    assert plan is not None
    return plan


def _grow(plan: Plan) -> None:
    """MORE_ACTIONS actions more in the plan, like the ones it has (each with its own owner)."""
    model = Action.select().where((Action.plan == plan.id) & Action.owner_contact.is_null(False)).first()
    last = Action.select(fn.MAX(Action.position)).where(Action.plan == plan.id).scalar() or 0
    for n in range(MORE_ACTIONS):
        Action.create(plan=plan.id, goal=model.goal_id, position=last + 1 + n, text=f"Fictieve actie {n}",
                      owner_partner=model.owner_partner_id, owner_contact=model.owner_contact_id,
                      deadline=model.deadline, status=model.status)


def _same_count_when_the_plan_grows(work: Callable[[Plan], object]) -> None:
    plan = _a_plan()
    work(plan)  # once before: what a first read caches is not counted
    before = querykit.count(lambda: work(plan))
    _grow(plan)
    after = querykit.count(lambda: work(plan))
    assert after == before, f"{MORE_ACTIONS} actions more: {before} -> {after} queries (a query per action?)"


def test_the_case_list_reads_only_the_case_table_whole(scale_profile) -> None:
    assert {table for scans in _scans(case_list.load_rows).values() for table in scans} <= {"case"}
    assert _scans(lambda: case_list.load_rows(case_ids=[1, 2])) == {}


def test_search_goes_through_the_full_text_index(scale_profile) -> None:
    word = Case.get_by_id(1).title.split()[0]
    assert _scans(lambda: case_list.search_ids(word)) == {}


def test_the_dossier_and_its_plan_use_indexes_and_a_bounded_number_of_queries(scale_profile) -> None:
    plan = _a_plan()
    assert _scans(lambda: case_list.load_dossier(plan.case_id)) == {}
    _same_count_when_the_plan_grows(lambda plan: case_list.load_dossier(plan.case_id))


def test_the_plan_editor_reads_a_plan_in_the_same_number_of_queries_at_any_size(scale_profile) -> None:
    def read(plan: Plan) -> None:
        plan = plans.get_plan(plan.id)
        goals, actions, agreements = plans.goals_of(plan), plans.actions_of(plan), plans.agreements_of(plan)
        for action in actions:  # what the editor shows of each line
            _ = (action.owner_partner.name if action.owner_partner_id else "", action.goal_id)
        assert goals is not None and agreements is not None

    plan = _a_plan()
    assert _scans(lambda: read(plan)) == {}
    _same_count_when_the_plan_grows(read)


def test_the_partner_roster_reads_the_partners_whole_and_nothing_else(scale_profile) -> None:
    assert {t for s in _scans(roster.list_partners).values() for t in s} <= {"partner", "contact"}
    partner = roster.list_partners()[0]
    assert _scans(lambda: partner_overview.partner_detail(partner.id)) == {}


def test_the_roster_counts_running_cases_on_indexes_only(scale_profile) -> None:
    """The one per-partner count that grows with the case load reads no table, only indexes
    (case_phase, participant (case_id, partner_id)): never a case's own row (issue 16)."""
    assert _scans(partner_overview.running_case_counts) == {}
    with querykit.capture() as seen:
        partner_overview.running_case_counts()
    (sql, params), = seen.selects
    plan = [str(row[-1]) for row in Case._meta.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params)]
    assert all("COVERING INDEX" in line for line in plan if line.startswith(("SCAN", "SEARCH"))), plan
    scans = _scans(lambda: partner_overview.roster_index(count_cases=False))
    assert set().union(*scans.values()) <= {"partner", "contact"}  # the rest of the roster: no case


@pytest.mark.parametrize("what", ["card", "agenda", "attendance", "notes"])
def test_the_live_meeting_panels_use_indexes(scale_profile, what: str) -> None:
    today = context.today()
    case = Case.select().where(Case.phase == "execution").first()
    meeting = meetings.create_meeting("MDO", today, start_time="09:30")
    meetings.add_item(meeting, case)
    item = MeetingItem.get(MeetingItem.meeting == meeting.id)
    work = {"card": lambda: card.case_card(item, today), "agenda": lambda: card.agenda(meeting, item.id),
            "attendance": lambda: live.attendance_of(item), "notes": lambda: live.notes_of(item)}[what]
    assert _scans(work) == {}
