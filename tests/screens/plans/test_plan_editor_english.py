"""The plan editor in English (issue 17, Pilot): the outline, the checklist, the keys and a refusal
read in English; no Dutch is left on the screen apart from what the user typed."""

from __future__ import annotations

import datetime as dt

from i18nkit import dutch_words_in
from uikit import screen_text, wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.core import i18n
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Action
from zvh_tui.widgets.dialogs import MessageDialog

TODAY = dt.date(2026, 11, 23)  # a Monday, as frozen by conftest.py
# What the user typed, the roster's names and the profile's name: data, shown as stored.
USER_DATA = ("Rust in huis", "Stabiel wonen", "Huisbezoek plannen", "ID-kaart aanvragen", "Politie belt de casusregisseur",
             "Wijkteam Noord", "Gemeente Breda", "GGZ Breburg", "Politie", "uitkering regelen", "gemeente", "Jansen")


def plan_lines(app: ZvhApp) -> str:
    """The whole screen, header and footer included."""
    return screen_text(app)


async def open_plan(app: ZvhApp, pilot, case_id: int) -> PlanEditorScreen:
    await pilot.pause()
    screen = PlanEditorScreen(case_id)
    await app.push_screen(screen)
    await wait_for(pilot, lambda: screen.plan is not None and screen.outline.rows)
    return screen


def a_plan_with_goals_and_actions(pc) -> None:
    plan = plans.start_plan(pc.case)
    plans.update_plan(plan, shared_task="Rust in huis")
    goal = plans.add_goal(plan, "Stabiel wonen", "wonen")
    plans.add_action(plan, "Huisbezoek plannen", goal=goal, owner_partner_id=pc.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=4))
    plans.add_action(plan, "ID-kaart aanvragen", goal=goal)  # nobody's task, no deadline
    plans.add_agreement(plan, "Politie belt de casusregisseur")


async def test_the_plan_editor_reads_in_english(profile: Profile, plan_case) -> None:
    i18n.set_language("en")
    a_plan_with_goals_and_actions(plan_case)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        shown = "\n".join(row.text.plain for row in screen.outline.rows)
        for expected in ("Joint task", "The client's view and wishes", "Perspective of each partner",
                         "Strengths and concerns per life domain", "Goals and actions",
                         "Goal 1: Stabiel wonen  [housing]", "[nobody's task]", "[no deadline]",
                         "Wijkteam Noord · Fri 27/11/2026 · open", "Agreements", "(all partners)",
                         "Case director", "Review date", "+ add goal (g)"):
            assert expected in shown, expected
        text = screen_text(app)
        assert f"Plan of approach · case {plan_case.case.reference} · version 1 · draft" in text
        assert "Draft, version 1: saved as you type." in text
        assert "Still needed to adopt:" in text and "Choose a review date." in text
        footer = text.rstrip("\n").splitlines()[-1]
        assert "Edit" in footer and "Action" in footer and "Adopt" in footer
        assert dutch_words_in(plan_lines(app), allowed=USER_DATA) == []

        await pilot.press("a")  # the quick entry: its preview in English, the words typed in Dutch
        await pilot.press(*"uitkering regelen @gemeente/Jansen +2w")
        await wait_for(pilot, lambda: "owner: Gemeente Breda / P. Jansen" in screen_text(app))
        assert "deadline: Mon 07/12/2026" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: Action.select().count() == 3)
        assert dutch_words_in(plan_lines(app), allowed=USER_DATA) == []


async def test_adopting_an_incomplete_plan_is_refused_in_english(profile: Profile, plan_case) -> None:
    i18n.set_language("en")
    a_plan_with_goals_and_actions(plan_case)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageDialog))
        text = screen_text(app)
        assert "Cannot be adopted yet" in text
        assert "1 action is nobody's task: give it an owner or accept that" in text  # wrapped
        assert "1 action has no deadline." in text
        assert "Choose a review date." in text
        assert dutch_words_in(plan_lines(app), allowed=USER_DATA) == []  # the dialog and the plan behind it
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
