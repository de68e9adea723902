"""Undo and redo of the plan editor: every kind of change comes back exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError
from zvh_tui.core.vocab import ActionStatus
from zvh_tui.services.plans import plan_undo
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.store.models import Action, Goal, Plan

TODAY = dt.date(2026, 11, 23)  # as frozen by conftest.py


def _state(plan_id: int) -> dict[str, object]:
    snapshot = plan_undo.take(Plan.get_by_id(plan_id), "")
    return {"plan": snapshot.plan_fields, **snapshot.rows}


@pytest.fixture
def plan(plan_case):  # ANN201
    plan = plans.start_plan(plan_case.case)
    plans.update_plan(plan, shared_task="Rust in huis")
    goal = plans.add_goal(plan, "Stabiel wonen", "wonen")
    plans.add_action(plan, "Huisbezoek", goal=goal, owner_partner_id=plan_case.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=4))
    plans.add_action(plan, "Uitkering regelen", goal=goal, owner_partner_id=plan_case.gemeente.id)
    plans.add_agreement(plan, "Politie belt bij incident", partner_id=plan_case.politie.id)
    plans.set_assessment(plan, "wonen", "Woning", "Huurschuld")
    plans.set_perspective(plan, plan_case.politie.id, "Risico")
    return Plan.get_by_id(plan.id)


CHANGES = {
    "opgave": lambda p: plans.update_plan(p, shared_task="Iets heel anders", evaluation_on=TODAY),
    "add goal": lambda p: plans.add_goal(p, "Nieuw doel"),
    "delete goal": lambda p: plans.delete_goal(plans.goals_of(p)[0]),
    "add action": lambda p: plans.add_action(p, "Nieuwe actie", goal=plans.goals_of(p)[0]),
    "delete action": lambda p: plans.delete_action(plans.actions_of(p)[0]),
    "owner": lambda p: plans.update_action(plans.actions_of(p)[0], owner_partner_id=None),
    "status": lambda p: plans.set_action_status(plans.actions_of(p)[0], ActionStatus.BUSY),
    "move": lambda p: plans.move(plans.actions_of(p)[1], -1),
    "agreement": lambda p: plans.delete_agreement(plans.agreements_of(p)[0]),
    "assessment cleared": lambda p: plans.set_assessment(p, "wonen", "", ""),
    "perspective": lambda p: plans.set_perspective(p, plans.perspectives_of(p)[0].partner_id, ""),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_undo_restores_the_version_exactly(plan, name: str) -> None:
    before = _state(plan.id)
    undo = plan_undo.UndoHistory()
    undo.remember(plan, name)
    CHANGES[name](Plan.get_by_id(plan.id))
    assert _state(plan.id) != before
    assert undo.undo() == name
    assert _state(plan.id) == before
    assert not undo.available
    assert [e.detail for e in audit.events_for_case(plan.case_id)][-1] == "undo"


def test_deleted_goal_comes_back_with_its_actions_and_ids(plan) -> None:
    goal = plans.goals_of(plan)[0]
    action_ids = [a.id for a in plans.actions_of(plan, goal)]
    undo = plan_undo.UndoHistory()
    undo.remember(plan, "doel verwijderd")
    plans.delete_goal(goal)
    undo.undo()
    assert Goal.get_by_id(goal.id).intent == "Stabiel wonen"
    assert [a.id for a in plans.actions_of(plan, Goal.get_by_id(goal.id))] == action_ids


def test_nothing_to_undo_and_no_undo_across_adoption(plan, plan_case) -> None:
    undo = plan_undo.UndoHistory()
    with pytest.raises(RuleError, match="Niets meer om ongedaan te maken"):
        undo.undo()
    plans.update_plan(plan, evaluation_on=TODAY + dt.timedelta(days=30))
    plans.update_action(plans.actions_of(plan)[1], deadline=TODAY + dt.timedelta(days=9))
    undo.remember(Plan.get_by_id(plan.id), "opgave")
    plans.adopt(Plan.get_by_id(plan.id))
    with pytest.raises(RuleError, match="intussen vastgesteld"):
        undo.undo()
    assert Plan.get_by_id(plan.id).status == "adopted"
    assert Action.select().where(Action.plan == plan.id).count() == 2


def test_undo_goes_back_step_by_step_and_redo_forward_again(plan) -> None:
    history = plan_undo.UndoHistory()
    states = [_state(plan.id)]
    for label, change in (("opgave", CHANGES["opgave"]), ("status", CHANGES["status"]),
                          ("delete goal", CHANGES["delete goal"])):
        history.remember(Plan.get_by_id(plan.id), label)
        change(Plan.get_by_id(plan.id))
        states.append(_state(plan.id))
    assert history.depth == 3 and not history.redo_available

    assert [history.undo(), history.undo()] == ["delete goal", "status"]
    assert _state(plan.id) == states[1]
    assert history.redo() == "status"
    assert _state(plan.id) == states[2]
    assert history.undo() == "status"
    assert history.undo() == "opgave"
    assert _state(plan.id) == states[0]
    with pytest.raises(RuleError, match="Niets meer om ongedaan te maken"):
        history.undo()
    assert [history.redo(), history.redo(), history.redo()] == ["opgave", "status", "delete goal"]
    assert _state(plan.id) == states[3]
    with pytest.raises(RuleError, match="Niets meer om opnieuw te doen"):
        history.redo()
    assert [e.detail for e in audit.events_for_case(plan.case_id)][-1] == "redo"


def test_a_new_change_ends_what_could_be_redone_and_cancel_is_not_redone(plan) -> None:
    history = plan_undo.UndoHistory()
    history.remember(Plan.get_by_id(plan.id), "opgave")
    CHANGES["opgave"](Plan.get_by_id(plan.id))
    history.undo()
    assert history.redo_available
    history.remember(Plan.get_by_id(plan.id), "add goal")
    CHANGES["add goal"](Plan.get_by_id(plan.id))
    assert not history.redo_available
    history.undo(redoable=False)  # an edit cancelled with Escape
    assert not history.redo_available and not history.available


def test_history_keeps_at_most_its_limit(plan) -> None:
    history = plan_undo.UndoHistory(limit=2)
    for n in range(3):
        history.remember(Plan.get_by_id(plan.id), f"stap {n}")
        plans.update_plan(Plan.get_by_id(plan.id), shared_task=f"Opgave {n}")
    assert history.depth == 2
    assert [history.undo(), history.undo()] == ["stap 2", "stap 1"]
    assert Plan.get_by_id(plan.id).shared_task == "Opgave 0"
