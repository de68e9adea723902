"""Closing a case whose plan still has open actions: refused with the count until the user
says what happens to them (issue 11, item 4)."""

from __future__ import annotations

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import ActionStatus, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Action, AuditEvent, Case


def executing_case(build, extra_actions: int = 0) -> Case:
    case = build.to_phase(build.new_case(), Phase.EXECUTION)  # one open action, adopted
    plan = plans.current(case)
    concept = plans.revise(plan)  # a revision in progress holds a copy of every action
    for i in range(extra_actions):
        plans.add_action(concept, f"Stap {i}", owner_partner_id=case.referrer_partner_id)
    return Case.get_by_id(case.id)


def statuses(case: Case) -> list[str]:
    return sorted(a.status for a in Action.select().join(plans.Plan).where(plans.Plan.case == case))


def test_closing_with_open_actions_is_refused_with_the_count(build) -> None:
    case = executing_case(build, extra_actions=7)
    assert len(cases.open_actions_of(case)) == 8  # the adopted action and its copy count once

    with pytest.raises(RuleError) as refused:
        cases.close_case(case, "Klaar", retention_years=15)

    assert refused.value.message.startswith("Er staan nog 8 open acties in het plan van aanpak.")
    assert refused.value.field == "open_actions"
    assert Case.get_by_id(case.id).phase == Phase.EXECUTION.value


def test_one_open_action_is_said_in_the_singular(build) -> None:
    case = build.to_phase(build.new_case(), Phase.EXECUTION)
    with pytest.raises(RuleError, match="^Er staat nog 1 open actie in het plan van aanpak. "
                                        "Kies of die vervalt"):
        cases.close_case(case, "Klaar", retention_years=15)


def test_closing_can_cancel_the_open_actions(build) -> None:
    case = executing_case(build, extra_actions=1)
    done = plans.actions_of(plans.current(case))[0]
    plans.set_action_status(done, ActionStatus.DONE)
    before = AuditEvent.select().count()

    cases.close_case(case, "Klaar", retention_years=15, open_actions=cases.CANCEL_OPEN_ACTIONS)

    assert Case.get_by_id(case.id).phase == Phase.CLOSED.value
    assert cases.open_actions_of(case) == []
    assert statuses(case) == ["cancelled", "cancelled", "done"]  # adopted copy, extra, done
    details = [e.detail for e in AuditEvent.select().where(AuditEvent.id > before)]
    assert details.count("status=cancelled (afsluiten)") == 2


def test_closing_can_keep_the_open_actions(build) -> None:
    case = executing_case(build)

    cases.close_case(case, "Klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)

    assert Case.get_by_id(case.id).phase == Phase.CLOSED.value
    assert statuses(case) == ["open", "open"]
    cases.reopen_case(Case.get_by_id(case.id), "Terugval")
    assert len(cases.open_actions_of(case)) == 1  # there again after reopening


def test_a_case_without_open_actions_closes_as_before(build) -> None:
    case = build.new_case()
    cases.close_case(case, "Klaar", retention_years=15)
    assert Case.get_by_id(case.id).phase == Phase.CLOSED.value


def test_an_unknown_choice_is_refused(build) -> None:
    case = executing_case(build)
    with pytest.raises(ValidationError, match="Kies wat er met de open acties gebeurt"):
        cases.close_case(case, "Klaar", retention_years=15, open_actions="weg")
