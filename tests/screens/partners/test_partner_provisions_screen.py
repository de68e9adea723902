"""The partner detail lists what was given to this partner (the verstrekkingenlog, issue 14.3);
Enter on a verstrekking opens its case."""

from __future__ import annotations

from textual.widgets import DataTable

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.services.partners import provisions

SIZE = (120, 50)


async def test_the_partner_detail_lists_its_verstrekkingen(profile, network, case, ui) -> None:
    provisions.record(case, "plan_partner", partner=network.police, basis="Wet politiegegevens art. 19")
    provisions.record(case, "besluitenlijst")  # to the whole table: not this partner's list
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        detail = PartnerDetailScreen(network.police.id)
        await app.push_screen(detail)
        text = await ui.shows(pilot, "Verstrekkingen aan deze partner (1 verstrekking)")
        assert case.reference in text and "Wet politiegegevens art. 19" in text
        assert "plan van aanpak (versie voor" in text
        table = detail.query_one("#detail-provisions", DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.pause()
        await pilot.press("enter")
        await ui.until(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert app.screen.case_id == case.id


async def test_a_partner_given_nothing_says_so(profile, network, ui) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        await app.push_screen(PartnerDetailScreen(network.ggz.id))
        await ui.shows(pilot, "Verstrekkingen: nog niets aan deze partner verstrekt.")
