"""Ctrl+L in the plan editor loses nothing (issue 12.6): a line half-typed in the editor in place
is stored by the lock itself, and a half-typed quick entry line is back after unlocking."""

from __future__ import annotations

from textual.widgets import Input
from uikit import wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.plans.plan_line_editor import PlanLineEditor
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Plan
from zvh_tui.widgets.drafts import DRAFT_NOTICE_TITLE


async def open_plan(app: ZvhApp, pilot, case_id: int) -> PlanEditorScreen:
    await pilot.pause()
    screen = PlanEditorScreen(case_id)
    await app.push_screen(screen)
    await wait_for(pilot, lambda: screen.plan is not None and screen.outline.rows)
    return screen


async def lock_and_unlock(app: ZvhApp, pilot, profile: Profile, passphrase: str) -> None:
    await wait_for(pilot, lambda: not profile.unlocked and isinstance(app.screen, UnlockScreen))
    await wait_for(pilot, lambda: not app.screen.query_one("#passphrase", Input).disabled
                   and isinstance(app.focused, Input))
    app.focused.value = passphrase
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.is_unlocked)


async def test_ctrl_l_while_typing_in_the_plan_keeps_the_line_and_the_quick_entry(
        profile: Profile, plan_case, test_passphrase: str) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        plan_id = screen.plan.id
        await pilot.press("enter")  # edit the opgave in place
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        await pilot.press(*"Rust in huis", "ctrl+l")  # no pause: only the lock can save it
        await lock_and_unlock(app, pilot, profile, test_passphrase)
        assert Plan.get_by_id(plan_id).shared_task == "Rust in huis"

        screen = await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("a")
        await wait_for(pilot, lambda: screen.quick.has_focus)
        await pilot.press(*"huisbezoek plannen @wijk", "ctrl+l")
        await lock_and_unlock(app, pilot, profile, test_passphrase)

        screen = await open_plan(app, pilot, plan_case.case.id)
        await wait_for_text(pilot, DRAFT_NOTICE_TITLE)
        assert screen.quick.value == "huisbezoek plannen @wijk"
        assert "Rust in huis" in "\n".join(row.text.plain for row in screen.outline.rows)
