"""The taartpunt check at adoption (seed 003: every partner owns its own slice of the joint task)
and "behoud de regie, neem geen taken over" (seed 002): an action of the own house needs a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import ActionStatus, Phase, PlanStatus
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Action, AuditEvent, Plan

NEXT_WEEK = dt.date(2026, 11, 30)


@pytest.fixture
def ready(build) -> Plan:
    """A concept that can be adopted: one goal, owned by the referrer (Wijkteam Noord)."""
    case = build.to_phase(build.new_case(), Phase.PLAN)
    return build.ready_plan(case)


def _plan(plan: Plan) -> Plan:
    return Plan.get_by_id(plan.id)


def test_a_goal_without_a_partners_action_is_named_and_must_be_accepted(ready, build) -> None:
    plans.add_goal(ready, "Schulden   onder controle en een vaste dagbesteding voor de hele komende winterperiode")
    third = plans.add_goal(ready, "Veilig thuis")
    plans.add_action(ready, "Zelf de buren bellen", goal=third, owner_partner_id=build.own().id,
                     deadline=NEXT_WEEK, own_reason="Gemeente vroeg het ons")
    cancelled = plans.add_action(ready, "Vervallen stap", goal=third, owner_partner_id=ready.case.referrer_partner_id,
                                 deadline=NEXT_WEEK)
    plans.set_action_status(cancelled, ActionStatus.CANCELLED)
    slices = plans.taartpunten(_plan(ready))
    assert slices == [
        "taartpunt zonder eigenaar: doel 2 «Schulden onder controle en een vaste dagbesteding voor de…»",
        "taartpunt zonder eigenaar: doel 3 «Veilig thuis»",  # the own house and a cancelled action do not count
    ]
    assert plans.adoption_blockers(_plan(ready)) == []  # named, not a blocker of the checklist
    with pytest.raises(RuleError) as refused:
        plans.adopt(_plan(ready))
    assert "taartpunt zonder eigenaar: doel 2" in str(refused.value)
    assert _plan(ready).status == PlanStatus.CONCEPT.value
    adopted = plans.adopt(_plan(ready), taartpunten_accepted=True)
    assert adopted.status == PlanStatus.ADOPTED.value
    event = AuditEvent.select().where(AuditEvent.event == "adopt").get()
    assert event.detail == "v1 taartpunten=2"


def test_an_own_action_without_reason_is_refused_then_adopted_with_one(ready, build) -> None:
    own = build.own()
    goal = plans.goals_of(ready)[0]
    mine = plans.add_action(ready, "Buurtbijeenkomst organiseren", goal=goal, owner_partner_id=own.id,
                            deadline=NEXT_WEEK)
    [blocker] = plans.adoption_blockers(_plan(ready))
    assert (blocker.code, blocker.action_id) == ("own_reason", mine.id)
    assert "Actie «Buurtbijeenkomst organiseren» ligt bij de eigen organisatie (taak overgenomen?)" in blocker.message
    assert "Reden eigen taak" in blocker.message
    assert plans.action_flags(mine, own.id) == ["taak overgenomen?"]
    with pytest.raises(RuleError) as refused:
        plans.adopt(_plan(ready))
    assert "«Buurtbijeenkomst organiseren»" in str(refused.value)
    with pytest.raises(ValidationError):
        plans.update_action(Action.get_by_id(mine.id), own_reason="x" * (plans.OWN_REASON_MAX + 1))
    plans.update_action(Action.get_by_id(mine.id), own_reason="  De gemeente vroeg ons voor te zitten.  ")
    stored = Action.get_by_id(mine.id)
    assert stored.own_reason == "De gemeente vroeg ons voor te zitten."
    assert plans.action_flags(stored, own.id) == ["eigen taak"]
    assert plans.adopt(_plan(ready)).status == PlanStatus.ADOPTED.value


def test_the_reason_belongs_to_the_own_house_only(ready, build) -> None:
    partner_action = plans.actions_of(ready)[0]
    with pytest.raises(ValidationError) as refused:
        plans.update_action(partner_action, own_reason="Waarom niet")
    assert refused.value.field == "own_reason"
    mine = plans.add_action(ready, "Zelf bellen", owner_partner_id=build.own().id, deadline=NEXT_WEEK,
                            own_reason="Spoed")
    plans.update_action(Action.get_by_id(mine.id), owner_partner_id=ready.case.referrer_partner_id)
    assert Action.get_by_id(mine.id).own_reason == ""  # given to the partner: no reason left
    other = plans.add_action(ready, "Partner doet het", owner_partner_id=ready.case.referrer_partner_id,
                             own_reason="genegeerd")
    assert other.own_reason == ""


def test_a_done_own_action_needs_no_reason(ready, build) -> None:
    mine = plans.add_action(ready, "Al gedaan", owner_partner_id=build.own().id, deadline=NEXT_WEEK)
    plans.set_action_status(mine, ActionStatus.DONE)
    assert plans.adoption_blockers(_plan(ready)) == []


def test_revision_copies_the_reason(ready, build) -> None:
    goal = plans.goals_of(ready)[0]
    plans.add_action(ready, "Zelf bellen", goal=goal, owner_partner_id=build.own().id, deadline=NEXT_WEEK,
                     own_reason="Alleen wij kennen de buurvrouw")
    v1 = plans.adopt(_plan(ready))
    v2 = plans.revise(v1)
    copied = [a for a in plans.actions_of(v2) if a.owner_partner_id == build.own().id]
    assert [a.own_reason for a in copied] == ["Alleen wij kennen de buurvrouw"]
    assert "own_reason" not in [b.code for b in plans.adoption_blockers(_plan(v2))]
