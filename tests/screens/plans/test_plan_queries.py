"""Query discipline of the plan editor and the dossier (issue 16.5): opening either issues the
same number of queries for a plan of 3 actions as for one of 15 — no lazy load per action while
drawing the rows (counted at the database's one door, tests/kits/querykit.py)."""

from __future__ import annotations

import querykit
from casekit import list_ready
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.services.plans import versions as plans

GROWTH = 12


def _actions(plan_case, first: int, count: int) -> None:
    """Actions with an owner and a contact each (what the rows show and a lazy load would read)."""
    plan = plans.current(plan_case.case) or plans.start_plan(plan_case.case)
    goal = plans.goals_of(plan)[0] if plans.goals_of(plan) else plans.add_goal(plan, "Marco houdt zijn woning")
    owners = ((plan_case.gemeente.id, plan_case.jansen.id), (plan_case.gemeente.id, plan_case.jansma.id),
              (plan_case.politie.id, None))
    for n in range(first, first + count):
        partner_id, contact_id = owners[n % len(owners)]
        plans.add_action(plan, f"Fictieve actie {n}", goal=goal if n % 2 else None,
                         owner_partner_id=partner_id, owner_contact_id=contact_id)


async def _count_open(pilot, app: ZvhApp, open_screen, ready) -> int:
    await app.workers.wait_for_complete()
    await pilot.pause()
    with querykit.capture() as seen:
        screen = await open_screen()
        await wait_for(pilot, lambda: ready(screen))
        await app.workers.wait_for_complete()
        await pilot.pause()
    await app.pop_screen()
    await pilot.pause()
    return len(seen.statements)


async def test_the_plan_editor_opens_in_the_same_number_of_queries_for_3_or_15_actions(profile, plan_case) -> None:
    _actions(plan_case, 0, 3)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)

        async def open_editor() -> PlanEditorScreen:
            screen = PlanEditorScreen(plan_case.case.id)
            await app.push_screen(screen)
            return screen

        def ready(screen: PlanEditorScreen) -> bool:
            return screen.plan is not None and bool(screen.outline.rows)

        await _count_open(pilot, app, open_editor, ready)  # the first opening builds the CSS
        small = await _count_open(pilot, app, open_editor, ready)
        _actions(plan_case, 3, GROWTH)
        large = await _count_open(pilot, app, open_editor, ready)
        rows = [row for row in app.screen_stack if isinstance(row, PlanEditorScreen)]
        assert not rows  # closed again
    assert large == small, f"3 actions: {small} queries, {3 + GROWTH}: {large}"


async def test_the_dossier_opens_in_the_same_number_of_queries_for_3_or_15_actions(profile, plan_case) -> None:
    _actions(plan_case, 0, 3)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        case_list = await list_ready(pilot)

        async def open_dossier() -> DossierScreen:
            case_list.open_case(plan_case.case.id)
            await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
            return app.screen  # type: ignore[return-value]

        def ready(screen: DossierScreen) -> bool:
            return bool(screen.dossier)

        await _count_open(pilot, app, open_dossier, ready)
        small = await _count_open(pilot, app, open_dossier, ready)
        _actions(plan_case, 3, GROWTH)
        large = await _count_open(pilot, app, open_dossier, ready)
    assert large == small, f"3 actions: {small} queries, {3 + GROWTH}: {large}"
