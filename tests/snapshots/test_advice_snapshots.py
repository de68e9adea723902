"""Snapshots of the advice track and the AVE dialogs (issue 15.2, 15.3): the dossier's section
Advies en AVE of an advice case, the advice dialog, the triage dialog warning about a
contradiction, the escalation dialog filled in with a proposal, and closing with afschaling.
The advice dialog at 80x24 (where it must still fit), the others at 120x40 scrolled to their new
part; the section at both sizes."""

from __future__ import annotations

import datetime as dt

import pytest
from snapkit import SIZE_IDS, SIZES, TOUCHED, World, ready_dossier, settled
from textual.pilot import Pilot
from textual.widgets import Checkbox, Select
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.advice import AdviceDialog
from zvh_tui.services.cases import advice
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Advice, Case, Contact
from zvh_tui.widgets.dialogs import CloseCaseDialog, EscalateDialog, TriageDialog

SMALL, LARGE = (80, 24), (120, 40)


def advice_case(world: World) -> Case:
    """An advice case: one question answered (regie with the wijkteam, follow-up 30-11), one open."""
    sanne = Contact.get(Contact.name == "Sanne Voorbeeld")
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Anouk Adviesvraag")], reason="Zorgen over de kinderen",
        received_on=dt.date(2026, 11, 9), referrer_partner_id=world.team.id,
        referrer_contact_id=sanne.id, zvh_role="advice", level="case", ave_phase="2"))
    advice.add_advice(case, advice.AdviceInput(
        question="Hoe betrekken we de school zonder de vader te alarmeren?",
        asked_by_partner_id=world.team.id, asked_by_contact_id=sanne.id, asked_on=dt.date(2026, 11, 10),
        advice="Eerst de intern begeleider, met toestemming van de moeder.", given_to="Sanne Voorbeeld",
        given_on=dt.date(2026, 11, 12), regie_partner_id=world.team.id, regie_with="Sanne Voorbeeld",
        follow_up_on=dt.date(2026, 11, 30)))
    advice.add_advice(case, advice.AdviceInput(question="Mag de wijkagent een keer meekijken?",
                                               asked_by="mevrouw Jansen (school)",
                                               asked_on=dt.date(2026, 11, 20)))
    for model in (Case, Advice):
        model.update(updated_at=TOUCHED).execute()
    return case


def then(open_first, *steps) -> object:
    """`run_before`: the dossier first, then each step (an async function of the pilot)."""
    async def run_before(pilot: Pilot) -> None:
        await open_first(pilot)
        for step in steps:
            await step(pilot)
        await settled(pilot)

    return run_before


def press(*keys: str):
    async def step(pilot: Pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause()

    return step


def until(kind: type):
    async def step(pilot: Pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind))

    return step


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_dossier_advice_section(snap_compare, profile: Profile, world: World, size) -> None:
    case = advice_case(world)
    assert snap_compare(ZvhApp(profile), terminal_size=size,
                        run_before=then(ready_dossier(case.id), press("8")))


def test_advice_dialog(snap_compare, profile: Profile, world: World) -> None:
    case = advice_case(world)
    assert snap_compare(ZvhApp(profile), terminal_size=SMALL, run_before=then(
        ready_dossier(case.id), press("A"), press("enter"), until(AdviceDialog)))


def test_triage_dialog_warns(snap_compare, profile: Profile, world: World) -> None:
    case = Case.get(Case.reference == "2026-0002")

    async def contradictory(pilot: Pilot) -> None:
        dialog = pilot.app.screen
        dialog.query_one("#triage_outcome", Select).value = "take_on"
        dialog.query_one("#ave_phase", Select).value = "4"
        dialog.query_one("#level", Select).value = "case"
        await wait_for(pilot, lambda: dialog.query_one("#ave-warning").display)
        dialog.query_one("#dialog-fields").scroll_end(animate=False, immediate=True)
        await pilot.pause()

    assert snap_compare(ZvhApp(profile), terminal_size=LARGE, run_before=then(
        ready_dossier(case.id), press("t"), until(TriageDialog), contradictory))


def test_escalation_dialog_filled_in_by_the_proposal(snap_compare, profile: Profile, world: World) -> None:
    # the plan case has an action past its deadline; quiet since 1 October: two signals
    Case.update(updated_at=dt.datetime(2026, 10, 1, 9, 0)).where(Case.id == world.plan_case.id).execute()
    assert snap_compare(ZvhApp(profile), terminal_size=LARGE, run_before=then(
        ready_dossier(world.plan_case.id), press("O"), until(EscalateDialog)))


def test_close_dialog_with_afschaling(snap_compare, profile: Profile, world: World) -> None:
    profile.settings.retention_years = 15
    case = Case.get(Case.reference == "2026-0003")

    async def tick(pilot: Pilot) -> None:
        dialog = pilot.app.screen
        dialog.query_one("#afschalen", Checkbox).value = True
        await wait_for(pilot, lambda: dialog.query_one("#afschaling").display)
        dialog.query_one("#dialog-fields").scroll_end(animate=False, immediate=True)
        await pilot.pause()

    assert snap_compare(ZvhApp(profile), terminal_size=LARGE, run_before=then(
        ready_dossier(case.id), press("c"), until(CloseCaseDialog), tick))
