"""The agenda of a meeting (issue 13.1): add a case by number or name, take it off, reorder,
set its slot and invite partners per item; and the dossier's keys a (op een agenda) and
i (ICO nu)."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.meetings.agenda import AgendaScreen, CasePickDialog, InviteDialog, SlotDialog
from zvh_tui.screens.meetings.meeting_form import MeetingForm
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Meeting, MeetingItem
from zvh_tui.widgets.dialogs import ChoiceDialog, ConfirmDialog, MessageDialog


async def open_agenda(pilot, meeting_id: int) -> AgendaScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
    await app.push_screen(AgendaScreen(meeting_id))
    await wait_for(pilot, lambda: isinstance(app.screen, AgendaScreen))
    return app.screen  # type: ignore[return-value]


def order(meeting: Meeting) -> list[str]:
    return [item.case.reference for item in meetings.items_of(meeting)]


async def test_add_a_case_by_name_and_by_number(profile, build) -> None:
    anna, bert = build.new_case("Anna Aapjes"), build.new_case("Bert Beertjes")
    meeting = meetings.create_meeting("MDO", dt.date(2026, 11, 24))
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agenda(pilot, meeting.id)
        assert "Nog geen casussen op de agenda" in screen_text(app)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, CasePickDialog))
        await pilot.press(*"beertjes")
        await wait_for_text(pilot, "2026-0002  Bert Beertjes")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and len(screen.items) == 1)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, CasePickDialog))
        await pilot.press(*anna.reference)
        await wait_for(pilot, lambda: bool(app.screen.hits))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and len(screen.items) == 2)
        assert order(meeting) == [bert.reference, anna.reference]
        text = await wait_for_text(pilot, "Anna Aapjes")
        assert "2 casussen op de agenda" in text
        assert "Uitgenodigd voor 2026-0001: Wijkteam Noord" in text  # the cursor on the new one
        # the same case again: refused in Dutch, nothing added
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, CasePickDialog))
        await pilot.press(*"aapjes")
        await wait_for(pilot, lambda: bool(app.screen.hits))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageDialog))
        assert "Casus 2026-0001 staat al op de agenda" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert MeetingItem.select().count() == 2


async def test_reorder_slot_invite_and_remove(profile, build) -> None:
    cases_ = [build.new_case(name) for name in ("Anna Aapjes", "Bert Beertjes", "Cor Cavia")]
    meeting = meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [c.reference for c in cases_])
    police = build.partner("Politie Noord")
    partners.add_contact(police, "Wim Wijkagent")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agenda(pilot, meeting.id)
        await wait_for(pilot, lambda: len(screen.items) == 3)
        await pilot.press("shift+down")  # Anna one down
        await wait_for(pilot, lambda: order(meeting) == ["2026-0002", "2026-0001", "2026-0003"])
        assert screen.current().case_id == cases_[0].id  # the cursor went with it
        await pilot.press("K")  # and back up
        await wait_for(pilot, lambda: order(meeting) == ["2026-0001", "2026-0002", "2026-0003"])
        # a slot: a bad time is refused at its field, then a good one is stored
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, SlotDialog))
        dialog = app.screen
        dialog.query_one("#slot_start", Input).value = "25:00"
        dialog.query_one("#slot_minutes", Input).value = "20"
        await pilot.press("f5")
        await wait_for_text(pilot, "Begintijd van het punt: 25:00 bestaat niet")
        assert dialog.query_one("#slot_minutes", Input).value == "20"
        dialog.query_one("#slot_start", Input).value = "915"
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen is screen)
        first = meetings.items_of(meeting)[0]
        assert (first.slot_start, first.slot_minutes) == ("09:15", 20)
        await wait_for_text(pilot, "09:15")
        # invite the police's wijkagent for this item
        await pilot.press("u")
        await wait_for(pilot, lambda: isinstance(app.screen, InviteDialog))
        await pilot.press(*"wijkagent")
        await wait_for_text(pilot, "Politie Noord · Wim Wijkagent")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        text = await wait_for_text(pilot, "Uitgenodigd voor 2026-0001: Politie Noord · Wim Wijkagent, Wijkteam Noord")
        assert "2 partners" in text
        # withdraw the wijkteam's invitation
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert [i.partner.name for i in meetings.invites_of(first)] == ["Politie Noord"]
        # take the second case off the agenda
        await pilot.press("down", "delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: app.screen is screen and len(screen.items) == 2)
        assert order(meeting) == ["2026-0001", "2026-0003"]


async def test_a_closed_meeting_greys_the_agenda_keys(profile, build) -> None:
    meeting = meetings.plan_meeting("MDO", dt.date(2026, 11, 17), [build.new_case().reference])
    Meeting.update(status="closed").where(Meeting.id == meeting.id).execute()
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agenda(pilot, meeting.id)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen and screen.check_action("add_case", ()) is None
        assert "gesloten" in screen_text(app)


async def open_dossier(pilot, case_id: int) -> DossierScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
    app.screen.open_case(case_id)
    await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen) and app.screen.dossier)
    return app.screen  # type: ignore[return-value]


async def test_dossier_a_puts_the_case_on_a_coming_meeting(profile, build) -> None:
    case = build.new_case("Anna Aapjes")
    other = build.new_case("Bert Beertjes")
    later = meetings.create_meeting("Casusoverleg", dt.date(2026, 12, 1), start_time="13:30")
    soon = meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [case.reference, other.reference])
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, case.id)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        text = screen_text(app)
        assert "di 01-12-2026 13:30  Casusoverleg" in text and "Nieuw overleg plannen" in text
        assert "di 24-11-2026" not in text  # already on that agenda
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is dossier)
        assert [m.meeting_id for m in meetings.meetings_of_case(case)] == [later.id, soon.id]
        await wait_for_text(pilot, "01-12-2026 13:30  Casusoverleg  (gepland)")


async def test_dossier_a_plans_a_new_meeting_for_the_case(profile, build) -> None:
    case = build.new_case("Anna Aapjes")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, case.id)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "Er is geen komend overleg" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingForm))
        assert f"Casus {case.reference} komt op de agenda" in screen_text(app)
        app.screen.query_one("#start_time", Input).value = "14:00"
        app.screen.query_one("#held_on").query_one(Input).value = "do"
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen is dossier)
        meeting = Meeting.get()
        assert (meeting.held_on, meeting.start_time) == (dt.date(2026, 11, 26), "14:00")
        assert order(meeting) == [case.reference]


async def test_dossier_i_starts_an_ico_now(profile, build, fake_live) -> None:
    case = build.new_case("Anna Aapjes")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_dossier(pilot, case.id)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert f"Een ICO voor casus {case.reference}" in screen_text(app)
        await pilot.press("enter")  # the focus is on "ICO starten"
        await wait_for(pilot, lambda: bool(fake_live))
        meeting = Meeting.get()
        assert fake_live == [meeting.id]
        assert (meeting.kind, meeting.held_on, order(meeting)) == ("ICO", dt.date(2026, 11, 23), [case.reference])
        assert [i.partner.name for i in meetings.invites_of(meetings.items_of(meeting)[0])] == ["Wijkteam Noord"]
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LiveMeetingScreen")
        assert app.current_mode == "meetings"


async def test_dossier_meeting_keys_are_greyed_on_a_closed_case(profile, build) -> None:
    from zvh_tui.services.cases import lifecycle as cases

    case = build.new_case("Anna Aapjes")
    cases.close_case(case, "Klaar", retention_years=15)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        dossier = await open_dossier(pilot, case.id)
        assert dossier.check_action("agenda", ()) is None and dossier.check_action("ico", ()) is None
        await pilot.press("i")
        await pilot.pause()
        assert app.screen is dossier and Meeting.select().count() == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footers_of_the_meeting_screens_fit_and_keys_have_one_meaning(profile, build, size) -> None:
    from zvh_tui.compat.textual import FooterKey
    from zvh_tui.screens.meetings.meetings import MeetingsScreen
    from zvh_tui.widgets.footer import QuickFooter

    meeting = meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [build.new_case().reference])
    app = ZvhApp(profile)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        for step in ("list", "agenda"):
            if step == "agenda":
                await pilot.press("enter")
                await wait_for(pilot, lambda: isinstance(app.screen, AgendaScreen))
            screen = app.screen
            footer = screen.query_one(QuickFooter)
            await wait_for(pilot, lambda f=footer: bool(f.query(FooterKey)) and not f._pending)
            line = screen_text(app).rstrip("\n").splitlines()[-1]
            shown = [key.description for key in footer.query(FooterKey)]
            first = {"list": "Nieuw overleg", "agenda": "Casus erbij"}[step]
            assert first in shown and "Help" in shown, line
            for key in footer.query(FooterKey):
                assert f"{key.key_display} {key.description}" in line and key.region.right <= size[0]
            if size[0] == 120:
                wanted = {b.description for _n, b, _e, _t in screen.active_bindings.values()
                          if b.id in screen.FOOTER_KEYS}
                assert wanted <= set(shown), line
            for widget in [w for w in screen.query("*") if w.can_focus] or [screen]:
                meanings: dict[str, set[str]] = {}
                for node in [*widget.ancestors_with_self, app]:
                    for key, bindings in node._bindings.key_to_bindings.items():
                        meanings.setdefault(key, set()).update(b.id for b in bindings if b.id)
                assert [k for k, ids in meanings.items() if len(ids) > 1] == [], step
        assert app.screen.meeting_id == meeting.id
