"""A long plan (issue 16): the first screenful of the outline is drawn at once and the rest
follows a chunk per frame; in the end every line is there, in order, and the cursor reaches
the last one."""

from __future__ import annotations

from casekit import list_ready
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.plans.plan_outline import MOUNT_CHUNK, OutlineLine
from zvh_tui.services.plans import versions as plans

COUNT = 2 * MOUNT_CHUNK + 10


async def test_a_long_plan_shows_every_action_in_order_and_the_cursor_reaches_the_end(profile, plan_case) -> None:
    plan = plans.current(plan_case.case) or plans.start_plan(plan_case.case)
    for n in range(COUNT):
        plans.add_action(plan, f"Fictieve actie {n:03d}", owner_partner_id=plan_case.gemeente.id)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        screen = PlanEditorScreen(plan_case.case.id)
        await app.push_screen(screen)
        outline = screen.outline

        def lines() -> list[OutlineLine]:
            return list(outline.query(OutlineLine))

        await wait_for(pilot, lambda: len(lines()) == len(outline.rows) > COUNT)
        assert [line.row for line in lines()] == outline.rows
        texts = [line.row.text.plain for line in lines() if "Fictieve actie" in line.row.text.plain]
        assert [t[t.index("Fictieve"):][:18] for t in texts] == [f"Fictieve actie {n:03d}" for n in range(COUNT)]
        await pilot.press("end")
        await wait_for(pilot, lambda: lines()[outline._cursor].has_class("-cursor"))
        assert outline.selected is not None and outline.selected.selectable
        assert sum(line.has_class("-cursor") for line in lines()) == 1
