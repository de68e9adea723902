"""Helpers for the case list, new case form and dossier tests (imported by conftest and tests).

`make_case` makes an aanmelding through `services.cases.create_case`; `build_world` makes cases
with one signal each (so every quick filter has exactly one case to find); `app_class` is the app
with the case list as its 'cases' mode; `screen_text`, `wait_for` read the screen and wait
without fixed sleeps.
"""


from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.pilot import Pilot
from uikit import screen_text, wait_for, wait_for_text  # noqa: F401 - used by the tests

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases.lifecycle import NewCase, NewPerson
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, Contact, Partner, utcnow


def app_class() -> type[ZvhApp]:
    """The app; its 'cases' mode opens the case list (imported when first shown)."""
    assert callable(ZvhApp.MODES.get("cases"))
    return ZvhApp


async def list_ready(pilot: Pilot) -> CaseListScreen:
    """Wait until the case list has loaded its rows (the worker posted them)."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen) and app.screen._rows is not None)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen  # type: ignore[return-value]


def make_case(name: str = "Anouk Testmans", *, reason: str = "overlast en verward gedrag",
              citizen: str = "buurman", title: str = "", **extra: object) -> Case:
    data = NewCase(persons=[NewPerson(name=name)], reason=reason, referrer_citizen=citizen,
                   title=title, **extra)  # type: ignore[arg-type]
    return cases.create_case(data)


@dataclass
class World:
    """Cases with one signal each; `plain` has none."""

    plain: Case
    overdue: Case
    no_director: Case
    no_plan: Case
    stagnating: Case
    informed_review: Case
    retention_passed: Case
    partner: Partner
    contact: Contact


def build_world() -> World:
    today = context.today()
    police = partners.create_partner("Politie Eenheid Test")
    agent = partners.add_contact(police, "Wim Wijkagent")
    team = partners.create_partner("Wijkteam Noord")

    plain = make_case("Bram Rustig", reason="schulden en dreigende huisuitzetting")

    overdue = make_case("Fatima El Fictief", reason="huiselijk geweld met kinderen")
    participants.add_participant(overdue, police.id, contact_id=agent.id)
    participants.set_director(overdue, police.id, contact_id=agent.id)
    plan = plans.start_plan(overdue)
    plans.add_action(plan, "huisbezoek afleggen", owner_partner_id=team.id,
                     deadline=today - dt.timedelta(days=3))
    plans.add_action(plan, "uitkering regelen", owner_partner_id=team.id,
                     deadline=today + dt.timedelta(days=10))

    no_director = make_case("Mehmet Zonderregie", reason="jongere op het randje")
    Case.update(phase="meeting").where(Case.id == no_director.id).execute()

    no_plan = make_case("Priya Planloos", reason="woonoverlast en verslaving")
    participants.add_participant(no_plan, team.id)
    participants.set_director(no_plan, team.id)
    Case.update(phase="plan").where(Case.id == no_plan.id).execute()

    stagnating = make_case("Piotr Stilstand", reason="terugkeer na detentie")
    Case.update(updated_at=utcnow() - dt.timedelta(days=90)).where(Case.id == stagnating.id).execute()

    context.set_today(today - dt.timedelta(days=40))
    informed_review = make_case(
        "Naima Heroverweeg", reason="zorgsignaal", informed=False,
        not_informed_reason="lopend strafrechtelijk onderzoek",
        informed_review_on=today - dt.timedelta(days=20),
    )
    context.set_today(dt.date(2000, 1, 3))
    retention_passed = make_case("Kevin Verlopen", reason="oude casus", received_on=dt.date(2000, 1, 3))
    cases.close_case(retention_passed, "doel bereikt", retention_years=5)
    context.set_today(None)
    # the clock jumps above made these look untouched; they are not stagnating in this world
    Case.update(updated_at=utcnow()).where(Case.id.in_([informed_review.id, retention_passed.id])).execute()
    return World(plain, overdue, no_director, no_plan, stagnating, informed_review, retention_passed,
                 police, agent)


def meeting_for(case: Case, day: dt.date) -> object:
    """A planned MDO on `day` with this case on the agenda."""
    meeting = meetings.create_meeting("MDO", day)
    meetings.add_item(meeting, case)
    return meeting
