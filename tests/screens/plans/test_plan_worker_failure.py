"""The plan editor's dialog workers (zvh_tui.workers.dialog_worker): an unexpected error after
the dialogs is a notice with an error id, and the editor with the plan stays open."""

from __future__ import annotations

import re

import pytest
from uikit import screen_text, wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.services.plans import plan_export
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.widgets.dialogs import ChoiceDialog

CANARY = "Kanarie-Pietersen"


async def test_an_unexpected_error_in_the_export_keeps_the_editor_open(
    profile: Profile, plan_case, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.add_action(plan, "Uitkering regelen", owner_partner_id=plan_case.gemeente.id)

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError(f"plan van {CANARY}")

    monkeypatch.setattr(plan_export, "export_to_folder", broken)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = PlanEditorScreen(plan_case.case.id)
        await app.push_screen(screen)
        await wait_for(pilot, lambda: screen.plan is not None and screen.outline.rows)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # HTML
        await wait_for(pilot, lambda: "Taal van het plan" in screen_text(app))
        await pilot.press("enter")  # the screen's language
        await wait_for(pilot, lambda: "Voor wie?" in screen_text(app))
        await pilot.press("enter")  # the whole plan
        await wait_for(pilot, lambda: bool(app._notifications))
        [notice] = app._notifications
        assert notice.title == "Export mislukt"
        found = re.search(r"foutcode ([0-9a-f]{8})", notice.message)
        assert found is not None
        assert app.is_running and app.screen is screen
        assert "Uitkering regelen" in screen_text(app)
    log = profile.paths.log_file.read_text(encoding="utf-8")
    assert f"crash {found.group(1)}" in log and CANARY not in log
