"""Exporting a plan for a partner without a signed convenant asks first (issue 14.4), and every
export is in the verstrekkingenlog (14.3)."""

from __future__ import annotations

from uikit import screen_text, wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Provision
from zvh_tui.widgets.dialogs import ChoiceDialog, ConfirmDialog


async def _export_for_ggz(app: ZvhApp, pilot) -> None:
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
    await pilot.press("down", "enter")  # Markdown
    await wait_for(pilot, lambda: "Taal van het plan" in screen_text(app))
    await pilot.press("n")  # Nederlands
    await wait_for(pilot, lambda: "Voor wie?" in screen_text(app))
    await pilot.press("down", "down", "down", "down", "enter")  # wijkteam, gemeente, politie, ggz


async def test_a_partner_without_a_convenant_is_confirmed_before_the_export(profile: Profile, plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.add_action(plan, "Behandeling starten", owner_partner_id=plan_case.ggz.id)
    partners.update_partner(plan_case.ggz, convenant_signed=False)
    target = profile.paths.data / "exports" / f"plan-{plan_case.case.reference}-v1-ggz-breburg.md"
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        editor = PlanEditorScreen(plan_case.case.id)
        await app.push_screen(editor)
        await wait_for(pilot, lambda: editor.plan is not None and editor.outline.rows)
        await _export_for_ggz(app, pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        text = screen_text(app)
        assert "Geen convenant" in text and "GGZ Breburg heeft het privacyconvenant niet getekend" in text
        await pilot.press("escape")  # no: nothing leaves the house
        await wait_for(pilot, lambda: app.screen is editor)
        assert not target.exists() and Provision.select().count() == 0

        await _export_for_ggz(app, pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("tab", "enter")  # "Toch exporteren"
        await wait_for(pilot, target.exists)
        await wait_for(pilot, lambda: "Plan geëxporteerd" in screen_text(app))
        assert "Behandeling starten" in target.read_text(encoding="utf-8")
        [given] = list(Provision.select())
        assert (given.partner_id, given.kind, given.convenant) == (plan_case.ggz.id, "plan_partner", False)
