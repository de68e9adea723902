"""Keys typed ahead in the plan editor land where the user meant them (issue 11 item 6).

A fast typist (or tmux, or a paste of keystrokes) sends Tab and the next words before the app has
moved the cursor; Enter and the text at once before the editor in place has opened; Enter and
the next outline key before it has closed. Every key is posted at once, as the terminal sends
them, and only then the test waits.
"""

from __future__ import annotations

from test_plan_editor_screen import open_plan
from textual import events
from textual.keys import _character_to_key
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.plans.plan_line_editor import PlanLineEditor
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Goal, Plan
from zvh_tui.widgets.dialogs import ChoiceDialog


def send_at_once(app: ZvhApp, *keys: str) -> None:
    """Post every key to the app in one go, as a terminal delivers what was typed ahead."""
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        character = key if len(key) == 1 else {"space": " ", "enter": "\r", "tab": "\t"}.get(key)
        app.post_message(events.Key(name, character))


async def test_tab_and_text_at_once_fill_each_field(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        plan = plans.current(plan_case.case)
        selectable = [row.key for row in screen.outline.rows if row.selectable]
        await pilot.press(*["down"] * selectable.index(("add_assessment",)))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # wonen
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        send_at_once(app, *"Huisarts kent haar goed", "tab", *"Slaapt slecht")
        await wait_for(pilot, lambda: screen.query_one(PlanLineEditor).values()["concerns"] == "Slaapt slecht")
        assert screen.query_one(PlanLineEditor).values() == {
            "strengths": "Huisarts kent haar goed", "concerns": "Slaapt slecht"}
        await pilot.press("enter")
        await wait_for(pilot, lambda: not screen.query(PlanLineEditor))
        rows = {a.life_domain: (a.strengths, a.concerns) for a in plans.assessments_of(plan)}
        assert rows == {"wonen": ("Huisarts kent haar goed", "Slaapt slecht")}


async def test_pilot_presses_without_pauses_fill_each_field(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        selectable = [row.key for row in screen.outline.rows if row.selectable]
        await pilot.press(*["down"] * selectable.index(("add_assessment",)), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        await pilot.press(*"Vast werk", "tab", *"Slaapt slecht")
        assert screen.query_one(PlanLineEditor).values() == {"strengths": "Vast werk", "concerns": "Slaapt slecht"}


async def test_text_right_after_enter_goes_into_the_editor_not_the_outline(profile: Profile, plan_case) -> None:
    """`g` opens a new goal in place, Enter closes it, Home and Enter open the opgave: the words
    typed at once must not be read as outline keys (`a` would open the quick entry, `s` change
    a status), and Home must reach the outline, not the closing editor."""
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        plan = plans.current(plan_case.case)
        send_at_once(app, "g", *"Stabiel wonen", "enter", "home", "enter", *"Rust in huis", "enter")
        await wait_for(pilot, lambda: app.keys_waiting == 0 and not screen.query(PlanLineEditor)
                       and Plan.get_by_id(plan.id).shared_task == "Rust in huis", timeout=15)
        assert [g.intent for g in Goal.select()] == ["Stabiel wonen"]
        assert screen.quick.value == ""  # nothing typed landed in the quick entry line


async def test_a_key_typed_right_after_x_answers_the_dialog_x_opens(profile: Profile, plan_case) -> None:
    """x opens its question from a worker: j right after it answers the question (yes) and is
    not read by the outline (where j moves the cursor down)."""
    from zvh_tui.store.models import Action

    plan = plans.start_plan(plan_case.case)
    first = plans.add_action(plan, "Huisbezoek", owner_partner_id=plan_case.wijkteam.id)
    second = plans.add_action(plan, "Uitkering regelen", owner_partner_id=plan_case.gemeente.id)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        assert screen.outline.select(("action", first.id))
        await pilot.pause()
        send_at_once(app, "x", "j")
        await wait_for(pilot, lambda: app.keys_waiting == 0 and app.screen is screen
                       and Action.get_or_none(Action.id == first.id) is None)
        assert Action.get_or_none(Action.id == second.id) is not None
