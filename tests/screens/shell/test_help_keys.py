"""F1 reads true (issue 11.8): every key written as it is typed and distinct from its capital,
Dutch key names, unambiguous descriptions; the command palette's own texts in Dutch."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.widgets import DataTable
from uikit import wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.shell.help import DESCRIPTION_WIDTH, HelpScreen, key_label, key_rows
from zvh_tui.services.safety.profile import Profile

SIZE = (120, 40)


@pytest.mark.parametrize(("key", "label"), [
    ("s", "s"), ("S", "Shift+S"), ("shift+s", "Shift+S"), ("a", "a"), ("A", "Shift+A"),
    ("ctrl+q", "Ctrl+Q"), ("f1", "F1"), ("slash", "/"), ("space", "spatie"), ("up", "pijl omhoog"),
    ("down", "pijl omlaag"), ("shift+up", "Shift+pijl omhoog"), ("pageup", "PgUp"),
    ("pagedown", "PgDn"), ("enter", "Enter"), ("escape", "Esc"), ("plus", "+"), ("delete", "Del"),
])
def test_keys_are_written_as_people_type_them(key: str, label: str) -> None:
    assert key_label(key) == label


def test_keys_of_one_action_share_a_line_and_keys_that_do_not_apply_are_marked() -> None:
    rows = key_rows([
        ("A", "add_agreement", "Afspraak toevoegen", True),
        ("shift+a", "add_agreement", "Afspraak toevoegen", True),
        ("a", "quick_entry", "Actie", True), ("plus", "quick_entry", "Actie", True),
        ("x", "delete", "Verwijderen", False),
    ])
    assert rows == [("Shift+A", "Afspraak toevoegen"), ("a / +", "Actie"),
                    ("x", "Verwijderen (nu niet)")]


def help_rows(app: ZvhApp) -> list[tuple[str, str]]:
    table = app.screen.query_one("#help-keys", DataTable)
    return [(str(table.get_row_at(i)[0]), str(table.get_row_at(i)[1])) for i in range(table.row_count)]


async def test_f1_on_the_case_list_tells_s_from_shift_s_in_dutch(profile: Profile) -> None:
    from zvh_tui.services.cases import lifecycle as cases
    from zvh_tui.services.partners import roster as partners

    referrer = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Fatima El Amrani")],
                                    referrer_partner_id=referrer.id, reason="Overlast"))
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        rows = help_rows(app)
        assert ("s", "Sorteren") in rows
        assert ("Shift+S", "Sortering omdraaien") in rows
        assert ("a", "Afgesloten") in rows
        assert ("/", "Zoeken") in rows
        assert ("Ctrl+Q", "App afsluiten") in rows
        assert ("Esc", "Venster sluiten") in rows
        keys = [key for key, _ in rows]
        assert "S" not in keys and "Slash" not in keys and "Escape" not in keys
        await wait_for_text(pilot, "Esc of F1 sluit dit venster.")


async def test_dossier_and_app_say_which_afsluiten(profile: Profile) -> None:
    from zvh_tui.screens.cases.dossier import DossierScreen

    app = ZvhApp(profile)
    descriptions = {binding.description for _key, binding in
                    [(b.key, b) for b in DossierScreen.BINDINGS] + [(b.key, b) for b in ZvhApp.BINDINGS]}
    assert "Afsluiten" not in descriptions
    assert {"Casus afsluiten", "App afsluiten"} <= descriptions
    assert {c.title for c in app.get_system_commands(CaseListScreen())} >= {"App afsluiten"}


async def test_the_palette_says_geen_resultaten_and_the_theme_picker_is_dutch(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await wait_for_text(pilot, "Zoek een opdracht, casus of partner…")
        await pilot.press(*"qqxqzz")
        text = await wait_for_text(pilot, "Geen resultaten")
        assert "No matches" not in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))

        app.search_themes()  # what the palette's "Thema" opens
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        text = await wait_for_text(pilot, "Zoek een thema…")
        assert "Search for" not in text


async def test_a_long_explanation_wraps_in_its_column_and_loses_no_word() -> None:
    """The capture grammar explains its forms at length: F1 wraps them inside "Wat het doet"
    instead of running off the window (the Id column stays in view)."""
    long = ("een actie in het conceptplan van de casus, met eigenaar (@partner of @partner/contact) "
            "en deadline (vr, +2w, 15-1); een onbekende of dubbelzinnige eigenaar wordt gevraagd")
    screen = HelpScreen([("Invoerregel", [("a TEKST @EIGENAAR DATUM", long, "—")])])
    async with App().run_test(size=(100, 30)) as pilot:
        await pilot.app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one(DataTable)
        cell = str(table.get_row_at(1)[1])
        assert " ".join(cell.split("\n")) == long
        assert len(cell.split("\n")) > 1
        assert all(len(line) <= DESCRIPTION_WIDTH for line in cell.split("\n"))
