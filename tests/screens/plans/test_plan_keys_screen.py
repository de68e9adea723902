"""Keys of the plan editor and the version compare screen that change or show data (issue 11
items 10, 11, 12): what the user sees after each key, and what is stored."""

from __future__ import annotations

import datetime as dt

from test_plan_editor_screen import _adopted
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plans.plan_diff import PlanDiffScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Plan

TODAY = dt.date(2026, 11, 23)


def adopted_and_revised(pc) -> tuple[Plan, Plan]:
    """Version 1 adopted (as in the plan editor's tests); version 2 (concept) with one goal more."""
    v1 = _adopted(pc)
    v2 = plans.revise(Plan.get_by_id(v1.id))
    plans.update_plan(v2, evaluation_on=TODAY + dt.timedelta(days=40))
    plans.add_goal(v2, "Dagbesteding vinden")
    return v1, Plan.get_by_id(v2.id)


async def open_screen(app: ZvhApp, pilot, screen) -> None:
    await pilot.pause()
    await app.push_screen(screen)
    await pilot.pause()


# -- 11.12 the version compare screen ----------------------------------------------------------

async def test_swapping_the_versions_swaps_the_sentences(profile: Profile, plan_case) -> None:
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


# -- 11.9 F2 goes to the case list from anywhere ------------------------------------------------

async def test_f2_goes_to_the_case_list_and_saves_what_was_being_typed(profile: Profile, plan_case) -> None:
    from zvh_tui.screens.cases.case_list import CaseListScreen
    from zvh_tui.screens.cases.dossier import DossierScreen
    from zvh_tui.screens.plans.plan_line_editor import PlanLineEditor

    plan = plans.start_plan(plan_case.case)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await app.push_screen(DossierScreen(plan_case.case.id))
        editor = PlanEditorScreen(plan_case.case.id)
        await app.push_screen(editor)
        await wait_for(pilot, lambda: editor.plan is not None and editor.outline.rows)
        await pilot.press("enter")  # the opgave, in place
        await wait_for(pilot, lambda: editor.query(PlanLineEditor))
        await pilot.press(*"Rust in huis", "f2")  # no pause for the save timer
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        assert len(app.screen_stack) == 1
        assert Plan.get_by_id(plan.id).shared_task == "Rust in huis"

        await app.push_screen(DossierScreen(plan_case.case.id))  # an open dossier, then another area
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.current_mode == "partners")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.current_mode == "cases" and isinstance(app.screen, CaseListScreen))
        assert "Casussen" in screen_text(app)


async def test_f2_from_another_area_keeps_a_half_filled_aanmelding(profile: Profile, plan_case) -> None:
    from zvh_tui.screens.cases.case_list import CaseListScreen
    from zvh_tui.screens.cases.new_case import NewCaseScreen

    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewCaseScreen))
        await pilot.press(*"Jan")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.current_mode == "partners")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.current_mode == "cases")
        assert isinstance(app.screen, NewCaseScreen)  # not thrown away
        assert app.screen.query_one("#person0-name").value == "Jan"


# -- 11.11 undo is multi-level, with redo ---------------------------------------------------------

async def test_u_takes_back_several_changes_and_shift_u_redoes_them(profile: Profile, plan_case) -> None:
    from zvh_tui.core.vocab import ActionStatus
    from zvh_tui.screens.plans.plan_dialogs import PlanConfirm
    from zvh_tui.store.models import Action, Goal

    plan = plans.start_plan(plan_case.case)
    goal = plans.add_goal(plan, "Stabiel wonen")
    action = plans.add_action(plan, "Huisbezoek", goal=goal, owner_partner_id=plan_case.wijkteam.id)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = PlanEditorScreen(plan_case.case.id)
        await open_screen(app, pilot, screen)
        await wait_for(pilot, lambda: screen.outline.rows)
        assert screen.outline.select(("action", action.id))
        await pilot.press("space", "space")  # open → bezig → gereed
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.DONE.value)
        assert screen.outline.select(("goal", goal.id))
        await pilot.press("x")
        await wait_for_text(pilot, "zolang u in dit plan blijft.")  # "Ongedaan maken kan met u, …"
        await pilot.press("j")
        await wait_for(pilot, lambda: Goal.get_or_none(Goal.id == goal.id) is None)

        await pilot.press("u")  # the goal is back
        await wait_for(pilot, lambda: Goal.get_or_none(Goal.id == goal.id) is not None)
        await pilot.press("u")  # gereed → bezig
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.BUSY.value)
        await pilot.press("ctrl+z")  # bezig → open
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.OPEN.value)
        await pilot.press("u")
        await wait_for(pilot, lambda: "Niets meer om ongedaan te maken." in
                       [n.message for n in app._notifications])
        assert Action.get_by_id(action.id).status == ActionStatus.OPEN.value

        await pilot.press("U")  # redo: open → bezig
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.BUSY.value)
        await pilot.press("ctrl+y", "U")  # → gereed, then the goal deleted again
        await wait_for(pilot, lambda: Goal.get_or_none(Goal.id == goal.id) is None)
        assert Action.get_by_id(action.id).status == ActionStatus.DONE.value
        await pilot.press("U")
        await wait_for(pilot, lambda: "Niets meer om opnieuw te doen." in
                       [n.message for n in app._notifications])
        assert not isinstance(app.screen, PlanConfirm)
