"""The partner screens in English (issue 17): the roster and a partner's detail read in English,
with no Dutch-only word on screen beside the glossary's kept terms and what is user data (the
names, functions and notes of the partners and their contacts, case names)."""

from __future__ import annotations

from i18nkit import dutch_words_in, set_language

from zvh_tui.app import ZvhApp
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen

SIZE = (120, 40)
# Texts of other parts of issue 17, not yet English when these tests were written: the app's own
# footer key (app.py) and the attendance summary (services/partners/partner_overview.py). Once
# those are converted these strings no longer occur and can go.


def network_data(network) -> tuple[str, ...]:
    """The partners and contacts of the network fixture, as stored (user data)."""
    return ("Zorg- en Veiligheidshuis", network.police.name, network.ggz.name, network.team.name,
            network.agent.name, network.worker.name, "wijkagent", "wijkteamlid",
            "Bemoeizorg via de GGD", "jan@politie.example", "fatima@wijkteam.example",
            )


async def test_the_roster_in_english(profile, network, ui) -> None:
    set_language("en")
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        screen = PartnerRosterScreen()
        await app.push_screen(screen)
        await ui.until(pilot, lambda: screen.is_mounted and screen.shown is not None)
        await pilot.press("escape", "f", "f")  # to the list; domain criminal justice, then care
        shown = await ui.shows(pilot, "domain: ")
        assert "Partners" in shown and "domain: care" in shown
        for heading in ("Organisation", "Domain", "Covenant", "Contacts", "Cases", "Remark",
                        "Contact", "Function", "Phone", "Availability"):
            assert heading in shown
        assert "all domains" not in shown and "without deactivated" in shown
        assert "Privacy covenant NOT signed" in shown and "Bemoeizorg via de GGD" in shown
        assert "1 organisation of 4 · Enter: details · i: import CSV" in shown
        assert dutch_words_in(shown, allowed=network_data(network)) == [], shown


async def test_a_partner_detail_in_english(profile, network, case, ui) -> None:
    set_language("en")
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await ui.until(pilot, lambda: app.current_mode == app.MAIN_MODE)
        screen = PartnerDetailScreen(network.police.id)
        await app.push_screen(screen)
        shown = await ui.shows(pilot, "Politie eenheid Oost")
        shown = await ui.shows(pilot, "Recent meetings")
        assert "privacy covenant signed" in shown
        assert "Cases (1 running, 0 closed) · Enter opens the case" in shown
        for heading in ("Name", "Function", "Phone", "E-mail", "Availability", "Case", "Phase",
                        "Role", "Contact"):
            assert heading in shown
        assert dutch_words_in(shown, allowed=(*network_data(network), "Testpersoon Een")) == [], shown
