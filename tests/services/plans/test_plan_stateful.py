"""A stateful Hypothesis test of the plan rules: any sequence of edits keeps the versions sound.

Each example is one new case in the same profile (one profile per test run). Rules edit the
newest version; the invariants hold after every step:
- at most one concept per case, and a concept is never superseded;
- of the adopted versions, exactly the latest is not superseded;
- versions are 1..N without gaps;
- at most one casusregisseur;
- adopt succeeds exactly when `adoption_blockers` was empty.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from zvh_tui.core.errors import RuleError
from zvh_tui.core.vocab import ActionStatus, ParticipantRole, PlanStatus
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Participant, Plan

TODAY = dt.date(2026, 11, 23)
OWNERS = st.sampled_from([None, "politie", "ggz", "own"])
DEADLINES = st.sampled_from([None, 1, 14, 60])


def test_plan_rules_hold_for_any_sequence(build) -> None:
    partners_by_key = {"politie": build.partner("Politie"), "ggz": build.partner("GGZ"), "own": build.own()}
    numbers = itertools.count(1)

    class PlanMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.case = build.new_case(f"Persoon {next(numbers)}", referrer=partners_by_key["politie"])
            plans.start_plan(self.case)
            self.adoptions = 0

        def fill(self, missing: set[str]) -> None:
            plan = self.latest()
            if "director" not in missing:
                participants.set_director(self.case, partners_by_key["ggz"].id)
            if "opgave" not in missing:
                plans.update_plan(plan, shared_task="Rust in huis")
            if "evaluation" not in missing:
                plans.update_plan(plan, evaluation_on=TODAY + dt.timedelta(days=42))
            if "agreement" not in missing:
                plans.add_agreement(plan, "Wijkteam doet de huisbezoeken")
            if "action" not in missing:
                plans.add_action(plan, "Huisbezoek", owner_partner_id=partners_by_key["politie"].id,
                                 deadline=TODAY + dt.timedelta(days=7))

        @initialize(
            history=st.sampled_from([0, 0, 1, 2]),
            missing=st.sets(st.sampled_from(["director", "opgave", "evaluation", "agreement", "action"])),
        )
        def start(self, history: int, missing: set[str]) -> None:
            """Start with 0-2 adopted versions and a concept that lacks some pieces (or none),
            so that adopt and revise are reached often; the rules then change it further."""
            for _ in range(history):
                self.fill(set())
                plans.adopt(self.latest(), taartpunten_accepted=True)
                self.adoptions += 1
                plans.revise(self.latest())
            self.fill(missing)

        # -- helpers ------------------------------------------------------------------------
        def latest(self) -> Plan:
            plan = plans.current(self.case)
            assert plan is not None
            return plan

        def concept(self) -> Plan | None:
            plan = self.latest()
            return plan if plan.status == PlanStatus.CONCEPT.value else None

        def owner_id(self, key: str | None) -> int | None:
            return partners_by_key[key].id if key else None

        # -- rules --------------------------------------------------------------------------
        @rule(intent=st.sampled_from(["Stabiel wonen", "Schulden", "Werk"]))
        def add_goal(self, intent: str) -> None:
            plan = self.concept()
            if plan is None:
                with pytest.raises(RuleError, match="Bijstellen"):
                    plans.add_goal(self.latest(), intent)
                return
            plans.add_goal(plan, intent)

        @rule(owner=OWNERS, days=DEADLINES, under_goal=st.booleans())
        def add_action(self, owner: str | None, days: int | None, under_goal: bool) -> None:
            plan = self.concept()
            deadline = TODAY + dt.timedelta(days=days) if days is not None else None
            if plan is None:
                with pytest.raises(RuleError, match="Bijstellen"):
                    plans.add_action(self.latest(), "Actie", owner_partner_id=self.owner_id(owner))
                return
            goals = plans.goals_of(plan)
            goal = goals[0] if under_goal and goals else None
            action = plans.add_action(plan, "Actie", goal=goal, owner_partner_id=self.owner_id(owner), deadline=deadline)
            flags = plans.action_flags(action, partners_by_key["own"].id)
            assert ("niemands taak" in flags) == (owner is None)
            assert ("taak overgenomen?" in flags) == (owner == "own")

        @rule()
        def accept_nobody(self) -> None:
            plan = self.concept()
            if plan is None:
                return
            live = [a for a in plans.actions_of(plan) if a.status != ActionStatus.CANCELLED.value]
            loose = [a for a in live if a.owner_partner_id is None and not a.nobody_accepted]
            if loose:
                plans.accept_nobody(loose[0])
            codes = [b.code for b in plans.adoption_blockers(plans.get_plan(plan.id))]
            assert ("nobody" in codes) == (len(loose) > 1)

        @rule(status=st.sampled_from([ActionStatus.BUSY, ActionStatus.DONE, ActionStatus.CANCELLED]))
        def set_status(self, status: ActionStatus) -> None:
            actions = plans.actions_of(self.latest())
            if actions:  # monitoring is allowed on the newest version, concept or adopted
                plans.set_action_status(actions[-1], status)

        @rule()
        def add_agreement(self) -> None:
            plan = self.concept()
            if plan is not None:
                plans.add_agreement(plan, "Politie belt de casusregisseur binnen 24 uur")

        @rule(task=st.sampled_from(["", "Rust in huis"]))
        def set_opgave(self, task: str) -> None:
            plan = self.concept()
            if plan is not None:
                plans.update_plan(plan, shared_task=task)

        @rule(days=st.sampled_from([None, 30, 90]))
        def set_evaluation(self, days: int | None) -> None:
            plan = self.concept()
            if plan is not None:
                plans.update_plan(plan, evaluation_on=TODAY + dt.timedelta(days=days) if days else None)

        @rule(key=st.sampled_from(["politie", "ggz", "own"]))
        def set_director(self, key: str) -> None:
            participants.set_director(self.case, partners_by_key[key].id)

        @rule(accept=st.booleans())
        def adopt(self, accept: bool) -> None:
            plan = self.latest()
            blockers = plans.adoption_blockers(plan)
            unaccepted = bool(plans.taartpunten(plan)) and not accept  # a goal no partner acts on
            try:
                plans.adopt(plan, taartpunten_accepted=accept)
            except RuleError:
                assert blockers or unaccepted, "adopt refused although the checklist was empty"
                assert plans.get_plan(plan.id).status == plan.status
                return
            assert not blockers and not unaccepted, "adopt succeeded although the checklist was not empty"
            self.adoptions += 1
            stored = plans.get_plan(plan.id)
            expected = PlanStatus.ADOPTED if stored.version == 1 else PlanStatus.REVISED
            assert (stored.status, stored.adopted_on, stored.superseded) == (expected.value, TODAY, False)

        @rule(new_evaluation=st.booleans())
        def revise(self, new_evaluation: bool) -> None:
            plan = self.latest()
            if plan.status == PlanStatus.CONCEPT.value:
                with pytest.raises(RuleError, match="al een concept"):
                    plans.revise(plan)
                return
            new = plans.revise(plan)
            assert (new.version, new.status) == (plan.version + 1, PlanStatus.CONCEPT.value)
            assert len(plans.actions_of(new)) == len(plans.actions_of(plan))
            assert "evaluation" in [b.code for b in plans.adoption_blockers(new)]
            if new_evaluation:  # bijstellen usually comes with the next evaluation date
                plans.update_plan(new, evaluation_on=TODAY + dt.timedelta(days=90))

        # -- invariants ---------------------------------------------------------------------
        @invariant()
        def versions_are_sound(self) -> None:
            versions = plans.versions(self.case)
            assert [p.version for p in versions] == list(range(1, len(versions) + 1))
            concepts = [p for p in versions if p.status == PlanStatus.CONCEPT.value]
            assert len(concepts) <= 1
            assert all(not p.superseded for p in concepts)
            if concepts:
                assert concepts[0].version == len(versions)  # only the newest can be a concept
            adopted = [p for p in versions if p.status != PlanStatus.CONCEPT.value]
            assert len(adopted) == self.adoptions
            assert [p.superseded for p in adopted] == [True] * (len(adopted) - 1) + [False] * bool(adopted)

        @invariant()
        def at_most_one_casusregisseur(self) -> None:
            directors = Participant.select().where(
                (Participant.case == self.case) & (Participant.role == ParticipantRole.CASE_DIRECTOR.value)
            )
            assert directors.count() <= 1

    run_state_machine_as_test(
        PlanMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=20,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
            # a failure prints its steps; shrinking them against the database takes minutes
            phases=[Phase.explicit, Phase.generate],
        ),
    )
