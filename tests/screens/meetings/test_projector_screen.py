"""Projector mode (MEEKIJKEN, issue 14.1) on screen: with it on, no surname, date of birth,
address or BSN-like number of the current case's persons anywhere on screen (the rendered
terminal and the text of every widget of the screen), notes and perspectives only as the table
may see them, the journal and the logboek hidden; the privacy blank; off restores everything;
both switches in the logboek."""

from __future__ import annotations

import datetime as dt

from livekit import LiveWorld
from textual.widgets import Static
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.meetings.live import LiveMeetingScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.safety.audit_log import AuditLogScreen
from zvh_tui.screens.shell.blank import BLANK_LINE, BlankScreen
from zvh_tui.services.cases import journal
from zvh_tui.services.meetings import live
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import disclosure
from zvh_tui.store.models import AuditEvent, CasePerson, Person

ADDRESS = "Proefstraat 7, 9999 XX Nergenshuizen"
SECRETS = ("Marco", "Testman", "1985", "02-03-1985", "Proefstraat", "Nergenshuizen", "123456782",
           "06-98765432")


def everything(app: ZvhApp) -> str:
    """What the terminal shows now, and the whole text of every Static of the screen (also the
    part scrolled out of view)."""
    parts = [screen_text(app)]
    for widget in app.screen.query(Static):
        parts.append(str(widget.content))
    return "\n".join(parts)


def toasts(app: ZvhApp) -> list[str]:
    """The messages of the notifications (toasts) the app shows now."""
    return [n.message for n in app._notifications]


def assert_nothing_of_marco(app: ZvhApp) -> str:
    shown = everything(app)
    for secret in SECRETS:
        assert secret not in shown, f"{secret!r} op het scherm tijdens meekijken:\n{shown}"
    return shown


def give_marco_an_address_and_a_journal(world: LiveWorld) -> None:
    marco = world.cases[0]
    person = Person.get_by_id(CasePerson.get(CasePerson.case == marco.id).person_id)
    person.address = ADDRESS
    person.save()
    journal.add_entry(marco, "Gebeld met Marco Testman, BSN 123456782, tel 06-98765432")
    plan = plans.current(marco)
    plans.update_plan(plan, client_view="Marco Testman wil in de Proefstraat blijven wonen")
    plans.set_perspective(plan, world.housing.id, "Huurachterstand van Marco Testman loopt op")


async def switch(pilot, on: bool) -> None:
    await pilot.press("f8")
    await wait_for(pilot, lambda: pilot.app.projector is on and ("MEEKIJKEN" in screen_text(pilot.app)) is on)


async def test_the_live_meeting_on_a_projector(profile: Profile, live_world: LiveWorld) -> None:
    world = live_world
    give_marco_an_address_and_a_journal(world)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.is_unlocked)
        app.start_live(world.meeting.id)
        await wait_for(pilot, lambda: isinstance(app.screen, LiveMeetingScreen) and app.screen.item is not None)
        screen: LiveMeetingScreen = app.screen  # type: ignore[assignment]
        item = screen.item
        live.mark(item, world.police.id, world.agent.id)
        live.add_note(item, "Politie: Marco Testman belt om 06-98765432", source_partner_id=world.police.id)
        live.add_note(item, "GGZ ziet een behandelvraag", source_partner_id=world.ggz.id)  # GGZ absent
        live.add_note(item, "Alleen voor ons: BSN 123456782", visibility="zvh")
        screen.redraw(("attendance", "notes", "card"))
        await wait_for_text(pilot, "GGZ ziet een behandelvraag")
        assert "Marco de Testman" in screen_text(app)  # the regisseur's own view: all of it

        await pilot.press(*"/projector", "enter")  # the capture line's command
        await wait_for(pilot, lambda: app.projector and "MEEKIJKEN" in screen_text(app))
        await wait_for_text(pilot, "2 notities verborgen tijdens meekijken")
        shown = assert_nothing_of_marco(app)
        assert "M. de T." in shown and "Politie: M. T. belt om •••" in shown
        assert "GGZ ziet een behandelvraag" not in shown and "Alleen voor ons" not in shown
        assert disclosure.screen() is disclosure.Disclosure.MEETING

        live.mark(item, world.ggz.id)  # GGZ comes to the table: its note shows
        screen.redraw(("attendance", "notes"))
        await wait_for_text(pilot, "GGZ ziet een behandelvraag")

        await switch(pilot, False)  # F8: off, everything back
        await wait_for_text(pilot, "Alleen voor ons: BSN 123456782")
        assert "Marco de Testman" in screen_text(app)
        assert disclosure.screen() is disclosure.Disclosure.FULL
        events = [(e.detail, e.case_id) for e in
                  AuditEvent.select().where(AuditEvent.event == "projector").order_by(AuditEvent.id)]
        assert events == [("aan", None), ("uit", None)]  # both switches, no names


async def test_dossier_case_list_plan_palette_and_toast(profile: Profile, live_world: LiveWorld) -> None:
    world = live_world
    give_marco_an_address_and_a_journal(world)
    marco = world.cases[0]
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for(pilot, lambda: app.is_unlocked and isinstance(app.screen, CaseListScreen))
        await wait_for_text(pilot, "Marco de Testman")
        await switch(pilot, True)
        await wait_for(pilot, lambda: "Marco de Testman" not in screen_text(app))
        shown = assert_nothing_of_marco(app)
        assert "M. de T." in shown and "Fatima" not in shown and "Rustig" not in shown

        app.screen.open_case(marco.id)  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen) and app.screen.dossier)
        await wait_for(pilot, lambda: "Journaal verborgen tijdens meekijken" in everything(app))
        shown = assert_nothing_of_marco(app)
        assert "Betrokkenen: M. de T., cliënt" in shown
        assert "Aanleiding: verborgen tijdens meekijken" in shown

        app.notify("Opgeslagen voor Marco de Testman (06-98765432)")  # a toast with the name
        await wait_for(pilot, lambda: "Opgeslagen voor M. de T. (•••)" in toasts(app))
        for secret in SECRETS:
            assert secret not in "\n".join(toasts(app))
        assert_nothing_of_marco(app)

        await pilot.press("p")  # the plan editor
        await wait_for(pilot, lambda: isinstance(app.screen, PlanEditorScreen) and app.screen.view is not None)
        await wait_for_text(pilot, "M. houdt zijn woning")  # the goal, the name as an initial
        shown = assert_nothing_of_marco(app)
        assert "Visie en wensen van de cliënt" in shown and "wil in de" not in shown
        assert "Huurachterstand" not in shown  # the housing partner is not at a table now
        assert "3 perspectieven van partners niet aan tafel: verborgen tijdens meekijken" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))

        await pilot.press("ctrl+p")
        await pilot.press(*"2026-0001")
        await wait_for_text(pilot, "2026-0001 · M. de T.")
        assert_nothing_of_marco(app)
        await pilot.press("escape")

        app.action_audit_log()  # the logboek refuses to open on a projector
        await wait_for_text(pilot, "Het logboek is verborgen tijdens meekijken")
        assert not any(isinstance(s, AuditLogScreen) for s in app.screen_stack)

        await pilot.press("escape")  # close the refusal
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        await switch(pilot, False)
        await wait_for(pilot, lambda: "Gebeld met Marco Testman" in everything(app))  # the journal back
        assert "Betrokkenen: Marco de Testman (02-03-1985), cliënt" in everything(app)


async def test_the_privacy_blank_hides_everything_and_comes_back(profile: Profile,
                                                                live_world: LiveWorld) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.is_unlocked and isinstance(app.screen, CaseListScreen))
        await wait_for_text(pilot, "Marco de Testman")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, BlankScreen))
        shown = screen_text(app)
        assert BLANK_LINE in shown
        assert [line.strip() for line in shown.splitlines() if line.strip()] == [BLANK_LINE]
        await pilot.press("ctrl+p")  # nothing opens over the blank
        await pilot.pause()
        assert isinstance(app.screen, BlankScreen)
        await pilot.press("ctrl+o")
        await wait_for_text(pilot, "Marco de Testman")
        assert isinstance(app.screen, CaseListScreen)


async def test_a_partner_page_shows_cases_by_initials(profile: Profile, live_world: LiveWorld) -> None:
    from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen

    plans.add_action(plans.current(live_world.cases[0]), "Gesprek met Marco Testman",
                     owner_partner_id=live_world.police.id)
    app = ZvhApp(profile)
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_for(pilot, lambda: app.is_unlocked and isinstance(app.screen, CaseListScreen))
        await app.push_screen(PartnerDetailScreen(live_world.police.id))
        await wait_for_text(pilot, "Gesprek met Marco Testman")  # its open action
        await switch(pilot, True)  # the open page draws again
        await wait_for_text(pilot, "Gesprek met M. T.")
        assert_nothing_of_marco(app)
        assert "Fatima" not in screen_text(app)


def test_no_date_of_birth_on_a_projector_at_all() -> None:
    class Someone:
        id = 1
        name = "Marco de Testman"
        date_of_birth = dt.date(1985, 3, 2)
        address = ADDRESS

    disclosure.set_screen(disclosure.Disclosure.MEETING)  # the root conftest sets FULL again
    assert disclosure.person_label(Someone(), "cliënt") == "M. de T., cliënt"


async def test_the_plan_diff_on_a_projector_shows_names_as_initials(
        profile: Profile, live_world: LiveWorld) -> None:
    """PlanDiffScreen compares two versions of the plan: a goal that names the client shows
    the name as initials while projector mode is on, whole again when it is off."""
    from zvh_tui.screens.plans.plan_diff import PlanDiffScreen

    marco = live_world.cases[0]
    plan = plans.current(marco)
    plan.status = "adopted"  # as if adopted last time; the goal comes in the next version
    plan.save()
    plans.add_goal(plans.revise(plan), "Marco Testman woont over een half jaar zelfstandig")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.is_unlocked)
        await switch(pilot, True)
        app.push_screen(PlanDiffScreen(marco.id))
        await wait_for(pilot, lambda: isinstance(app.screen, PlanDiffScreen))
        shown = await wait_for_text(pilot, "wijziging")
        assert "Testman" not in everything(app), shown
        await switch(pilot, False)
        await wait_for(pilot, lambda: "Marco Testman" in everything(app))
