"""Control characters planted in the database show as visible symbols on every screen that
shows them, and never reach the terminal raw (tests/terminal/test_stored_controls_terminal.py
checks a real terminal's title and clipboard).

`screen_text` is what the widgets drew (before the output guard), so a symbol there proves the
screen went through `visible()`; `terminal_output` is what Textual would write to the terminal.
"""

from __future__ import annotations

import io

import pytest
import safety_helpers as h
from controls_helpers import EVIL, SHOWN, plant, raw_controls
from rich.console import Console
from rich.segment import Segment
from textual.command import CommandList, CommandPalette
from textual.strip import Strip
from textual.widgets import Input

from zvh_tui.app import ZvhApp
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.partners.participants import ParticipantsScreen
from zvh_tui.screens.partners.partner_detail import PartnerDetailScreen
from zvh_tui.screens.partners.partner_form import ContactForm
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case, Contact, Partner
from zvh_tui.widgets import output_guard

SIZE = (160, 50)
CANARY = "Kxq7Scherm"
OSC = "\x1b]"


def terminal_output(app: ZvhApp) -> str:
    """The escape sequences Textual would write for a full repaint of the screen now."""
    console = Console(width=app.size[0], height=app.size[1], file=io.StringIO(),
                      force_terminal=True, color_system="truecolor", legacy_windows=False)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(console)


def assert_written_clean(app: ZvhApp) -> None:
    written = terminal_output(app)
    for bad in (OSC, "\x1b[2J", "\x07", "\x00", "\x85", "\u202e", "\x7f"):
        assert bad not in written, repr(bad)


def assert_clean(app: ZvhApp) -> str:
    shown = h.screen_text(app)
    assert raw_controls(shown) == [], shown
    assert_written_clean(app)
    return shown


@pytest.fixture
def planted(profile: Profile) -> Case:
    case = h.fill_case(CANARY, today=h.TODAY, partner_name=f"Politie {CANARY}")
    assert plant(CANARY) >= 20
    return Case.get_by_id(case.id)


async def test_case_list_dossier_plan_and_participants_show_symbols(
    profile: Profile, planted: Case
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await h.wait_for(pilot, lambda: f"{CANARY}{SHOWN}" in h.screen_text(app))  # detail line
        shown = assert_clean(app)
        assert f"{CANARY}␛]2;" in shown.split("Nummer", 1)[1]  # the table row itself

        app.screen.open_case(planted.id)
        await h.wait_for(pilot, lambda: isinstance(app.screen, DossierScreen) and app.screen.dossier)
        await h.wait_for(pilot, lambda: f"Journaal {CANARY}{SHOWN}" in h.screen_text(app))
        shown = assert_clean(app)
        for text in (f"Casus {planted.reference}  ·  {CANARY}{SHOWN} Naam", f"Aanleiding {CANARY}{SHOWN}",
                     f"Politie {CANARY}{SHOWN}", f"Escalatie {CANARY}{SHOWN}"):
            assert text in shown, text

        await pilot.press("p")
        await h.wait_for(pilot, lambda: isinstance(app.screen, PlanEditorScreen))
        await h.wait_for(pilot, lambda: f"Opgave {CANARY}{SHOWN}" in h.screen_text(app))
        shown = assert_clean(app)
        assert f"Actie {CANARY}{SHOWN}" in shown and f"Afspraak {CANARY}{SHOWN}" in shown
        await pilot.press("escape")
        await h.wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))

        await pilot.press("d")
        await h.wait_for(pilot, lambda: isinstance(app.screen, ParticipantsScreen))
        await h.wait_for(pilot, lambda: f"grondslag {CANARY}{SHOWN}" in h.screen_text(app))
        assert_clean(app)


async def test_palette_partner_pages_and_notifications_show_symbols(
    profile: Profile, planted: Case
) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await h.wait_for(pilot, lambda: app.current_mode == "cases")
        await pilot.press("ctrl+p")
        await h.wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*CANARY[:6])

        def hits() -> str:
            return "\n".join(str(o.prompt) for o in app.screen.query_one(CommandList).options)

        await h.wait_for(pilot, lambda: f"{CANARY}{SHOWN}" in hits())
        assert raw_controls(hits()) == []
        assert_clean(app)
        await pilot.press("escape")
        await h.wait_for(pilot, lambda: not CommandPalette.is_open(app))

        partner = Partner.get(Partner.name.contains(CANARY))
        await app.push_screen(PartnerDetailScreen(partner.id))
        await h.wait_for(pilot, lambda: f"Politie {CANARY}{SHOWN}" in h.screen_text(app))
        assert_clean(app)

        app.notify(f"{partner.name} is weer actief.", title=partner.name, markup=False)
        await h.wait_for(pilot, lambda: len(app._notifications) == 1)
        [note] = app._notifications
        assert (note.message, note.title) == (f"Politie {CANARY}{SHOWN} is weer actief.",
                                              f"Politie {CANARY}{SHOWN}")
        assert_clean(app)


async def test_a_field_filled_with_stored_text_never_writes_it_raw(profile: Profile) -> None:
    """An Input shows its value as it is, so what the user edits is what is stored: the output
    guard keeps the control characters from reaching the terminal, and saving refuses them."""
    partner = h.fill_case(CANARY, today=h.TODAY, partner_name=f"Politie {CANARY}").referrer_partner
    contact = Contact.create(partner=partner, name="Sanne")
    Contact.update(name=f"Sanne{EVIL}").where(Contact.id == contact.id).execute()
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await h.wait_for(pilot, lambda: app.current_mode == "cases")
        await app.push_screen(ContactForm(partner.id, contact.id))
        await h.wait_for(pilot, lambda: isinstance(app.screen, ContactForm))
        field = app.screen.query_one("#name", Input)
        assert field.value == f"Sanne{EVIL}"
        await pilot.pause()
        assert raw_controls(h.screen_text(app))  # the field holds the value as it is…
        assert_written_clean(app)  # …but the terminal never gets it
        field.focus()
        await pilot.press("end", "x", "f5")  # an edit: saving checks the whole name again
        await h.wait_for(pilot, lambda: "stuurteken" in h.screen_text(app))
        assert Contact.get_by_id(contact.id).name == f"Sanne{EVIL}"  # nothing changed silently


def test_the_output_guard_strips_what_a_widget_left_in() -> None:
    output_guard.install()
    assert output_guard.installed()
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor")
    strip = Strip([Segment("ab"), Segment(f"c{EVIL}d", None)])
    width = strip.cell_length
    written = strip.render(console)
    assert written == "abc]2;PWNED]52;c;SElKQUNLRUQ=[2Jd"  # the harmless rest stays
    assert strip.cell_length == width == len(written)  # the layout did not change
    assert Strip([Segment("gewoon [/b] Zoë")]).render(console) == "gewoon [/b] Zoë"
