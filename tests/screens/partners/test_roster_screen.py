"""The roster, the partner detail, the forms and the CSV import screen, driven with Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from zvh_tui.app import ZvhApp
from zvh_tui.screens.partners.csv_import import CsvImportScreen
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Contact, Partner
from zvh_tui.widgets.dialogs import MessageDialog

SIZE = (120, 40)


async def open_roster(app: ZvhApp, pilot, ui) -> PartnerRosterScreen:
    await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
    screen = PartnerRosterScreen()
    await app.push_screen(screen)
    await ui.until(pilot, lambda: screen.is_mounted and screen.shown is not None)
    await pilot.pause()
    return screen


def table_names(screen: PartnerRosterScreen) -> list[str]:
    table = screen.query_one("#roster-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_typing_narrows_the_roster_to_organisations_and_contacts(profile, network,
                                                                       ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roster(app, pilot, ui)
        assert table_names(screen) == ["GGZ Noord FACT-team", "Politie eenheid Oost",
                                       "Wijkteam Zuid", "Zorg- en Veiligheidshuis"]
        await pilot.press("slash", *"fatima")
        await ui.until(pilot, lambda: table_names(screen) == ["Wijkteam Zuid"])
        shown = await ui.shows(pilot, "via Fatima El Amrani")
        assert "1 organisatie van 4" in shown
        await pilot.press("escape")  # clears the search
        assert screen.query_one("#roster-search", Input).value == ""
        await ui.until(pilot, lambda: len(table_names(screen)) == 4)
        await pilot.press("escape", "f", "f")  # to the list; domain straf, then zorg
        assert table_names(screen) == ["GGZ Noord FACT-team"]
        shown = ui.text(app)
        assert "domein: zorg" in shown
        assert "Privacyconvenant NIET getekend" in shown and "Bemoeizorg via de GGD" in shown


async def test_adding_an_organisation_without_a_name_says_so_and_keeps_the_input(
        profile, network, ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roster(app, pilot, ui)
        await pilot.press("n")
        await ui.shows(pilot, "Nieuwe organisatie")
        await pilot.press("tab", "tab", "space", "tab", *"belt [/b] terug")  # convenant, notes
        await pilot.press("f5")
        shown = await ui.shows(pilot, "Naam van de organisatie is verplicht.")
        assert "belt [/b] terug" in shown, shown  # kept, and shown literally
        assert Partner.select().count() == 4
        await pilot.press(*"VT Oost", "enter")
        await ui.until(pilot, lambda: "VT Oost" in table_names(screen))
        stored = Partner.get(Partner.name == "VT Oost")
        assert (stored.convenant_signed, stored.notes, stored.domain) == (True, "belt [/b] terug",
                                                                          "overig")
        table = screen.query_one("#roster-table", DataTable)
        assert table_names(screen)[table.cursor_row] == "VT Oost"

        await pilot.press("c")  # a contact person for it
        await ui.shows(pilot, "Nieuwe contactpersoon")
        await pilot.press(*"Anna K", "tab", "tab", "tab", *"anna.vt", "enter")
        await ui.shows(pilot, "Dit e-mailadres klopt niet: er ontbreekt een @.")
        await pilot.press("ctrl+a", "ctrl+k", *"a@vt.nl", "enter")
        await ui.until(pilot, lambda: Contact.select().where(Contact.name == "Anna K")
                       .exists())
        assert Contact.get(Contact.name == "Anna K").email == "a@vt.nl"


async def test_deactivate_keeps_a_referenced_partner_and_delete_asks(profile, network, case,
                                                                     ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roster(app, pilot, ui)
        await pilot.press("down", "delete")  # Politie: referrer of the case
        # A refusal is a dialog that stays until it is read (issue 11.21), not a toast.
        await ui.shows(pilot, "kan daarom niet worden verwijderd")
        assert isinstance(app.screen, MessageDialog) and not ui.notes(app)
        await pilot.press("enter")
        await ui.until(pilot, lambda: app.screen is screen)
        await pilot.press("d")  # asks first (issue 11.10); Escape keeps the partner active
        await ui.shows(pilot, "Partner deactiveren?")
        await pilot.press("escape")
        await ui.until(pilot, lambda: app.screen is screen)
        assert Partner.get_by_id(network.police.id).active is True
        await pilot.press("d")
        await ui.shows(pilot, "Partner deactiveren?")
        await pilot.press("tab", "enter")  # to "Deactiveren"
        await ui.until(pilot, lambda: "Politie eenheid Oost" not in table_names(screen))
        assert Partner.get_by_id(network.police.id).active is False
        await pilot.press("g")  # show the deactivated ones too
        await ui.until(pilot, lambda: "Politie eenheid Oost" in table_names(screen))
        assert "gedeactiveerd" in ui.text(app)

        await pilot.press("home", "delete")  # GGZ: nobody refers to it
        await ui.shows(pilot, "definitief verwijderen?")
        await pilot.press("escape")  # no
        assert Partner.get_or_none(Partner.id == network.ggz.id) is not None
        await pilot.press("delete")
        await ui.shows(pilot, "definitief verwijderen?")
        await pilot.press("tab", "enter")  # to "Verwijderen"
        await ui.until(pilot, lambda: Partner.get_or_none(Partner.id == network.ggz.id) is None)
        assert "GGZ Noord FACT-team" not in table_names(screen)


async def test_detail_shows_cases_and_jumps_only_when_the_dossier_exists(profile, network,
                                                                         case, ui) -> None:
    participants.add_participant(case, network.team.id, role="case_director")
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roster(app, pilot, ui)
        await pilot.press(*"/wijkteam", "enter", "enter")
        await ui.until(pilot, lambda: isinstance(app.screen, PartnerDetailScreen))
        shown = await ui.shows(pilot, case.reference)
        assert "casusregisseur" in shown and "Fatima El Amrani" in shown, shown
        await pilot.press("enter")  # on the case: opens the dossier (or says it is not there)
        await pilot.pause()
        try:
            import zvh_tui.screens.cases.dossier  # noqa: F401
        except ImportError:
            await ui.until(pilot, lambda: "Nog niet beschikbaar" in ui.notes(app))
        else:
            await ui.until(pilot, lambda: type(app.screen).__name__ == "DossierScreen")
        assert screen is not None


async def test_import_screen_previews_and_applies(profile, network, ui, write_csv) -> None:
    path: Path = write_csv([
        "organisatie;domein;convenant;contactpersoon;e-mail",
        "Reclassering Oost;straf;ja;Bram Jansen;bram@rn.example",
        "Politie eenheid Oost;;;Jan de Vries;jan@politie.example",
    ])
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roster(app, pilot, ui)
        await pilot.press("i")
        await ui.shows(pilot, "CSV-bestand inlezen")
        app.screen.query_one("#path-input", Input).value = str(path)  # typing is slow in Pilot
        await pilot.press("enter")
        await ui.until(pilot, lambda: isinstance(app.screen, CsvImportScreen))
        shown = await ui.shows(pilot, "Toepassen met t")
        assert "toevoegen" in shown and "nieuwe organisatie; nieuwe contactpersoon Bram" in shown, shown
        assert "overslaan" in shown
        assert not Partner.select().where(Partner.name == "Reclassering Oost").exists()
        await pilot.press("t")
        await ui.until(pilot, lambda: app.screen is screen)
        await ui.until(pilot, lambda: "Reclassering Oost" in table_names(screen))
        assert Contact.get(Contact.name == "Bram Jansen").email == "bram@rn.example"


async def test_a_broken_import_cannot_be_applied(profile, network, ui, write_csv) -> None:
    path = write_csv(["naam;domein", "Nieuw;ziekenhuis"])
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        screen = CsvImportScreen(str(path))
        await app.push_screen(screen)
        shown = await ui.shows(pilot, "Regel 2, kolom 'domein': 'ziekenhuis' is geen domein")
        assert "er verandert niets" in shown
        await pilot.press("t")
        await pilot.pause()
        assert not Partner.select().where(Partner.name == "Nieuw").exists()
        assert screen.check_action("apply", ()) is None  # greyed
        await pilot.press("escape")
        await ui.until(pilot, lambda: app.screen is not screen)
        assert partners.list_partners("Nieuw") == []


async def test_f3_opens_the_roster_only_while_unlocked(profile, network, ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        await pilot.press("f3")
        await ui.until(pilot, lambda: app.current_mode == "partners")
        assert isinstance(app.screen, PartnerRosterScreen)
        await ui.shows(pilot, "Politie eenheid Oost")
        await pilot.press("ctrl+l")
        await ui.until(pilot, lambda: app.current_mode == "locked")
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "locked"
        assert "Politie" not in ui.text(app)


async def test_x_asks_before_deactivating_a_contact_and_reactivates_at_once(profile, network, ui) -> None:
    """Issue 11.10: a single letter that changes data asks first (or can be undone)."""
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        detail = PartnerDetailScreen(network.police.id)
        await app.push_screen(detail)
        await ui.shows(pilot, "Jan de Vries")
        detail.query_one("#detail-contacts", DataTable).focus()
        await pilot.pause()
        await pilot.press("x")
        await ui.shows(pilot, "Contactpersoon deactiveren?")
        await pilot.press("escape")  # no
        await ui.until(pilot, lambda: app.screen is detail)
        assert Contact.get_by_id(network.agent.id).active is True
        await pilot.press("x")
        await ui.shows(pilot, "Contactpersoon deactiveren?")
        await pilot.press("tab", "enter")  # "Deactiveren"
        await ui.until(pilot, lambda: Contact.get_by_id(network.agent.id).active is False)
        detail.query_one("#detail-contacts", DataTable).focus()
        await pilot.pause()
        await pilot.press("x")  # activating again needs no question
        await ui.until(pilot, lambda: Contact.get_by_id(network.agent.id).active is True)
        assert app.screen is detail


async def test_the_import_screen_names_every_broken_row(profile, network, ui, write_csv) -> None:
    path = write_csv(["Organisatie;Privacyconvenant getekend?;Contactpersoon;E-mail",
                      ";ja;Piet;piet@ggz.example", "GGZ Noord;ja;Kees;naam@@domein",
                      "Halt;ja;;"])
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        screen = CsvImportScreen(str(path))
        await app.push_screen(screen)
        shown = await ui.shows(pilot, "Regel 3, kolom 'E-mail': 'naam@@domein' is geen "
                                      "e-mailadres: het bevat twee @-tekens")
        assert "Regel 2, kolom 'Organisatie': de naam van de organisatie ontbreekt." in shown
        assert "onbekende kolom" not in shown
        await pilot.press("t")
        await pilot.pause()
        assert screen.check_action("apply", ()) is None
        assert not Partner.select().where(Partner.name == "Halt").exists()
