"""Keys of the plan editor and the version compare screen that change or show data (issue 11
items 10, 11, 12): what the user sees after each key, and what is stored."""

from __future__ import annotations

import datetime as dt

from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plan_diff import PlanDiffScreen
from zvh_tui.services import plans
from zvh_tui.services.profile import Profile
from zvh_tui.store.models import Plan

TODAY = dt.date(2026, 11, 23)


def adopted_and_revised(pc) -> tuple[Plan, Plan]:  # noqa: ANN001
    """Version 1 adopted; version 2 (concept) with one goal more."""
    plan = plans.start_plan(pc.case)
    plans.update_plan(plan, shared_task="Rust in huis", evaluation_on=TODAY + dt.timedelta(days=40))
    goal = plans.add_goal(plan, "Stabiel wonen", "wonen")
    plans.add_action(plan, "Huisbezoek", goal=goal, owner_partner_id=pc.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=4))
    plans.add_agreement(plan, "Politie belt de casusregisseur")
    v1 = plans.adopt(Plan.get_by_id(plan.id))
    v2 = plans.revise(Plan.get_by_id(v1.id))
    plans.update_plan(v2, evaluation_on=TODAY + dt.timedelta(days=40))
    plans.add_goal(v2, "Dagbesteding vinden")
    return v1, Plan.get_by_id(v2.id)


async def open_screen(app: ZvhApp, pilot, screen) -> None:  # noqa: ANN001
    await pilot.pause()
    await app.push_screen(screen)
    await pilot.pause()


# -- 11.12 the version compare screen ----------------------------------------------------------

async def test_swapping_the_versions_swaps_the_sentences(profile: Profile, plan_case) -> None:  # noqa: ANN001
    adopted_and_revised(plan_case)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, PlanDiffScreen(plan_case.case.id))
        text = await wait_for_text(pilot, "1. Doel toegevoegd: Dagbesteding vinden")
        assert "Van versie 1 · vastgesteld op 23-11-2026 naar versie 2 · concept: 1 wijziging." in text
        assert "vervallen" not in text

        await pilot.press("s")
        text = await wait_for_text(pilot, "1. Doel vervallen: Dagbesteding vinden")
        assert ("Van versie 2 · concept naar versie 1 · vastgesteld op 23-11-2026 (terug naar de "
                "eerdere versie): 1 wijziging.") in text
        assert "toegevoegd" not in text

        await pilot.press("s")  # and back
        await wait_for_text(pilot, "1. Doel toegevoegd: Dagbesteding vinden")
        assert "vervallen" not in screen_text(app)
