"""The Spiegel as a user sees it (screens/cases/caseload.py): the case list's line and m open it,
the four sections show what the services found, Enter opens the case of a row, r reopens a
nazorg case only with a reason, Escape goes back."""

from __future__ import annotations

from casekit import list_ready, screen_text, wait_for, wait_for_text
from caseloadkit import build_mirror_world
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, TextArea

from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.caseload import CaseloadScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, JournalEntry
from zvh_tui.widgets.dialogs import TextDialog


def top_hit(app) -> str:
    options = app.screen.query_one(CommandList).options
    return str(options[0].prompt) if options else ""


async def open_mirror(pilot) -> CaseloadScreen:
    await list_ready(pilot)
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseloadScreen)
                   and pilot.app.screen.mirror is not None)
    return pilot.app.screen  # type: ignore[return-value]


async def test_the_case_list_line_and_the_four_sections(profile, make_app) -> None:
    world = build_mirror_world(context.today())
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        await wait_for_text(pilot, "m Spiegel: U draagt 2 acties in 1 casus zelf · 1 partner om "
                                   "aan te spreken · 1 nazorgtermijn loopt af")
        screen = await open_mirror(pilot)
        text = screen_text(pilot.app)
        assert "U draagt 2 acties in 1 casus zelf." in text
        assert world.running.reference in text and "Sanne Spiegelaar" in text
        radar = screen.query_one("#mirror-radar", DataTable)
        radar.focus()
        text = await wait_for_text(pilot, "Bel GGZ Voorbeeld: 1 actie over de termijn, 30 dagen geen "
                                          "terugkoppeling — spreek aan, neem de taak niet over.")
        assert "Opschalingsvoorstel GGZ Voorbeeld" in text
        pilot.app.projector = True  # MEEKIJKEN: the case names as initials
        await wait_for(pilot, lambda: "Sanne Spiegelaar" not in screen_text(pilot.app))
        assert "S. S." in screen_text(pilot.app) or "S.S." in screen_text(pilot.app)
        pilot.app.projector = False
        await wait_for_text(pilot, "Sanne Spiegelaar")
        assert f"Petten in casus {world.running.reference}" in text  # the selected case's hats
        assert "hulpverlening 2 · procesregie 1" in text
        week = context.today().isocalendar()[1]
        assert f"Week {week}: 2 van 3 notities met de pet hulpverlening of casusregie (67%)" in text
        screen.query_one("#mirror-nazorg", DataTable).focus()  # scrolls it into view
        text = await wait_for_text(pilot, "loopt af over 5 dagen")
        assert "Kees Nazorgman" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseListScreen))


async def test_enter_opens_the_case_of_the_row(profile, make_app) -> None:
    world = build_mirror_world(context.today())
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await open_mirror(pilot)
        screen.query_one("#mirror-own", DataTable).focus()
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen))
        assert pilot.app.screen.case_id == world.running.id
        await pilot.press("escape")
        await wait_for(pilot, lambda: pilot.app.screen is screen)


async def test_reopen_a_nazorg_case_only_with_a_reason(profile, make_app) -> None:
    world = build_mirror_world(context.today())
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        screen = await open_mirror(pilot)
        screen.query_one("#mirror-own", DataTable).focus()
        await pilot.pause()
        assert screen.check_action("reopen", ()) is None  # greyed outside the nazorg list
        await pilot.press("4")  # Naar Nazorg
        await wait_for(pilot, lambda: screen.focused is screen.query_one("#mirror-nazorg"))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TextDialog))
        await pilot.press("f5")  # no reason
        await wait_for_text(pilot, "Reden van heropenen")
        assert Case.get_by_id(world.watched.id).phase == "closed"
        pilot.app.screen.query_one(TextArea).insert("Terugval: [/b] nieuwe melding")
        await pilot.press("f5")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        await wait_for_text(pilot, "Geen afgesloten casussen in nazorg.")
        assert Case.get_by_id(world.watched.id).phase != "closed"
        entry = JournalEntry.select().where(JournalEntry.case == world.watched.id).get()
        assert entry.text == "Heropend: Terugval: [/b] nieuwe melding"


async def test_an_empty_caseload_says_so(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        assert "Spiegel" not in screen_text(pilot.app)  # nothing to say: no line on the list
        screen = await open_mirror(pilot)
        text = screen_text(pilot.app)
        assert "U draagt geen acties zelf." in text
        assert "Geen partner om aan te spreken" in text and "Geen afgesloten casussen in nazorg." in text
        assert screen.check_action("open_case", ()) is None
        assert not screen.query_one("#mirror-own").display  # no empty table


async def test_the_palette_opens_the_mirror(profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        await list_ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
        await pilot.press(*"spiegel")
        await wait_for(pilot, lambda: top_hit(pilot.app).startswith("Spiegel"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseloadScreen))

