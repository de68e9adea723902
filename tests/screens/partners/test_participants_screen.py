"""Partners at the table of a case: add through the picker, casusregisseur, check op bekendheid."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input

from zvh_tui.app import ZvhApp
from zvh_tui.core.vocab import ParticipantRole
from zvh_tui.screens.partners.participants import CheckDialog, ParticipantsScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.store.models import AuditEvent, DirectorChange, Participant
from zvh_tui.widgets.dialogs import MessageDialog

SIZE = (120, 40)


async def open_table(app: ZvhApp, pilot, ui, case_id: int) -> ParticipantsScreen:
    await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
    screen = ParticipantsScreen(case_id)
    await app.push_screen(screen)
    await ui.until(pilot, lambda: screen.is_mounted and bool(screen.rows))
    return screen


def rows_shown(screen: ParticipantsScreen) -> list[list[str]]:
    table = screen.query_one("#participants-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_add_a_partner_through_the_picker_warns_about_the_convenant(profile, network,
                                                                          case, ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        assert AuditEvent.select().where((AuditEvent.event == "view")
                                         & (AuditEvent.case_id == case.id)).exists()
        await pilot.press("a")
        await ui.shows(pilot, "Partner aan tafel")
        await pilot.press(*"ggz")
        await ui.shows(pilot, "geen convenant")  # the picker marks it too
        await pilot.press("enter")  # choose the first match
        shown = await ui.shows(pilot, "heeft het privacyconvenant niet getekend")
        assert "GGZ Noord FACT-team" in shown
        await pilot.press("enter", "up", "enter")  # the role has the cursor: deelnemer -> casusregisseur
        await pilot.press("f5")
        await ui.until(pilot, lambda: len(screen.rows) == 2)
        assert rows_shown(screen)[1][:3] == ["GGZ Noord FACT-team", "casusregisseur",
                                             "NIET getekend (!)"]
        stored = Participant.get((Participant.case == case.id)
                                 & (Participant.partner == network.ggz.id))
        assert stored.role == ParticipantRole.CASE_DIRECTOR.value
        assert "niet getekend" in ui.notes(app)
        shown = ui.text(app)
        assert "Casusregisseur: GGZ Noord FACT-team" in shown
        assert "1 zonder getekend privacyconvenant" in shown, shown


async def test_picking_nothing_says_what_to_do(profile, network, case, ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await open_table(app, pilot, ui, case.id)
        await pilot.press("a")
        await ui.shows(pilot, "Partner aan tafel")
        await pilot.press(*"xyz", "f5")
        shown = await ui.shows(pilot, "Kies een partner")
        assert "Geen partner gevonden" in shown or "xyz" in shown
        assert Participant.select().where(Participant.case == case.id).count() == 1


async def test_set_casusregisseur_records_each_change(profile, network, case, ui) -> None:
    participants.add_participant(case, network.team.id, contact_id=network.worker.id)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        assert "Nog geen casusregisseur" in ui.text(app)
        await pilot.press("down", "c")  # Wijkteam Zuid
        await ui.until(pilot, lambda: any(r.is_director for r in screen.rows))
        await pilot.press("up", "c")  # now the police
        await ui.until(pilot, lambda: screen.rows[0].is_director)

        directors = [r.partner for r in screen.rows if r.is_director]
        assert directors == ["Politie eenheid Oost"]
        assert cases.director_of(case).partner_id == network.police.id
        assert DirectorChange.select().where(DirectorChange.case == case.id).count() == 2
        shown = ui.text(app)
        assert "Casusregisseur: Politie eenheid Oost · Jan de Vries" in shown
        history = screen.query_one("#participants-history", DataTable)
        assert [str(history.get_row_at(i)[1]) for i in range(history.row_count)] == [
            "Wijkteam Zuid", "Politie eenheid Oost"]
        # the casusregisseur cannot simply lose the role
        await pilot.press("r")
        await ui.shows(pilot, "Rol in de casus")
        await pilot.press("enter", "down", "down", "enter", "f5")  # choose deelnemer
        await ui.shows(pilot, "Wijs eerst een andere casusregisseur aan")
        assert cases.director_of(case).partner_id == network.police.id


async def test_check_op_bekendheid_by_keyboard(profile, network, case, ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        await pilot.press("b")
        await ui.until(pilot, lambda: isinstance(app.screen, CheckDialog))
        await pilot.press("enter", "down", "enter")  # gevraagd -> bekend
        await pilot.press("f5")  # without a grondslag
        await ui.shows(pilot, "Op welke grondslag is de informatie gevraagd")
        assert Participant.get(Participant.case == case.id).check_status == "not_asked"
        dialog = app.screen
        dialog.query_one("#check_basis", Input).value = "convenant ZVH art. 5"
        await pilot.press("enter")
        await ui.until(pilot, lambda: app.screen is screen)
        stored = Participant.get(Participant.case == case.id)
        assert (stored.check_status, stored.check_on, stored.check_basis) == (
            "known", dt.date(2026, 11, 23), "convenant ZVH art. 5")
        assert rows_shown(screen)[0][3:] == ["bekend", "23-11-2026", "convenant ZVH art. 5"]
        assert "grondslag: convenant ZVH art. 5" in ui.text(app)
        assert "1 van 1 partner gevraagd, 1 bekend" in ui.text(app)


async def test_escape_returns_to_the_caller_with_its_callback(profile, network, case, ui) -> None:
    app = ZvhApp(profile)
    returned: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        below = app.screen
        await app.push_screen(ParticipantsScreen(case.id), returned.append)
        await ui.shows(pilot, f"Aan tafel · casus {case.reference}")
        await pilot.press("escape")
        await ui.until(pilot, lambda: app.screen is below)
        assert returned == [None]


async def test_removing_the_casusregisseur_is_refused_before_asking(profile, network, case,
                                                                    ui) -> None:
    participants.add_participant(case, network.team.id, role=ParticipantRole.CASE_DIRECTOR)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        await pilot.press("down", "delete")  # Wijkteam Zuid, the casusregisseur
        shown = await ui.shows(pilot, "De casusregisseur kan niet weg")
        assert isinstance(app.screen, MessageDialog)  # the refusal, not "Van tafel halen?"
        assert "Van tafel halen?" not in shown
        await pilot.press("escape")
        await ui.until(pilot, lambda: app.screen is screen)
        assert Participant.select().where(Participant.case == case.id).count() == 2


async def test_removing_a_member_still_asks_first(profile, network, case, ui) -> None:
    participants.add_participant(case, network.ggz.id)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        await pilot.press("down", "delete")  # GGZ, a deelnemer
        await ui.shows(pilot, "Van tafel halen?")
        await pilot.press("tab", "enter")  # the "Van tafel halen" button
        await ui.until(pilot, lambda: len(screen.rows) == 1)
        assert not Participant.select().where(Participant.partner == network.ggz.id).exists()


async def test_check_op_bekendheid_with_all_partners_in_one_go(profile, network, case,
                                                               ui) -> None:
    participants.add_participant(case, network.ggz.id)
    participants.add_participant(case, network.team.id)
    police = Participant.get((Participant.case == case.id)
                             & (Participant.partner == network.police.id))
    participants.set_check(police, "known", on="20-11-2026", basis="convenant art. 5")
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        await pilot.press("B")
        shown = await ui.shows(pilot, "Check op bekendheid bij alle partners")
        assert "GGZ Noord FACT-team (geen convenant)" in shown
        assert "1 partner heeft het privacyconvenant niet getekend" in shown
        dialog = app.screen
        assert dialog.query_one("#check_basis", Input).value == "convenant art. 5"  # remembered
        await pilot.press("f5")  # two keys for the whole table
        await ui.until(pilot, lambda: app.screen is screen)
        await ui.until(pilot, lambda: all(r.check_status != "not_asked" for r in screen.rows))
        stored = {p.partner_id: (p.check_status, p.check_on, p.check_basis)
                  for p in Participant.select().where(Participant.case == case.id)}
        assert stored == {
            network.police.id: ("known", dt.date(2026, 11, 20), "convenant art. 5"),  # kept
            network.ggz.id: ("asked", dt.date(2026, 11, 23), "convenant art. 5"),
            network.team.id: ("asked", dt.date(2026, 11, 23), "convenant art. 5"),
        }
        assert "3 van 3 partners gevraagd, 1 bekend" in ui.text(app)


async def test_the_single_check_starts_from_the_last_grondslag_and_moves_on(profile, network,
                                                                            case, ui) -> None:
    participants.add_participant(case, network.ggz.id)
    participants.add_participant(case, network.team.id)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_table(app, pilot, ui, case.id)
        await pilot.press("b")
        await ui.until(pilot, lambda: isinstance(app.screen, CheckDialog))
        app.screen.query_one("#check_basis", Input).value = "Wet politiegegevens art. 19"
        await pilot.press("f5")
        await ui.until(pilot, lambda: app.screen is screen and screen.rows[0].check_status
                       == "asked")
        assert screen.current().partner == screen.rows[1].partner  # on to the next one
        await pilot.press("b")
        await ui.until(pilot, lambda: isinstance(app.screen, CheckDialog))
        assert app.screen.query_one("#check_basis", Input).value == "Wet politiegegevens art. 19"
        await pilot.press("escape")  # nothing typed: closes without asking
        await ui.until(pilot, lambda: app.screen is screen)
