"""The first screenful without aggregating every case (issue 16): `first_rows` gives exactly
the first rows of the list as it first shows; one changed row corrects the counts."""

from __future__ import annotations

import datetime as dt

from casekit import World, make_case, meeting_for

from zvh_tui.services.cases import case_list
from zvh_tui.services.cases.case_list import ListQuery, QuickFilter
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import Plan


def refs(rows: list[case_list.CaseRow]) -> list[str]:
    return [r.reference for r in rows]


def test_the_first_rows_are_the_start_of_the_list_at_every_length(world: World) -> None:
    today = context.today()
    day = dt.timedelta(days=1)
    plan = plans.start_plan(world.plain)
    Plan.update(evaluation_on=today + 5 * day).where(Plan.id == plan.id).execute()
    meeting_for(world.no_plan, today + 2 * day)
    meeting_for(world.stagnating, today + 5 * day)  # the same day as an evaluation: by reference
    meeting_for(world.no_director, today - 2 * day)  # held already: does not count
    overdue_plan = plans.current(world.overdue)
    Plan.update(evaluation_on=today - 3 * day).where(Plan.id == overdue_plan.id).execute()  # passed: first
    meeting_for(world.overdue, today + day)  # later than its evaluation: the earlier one counts
    for n in range(3):
        make_case(f"Zonder Datum {n}")  # no date at all: last, by reference
    full = case_list.filter_rows(case_list.sort_rows(case_list.load_rows(), "next"), ListQuery(), None)
    assert refs(full[:1]) == [world.overdue.reference]
    assert world.retention_passed.reference not in refs(full)  # closed: not in the first order
    for count in range(1, len(full) + 2):
        assert refs(case_list.first_rows(count)) == refs(full[:count]), count


def test_only_the_lists_first_order_is_shown_from_the_first_rows() -> None:
    assert case_list.is_first_order(ListQuery())
    assert not case_list.is_first_order(ListQuery(text="jan"))
    assert not case_list.is_first_order(ListQuery(quick={QuickFilter.OVERDUE}))
    assert not case_list.is_first_order(ListQuery(sort="reference"))
    assert not case_list.is_first_order(ListQuery(show_closed=True))


def test_one_changed_row_corrects_the_counts_as_counting_again_would(world: World) -> None:
    rows = case_list.load_rows()
    before = case_list.stats(rows)
    old = next(r for r in rows if r.id == world.overdue.id)
    plans.add_action(plans.current(world.overdue), "nog een actie", owner_partner_id=world.partner.id,
                     deadline=context.today() - dt.timedelta(days=1))
    (new,) = case_list.load_rows(case_ids=[world.overdue.id])
    changed = [new if r.id == new.id else r for r in rows]
    assert case_list.stats_changed(before, old, new) == case_list.stats(changed)
    assert case_list.stats_changed(before, old, None) == case_list.stats([r for r in rows if r.id != old.id])
    assert case_list.same_place(old, old, "next")
