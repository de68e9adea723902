"""Fixtures for the domain-service tests: a frozen clock, a known actor, and builders.

The isolated folders and the fresh, unlocked `profile` (a copy of a template made once per
session with `Profile.create`) come from tests/conftest.py. Here the clock is frozen at
23-11-2026 and the actor is "tester", for every test in this folder.

tests/domain is a package (__init__.py) so that its module names (test_audit.py, ...) cannot
clash with same-named test modules in other folders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, Partner, Plan

TODAY = dt.date(2026, 11, 23)
ACTOR = context.Actor(user="tester")


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    context.set_today(TODAY)
    context.set_actor(ACTOR)
    yield
    context.set_today(None)
    context.set_actor(context.Actor())


@pytest.fixture
def profile(profile: Profile) -> Profile:
    """The root fixture's fresh profile; unlocking set the login name as actor, so reset it."""
    context.set_actor(ACTOR)
    return profile


class Builder:
    """Small helpers that build cases, partners and plans through the services."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._count = 0

    def own(self) -> Partner:
        return Partner.get(Partner.is_own == True)  # noqa: E712

    def partner(self, name: str | None = None, *, domain: str = "zorg", convenant: bool = True) -> Partner:
        from zvh_tui.services.partners import roster as partners

        self._count += 1
        return partners.create_partner(name or f"Partner {self._count}", domain, convenant_signed=convenant)

    def new_case(self, name: str = "Jan Jansen", *, referrer: Partner | None = None, **fields: object) -> Case:
        if referrer is None and "referrer_citizen" not in fields:
            referrer = Partner.get_or_none(Partner.name == "Wijkteam Noord") or self.partner(
                "Wijkteam Noord", domain="gemeente"
            )
        data = cases.NewCase(
            persons=[cases.NewPerson(name=name, date_of_birth=dt.date(1980, 5, 17))],
            referrer_partner_id=referrer.id if referrer else None,
            reason=str(fields.pop("reason", "Overlast en schulden")),
            **fields,  # type: ignore[arg-type]
        )
        return cases.create_case(data)

    def referrer_participant(self, case: Case):
        return next(p for p in participants.participants_of(case) if p.partner_id == case.referrer_partner_id)

    def to_phase(self, case: Case, target: Phase) -> Case:
        """Walk a case (made by `new_case` with a partner referrer) step by step to `target`."""
        order = [Phase.SCREENING, Phase.TRIAGE, Phase.ANALYSIS, Phase.MEETING, Phase.PLAN, Phase.EXECUTION]
        for step in order[: order.index(target) + 1]:
            if step == Phase.TRIAGE:
                participants.set_check(self.referrer_participant(case), CheckStatus.KNOWN, basis="convenant art. 5")
            elif step == Phase.ANALYSIS:
                cases.set_triage(case, TriageOutcome.TAKE_ON)
            elif step == Phase.PLAN:
                participants.set_director(case, case.referrer_partner_id)
            elif step == Phase.EXECUTION:
                plans.adopt(self.ready_plan(case))
            cases.move_phase(case, step)
        return case

    def ready_plan(self, case: Case) -> Plan:
        """A concept without adoption blockers (the case needs a casusregisseur already)."""
        plan = plans.start_plan(case)
        plans.update_plan(plan, shared_task="Samen zorgen voor rust in huis", evaluation_on=TODAY + dt.timedelta(days=42))
        goal = plans.add_goal(plan, "Stabiel wonen", "wonen")
        plans.add_action(plan, "Huisbezoek", goal=goal, owner_partner_id=case.referrer_partner_id,
                         deadline=TODAY + dt.timedelta(days=7))
        plans.add_agreement(plan, "Bij een incident belt de politie binnen 24 uur de casusregisseur")
        return Plan.get_by_id(plan.id)


@pytest.fixture
def build(profile: Profile) -> Builder:
    return Builder(profile)
