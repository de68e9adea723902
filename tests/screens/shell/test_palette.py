"""The command palette (Ctrl+P): find a case or a partner by name or number and open it."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from zvh_tui.app import ZvhApp
from zvh_tui.palette import CaseCommands, PartnerCommands
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.cases.new_case import NewCaseScreen
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases.lifecycle import NewCase, NewPerson
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context, disclosure
from zvh_tui.store.models import AuditEvent, Case, Partner

SIZE = (120, 40)


@pytest.fixture
def world(profile: Profile) -> dict[str, object]:
    """Two running cases, one closed, one with markup in its name, and two partners."""
    context.set_today(dt.date(2026, 11, 23))  # references 2026-000n; reset by the root conftest
    referrer = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    safe_house = partners.create_partner("Veilig Thuis Haaglanden", "zorg", convenant_signed=True)
    partners.add_contact(safe_house, "Sanne Visser")

    def case(person: str, title: str = "") -> Case:
        return cases.create_case(NewCase(
            persons=[NewPerson(name=person, date_of_birth=dt.date(1980, 5, 17))],
            title=title, referrer_partner_id=referrer.id, reason="Overlast en schulden",
        ))

    first = case("Fatima El Amrani", "Familie El Amrani")
    second = case("Pieter Bakker")
    closed = case("Gerrit Oldenkamp")
    cases.close_case(closed, "Hulp loopt via de wijk", retention_years=15)
    markup = case("Rik Zwanenburg", "Zwanenburg [/b] [red]x")
    return {"first": first, "second": second, "closed": closed, "markup": markup,
            "safe_house": safe_house}


def palette_text(app: ZvhApp) -> str:
    """The texts of the palette's hits, one per line (the prompt and its help line)."""
    from textual.command import CommandList

    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(CommandList).options
    return "\n".join(str(option.prompt) for option in options)


async def search(pilot: Pilot, wait_for, text: str, expected: str) -> str:
    """Open the palette, type `text`, wait until a hit containing `expected` is listed."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: CommandPalette.is_open(app) and isinstance(app.screen, CommandPalette))
    await pilot.press(*["space" if ch == " " else ch for ch in text])
    await wait_for(pilot, lambda: expected in palette_text(app))
    return palette_text(app)


async def test_a_persons_name_finds_the_case_and_enter_opens_its_dossier(
    profile: Profile, world, wait_for, screen_text
) -> None:
    first = world["first"]
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        await pilot.press("f3")  # from another area: the palette goes to the cases first
        await wait_for(pilot, lambda: app.current_mode == "partners")
        hits = await search(pilot, wait_for, "amra", "2026-0001 · Familie El Amrani · Aanmelding")
        assert "Bakker" not in hits and "2026-0002" not in hits
        assert "2026-0001 · Familie El Amrani · Aanmelding" in screen_text(app)

        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert app.current_mode == "cases"
        assert app.screen.case_id == first.id
        await wait_for(pilot, lambda: "Familie El Amrani" in screen_text(app))
        events = [e.event for e in AuditEvent.select().where(AuditEvent.case_id == first.id)]
        assert events.count("view") == 1  # the dossier, not the search
        assert not AuditEvent.select().where(AuditEvent.event == "search").exists()


async def test_on_the_projector_switch_a_hit_shows_initials_not_the_name(
    profile: Profile, world, wait_for, screen_text
) -> None:
    disclosure.set_screen(disclosure.Disclosure.MEETING)  # the root conftest sets FULL again
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        hits = await search(pilot, wait_for, "2026-0001", "2026-0001 · F. el A. · Aanmelding")
        assert "Amrani" not in hits and "Amrani" not in screen_text(app)


async def test_reference_finds_one_case_and_closed_cases_are_marked(
    profile: Profile, world, wait_for
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        hits = await search(pilot, wait_for, "2026-0002", "2026-0002 · Pieter Bakker · Aanmelding")
        assert "2026-0001" not in hits
        await pilot.press("escape")
        await wait_for(pilot, lambda: not CommandPalette.is_open(app))

        hits = await search(pilot, wait_for, "oldenkamp", "2026-0003 · Gerrit Oldenkamp (afgesloten)")
        assert "Aanmelding" not in hits.split("2026-0003")[1].splitlines()[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert app.screen.case_id == world["closed"].id


async def test_markup_in_a_case_name_shows_literally(
    profile: Profile, world, wait_for, screen_text
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        await search(pilot, wait_for, "zwanen", "Zwanenburg [/b] [red]x")
        assert "2026-0004 · Zwanenburg [/b] [red]x · Aanmelding" in screen_text(app)


async def test_a_contact_name_finds_the_partner_and_enter_opens_its_page(
    profile: Profile, world, wait_for, screen_text
) -> None:
    safe_house = world["safe_house"]
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        hits = await search(pilot, wait_for, "visser", "Veilig Thuis Haaglanden · contact: Sanne Visser")
        assert "Wijkteam" not in hits
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PartnerDetailScreen))
        assert app.current_mode == "partners"
        assert app.screen.partner_id == safe_house.id
        await wait_for(pilot, lambda: "Sanne Visser" in screen_text(app))


async def test_an_organisation_name_finds_the_partner(
    profile: Profile, world, wait_for
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        hits = await search(pilot, wait_for, "wijkteam", "Wijkteam Noord")
        assert "Veilig Thuis" not in hits
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PartnerDetailScreen))
        assert app.screen.partner_id == Partner.get(Partner.name == "Wijkteam Noord").id


async def test_before_typing_the_palette_offers_new_case_and_the_areas(
    profile: Profile, world, wait_for
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.current_mode == "partners")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: "Nieuwe aanmelding" in palette_text(app)
                       if CommandPalette.is_open(app) and isinstance(app.screen, CommandPalette)
                       else False)
        shown = palette_text(app)
        assert "Casussen" in shown and "Partners" in shown and "Overleggen" in shown
        assert "2026-0001" not in shown  # no client data before anything is typed

        await pilot.press(*"nieuwe")
        await wait_for(pilot, lambda: palette_text(app).startswith("Nieuwe aanmelding"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NewCaseScreen))
        assert app.current_mode == "cases"


async def test_locked_no_palette_and_the_providers_find_nothing(
    profile: Profile, world, wait_for
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        screen = app.screen
        unlocked_hits = [h async for h in CaseCommands(screen).search("amrani")]
        assert any("El Amrani" in str(h.text) for h in unlocked_hits)

        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: not profile.unlocked and app.current_mode == "locked")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert not isinstance(app.screen, CommandPalette)

        for provider in (CaseCommands(app.screen), PartnerCommands(app.screen)):
            assert [h async for h in provider.search("casussen")] == []
            assert [h async for h in provider.search("partners")] == []
            assert [h async for h in provider.discover()] == []


async def test_from_an_open_dossier_the_palette_opens_another_case_on_top(
    profile: Profile, world, wait_for
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.current_mode == "cases")
        await search(pilot, wait_for, "amrani", "2026-0001 · Familie El Amrani")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        first_dossier = app.screen

        await search(pilot, wait_for, "bakker", "2026-0002 · Pieter Bakker")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen)
                       and app.screen.case_id == world["second"].id)
        await pilot.press("escape")  # back to the first dossier, as it was
        await wait_for(pilot, lambda: app.screen is first_dossier)
        assert first_dossier.case_id == world["first"].id
