"""The taartpunt check in the plan editor (Pilot): an action of the own house is refused at
vaststellen until its reason is given in the line editor; a goal without a partner's action is
named in the confirmation and adopted only when the user says so."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static
from uikit import screen_text, wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.core.vocab import PlanStatus
from zvh_tui.screens.plans.plan_dialogs import PlanConfirm
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.plans.plan_line_editor import PlanLineEditor
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Action, AuditEvent, Plan
from zvh_tui.widgets.dialogs import MessageDialog

TODAY = dt.date(2026, 11, 23)


def flat(app) -> str:
    """The screen's words in one line (a dialog wraps its text inside its border)."""
    return " ".join(screen_text(app).replace("│", " ").split())


async def test_adopt_refused_for_an_own_action_then_accepted_with_a_reason(profile, plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.update_plan(plan, shared_task="Rust in huis", evaluation_on=TODAY + dt.timedelta(days=40))
    wonen = plans.add_goal(plan, "Stabiel wonen", "wonen")
    plans.add_goal(plan, "Schulden onder controle")
    plans.add_action(plan, "Huisbezoek", goal=wonen, owner_partner_id=plan_case.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=4))
    mine = plans.add_action(plan, "Buurtbijeenkomst", goal=wonen, owner_partner_id=partners.own_partner().id,
                            deadline=TODAY + dt.timedelta(days=9))
    plans.add_agreement(plan, "Politie belt de casusregisseur")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = PlanEditorScreen(plan_case.case.id)
        await app.push_screen(screen)
        await wait_for(pilot, lambda: screen.plan is not None and screen.outline.rows)
        checklist = str(screen.query_one("#plan-checklist", Static).content)
        assert "✗ Reden eigen taak ontbreekt: actie «Buurtbijeenkomst»." in checklist
        assert "Let op bij vaststellen:\n! taartpunt zonder eigenaar: doel 2 «Schulden onder controle»" in checklist
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageDialog))
        assert "Actie «Buurtbijeenkomst» ligt bij de eigen organisatie (taak overgenomen?)" in flat(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.outline.selected_key == ("action", mine.id)  # the refusal points at the action
        assert Plan.get_by_id(plan.id).status == PlanStatus.CONCEPT.value

        await pilot.press("enter")  # its editor, with the fourth field
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        assert "Reden eigen taak" in screen_text(app)
        await pilot.press("tab", "tab", "tab", *"Gemeente vroeg het", "enter")
        await wait_for(pilot, lambda: Action.get_by_id(mine.id).own_reason == "Gemeente vroeg het")
        await wait_for(pilot, lambda: not screen.query(PlanLineEditor))
        assert "reden eigen taak: Gemeente vroeg het" in "\n".join(r.text.plain for r in screen.outline.rows)
        assert "[eigen taak]" in screen_text(app)

        await pilot.press("v")  # no blocker left; the taartpunt is named and must be accepted
        await wait_for(pilot, lambda: isinstance(app.screen, PlanConfirm))
        text = flat(app)
        assert "Let op: taartpunt zonder eigenaar: doel 2 «Schulden onder controle»." in text
        assert "Toch vaststellen" in text
        await pilot.press("enter")  # the focus starts on "Nog niet"
        await wait_for(pilot, lambda: app.screen is screen)
        assert Plan.get_by_id(plan.id).status == PlanStatus.CONCEPT.value
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanConfirm))
        await pilot.press("j")
        await wait_for(pilot, lambda: Plan.get_by_id(plan.id).status == PlanStatus.ADOPTED.value)
        adopt = AuditEvent.get(AuditEvent.event == "adopt")
        assert adopt.detail == "v1 taartpunten=1"
