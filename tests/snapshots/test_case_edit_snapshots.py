"""Snapshots of the case after intake (issue 15.1): the Betrokkenen screen of a household with
the mother informed, the father not (review date ahead) and a child whose review date has
passed ("heroverwegen"), and the dialogs that change them (see test_screen_snapshots.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from snapkit import SIZE_IDS, SIZES, TOUCHED, RunBefore, World, _case_list, settled
from textual.pilot import Pilot
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_edit import ReferralDialog
from zvh_tui.screens.cases.persons import InformedDialog, PersonDialog, PersonsScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case, CasePerson


def household(world: World) -> Case:
    """Fatima (informed), Youssef (not: investigation, review 04-01-2027), Sara (not; the
    review date 16-11-2026 has passed)."""
    case = Case.get(Case.title == "Fatima El Fictief")
    [mother] = persons.links_of(case)
    persons.update_person(case, mother.person_id, address="Teststraat 1, Fictiefstad", role="parent",
                          date_of_birth=dt.date(1990, 4, 3))
    father = persons.add_person(case, cases.NewPerson(
        name="Youssef El Fictief", date_of_birth=dt.date(1986, 9, 12), role="parent",
        address="Voorbeeldlaan 8, Fictiefstad", informed=False,
        not_informed_reason="Strafrechtelijk onderzoek loopt; informeren kan de veiligheid van moeder schaden",
        informed_review_on=dt.date(2027, 1, 4)))
    child = persons.add_person(case, cases.NewPerson(
        name="Sara El Fictief", date_of_birth=dt.date(2015, 6, 1), role="child",
        address="Teststraat 1, Fictiefstad", informed=False, not_informed_reason="Te jong; via moeder",
        informed_review_on=dt.date(2026, 12, 1)))
    # the child's review date has passed by now (a service refuses a date in the past)
    CasePerson.update(informed_review_on=dt.date(2026, 11, 16)).where(CasePerson.person == child.id).execute()
    Case.update(updated_at=TOUCHED).execute()
    assert father.id != child.id
    return case


def ready_persons(case_id: int, dialog: str = "") -> RunBefore:
    async def run_before(pilot: Pilot) -> None:
        await _case_list(pilot)
        screen = PersonsScreen(case_id)
        await pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: pilot.app.screen is screen and len(screen.links) == 3)
        if dialog == "informed":
            await pilot.press("down")  # the father
            await pilot.press("i")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, InformedDialog))
        elif dialog == "person":
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, PersonDialog))
        elif dialog == "referral":
            await pilot.app.push_screen(ReferralDialog(cases.get_case(case_id, audit_view=False)))
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReferralDialog))
        await pilot.wait_for_scheduled_animations()  # the body scrolls the focused field into view
        await settled(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_persons_screen(snap_compare, profile: Profile, world: World, size: tuple[int, int]) -> None:
    case = household(world)
    assert snap_compare(ZvhApp(profile), terminal_size=size, run_before=ready_persons(case.id))


def test_informed_dialog(snap_compare, profile: Profile, world: World) -> None:
    case = household(world)
    assert snap_compare(ZvhApp(profile), terminal_size=(80, 24),
                        run_before=ready_persons(case.id, "informed"))


def test_person_dialog(snap_compare, profile: Profile, world: World) -> None:
    case = household(world)
    assert snap_compare(ZvhApp(profile), terminal_size=(120, 40),
                        run_before=ready_persons(case.id, "person"))


def test_referral_dialog(snap_compare, profile: Profile, world: World) -> None:
    case = household(world)
    assert snap_compare(ZvhApp(profile), terminal_size=(120, 40),
                        run_before=ready_persons(case.id, "referral"))
