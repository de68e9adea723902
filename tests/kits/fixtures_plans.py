"""Fixtures for the plan editor's tests: a frozen clock and a case at the plan phase.

The root conftest gives a fresh, unlocked `profile` (a copy of a template, opened by raw key).
Here `plan_case` builds, through the services, a case with partners at the table (Wijkteam Noord
is the referrer and casusregisseur; Gemeente Breda with contacts Jansen and Jansma; Politie;
GGZ Breburg) and a second case that must never show up in this case's exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, Contact, Partner, Plan

TODAY = dt.date(2026, 11, 23)  # a Monday


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    context.set_today(TODAY)
    context.set_actor(context.Actor(user="tester"))
    yield
    context.set_today(None)
    context.set_actor(context.Actor())


@dataclass
class PlanCase:
    case: Case
    other_case: Case
    wijkteam: Partner
    gemeente: Partner
    politie: Partner
    ggz: Partner
    woningcorp: Partner  # in the roster, not at the table
    jansen: Contact
    jansma: Contact


def build_plan_case(with_director: bool = True) -> PlanCase:
    wijkteam = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    gemeente = partners.create_partner("Gemeente Breda", "gemeente", convenant_signed=True)
    politie = partners.create_partner("Politie", "straf", convenant_signed=True)
    ggz = partners.create_partner("GGZ Breburg", "zorg", convenant_signed=True)
    woningcorp = partners.create_partner("WonenBreburg", "wonen", convenant_signed=True)
    jansen = partners.add_contact(gemeente, "P. Jansen")
    jansma = partners.add_contact(gemeente, "K. Jansma")
    partners.add_contact(wijkteam, "Fatima El Amrani")

    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Marco de Wit", date_of_birth=dt.date(1985, 3, 2))],
        referrer_partner_id=wijkteam.id,
        reason="Overlast, schulden en dreigende uithuiszetting",
    ))
    referrer = participants.participants_of(case)[0]
    participants.set_check(referrer, CheckStatus.KNOWN, basis="convenant art. 5")
    cases.move_phase(case, Phase.SCREENING)
    cases.move_phase(case, Phase.TRIAGE)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    cases.move_phase(case, Phase.ANALYSIS)
    for partner in (gemeente, politie, ggz):
        participants.add_participant(case, partner.id)
    cases.move_phase(case, Phase.MEETING)
    if with_director:
        participants.set_director(case, wijkteam.id)

    other = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Anna Kowalski")],
        referrer_partner_id=politie.id,
        reason="Andere casus, geheim",
    ))
    return PlanCase(case, other, wijkteam, gemeente, politie, ggz, woningcorp, jansen, jansma)


@pytest.fixture
def plan_case(profile: Profile) -> PlanCase:
    return build_plan_case()


@pytest.fixture
def plan_case_without_director(profile: Profile) -> PlanCase:
    return build_plan_case(with_director=False)


def full_plan(pc) -> Plan:
    """The plan case's plan with every part filled: opgave, client view, perspectives, an
    assessment, two goals, four actions (one niemands taak) and three agreements."""
    plan = plans.start_plan(pc.case)
    plans.update_plan(plan, shared_task="Rust in huis en een dak boven het hoofd",
                      client_view="Wil in de wijk blijven wonen", evaluation_on=TODAY + dt.timedelta(days=42))
    plans.set_perspective(plan, pc.politie.id, "Risico voor de buren")
    plans.set_perspective(plan, pc.ggz.id, "Patiënt die zorg mijdt")
    plans.set_assessment(plan, "wonen", "Vaste woning", "Uithuiszetting dreigt")
    wonen = plans.add_goal(plan, "Stabiel wonen", "wonen")
    geld = plans.add_goal(plan, "Grip op geld", "financien")
    plans.add_action(plan, "Huisbezoek plannen", goal=wonen, owner_partner_id=pc.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=4))
    plans.add_action(plan, "Uitkering regelen", goal=geld, owner_partner_id=pc.gemeente.id,
                     owner_contact_id=pc.jansen.id, deadline=TODAY + dt.timedelta(days=14))
    plans.add_action(plan, "Melding bij incident opvolgen", goal=wonen, owner_partner_id=pc.politie.id,
                     deadline=TODAY + dt.timedelta(days=7))
    plans.add_action(plan, "ID-kaart aanvragen", goal=geld)  # niemands taak
    plans.add_agreement(plan, "Bij een incident belt de politie binnen 24 uur de casusregisseur",
                        partner_id=pc.politie.id)
    plans.add_agreement(plan, "De gemeente informeert de buren", partner_id=pc.gemeente.id)
    plans.add_agreement(plan, "Iedereen meldt wijzigingen aan de casusregisseur")
    return Plan.get_by_id(plan.id)
